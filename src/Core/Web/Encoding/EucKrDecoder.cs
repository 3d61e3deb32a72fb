namespace EsRuntime.Web.Encoding;

/// <summary>The standard's EUC-KR decoder (the windows-949 superset, as browsers decode it).</summary>
internal sealed class EucKrDecoder : StepDecoder
{
    private readonly int[] _index = EncodingIndexes.Get("euc-kr");
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
            if (b is >= 0x41 and <= 0xFE)
            {
                var pointer = (lead - 0x81) * 190 + (b - 0x41);
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
