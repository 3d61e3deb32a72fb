using System.Buffers;
using EsRuntime.Http;
using EsRuntime.Loop;
using EsRuntime.Providers;

namespace EsRuntime.Web.Fetch;

/// <summary>
/// One fetch() request and its response: finds or opens a connection to the origin, writes the head
/// and the body (whole, or streamed by JS chunk by chunk, each write settling when the network took
/// it), reads the response head, then the body — decoded from its Content-Encoding — only as fast as
/// JS pulls it. A request that finds its reused connection closed by the server before any byte of
/// the response came is sent once more on a new connection when that is safe (an idempotent method,
/// a body still in hand).
/// </summary>
internal sealed class FetchExchange : IDisposable
{
    /// <summary>Where and what to send. <see cref="Host"/> is the URL's host; <see cref="HostHeader"/> adds a non-default port.</summary>
    public sealed record Target(bool Secure, string Host, int Port, string Method, string RequestTarget, string HostHeader,
        IReadOnlyList<HttpField> Fields, BodyFraming Framing)
    {
        public string Origin => (Secure ? "https://" : "http://") + new NetAddress(Host, Port);
        public string Shown => new NetAddress(Host, Port).ToString();
    }

    private const int ReadChunk = 64 * 1024;
    private const int MaxQueued = 256 * 1024;

    private enum State { Connecting, Open, Ended, Failed }

    private readonly FetchClient _client;
    private readonly Target _target;
    private readonly byte[]? _wholeBody;
    private readonly Action _settled;
    private readonly Queue<(byte[]? Bytes, int Promise)> _writes = new();
    private readonly ArrayBufferWriter<byte> _output = new(4096);
    private readonly Queue<byte[]> _body = new();
    private FetchConnection? _connection;
    private ContentDecoder? _decoder;
    private HttpResponseHead? _head;
    private (string Name, string Message)? _error;
    private State _state;
    private long _queued;
    private int? _waitingHead, _waitingRead;
    private bool _reading, _retried, _streamStarted;

    /// <summary><paramref name="settled"/> runs once JS has had the last answer (the body's end, or the error): the handle may go.</summary>
    public FetchExchange(FetchClient client, Target target, byte[]? wholeBody, Action settled)
    {
        _client = client;
        _target = target;
        _wholeBody = wholeBody;
        _settled = settled;
        Connect(allowIdle: true);
    }

    /// <summary>The last answer JS gets for this request (the body's end, or the error); the handle goes.</summary>
    private void Last(Reply reply, bool ok)
    {
        if (ok) reply.Ok(0);
        else reply.Error(_error!.Value.Name, _error.Value.Message);
        _settled();
    }

    private Completions Io => _client.Context.Completions;
    private INetwork Net => _client.Context.Providers.Net;

    // ---- connecting ----

    private void Connect(bool allowIdle)
    {
        if (allowIdle && _client.TakeIdle(_target.Origin) is { } idle)
        {
            idle.Reused = true;
            Connected(idle);
            return;
        }
        Io.Await(Net.ResolveAsync(_target.Host), 0, resolved =>
        {
            if (_state != State.Connecting) return;
            if (!resolved.IsCompletedSuccessfully) { Fail("TypeError", $"fetch failed: resolve {_target.Host} {Detail(resolved)}"); return; }
            var addresses = ((Task<IReadOnlyList<string>>)resolved).Result;
            if (addresses.Count == 0) { Fail("TypeError", $"fetch failed: resolve {_target.Host} {NetException.Describe(NetErrorCode.HostNotFound)}"); return; }
            ConnectTo(addresses, 0);
        });
    }

    private void ConnectTo(IReadOnlyList<string> addresses, int index)
    {
        var connecting = _target.Secure ? Net.ConnectTlsAsync(addresses[index], _target.Port, _target.Host) : Net.ConnectAsync(addresses[index], _target.Port);
        Io.Await(connecting, 0, t =>
        {
            if (t.IsCompletedSuccessfully)
            {
                var socket = ((Task<IConnection>)t).Result;
                if (_state != State.Connecting) { socket.Dispose(); return; }
                Connected(new FetchConnection(_target.Origin, socket, _client.Context));
            }
            else if (_state != State.Connecting) return;
            else if (index + 1 < addresses.Count) ConnectTo(addresses, index + 1);
            else Fail("TypeError", $"fetch failed: connect {_target.Shown} {Detail(t)}");
        });
    }

