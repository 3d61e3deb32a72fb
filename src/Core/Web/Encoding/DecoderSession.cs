namespace EsRuntime.Web.Encoding;

/// <summary>
/// One TextDecoder stream: the encoding's decoder instance, the fatal flag, and BOM sniffing for
/// UTF-8/UTF-16 (a leading U+FEFF is dropped once, unless ignoreBOM).
/// </summary>
internal sealed class DecoderSession
{
    private static readonly Dictionary<int, SingleByteDecoder> SingleByte = [];

    private readonly StreamDecoder _decoder;
    private readonly bool _fatal;
    private bool _bomPending;

    public DecoderSession(EncodingInfo encoding, bool fatal, bool ignoreBom)
    {
        _decoder = Create(encoding);
        _fatal = fatal;
        _bomPending = !ignoreBom && encoding.Name is "UTF-8" or "UTF-16LE" or "UTF-16BE";
    }

    /// <summary>Decodes one chunk into <paramref name="output"/> (cleared first); false on a fatal error.</summary>
    public bool Run(ReadOnlySpan<byte> input, bool flush, CharSink output)
    {
        output.Clear();
        if (!_decoder.Decode(input, flush, _fatal, output)) return false;
        if (_bomPending && output.Length > 0)
        {
            _bomPending = false;
            if (output.Written[0] == '\uFEFF') output.SkipFirst();
        }
        return true;
    }

    private static StreamDecoder Create(EncodingInfo encoding)
    {
        if (encoding.SingleByte || encoding.Name == "x-user-defined")
        {
            lock (SingleByte)
            {
                if (!SingleByte.TryGetValue(encoding.Id, out var decoder))
                {
                    decoder = encoding.SingleByte ? SingleByteDecoder.FromIndex(EncodingIndexes.Get(SingleByteIndexName(encoding.Name))) : SingleByteDecoder.UserDefined();
                    SingleByte[encoding.Id] = decoder;
                }
                return decoder;
            }
        }
        return encoding.Name switch
        {
            "UTF-8" => new Utf8Decoder(),
            "UTF-16LE" => new Utf16Decoder(bigEndian: false),
            "UTF-16BE" => new Utf16Decoder(bigEndian: true),
            "GBK" or "gb18030" => new Gb18030Decoder(),
            "Big5" => new Big5Decoder(),
            "EUC-JP" => new EucJpDecoder(),
            "ISO-2022-JP" => new Iso2022JpDecoder(),
            "Shift_JIS" => new ShiftJisDecoder(),
            "EUC-KR" => new EucKrDecoder(),
            "replacement" => new ReplacementDecoder(),
            _ => throw new InvalidOperationException($"no decoder for {encoding.Name}"),
        };
    }

    /// <summary>ISO-8859-8-I decodes with the ISO-8859-8 index; every other name is its index's name.</summary>
    private static string SingleByteIndexName(string name) =>
        name == "ISO-8859-8-I" ? "iso-8859-8" : name.ToLowerInvariant();
}
