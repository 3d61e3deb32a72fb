using System.Buffers;

namespace EsRuntime.Http;

/// <summary>The outcome of one body-decoding step.</summary>
internal enum BodyStatus { Data, NeedMore, End, Error }

/// <summary>
/// Delimits one message body (RFC 9112 §6, §7): a known length, chunked (chunk extensions checked
/// and ignored, trailer fields checked and dropped), or everything until the connection closes.
/// Data is handed out as slices of the input, never copied. Errors carry a server's status
/// (400 malformed, 413 too large); the client connection reports them as 502.
/// </summary>
internal struct HttpBodyDecoder
{
    private enum Chunk { SizeLine, Data, DataEnd, Trailers, Done }

    private BodyFramingKind _kind;
    private long _remaining;       // of the body (Length) or of the current chunk (Chunked)
    private long _received;
    private long _max;
    private Chunk _chunk;
    private int _examined;
    private HttpFieldSection _trailers;

    public HttpBodyDecoder(BodyFraming framing, long maxBytes)
    {
        _kind = framing.Kind;
        _remaining = framing.Length;
        _max = maxBytes;
    }

    public readonly bool IsDone => _kind switch
    {
        BodyFramingKind.None => true,
        BodyFramingKind.Length => _remaining == 0,
        BodyFramingKind.Chunked => _chunk == Chunk.Done,
        _ => false,
    };

    /// <summary>Bytes the body still has to come when its length is known, else -1.</summary>
    public readonly long KnownRemaining => _kind switch
    {
        BodyFramingKind.None => 0,
        BodyFramingKind.Length => _remaining,
        _ => -1,
    };

    public BodyStatus Read(ref SequenceReader<byte> reader, HttpLimits limits, ref byte[]? scratch, out ReadOnlySequence<byte> data, out HttpError error)
    {
        data = default;
        error = default;
        switch (_kind)
        {
            case BodyFramingKind.None:
                return BodyStatus.End;
            case BodyFramingKind.Length:
                if (_remaining == 0) return BodyStatus.End;
                return Take(ref reader, out data);
            case BodyFramingKind.UntilClose:
                if (reader.End) return BodyStatus.NeedMore;
                data = reader.UnreadSequence;
                reader.AdvanceToEnd();
                return BodyStatus.Data;
            default:
                return ReadChunked(ref reader, limits, ref scratch, out data, out error);
        }
    }

    /// <summary>
    /// Reads (as the sequence overload does) from a connection's buffer, consuming what was used; when more is needed
    /// but the input has ended, what that means (<see cref="AtEof"/>).
    /// </summary>
    public BodyStatus Read(HttpReceiveBuffer buffer, bool eof, HttpLimits limits, ref byte[]? scratch, out ReadOnlySequence<byte> data, out HttpError error)
    {
        var reader = new SequenceReader<byte>(buffer.Sequence);
        var status = Read(ref reader, limits, ref scratch, out data, out error);
        buffer.Consume(reader.Consumed);
        return status == BodyStatus.NeedMore && eof ? AtEof(out error) : status;
    }

    /// <summary>What the end of input means here: the end of a close-delimited body, otherwise a truncated one.</summary>
    public readonly BodyStatus AtEof(out HttpError error)
    {
        error = default;
        if (IsDone || _kind == BodyFramingKind.UntilClose) return BodyStatus.End;
        error = new HttpError(400, "connection closed before the body was complete");
        return BodyStatus.Error;
    }

    private BodyStatus Take(ref SequenceReader<byte> reader, out ReadOnlySequence<byte> data)
    {
        data = default;
        if (reader.End) return BodyStatus.NeedMore;
        var n = Math.Min(_remaining, reader.Remaining);
        data = reader.Sequence.Slice(reader.Position, n);
        reader.Advance(n);
        _remaining -= n;
        return BodyStatus.Data;
    }

