using System.Buffers;
using System.Text.Unicode;

namespace EsRuntime.Web.Encoding;

/// <summary>
/// The standard's UTF-8 decoder. The bulk goes through the vectorized <see cref="Utf8.ToUtf16"/>, whose
/// replacement follows the same "maximal subpart" rule as the standard; only a sequence split across
/// chunks runs through the spec's byte state machine.
/// </summary>
internal sealed class Utf8Decoder : StreamDecoder
{
    private int _codePoint, _bytesSeen, _bytesNeeded;
    private int _lower = 0x80, _upper = 0xBF;

    public override bool Decode(ReadOnlySpan<byte> input, bool flush, bool fatal, CharSink output)
    {
        var i = 0;
        // Finish a sequence the previous chunk left open.
        while (_bytesNeeded != 0 && i < input.Length)
        {
            if (!Step(input[i], output, out var consumed))
            {
                if (fatal) return false;
                output.Append(0xFFFD);
            }
            if (consumed) i++;
        }

        if (i < input.Length)
        {
            var rest = input[i..];
            var status = Utf8.ToUtf16(rest, output.Reserve(rest.Length), out var read, out var written,
                replaceInvalidSequences: !fatal, isFinalBlock: flush);
            output.Length += written;
            if (status == OperationStatus.InvalidData) return false;
            // An incomplete sequence at the end: keep it as state for the next chunk.
            for (var k = read; k < rest.Length; k++)
                Step(rest[k], output, out _);
        }

        if (flush && _bytesNeeded != 0)
        {
            _bytesNeeded = 0;
            if (fatal) return false;
            output.Append(0xFFFD);
        }
        return true;
    }

    /// <summary>One byte of the spec's UTF-8 decoder; false on error, <paramref name="consumed"/> false when the byte must be reprocessed.</summary>
    private bool Step(byte b, CharSink output, out bool consumed)
    {
        consumed = true;
        if (_bytesNeeded == 0)
        {
            switch (b)
            {
                case <= 0x7F:
                    output.Append(b);
                    return true;
                case >= 0xC2 and <= 0xDF:
                    _bytesNeeded = 1;
                    _codePoint = b & 0x1F;
                    return true;
                case >= 0xE0 and <= 0xEF:
                    if (b == 0xE0) _lower = 0xA0;
                    if (b == 0xED) _upper = 0x9F;
                    _bytesNeeded = 2;
                    _codePoint = b & 0xF;
                    return true;
                case >= 0xF0 and <= 0xF4:
                    if (b == 0xF0) _lower = 0x90;
                    if (b == 0xF4) _upper = 0x8F;
                    _bytesNeeded = 3;
                    _codePoint = b & 0x7;
                    return true;
                default:
                    return false;
            }
        }
        if (b < _lower || b > _upper)
        {
            _codePoint = _bytesNeeded = _bytesSeen = 0;
            _lower = 0x80;
            _upper = 0xBF;
            consumed = false;
            return false;
        }
        _lower = 0x80;
        _upper = 0xBF;
        _codePoint = (_codePoint << 6) | (b & 0x3F);
        if (++_bytesSeen != _bytesNeeded) return true;
        output.Append(_codePoint);
        _codePoint = _bytesNeeded = _bytesSeen = 0;
        return true;
    }
}
