namespace EsRuntime.Web.Encoding;

/// <summary>The standard's Shift_JIS decoder (JIS X 0208 index, with its user-defined area as PUA).</summary>
internal sealed class ShiftJisDecoder : StepDecoder
{
    private readonly int[] _index = EncodingIndexes.Get("jis0208");
    private int _lead;

    protected override int Handle(int b, CharSink output)
    {
        if (b == EndOfQueue)
        {
            if (_lead == 0) return Finished;
            _lead = 0;
            return Error;
        }
        if (_lead != 0)
        {
            var lead = _lead;
            _lead = 0;
            var offset = b < 0x7F ? 0x40 : 0x41;
            var leadOffset = lead < 0xA0 ? 0x81 : 0xC1;
            if (b is >= 0x40 and <= 0x7E or >= 0x80 and <= 0xFC)
            {
                var pointer = (lead - leadOffset) * 188 + b - offset;
                if (pointer is >= 8836 and <= 10715) return 0xE000 - 8836 + pointer;
                var cp = pointer < _index.Length ? _index[pointer] : EncodingIndexes.None;
                if (cp != EncodingIndexes.None) return cp;
            }
            if (IsAscii(b)) Prepend(b);
            return Error;
        }
        if (IsAscii(b) || b == 0x80) return b;
        if (b is >= 0xA1 and <= 0xDF) return 0xFF61 - 0xA1 + b;
        if (b is >= 0x81 and <= 0x9F or >= 0xE0 and <= 0xFC)
        {
            _lead = b;
            return Continue;
        }
        return Error;
    }
}
