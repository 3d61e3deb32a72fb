using System.Buffers;

namespace EsRuntime.Http;

/// <summary>
/// Parses one response head (RFC 9112 §4, §5) and decides how its body is delimited (§6.3),
/// given whether the request was HEAD. Interim (1xx) heads are returned like final ones; the
/// client connection skips them. Same limits and field rules as requests; errors carry 502.
/// </summary>
internal sealed class HttpResponseParser(HttpLimits limits)
{
    private enum State { StatusLine, Fields }

    private State _state;
    private int _examined;
    private byte[]? _scratch;
    private int _status;
    private string _reason = "";
    private HttpVersion _version;
    private HttpHeadFields _fields = new();

    public void Reset()
    {
        _state = State.StatusLine;
        _examined = 0;
        _fields = new();
    }

    public ParseStatus Parse(ref SequenceReader<byte> reader, bool requestWasHead, out HttpResponseHead? head, out HttpError error)
    {
        head = null;
        error = default;
        if (_state == State.StatusLine)
        {
            switch (HttpSyntax.ReadLine(ref reader, limits.MaxStartLineBytes, ref _examined, ref _scratch, out var line))
            {
                case LineStatus.NeedMore: return ParseStatus.NeedMore;
                case LineStatus.TooLong: return Fail(out error, "status line too long");
                case LineStatus.BareCr or LineStatus.BareLf: return Fail(out error, "bare CR or LF in the status line");
            }
            if (ParseStatusLine(line, out error) != ParseStatus.Done) return ParseStatus.Error;
            _state = State.Fields;
        }
        var fieldStatus = _fields.Read(ref reader, limits, ref _scratch, out error);
        if (fieldStatus == ParseStatus.Error) error = new(502, error.Reason);
        if (fieldStatus != ParseStatus.Done) return fieldStatus;
        return Finish(requestWasHead, out head, out error);
    }

    /// <summary>HTTP-version SP 3DIGIT SP reason-phrase; a missing " reason" is tolerated (RFC 9112 §4: clients ignore it).</summary>
    private ParseStatus ParseStatusLine(ReadOnlySpan<byte> line, out HttpError error)
    {
        error = default;
        if (line.Length < 12 || line[8] != HttpSyntax.SP) return Fail(out error, "malformed status line");
        if (HttpRequestParser.ParseVersion(line[..8], out _version, out var versionError) != ParseStatus.Done)
        {
            return Fail(out error, versionError.Reason);
        }
        var code = line.Slice(9, 3);
        if (!char.IsAsciiDigit((char)code[0]) || !char.IsAsciiDigit((char)code[1]) || !char.IsAsciiDigit((char)code[2]) || code[0] == '0')
        {
            return Fail(out error, "malformed status code");
        }
        _status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
        var reason = line[12..];
        if (reason.Length > 0)
        {
            if (reason[0] != HttpSyntax.SP) return Fail(out error, "malformed status line");
            reason = reason[1..];
            if (reason.ContainsAny(HttpSyntax.FieldValueForbidden)) return Fail(out error, "control character in the reason phrase");
        }
        _reason = HttpKnownNames.ReasonFrom(_status, reason);
        return ParseStatus.Done;
    }

    private ParseStatus Finish(bool requestWasHead, out HttpResponseHead? head, out HttpError error)
    {
        head = null;
        error = default;
        var f = _fields.Facts;
        if (f.CheckLengthFields() is { } lengthError) return Fail(out error, lengthError.Reason);
        var http11 = _version == HttpVersion.Http11;
        BodyFraming framing;
        var keepAlive = !f.Close && (http11 || f.KeepAlive);
        if (requestWasHead || _status < 200 || _status is 204 or 304) framing = BodyFraming.None;
        else if (f.TransferEncodingCount > 0)
        {
            // §6.3 rule 4: a response whose final coding is not chunked runs to the close. A coding
            // other than chunked would have to be decoded before the content: not supported.
            if (f.OtherCoding) return Fail(out error, "unsupported transfer coding");
            framing = f.ChunkedLast ? BodyFraming.Chunked : BodyFraming.UntilClose;
        }
        else if (f.ContentLengthCount > 0) framing = BodyFraming.OfLength(f.ContentLength);
        else framing = BodyFraming.UntilClose;
        if (framing.Kind == BodyFramingKind.UntilClose) keepAlive = false;
        head = new HttpResponseHead
        {
            Status = _status,
            Reason = _reason,
            Version = _version,
            Fields = _fields.List,
            Framing = framing,
            KeepAlive = keepAlive,
        };
        Reset();
        return ParseStatus.Done;
    }

    private static ParseStatus Fail(out HttpError error, string reason)
    {
        error = new HttpError(502, reason);
        return ParseStatus.Error;
    }
}