    private BodyStatus ReadChunked(ref SequenceReader<byte> reader, HttpLimits limits, ref byte[]? scratch, out ReadOnlySequence<byte> data, out HttpError error)
    {
        data = default;
        error = default;
        while (true)
        {
            switch (_chunk)
            {
                case Chunk.SizeLine:
                    {
                        switch (HttpSyntax.ReadLine(ref reader, limits.MaxChunkLineBytes, ref _examined, ref scratch, out var line))
                        {
                            case LineStatus.NeedMore: return BodyStatus.NeedMore;
                            case LineStatus.TooLong: error = new(413, "chunk extensions too long"); return BodyStatus.Error;
                            case LineStatus.BareCr or LineStatus.BareLf: error = new(400, "bare CR or LF in a chunk size line"); return BodyStatus.Error;
                        }
                        var problem = ParseSizeLine(line, out var size);
                        if (problem is not null) { error = problem.Value; return BodyStatus.Error; }
                        if (size > _max - _received) { error = new(413, "body too large"); return BodyStatus.Error; }
                        _received += size;
                        _remaining = size;
                        _chunk = size == 0 ? Chunk.Trailers : Chunk.Data;
                        break;
                    }
                case Chunk.Data:
                    if (_remaining == 0) { _chunk = Chunk.DataEnd; break; }
                    var status = Take(ref reader, out data);
                    if (status == BodyStatus.Data && _remaining == 0) _chunk = Chunk.DataEnd;
                    return status;
                case Chunk.DataEnd:
                    {
                        if (reader.Remaining < 2)
                        {
                            if (reader.TryPeek(out var first) && first != HttpSyntax.CR) { error = new(400, "chunk data not followed by CRLF"); return BodyStatus.Error; }
                            return BodyStatus.NeedMore;
                        }
                        reader.TryRead(out var cr);
                        reader.TryRead(out var lf);
                        if (cr != HttpSyntax.CR || lf != HttpSyntax.LF) { error = new(400, "chunk data not followed by CRLF"); return BodyStatus.Error; }
                        _chunk = Chunk.SizeLine;
                        break;
                    }
                case Chunk.Trailers:
                    {
                        var status2 = _trailers.Read(ref reader, limits, ref scratch, out var end, out _, out _, out error);
                        if (status2 == ParseStatus.NeedMore) return BodyStatus.NeedMore;
                        if (status2 == ParseStatus.Error) return BodyStatus.Error;
                        if (end) { _chunk = Chunk.Done; return BodyStatus.End; }
                        break;
                    }
                default:
                    return BodyStatus.End;
            }
        }
    }

    /// <summary>
    /// chunk-size [ chunk-ext ]: 1*HEXDIG, then *( BWS ";" BWS token [ BWS "=" BWS ( token / quoted-string ) ] )
    /// (RFC 9112 §7.1.1). Extensions are checked and ignored.
    /// </summary>
    private static HttpError? ParseSizeLine(ReadOnlySpan<byte> line, out long size)
    {
        size = 0;
        var i = 0;
        for (; i < line.Length; i++)
        {
            var d = HttpSyntax.HexValue(line[i]);
            if (d < 0) break;
            if (size > (long.MaxValue >> 4)) return new HttpError(413, "chunk size too large");
            size = (size << 4) | (uint)d;
        }
        if (i == 0) return new HttpError(400, "invalid chunk size");
        while (i < line.Length)
        {
            i = SkipWhitespace(line, i);
            if (i == line.Length || line[i] != ';') return new HttpError(400, "invalid chunk extension");
            i = SkipWhitespace(line, i + 1);
            var nameEnd = TokenEnd(line, i);
            if (nameEnd == i) return new HttpError(400, "invalid chunk extension");
            i = SkipWhitespace(line, nameEnd);
            if (i < line.Length && line[i] == '=')
            {
                i = SkipWhitespace(line, i + 1);
                if (i < line.Length && line[i] == '"')
                {
                    i = QuotedStringEnd(line, i);
                    if (i < 0) return new HttpError(400, "invalid chunk extension");
                }
                else
                {
                    var valueEnd = TokenEnd(line, i);
                    if (valueEnd == i) return new HttpError(400, "invalid chunk extension");
                    i = valueEnd;
                }
            }
        }
        return null;
    }

    private static int SkipWhitespace(ReadOnlySpan<byte> s, int i)
    {
        while (i < s.Length && HttpSyntax.IsWhitespace(s[i])) i++;
        return i;
    }

    private static int TokenEnd(ReadOnlySpan<byte> s, int i)
    {
        var n = s[i..].IndexOfAnyExcept(HttpSyntax.TokenChars);
        return n < 0 ? s.Length : i + n;
    }

    /// <summary>The index after a quoted-string starting at <paramref name="i"/>, or -1 (RFC 9110 §5.6.4).</summary>
    private static int QuotedStringEnd(ReadOnlySpan<byte> s, int i)
    {
        for (i++; i < s.Length; i++)
        {
            var b = s[i];
            if (b == '"') return i + 1;
            if (b == '\\')
            {
                if (++i == s.Length || (s[i] < 0x20 && s[i] != HttpSyntax.HTAB) || s[i] == 0x7F) return -1;
            }
            else if ((b < 0x20 && b != HttpSyntax.HTAB) || b == 0x7F) return -1;
        }
        return -1;
    }
}
