namespace EsRuntime.Web.Encoding;

/// <summary>The standard's EUC-JP decoder: JIS X 0208, half-width katakana (0x8E) and JIS X 0212 (0x8F).</summary>
internal sealed class EucJpDecoder : StepDecoder
{
    private readonly int[] _jis0208 = EncodingIndexes.Get("jis0208");
    private readonly int[] _jis0212 = EncodingIndexes.Get("jis0212");
    private bool _jis0212Flag;
    private int _lead;

    protected override int Handle(int b, CharSink output)
    {
        if (b == EndOfQueue)
        {
            if (_lead == 0) return Finished;
            _lead = 0;
            return Error;
        }
        if (_lead == 0x8E && b is >= 0xA1 and <= 0xDF)
        {
            _lead = 0;
            return 0xFF61 - 0xA1 + b;
        }
        if (_lead == 0x8F && b is >= 0xA1 and <= 0xFE)
        {
            _jis0212Flag = true;
            _lead = b;
            return Continue;
        }
        if (_lead != 0)
        {
            var lead = _lead;
            _lead = 0;
            var cp = EncodingIndexes.None;
            if (lead is >= 0xA1 and <= 0xFE && b is >= 0xA1 and <= 0xFE)
            {
                var index = _jis0212Flag ? _jis0212 : _jis0208;
                var pointer = (lead - 0xA1) * 94 + b - 0xA1;
                if (pointer < index.Length) cp = index[pointer];
            }
            _jis0212Flag = false;
            if (cp != EncodingIndexes.None) return cp;
            if (IsAscii(b)) Prepend(b);
            return Error;
        }
        if (IsAscii(b)) return b;
        if (b is 0x8E or 0x8F or >= 0xA1 and <= 0xFE)
        {
            _lead = b;
            return Continue;
        }
        return Error;
    }
}