    private static string Detail(Task t) => t.Exception?.InnerException is NetException e ? e.Detail : NetException.Describe(NetErrorCode.IOError);

    private void Connected(FetchConnection connection)
    {
        _connection = connection;
        _state = State.Open;
        try
        {
            connection.Codec.WriteRequestHead(_output, _target.Method, _target.RequestTarget, _target.HostHeader, _target.Fields, _target.Framing);
        }
        catch (ArgumentException e)
        {
            Fail("TypeError", $"fetch failed: {e.Message}");
            return;
        }
        if (_wholeBody is { } body)
        {
            if (body.Length > 0) connection.Codec.WriteBody(_output, body);
            connection.Codec.EndRequest(_output);
        }
        Flush(null, 0);
        DrainWrites();
        Pump();
    }

    // ---- the request body, streamed by JS ----

    /// <summary>A chunk of a streamed body (null: its end); <paramref name="promise"/> settles when the network took it.</summary>
    public void Write(byte[]? bytes, int promise)
    {
        if (_state is State.Ended or State.Failed)
        {
            // The response already ended (a server may answer before reading the body) or failed: nothing more goes out.
            if (_error is { } error && _state == State.Failed) Io.Reply(promise).Error(error.Name, error.Message);
            else Io.Reply(promise).Ok(bytes?.Length ?? 0);
            return;
        }
        _writes.Enqueue((bytes, promise));
        if (_state == State.Open) DrainWrites();
    }

    private void DrainWrites()
    {
        var codec = _connection!.Codec;
        while (_writes.TryDequeue(out var write))
        {
            _streamStarted = true;
            if (write.Bytes is null) codec.EndRequest(_output);
            else if (write.Bytes.Length > 0) codec.WriteBody(_output, write.Bytes);
            Flush(write.Promise, write.Bytes?.Length ?? 0);
        }
    }

    private void Flush(int? promise, int length)
    {
        var connection = _connection!;
        if (_output.WrittenCount == 0)
        {
            if (promise is { } p) Io.Reply(p).Ok(length);
            return;
        }
        var bytes = _output.WrittenSpan.ToArray();
        _output.ResetWrittenCount();
        Io.Await(connection.Socket.WriteAsync(bytes), connection.WriteKey, t =>
        {
            if (t.IsCompletedSuccessfully)
            {
                if (promise is { } ok) Io.Reply(ok).Ok(length);
                return;
            }
            var message = $"fetch failed: sending to {_target.Shown}: {Detail(t)}";
            if (promise is { } failed) Io.Reply(failed).Error("TypeError", message);
            // A reused connection the server closed shows up on the read side; let that decide.
            if (!CanRetry(connection)) Fail("TypeError", message);
        });
    }

    // ---- the response ----

    public void Head(int promise)
    {
        if (_head is not null) ReplyHead(Io.Reply(promise));
        else if (_state == State.Failed) Last(Io.Reply(promise), ok: false);
        else _waitingHead = promise;
    }

    /// <summary>The head as JS builds its Response from it: status in the number, reason then name/value pairs, NUL-separated.</summary>
    private void ReplyHead(Reply reply)
    {
        var head = _head!;
        var text = new System.Text.StringBuilder(256).Append(head.Reason);
        foreach (var field in head.Fields) text.Append('\0').Append(field.Name).Append('\0').Append(field.Value);
        reply.OkText(text.ToString(), head.Status);
    }

    public void Read(int promise)
    {
        if (_body.TryDequeue(out var chunk))
        {
            _queued -= chunk.Length;
            Io.Reply(promise).Ok(chunk.Length, chunk);
            Pump();
        }
        else if (_state == State.Failed) Last(Io.Reply(promise), ok: false);
        else if (_state == State.Ended) Last(Io.Reply(promise), ok: true);
        else
        {
            _waitingRead = promise;
            Pump();
        }
    }

