using System.Buffers;

namespace EsRuntime.Http;

/// <summary>What <see cref="HttpServerConnection.CheckTimeouts"/> tells the caller to do.</summary>
internal enum HttpTimeoutAction
{
    None,
    /// <summary>The connection sat idle too long: close it without a response.</summary>
    Close,
    /// <summary>A request head did not arrive in time: write the error response (408), then close.</summary>
    RequestTimeout,
}

/// <summary>
/// The server side of one HTTP/1.1 connection, with no I/O and no clock: the caller feeds received
/// bytes (<see cref="Receive"/>, <see cref="ReceiveEof"/>), takes events from <see cref="Next"/>
/// (request head, body slices, end, error, closed) and writes the response through
/// <see cref="BeginResponse"/>, <see cref="WriteBody"/> and <see cref="EndResponse"/>.
/// Pipelined requests stay in the buffer and are surfaced one at a time: the next head only after
/// the current response ended and the current request's body was read. A body that is still
/// arriving when its response ends is read and dropped (within <see cref="HttpLimits.MaxDiscardBodyBytes"/>);
/// no more events are yielded for it. Times are the caller's loop milliseconds.
/// </summary>
internal sealed class HttpServerConnection : IDisposable
{
    private enum Phase { Head, Body, Waiting, Closed }
    private enum Response { None, Started, Ended }

    private readonly HttpLimits _limits;
    private readonly HttpReceiveBuffer _buffer = new();
    private readonly HttpRequestParser _parser;
    private readonly HttpDateCache _date = new();
    private byte[]? _scratch;

    private Phase _phase;
    private bool _eof;
    private HttpRequestHead? _request;
    private HttpBodyDecoder _body;
    private bool _endPending;
    private bool _discarding;
    private long _discarded;

    private Response _response;
    private HttpBodyEncoder _encoder;
    private bool _keepAlive;
    private bool _continueSent;

    private long _now;
    private long _phaseSince;   // when the connection last became ready for a new request
    private long _headSince;    // when the first byte of the current head was there

    public HttpServerConnection(HttpLimits limits, long nowMs)
    {
        _limits = limits;
        _parser = new HttpRequestParser(limits);
        _now = _phaseSince = _headSince = nowMs;
    }

    /// <summary>
    /// The wall-clock time (Unix ms) the Date field shows, when the caller's loop milliseconds are not
    /// wall time (a monotonic clock); null: <c>nowMs</c> is wall time.
    /// </summary>
    public long? WallClockMs { get; set; }

    /// <summary>The request being read or answered (null between requests).</summary>
    public HttpRequestHead? Request => _request;

    /// <summary>Whether a response to the current request has been started (an error response can no longer be written).</summary>
    public bool ResponseStarted => _response != Response.None;

    /// <summary>False once the connection is finished: the caller closes the socket after flushing what was written.</summary>
    public bool IsOpen => _phase != Phase.Closed;

    /// <summary>Whether the caller should keep reading from the socket (false while enough is buffered, or once closed).</summary>
    public bool WantsInput => _phase != Phase.Closed && !_eof && _buffer.Length < _limits.MaxBufferedBytes;

    /// <summary>
    /// When <see cref="CheckTimeouts"/> next has something to do, in the caller's milliseconds
    /// (<see cref="long.MaxValue"/>: no timer runs while a request is read or answered).
    /// </summary>
    public long Deadline => _phase != Phase.Head ? long.MaxValue
        : HeadStarted ? Saturate(_headSince, _limits.HeaderTimeoutMs) : Saturate(_phaseSince, _limits.IdleTimeoutMs);

    private bool HeadStarted => _buffer.Length > 0 || _parser.InProgress;

