using System.Buffers;

namespace EsRuntime.Http;

/// <summary>
/// The client side of one HTTP/1.1 connection (for fetch), with no I/O: write a request
/// (<see cref="WriteRequestHead"/>, <see cref="WriteBody"/>, <see cref="EndRequest"/>), feed what the
/// server sends, take events from <see cref="Next"/>: the final response head (interim 1xx heads are
/// skipped), body slices, end, error (502), closed. One request at a time (no pipelining);
/// <see cref="CanReuse"/> says whether the next request may go on this connection.
/// </summary>
internal sealed class HttpClientConnection(HttpLimits limits) : IDisposable
{
    private enum Phase { Idle, Head, Body, Closed }

    private readonly HttpReceiveBuffer _buffer = new();
    private readonly HttpResponseParser _parser = new(limits);
    private byte[]? _scratch;

    private Phase _phase;
    private bool _eof;
    private bool _receivedAny;
    private bool _requestIsHead;
    private bool _requestEnded;
    private HttpBodyEncoder _encoder;
    private HttpResponseHead? _response;
    private HttpBodyDecoder _body;

    public HttpClientConnection() : this(HttpLimits.Default) { }

    /// <summary>Whether the connection may carry another request: the last response was read to its end, allowed reuse, and nothing else arrived.</summary>
    public bool CanReuse { get; private set; } = true;

    /// <summary>
    /// True when the server closed without sending one byte of the response: on a reused
    /// connection the server may have timed it out just as the request went, so an idempotent
    /// request can be retried on a new connection.
    /// </summary>
    public bool ClosedBeforeResponse => _eof && !_receivedAny && _phase is Phase.Head or Phase.Closed && _response is null;

    public bool WantsInput => _phase != Phase.Closed && !_eof && _buffer.Length < limits.MaxBufferedBytes;

    /// <summary>
    /// Writes the request line, <c>Host</c>, the caller's fields (less Host, Connection,
    /// Content-Length and Transfer-Encoding, which the codec owns) and the body framing:
    /// <see cref="BodyFraming.None"/>, a length, or chunked. <paramref name="close"/> sends
    /// <c>Connection: close</c>.
    /// </summary>
    public void WriteRequestHead(IBufferWriter<byte> output, string method, string target, string host,
        IReadOnlyList<HttpField> fields, BodyFraming framing, bool close = false)
    {
        if (_phase != Phase.Idle || !CanReuse) throw new InvalidOperationException("the connection is not ready for a request");
        if (framing.Kind == BodyFramingKind.UntilClose) throw new ArgumentException("a request body cannot be close-delimited", nameof(framing));
        if (!HttpWriting.IsToken(method)) throw new ArgumentException($"invalid HTTP method \"{method}\"");
        if (target.Length == 0 || target.AsSpan().ContainsAnyExceptInRange('!', '~')) throw new ArgumentException($"invalid request target \"{target}\"");
        if (host.AsSpan().ContainsAnyExceptInRange('!', '~')) throw new ArgumentException($"invalid Host \"{host}\"");

        HttpWriting.WriteLatin1(output, method);
        HttpWriting.Write(output, " "u8);
        HttpWriting.WriteLatin1(output, target);
        HttpWriting.Write(output, " HTTP/1.1\r\nHost: "u8);
        HttpWriting.WriteLatin1(output, host);
        HttpWriting.Write(output, "\r\n"u8);
        foreach (var f in fields)
        {
            if (HttpWriting.IsCodecField(f.Name) || f.Name.Equals("Host", StringComparison.OrdinalIgnoreCase)) continue;
            HttpWriting.WriteField(output, f.Name, f.Value);
        }
        HttpWriting.WriteFraming(output, framing);
        if (close) HttpWriting.Write(output, "Connection: close\r\n"u8);
        HttpWriting.Write(output, "\r\n"u8);

        _requestIsHead = method == HttpKnownNames.Head;
        _requestEnded = framing.Kind == BodyFramingKind.None;
        _encoder = new HttpBodyEncoder(framing, suppressed: false);
        _response = null;
        _receivedAny = false;
        CanReuse = !close;
        _phase = Phase.Head;
    }

    public void WriteBody(IBufferWriter<byte> output, ReadOnlySpan<byte> data)
    {
        if (_requestEnded) throw new InvalidOperationException("no request body in progress");
        _encoder.Write(output, data);
    }

    /// <summary>Ends the request body (the last chunk when chunked). A body short of its declared length spoils the connection for reuse.</summary>
    public void EndRequest(IBufferWriter<byte> output)
    {
        if (_requestEnded) return;
        if (!_encoder.End(output)) CanReuse = false;
        _requestEnded = true;
    }

    public void Receive(ReadOnlySpan<byte> data)
    {
        if (_phase == Phase.Closed || _eof || data.Length == 0) return;
        _receivedAny = true;
        _buffer.Append(data);
    }

    public void ReceiveEof() => _eof = true;

    /// <summary>The next event. <see cref="HttpEventKind.Body"/> data is valid until the next <see cref="Receive"/>.</summary>
    public HttpEvent<HttpResponseHead> Next()
    {
        switch (_phase)
        {
            case Phase.Closed:
                return HttpEvent<HttpResponseHead>.Closed;
            case Phase.Idle:
                if (_buffer.Length > 0) return Fail("data from the server with no request outstanding");
                if (!_eof) return HttpEvent<HttpResponseHead>.None;
                _phase = Phase.Closed;
                CanReuse = false;
                return HttpEvent<HttpResponseHead>.Closed;
            case Phase.Head:
                return NextHead();
            default:
                return NextBody();
        }
    }

    private HttpEvent<HttpResponseHead> NextHead()
    {
        while (true)
        {
            var reader = new SequenceReader<byte>(_buffer.Sequence);
            var status = _parser.Parse(ref reader, _requestIsHead, out var head, out var error);
            _buffer.Consume(reader.Consumed);
            if (status == ParseStatus.Error) return Fail(error.Reason);
            if (status == ParseStatus.NeedMore)
            {
                if (!_eof) return HttpEvent<HttpResponseHead>.None;
                return Fail(_receivedAny ? "connection closed before the response head was complete" : "connection closed before any response");
            }
            if (head!.Status == 101) return Fail("unexpected 101 Switching Protocols");
            if (head.Status < 200) continue; // interim responses (100 Continue, 103 Early Hints) are skipped
            _response = head;
            _body = new HttpBodyDecoder(head.Framing, long.MaxValue);
            _phase = Phase.Body;
            return HttpEvent<HttpResponseHead>.OfHead(head);
        }
    }

    private HttpEvent<HttpResponseHead> NextBody() =>
        _body.Read(_buffer, _eof, limits, ref _scratch, out var data, out var error) switch
        {
            BodyStatus.Data => HttpEvent<HttpResponseHead>.OfBody(data),
            BodyStatus.End => EndOfResponse(),
            BodyStatus.Error => Fail(error.Reason),
            _ => HttpEvent<HttpResponseHead>.None,
        };

    private HttpEvent<HttpResponseHead> EndOfResponse()
    {
        CanReuse = CanReuse && _response!.KeepAlive && _requestEnded && !_eof && _buffer.Length == 0;
        _phase = CanReuse ? Phase.Idle : Phase.Closed;
        return HttpEvent<HttpResponseHead>.End;
    }

    private HttpEvent<HttpResponseHead> Fail(string reason)
    {
        _phase = Phase.Closed;
        CanReuse = false;
        return HttpEvent<HttpResponseHead>.OfError(new HttpError(502, reason));
    }

    public void Dispose() => _buffer.Dispose();
}
