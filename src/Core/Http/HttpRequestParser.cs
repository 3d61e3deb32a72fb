using System.Buffers;

namespace EsRuntime.Http;

/// <summary>
/// Parses one request head (RFC 9112 §3, §5) from a <see cref="SequenceReader{T}"/>: call
/// <see cref="Parse"/> as bytes arrive; it consumes complete lines only and keeps its place between
/// calls, so a head may arrive split anywhere. Errors carry the status the server answers with.
/// </summary>
internal sealed class HttpRequestParser(HttpLimits limits)
{
    private enum State { StartLine, Fields }

    private State _state;
    private int _leadingBytes;
    private int _examined;
    private byte[]? _scratch;
    private string _method = "", _target = "";
    private HttpVersion _version;
    private HttpHeadFields _fields = new();

    /// <summary>Whether any byte of a request head has been consumed or examined.</summary>
    public bool InProgress => _state != State.StartLine || _leadingBytes > 0 || _examined > 0;

    public void Reset()
    {
        _state = State.StartLine;
        _leadingBytes = _examined = 0;
        _fields = new();
    }

    public ParseStatus Parse(ref SequenceReader<byte> reader, out HttpRequestHead? head, out HttpError error)
    {
        head = null;
        error = default;
        if (_state == State.StartLine)
        {
            var status = ParseStartLine(ref reader, out error);
            if (status != ParseStatus.Done) return status;
            _state = State.Fields;
        }
        var fieldStatus = _fields.Read(ref reader, limits, ref _scratch, out error);
        if (fieldStatus != ParseStatus.Done) return fieldStatus;
        return Finish(out head, out error);
    }

    private ParseStatus ParseStartLine(ref SequenceReader<byte> reader, out HttpError error)
    {
        error = default;
        while (true)
        {
            var budget = limits.MaxStartLineBytes - _leadingBytes;
            var line = default(ReadOnlySpan<byte>);
            var status = budget < 0 ? LineStatus.TooLong : HttpSyntax.ReadLine(ref reader, budget, ref _examined, ref _scratch, out line);
            switch (status)
            {
                case LineStatus.NeedMore:
                    return CheckPartialMethod(reader, out error);
                case LineStatus.TooLong:
                    error = TooLong(reader);
                    return ParseStatus.Error;
                case LineStatus.BareCr or LineStatus.BareLf:
                    error = new(400, "bare CR or LF in the request line");
                    return ParseStatus.Error;
            }
            if (line.Length > 0) return ParseRequestLine(line, out error);
            // Empty lines before a request line are ignored (RFC 9112 §2.2), within the line's budget.
            _leadingBytes += 2;
        }
    }

    /// <summary>Refuses at once a partial line whose method already holds a non-token byte (say, a TLS hello).</summary>
    private static ParseStatus CheckPartialMethod(SequenceReader<byte> reader, out HttpError error)
    {
        error = default;
        var first = true;
        foreach (var segment in reader.UnreadSequence)
        {
            var span = segment.Span;
            if (span.Length == 0) continue;
            var end = span.IndexOfAny(HttpSyntax.SP, HttpSyntax.CR);
            var method = end < 0 ? span : span[..end];
            // A CR here is the start of a line end still waiting for its LF.
            if (method.ContainsAnyExcept(HttpSyntax.TokenChars) || (first && end == 0 && span[0] == HttpSyntax.SP))
            {
                error = new(400, "malformed request line");
                return ParseStatus.Error;
            }
            if (end >= 0) break;
            first = false;
        }
        return ParseStatus.NeedMore;
    }

    /// <summary>
    /// A request line past the limit: 414 when the method has ended (the target is what is long,
    /// RFC 9112 §3), 501 when even the method has not (RFC 9112 §3: a method longer than any implemented).
    /// </summary>
    private HttpError TooLong(SequenceReader<byte> reader)
    {
        var n = (int)Math.Min(reader.Remaining, limits.MaxStartLineBytes);
        var look = reader.UnreadSpan;
        if (look.Length >= n) look = look[..n];
        else
        {
            if (_scratch is null || _scratch.Length < n) _scratch = new byte[n];
            reader.UnreadSequence.Slice(0, n).CopyTo(_scratch);
            look = _scratch.AsSpan(0, n);
        }
        var sp = look.IndexOf(HttpSyntax.SP);
        var method = sp < 0 ? look : look[..sp];
        if (sp == 0 || method.IndexOfAnyExcept(HttpSyntax.TokenChars) >= 0) return new(400, "malformed request line");
        return sp < 0 ? new(501, "method too long") : new(414, "request target too long");
    }

