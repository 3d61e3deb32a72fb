namespace EsRuntime.Web.Encoding;

/// <summary>The standard's gb18030 decoder (also gbk's): one, two and four-byte sequences.</summary>
internal sealed class Gb18030Decoder : StepDecoder
{
    private readonly int[] _index = EncodingIndexes.Get("gb18030");
    private int _first, _second, _third;

    protected override int Handle(int b, CharSink output)
    {
        if (b == EndOfQueue)
        {
            if (_first == 0 && _second == 0 && _third == 0) return Finished;
            _first = _second = _third = 0;
            return Error;
        }
        if (_third != 0)
        {
            if (b is < 0x30 or > 0x39)
            {
                Prepend(_second, _third, b);
                _first = _second = _third = 0;
                return Error;
            }
            var pointer = (_first - 0x81) * (10 * 126 * 10) + (_second - 0x30) * (10 * 126) + (_third - 0x81) * 10 + b - 0x30;
            _first = _second = _third = 0;
            var cp = EncodingIndexes.Gb18030RangesCodePoint(pointer);
            return cp == EncodingIndexes.None ? Error : cp;
        }
        if (_second != 0)
        {
            if (b is >= 0x81 and <= 0xFE)
            {
                _third = b;
                return Continue;
            }
            Prepend(_second, b);
            _first = _second = 0;
            return Error;
        }
        if (_first != 0)
        {
            if (b is >= 0x30 and <= 0x39)
            {
                _second = b;
                return Continue;
            }
            var lead = _first;
            _first = 0;
            var offset = b < 0x7F ? 0x40 : 0x41;
            if (b is >= 0x40 and <= 0x7E or >= 0x80 and <= 0xFE)
            {
                var pointer = (lead - 0x81) * 190 + (b - offset);
                var cp = pointer < _index.Length ? _index[pointer] : EncodingIndexes.None;
                if (cp != EncodingIndexes.None) return cp;
            }
            if (IsAscii(b)) Prepend(b);
            return Error;
        }
        if (IsAscii(b)) return b;
        if (b == 0x80) return 0x20AC;
        if (b is >= 0x81 and <= 0xFE)
        {
            _first = b;
            return Continue;
        }
        return Error;
    }
}