    private static long Saturate(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    public void Receive(ReadOnlySpan<byte> data, long nowMs)
    {
        _now = nowMs;
        if (_phase == Phase.Closed || _eof || data.Length == 0) return;
        if (_phase == Phase.Head && !HeadStarted) _headSince = nowMs;
        _buffer.Append(data);
    }

    /// <summary>The peer closed its sending side.</summary>
    public void ReceiveEof() => _eof = true;

    /// <summary>The next event. <see cref="HttpEventKind.Body"/> data is valid until the next <see cref="Receive"/>.</summary>
    public HttpEvent<HttpRequestHead> Next()
    {
        while (true)
        {
            switch (_phase)
            {
                case Phase.Closed:
                    return HttpEvent<HttpRequestHead>.Closed;
                case Phase.Waiting:
                    return HttpEvent<HttpRequestHead>.None;
                case Phase.Head:
                    return NextHead();
                default:
                    if (_discarding)
                    {
                        if (!Discard()) return _phase == Phase.Closed ? HttpEvent<HttpRequestHead>.Closed : HttpEvent<HttpRequestHead>.None;
                        break;
                    }
                    if (_endPending)
                    {
                        _endPending = false;
                        return EndOfRequestBody();
                    }
                    return NextBody();
            }
        }
    }

    private HttpEvent<HttpRequestHead> NextHead()
    {
        var reader = new SequenceReader<byte>(_buffer.Sequence);
        var status = _parser.Parse(ref reader, out var head, out var error);
        _buffer.Consume(reader.Consumed);
        switch (status)
        {
            case ParseStatus.Error:
                return Fail(error);
            case ParseStatus.NeedMore:
                if (!_eof) return HttpEvent<HttpRequestHead>.None;
                if (HeadStarted) return Fail(new HttpError(400, "connection closed before the request head was complete"));
                _phase = Phase.Closed;
                return HttpEvent<HttpRequestHead>.Closed;
        }
        _request = head!;
        _body = new HttpBodyDecoder(head!.Framing, _limits.MaxBodyBytes);
        _response = Response.None;
        _continueSent = false;
        _discarding = false;
        _discarded = 0;
        _phase = Phase.Body;
        _endPending = _body.IsDone;
        return HttpEvent<HttpRequestHead>.OfHead(head);
    }

    private HttpEvent<HttpRequestHead> NextBody() =>
        _body.Read(_buffer, _eof, _limits, ref _scratch, out var data, out var error) switch
        {
            BodyStatus.Data => HttpEvent<HttpRequestHead>.OfBody(data),
            BodyStatus.End => EndOfRequestBody(),
            BodyStatus.Error => Fail(error),
            _ => HttpEvent<HttpRequestHead>.None,
        };

    private HttpEvent<HttpRequestHead> EndOfRequestBody()
    {
        if (_response == Response.Ended) BeginNextRequest();
        else _phase = Phase.Waiting;
        return HttpEvent<HttpRequestHead>.End;
    }

    /// <summary>Reads and drops the rest of a body whose response has ended; true once it is gone.</summary>
    private bool Discard()
    {
        while (true)
        {
            var status = _body.Read(_buffer, _eof, _limits, ref _scratch, out var data, out _);
            _discarded += data.Length;
            if (status == BodyStatus.End) { BeginNextRequest(); return true; }
            if (status == BodyStatus.Error || _discarded > _limits.MaxDiscardBodyBytes)
            {
                _phase = Phase.Closed;
                return false;
            }
            if (status == BodyStatus.NeedMore) return false;
        }
    }

    private void BeginNextRequest()
    {
        _request = null;
        _response = Response.None;
        _discarding = _endPending = false;
        _phase = Phase.Head;
        _phaseSince = _headSince = _now;
    }

    private HttpEvent<HttpRequestHead> Fail(HttpError error)
    {
        _phase = Phase.Closed;
        return HttpEvent<HttpRequestHead>.OfError(error);
    }

    /// <summary>Says whether a timer ran out at <paramref name="nowMs"/>; the connection is closed when it did.</summary>
    public HttpTimeoutAction CheckTimeouts(long nowMs)
    {
        _now = nowMs;
        if (nowMs < Deadline) return HttpTimeoutAction.None;
        var started = HeadStarted;
        _phase = Phase.Closed;
        return started ? HttpTimeoutAction.RequestTimeout : HttpTimeoutAction.Close;
    }

    /// <summary>
    /// Writes <c>100 Continue</c> when the current request expects it and no response has started
    /// (call it when the body is first read). Returns whether it was written.
    /// </summary>
    public bool WriteContinue(IBufferWriter<byte> output)
    {
        if (_request is not { ExpectsContinue: true } || _continueSent || _response != Response.None || _body.IsDone) return false;
        HttpWriting.Write(output, "HTTP/1.1 100 Continue\r\n\r\n"u8);
        _continueSent = true;
        return true;
    }

    /// <summary>
    /// Writes the status line and fields of the response to the current request. The codec owns
    /// framing and connection management: the caller's Connection and Transfer-Encoding fields are
    /// dropped (a <c>close</c> in Connection is honoured), Content-Length is written from
    /// <paramref name="contentLength"/> (-1: unknown; a valid Content-Length field is then used),
    /// chunked when unknown (close-delimited to an HTTP/1.0 client), none for HEAD, 204 and 304
    /// bodies. Date is added from <paramref name="nowMs"/> unless the caller gave one.
    /// <paramref name="close"/> asks for this to be the connection's last response.
    /// </summary>
    public void BeginResponse(IBufferWriter<byte> output, int status, string? reason, IReadOnlyList<HttpField> fields,
        long contentLength, long nowMs, bool close = false)
    {
        var request = _request ?? throw new InvalidOperationException("no request to respond to");
        if (_response != Response.None) throw new InvalidOperationException("the response has already started");
        if (status is < 200 or > 999) throw new ArgumentOutOfRangeException(nameof(status), status, "a final response status is 200-999");
        _now = nowMs;

        var callerClose = false;
        var hasDate = false;
        var declared = -1L;
        foreach (var f in fields)
        {
            if (f.Name.Length == 4 && f.Name.Equals("Date", StringComparison.OrdinalIgnoreCase)) hasDate = true;
            else if (f.Name.Length == 10 && f.Name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
            {
                callerClose |= HttpWriting.ListHas(f.Value, "close");
            }
            else if (contentLength < 0 && f.Name.Length == 14 && f.Name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                && long.TryParse(f.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                declared = n;
            }
        }
        var length = contentLength >= 0 ? contentLength : declared;

        var keep = request.KeepAlive && !close && !callerClose;
        if (!_body.IsDone)
        {
            // The rest of the request body will be read and dropped; only a short, known rest is worth it.
            // Without the 100 Continue the client may never send it, so the framing is unknowable.
            var rest = _body.KnownRemaining;
            if ((request.ExpectsContinue && !_continueSent) || rest < 0 || rest > _limits.MaxDiscardBodyBytes) keep = false;
        }

        BodyFraming announced, sent;
        var suppressed = request.IsHead;
        if (status is 204 or 304)
        {
            announced = sent = BodyFraming.None;
            suppressed = true;
        }
        else if (length >= 0) announced = sent = BodyFraming.OfLength(length);
        else if (suppressed) announced = sent = BodyFraming.None;
        else if (request.Version == HttpVersion.Http11) announced = sent = BodyFraming.Chunked;
        else
        {
            announced = BodyFraming.None;
            sent = BodyFraming.UntilClose;
            keep = false;
        }
        _keepAlive = keep;

        HttpWriting.Write(output, "HTTP/1.1 "u8);
        HttpWriting.WriteDecimal(output, status);
        HttpWriting.Write(output, " "u8);
        var text = reason ?? HttpKnownNames.Reason(status);
        if (text.Length > 0) { HttpWriting.CheckValue("reason phrase", text); HttpWriting.WriteLatin1(output, text); }
        HttpWriting.Write(output, "\r\n"u8);
        foreach (var f in fields)
        {
            if (!HttpWriting.IsCodecField(f.Name)) HttpWriting.WriteField(output, f.Name, f.Value);
        }
        if (!hasDate)
        {
            HttpWriting.Write(output, "Date: "u8);
            HttpWriting.Write(output, _date.Get(WallClockMs ?? nowMs));
            HttpWriting.Write(output, "\r\n"u8);
        }
        HttpWriting.WriteFraming(output, announced);
        if (!keep) HttpWriting.Write(output, "Connection: close\r\n"u8);
        else if (request.Version == HttpVersion.Http10) HttpWriting.Write(output, "Connection: keep-alive\r\n"u8);
        HttpWriting.Write(output, "\r\n"u8);

        _encoder = new HttpBodyEncoder(sent, suppressed);
        _response = Response.Started;
    }

    /// <summary>Writes body bytes, framed; dropped for a bodiless response, cut at a declared length.</summary>
    public void WriteBody(IBufferWriter<byte> output, ReadOnlySpan<byte> data)
    {
        if (_response != Response.Started) throw new InvalidOperationException("no response in progress");
        _encoder.Write(output, data);
    }

    /// <summary>
    /// Ends the response (the last chunk when chunked). Returns whether the connection stays open;
    /// when not, the caller closes it after flushing. A body that did not match its declared length
    /// closes the connection (the client cannot find the next message).
    /// </summary>
    public bool EndResponse(IBufferWriter<byte> output, long nowMs)
    {
        if (_response != Response.Started) throw new InvalidOperationException("no response in progress");
        _now = nowMs;
        var intact = _encoder.End(output);
        _response = Response.Ended;
        if (!intact || !_keepAlive || _phase == Phase.Closed)
        {
            _phase = Phase.Closed;
            return false;
        }
        if (_phase == Phase.Waiting) BeginNextRequest();
        else if (_phase == Phase.Body) _discarding = true;
        return true;
    }

    /// <summary>
    /// Writes a complete error response (after an <see cref="HttpEventKind.Error"/> event or a
    /// <see cref="HttpTimeoutAction.RequestTimeout"/>) and closes the connection. Returns false, writing
    /// nothing, when a response had already started: then the caller just closes.
    /// </summary>
    public bool WriteErrorResponse(IBufferWriter<byte> output, HttpError error, long nowMs)
    {
        _phase = Phase.Closed;
        if (_response != Response.None) return false;
        _response = Response.Ended;
        HttpWriting.Write(output, "HTTP/1.1 "u8);
        HttpWriting.WriteDecimal(output, error.Status);
        HttpWriting.Write(output, " "u8);
        HttpWriting.WriteLatin1(output, HttpKnownNames.Reason(error.Status));
        HttpWriting.Write(output, "\r\nDate: "u8);
        HttpWriting.Write(output, _date.Get(WallClockMs ?? nowMs));
        HttpWriting.Write(output, "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "u8);
        HttpWriting.WriteDecimal(output, error.Reason.Length + 1);
        HttpWriting.Write(output, "\r\nConnection: close\r\n\r\n"u8);
        HttpWriting.WriteLatin1(output, error.Reason);
        HttpWriting.Write(output, "\n"u8);
        return true;
    }

    public void Dispose() => _buffer.Dispose();
}