    private ParseStatus ParseRequestLine(ReadOnlySpan<byte> line, out HttpError error)
    {
        error = default;
        var sp1 = line.IndexOf(HttpSyntax.SP);
        if (sp1 <= 0) return Fail(out error, 400, "malformed request line");
        var method = line[..sp1];
        if (!HttpSyntax.IsToken(method)) return Fail(out error, 400, "invalid character in the method");
        var rest = line[(sp1 + 1)..];
        var sp2 = rest.IndexOf(HttpSyntax.SP);
        if (sp2 < 0) return Fail(out error, 400, "request line without an HTTP version");
        var target = rest[..sp2];
        if (target.Length == 0) return Fail(out error, 400, "empty request target");
        if (target.ContainsAnyExcept(HttpSyntax.TargetChars)) return Fail(out error, 400, "invalid character in the request target");
        var versionStatus = ParseVersion(rest[(sp2 + 1)..], out _version, out error);
        if (versionStatus != ParseStatus.Done) return versionStatus;
        _method = HttpKnownNames.Method(method);
        if (ReferenceEquals(_method, HttpKnownNames.Connect)) return Fail(out error, 501, "CONNECT is not supported");
        if (target[0] == '*')
        {
            if (target.Length != 1 || !ReferenceEquals(_method, HttpKnownNames.Options)) return Fail(out error, 400, "asterisk-form target outside OPTIONS");
        }
        else if (target[0] != '/' && !IsAbsoluteForm(target))
        {
            return Fail(out error, 400, "request target is neither origin-form nor absolute-form");
        }
        _target = HttpSyntax.Latin1(target);
        return ParseStatus.Done;
    }

    /// <summary>"HTTP/" DIGIT "." DIGIT, case-sensitive (RFC 9112 §2.3); a major version other than 1 is 505.</summary>
    internal static ParseStatus ParseVersion(ReadOnlySpan<byte> v, out HttpVersion version, out HttpError error)
    {
        version = HttpVersion.Http11;
        error = default;
        if (v.Length != 8 || !v.StartsWith("HTTP/"u8) || !char.IsAsciiDigit((char)v[5]) || v[6] != '.' || !char.IsAsciiDigit((char)v[7]))
        {
            return Fail(out error, 400, "malformed HTTP version");
        }
        if (v[5] != '1') return Fail(out error, 505, "only HTTP/1.x is supported");
        version = v[7] == '0' ? HttpVersion.Http10 : HttpVersion.Http11;
        return ParseStatus.Done;
    }

    private static bool IsAbsoluteForm(ReadOnlySpan<byte> target)
    {
        var colon = target.IndexOf((byte)':');
        if (colon <= 0 || !char.IsAsciiLetter((char)target[0])) return false;
        foreach (var b in target[..colon])
        {
            if (!char.IsAsciiLetterOrDigit((char)b) && b is not ((byte)'+' or (byte)'-' or (byte)'.')) return false;
        }
        return true;
    }

    private ParseStatus Finish(out HttpRequestHead? head, out HttpError error)
    {
        head = null;
        error = default;
        var f = _fields.Facts;
        var http11 = _version == HttpVersion.Http11;
        if (f.TransferEncodingCount > 0 && !http11) return Fail(out error, 400, "Transfer-Encoding in an HTTP/1.0 request");
        if (f.CheckLengthFields() is { } lengthError) { error = lengthError; return ParseStatus.Error; }
        if (f.TransferEncodingCount > 0)
        {
            // RFC 9112 §6.3: a request whose final coding is not chunked cannot be delimited (400);
            // §6.1: a coding the server does not implement is 501.
            if (!f.ChunkedLast) return Fail(out error, 400, "chunked is not the final transfer coding");
            if (f.OtherCoding) return Fail(out error, 501, "unsupported transfer coding");
        }
        if (f.ContentLength > limits.MaxBodyBytes) return Fail(out error, 413, "request body too large");
        if (f.HostCount > 1) return Fail(out error, 400, "more than one Host");
        if (f.HostCount == 0 && http11) return Fail(out error, 400, "HTTP/1.1 request without Host");
        if (f.HostInvalid) return Fail(out error, 400, "invalid Host");
        head = new HttpRequestHead
        {
            Method = _method,
            Target = _target,
            Version = _version,
            Fields = _fields.List,
            ContentLength = f.ContentLength,
            Chunked = f.TransferEncodingCount > 0,
            KeepAlive = !f.Close && (http11 || f.KeepAlive),
            ExpectsContinue = http11 && f.ExpectsContinue,
            Upgrade = http11 && f.ConnectionUpgrade ? f.Upgrade : null,
        };
        Reset();
        return ParseStatus.Done;
    }

    private static ParseStatus Fail(out HttpError error, int status, string reason)
    {
        error = new HttpError(status, reason);
        return ParseStatus.Error;
    }
}
