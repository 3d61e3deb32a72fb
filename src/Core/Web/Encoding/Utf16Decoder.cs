namespace EsRuntime.Web.Encoding;

/// <summary>
/// The standard's shared UTF-16 decoder (UTF-16LE and UTF-16BE). Prepending the two bytes of a code
/// unit that did not complete a surrogate pair yields that same code unit again, so it is reprocessed
/// directly instead of through a byte queue.
/// </summary>
internal sealed class Utf16Decoder(bool bigEndian) : StreamDecoder
{
    private int _leadByte = -1, _leadSurrogate = -1;

    public override bool Decode(ReadOnlySpan<byte> input, bool flush, bool fatal, CharSink output)
    {
        var span = output.Reserve(input.Length / 2 + 4);
        var n = 0;
        foreach (var b in input)
        {
            if (_leadByte < 0)
            {
                _leadByte = b;
                continue;
            }
            var unit = bigEndian ? (_leadByte << 8) | b : (b << 8) | _leadByte;
            _leadByte = -1;
            if (_leadSurrogate >= 0)
            {
                var lead = _leadSurrogate;
                _leadSurrogate = -1;
                if (unit is >= 0xDC00 and <= 0xDFFF)
                {
                    span[n++] = (char)lead;
                    span[n++] = (char)unit;
                    continue;
                }
                if (fatal) return Fail(output, n);
                span[n++] = '\uFFFD';
            }
            if (unit is >= 0xD800 and <= 0xDBFF) _leadSurrogate = unit;
            else if (unit is >= 0xDC00 and <= 0xDFFF)
            {
                if (fatal) return Fail(output, n);
                span[n++] = '\uFFFD';
            }
            else span[n++] = (char)unit;
        }
        output.Length += n;
        if (flush && (_leadByte >= 0 || _leadSurrogate >= 0))
        {
            _leadByte = _leadSurrogate = -1;
            if (fatal) return false;
            output.Append(0xFFFD);
        }
        return true;
    }

    private static bool Fail(CharSink output, int written)
    {
        output.Length += written;
        return false;
    }
}
