namespace EsRuntime.Web.Encoding;

/// <summary>The standard's Big5 decoder, with its four pointers that decode to two code points.</summary>
internal sealed class Big5Decoder : StepDecoder
{
    private readonly int[] _index = EncodingIndexes.Get("big5");
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
            var offset = b < 0x7F ? 0x40 : 0x62;
            if (b is >= 0x40 and <= 0x7E or >= 0xA1 and <= 0xFE)
            {
                var pointer = (lead - 0x81) * 157 + (b - offset);
                switch (pointer)
                {
                    case 1133: output.Append(0x00CA); return 0x0304;
                    case 1135: output.Append(0x00CA); return 0x030C;
                    case 1164: output.Append(0x00EA); return 0x0304;
                    case 1166: output.Append(0x00EA); return 0x030C;
                }
                var cp = pointer < _index.Length ? _index[pointer] : EncodingIndexes.None;
                if (cp != EncodingIndexes.None) return cp;
            }
            if (IsAscii(b)) Prepend(b);
            return Error;
        }
        if (IsAscii(b)) return b;
        if (b is >= 0x81 and <= 0xFE)
        {
            _lead = b;
            return Continue;
        }
        return Error;
    }
}