    private void Pump()
    {
        if (_state != State.Open || _connection is not { } connection) return;
        var codec = connection.Codec;
        while (_queued <= MaxQueued)
        {
            var e = codec.Next();
            switch (e.Kind)
            {
                case HttpEventKind.Head:
                    _head = e.Head!;
                    _decoder = ContentDecoder.For(_head.Get("content-encoding"));
                    if (_waitingHead is { } waiting) { _waitingHead = null; ReplyHead(Io.Reply(waiting)); }
                    continue;
                case HttpEventKind.Body:
                    if (!Offer(e.Data, final: false)) return;
                    continue;
                case HttpEventKind.End:
                    if (_decoder is not null && !Offer(ReadOnlySequence<byte>.Empty, final: true)) return;
                    End(connection);
                    return;
                case HttpEventKind.Error:
                    if (CanRetry(connection)) Retry(connection);
                    else Fail("TypeError", $"fetch failed: {_target.Shown}: {e.Error.Reason}");
                    return;
                case HttpEventKind.Closed:
                    Fail("TypeError", $"fetch failed: {_target.Shown} closed the connection");
                    return;
            }
            break;
        }
        if (codec.WantsInput && !_reading && _queued <= MaxQueued) ReadSocket(connection);
    }

    private bool Offer(ReadOnlySequence<byte> data, bool final)
    {
        byte[] bytes;
        if (_decoder is null) bytes = data.ToArray();
        else
        {
            try { bytes = _decoder.Decode(data.IsSingleSegment ? data.FirstSpan : data.ToArray(), final); }
            catch (InvalidDataException e)
            {
                Fail("TypeError", $"fetch failed: {e.Message}");
                return false;
            }
        }
        if (bytes.Length == 0) return true;
        if (_waitingRead is { } waiting)
        {
            _waitingRead = null;
            Io.Reply(waiting).Ok(bytes.Length, bytes);
        }
        else
        {
            _body.Enqueue(bytes);
            _queued += bytes.Length;
        }
        return true;
    }

    private void ReadSocket(FetchConnection connection)
    {
        _reading = true;
        var buffer = ArrayPool<byte>.Shared.Rent(ReadChunk);
        Io.Await(connection.Socket.ReadAsync(buffer.AsMemory(0, ReadChunk)), connection.ReadKey, t =>
        {
            _reading = false;
            if (_state != State.Open || connection != _connection) { ArrayPool<byte>.Shared.Return(buffer); return; }
            if (!t.IsCompletedSuccessfully)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                if (CanRetry(connection)) connection.Codec.ReceiveEof();
                else { Fail("TypeError", $"fetch failed: {_target.Shown}: {Detail(t)}"); return; }
            }
            else
            {
                var n = ((Task<int>)t).Result;
                if (n == 0) connection.Codec.ReceiveEof();
                else connection.Codec.Receive(buffer.AsSpan(0, n));
                ArrayPool<byte>.Shared.Return(buffer);
            }
            Pump();
        });
    }

    private bool CanRetry(FetchConnection connection) =>
        connection.Reused && !_retried && _head is null && !_streamStarted && connection.Codec.ClosedBeforeResponse
        && _target.Method is "GET" or "HEAD" or "PUT" or "DELETE" or "OPTIONS" or "TRACE";

    private void Retry(FetchConnection connection)
    {
        connection.Dispose();
        _connection = null;
        _retried = true;
        _state = State.Connecting;
        _output.ResetWrittenCount();
        Connect(allowIdle: false);
    }

    private void End(FetchConnection connection)
    {
        _state = State.Ended;
        _connection = null;
        _decoder?.Dispose();
        if (connection.Codec.CanReuse) _client.Release(connection);
        else connection.Dispose();
        if (_waitingRead is { } waiting && _body.Count == 0)
        {
            _waitingRead = null;
            Last(Io.Reply(waiting), ok: true);
        }
        while (_writes.TryDequeue(out var write)) Io.Reply(write.Promise).Ok(write.Bytes?.Length ?? 0);
    }

    /// <summary>The script aborted (its signal), or dropped the body: the connection cannot be reused.</summary>
    public void Abort(string message)
    {
        Fail("AbortError", message);
        _settled();
    }

    /// <summary>The runtime ends: drop the connection, answer nothing (no more deliveries happen).</summary>
    public void Dispose()
    {
        _state = State.Failed;
        _connection?.Abort();
        _connection = null;
    }

    private void Fail(string name, string message)
    {
        if (_state is State.Failed) return;
        var ended = _state == State.Ended;
        _state = State.Failed;
        _error = (name, message);
        _body.Clear();
        _queued = 0;
        _decoder?.Dispose();
        _connection?.Abort();
        _connection = null;
        if (ended) return;
        if (_waitingHead is { } head) { _waitingHead = null; Last(Io.Reply(head), ok: false); }
        if (_waitingRead is { } read) { _waitingRead = null; Last(Io.Reply(read), ok: false); }
        while (_writes.TryDequeue(out var write)) Io.Reply(write.Promise).Error(name, message);
    }
}
