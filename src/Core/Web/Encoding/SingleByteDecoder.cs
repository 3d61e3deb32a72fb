namespace EsRuntime.Web.Encoding;

/// <summary>
/// Single-byte decoders: ASCII as is, 0x80–0xFF through a 128-entry table (the legacy single-byte
/// indexes, or x-user-defined's U+F780 + byte − 0x80). Stateless, so one instance per encoding is shared.
/// </summary>
internal sealed class SingleByteDecoder : StreamDecoder
{
    private readonly char[] _high = new char[128];
    private readonly bool[] _unmapped = new bool[128];
    private readonly bool _complete = true;

    private SingleByteDecoder(Func<int, int> high)
    {
        for (var i = 0; i < 128; i++)
        {
            var cp = high(i);
            _unmapped[i] = cp == EncodingIndexes.None;
            _high[i] = _unmapped[i] ? '\uFFFD' : (char)cp;
            if (_unmapped[i]) _complete = false;
        }
    }

    public static SingleByteDecoder FromIndex(int[] index) =>
        new(i => i < index.Length ? index[i] : EncodingIndexes.None);

    public static SingleByteDecoder UserDefined() => new(i => 0xF780 + i);

    public override bool Decode(ReadOnlySpan<byte> input, bool flush, bool fatal, CharSink output)
    {
        var span = output.Reserve(input.Length);
        for (var i = 0; i < input.Length; i++)
        {
            var b = input[i];
            if (b < 0x80) span[i] = (char)b;
            else
            {
                if (fatal && !_complete && _unmapped[b - 0x80])
                {
                    output.Length += i;
                    return false;
                }
                span[i] = _high[b - 0x80];
            }
        }
        output.Length += input.Length;
        return true;
    }
}
