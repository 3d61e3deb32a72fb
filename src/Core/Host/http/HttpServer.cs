using System.Buffers;
using System.Text;
using EsRuntime.Http;
using EsRuntime.Loop;
using EsRuntime.Providers;
using EsRuntime.Runtime;

namespace EsRuntime.Host.Http;

/// <summary>
/// One <c>serve()</c>: a listening socket, its connections, and the requests they carry. Everything
/// runs on the loop thread, driven by completions: an accept, a read, a write finishing. Each
/// connection feeds the HTTP/1.1 codec; each request becomes an <see cref="Exchange"/> handed to JS
/// (one answer to its pending "next request" op), whose body JS pulls and whose response JS writes.
/// Bytes cross the network provider only, so a recording holds the plaintext HTTP and a replay runs
/// this very code again.
/// </summary>
internal sealed class HttpServer
{
    /// <summary>Takes body bytes that are valid only for the call.</summary>
    public delegate void BodyWriter(ReadOnlySpan<byte> data);

    private const int ReadChunk = 64 * 1024;
    private const int MaxQueuedBody = 256 * 1024;

    private readonly RuntimeContext _ctx;
    private readonly IListener _listener;
    private readonly HttpLimits _limits;
    private readonly int _key;
    private readonly Queue<Exchange> _ready = new();
    private readonly HashSet<Connection> _connections = [];
    private readonly List<int> _aborted = [];
    private int? _waitingNext;
    private int? _waitingAborts;
    private int? _waitingFinished;
    private bool _stopping;
    private int _nextExchange = 1;

    public HttpServer(RuntimeContext ctx, IListener listener, HttpLimits limits, int key)
    {
        _ctx = ctx;
        _listener = listener;
        _limits = limits;
        _key = key;
        Exchanges = [];
        Accept();
    }

    public NetAddress Address => _listener.LocalAddress;

    /// <summary>Requests handed to JS and not yet finished, by id.</summary>
    public Dictionary<int, Exchange> Exchanges { get; }

    private Completions Io => _ctx.Completions;
    private long Now => (long)_ctx.LoopNow;

    private void Accept()
    {
        if (_stopping) return;
        Io.Await(_listener.AcceptAsync(), _key, t =>
        {
            if (!t.IsCompletedSuccessfully) { if (!_stopping) Accept(); return; }
            var connection = new Connection(this, ((Task<IConnection>)t).Result);
            _connections.Add(connection);
            connection.Pump();
            Accept();
        });
    }

    // ---- what JS asks for ----

    /// <summary>The next request for the handler: answered at once if one waits, else when one arrives.</summary>
    public void Next(int promise)
    {
        if (_ready.TryDequeue(out var exchange)) Deliver(Io.Reply(promise), exchange);
        else if (_stopping) Io.Reply(promise).Ok(0);
        else _waitingNext = promise;
    }

    /// <summary>Ids of exchanges whose client went away before the response ended (for their AbortSignals).</summary>
    public void Aborts(int promise)
    {
        if (_aborted.Count > 0) ReplyAborts(Io.Reply(promise));
        else _waitingAborts = promise;
    }

    public void Finished(int promise) => _waitingFinished = promise;

    /// <summary>Stops accepting; open requests finish, then idle connections close and <c>finished</c> settles.</summary>
    public void Stop()
    {
        if (_stopping) return;
        _stopping = true;
        _listener.Dispose();
        if (_waitingNext is { } next)
        {
            _waitingNext = null;
            Io.Reply(next).Ok(0);
        }
        foreach (var c in _connections.ToList()) c.CloseIfIdle();
        CheckFinished();
    }

    private void Enqueue(Exchange exchange)
    {
        if (_waitingNext is { } promise)
        {
            _waitingNext = null;
            Deliver(Io.Reply(promise), exchange);
        }
        else _ready.Enqueue(exchange);
    }

    /// <summary>The request as JS builds its Request from it: METHOD, target, Host, remote address, body kind, then name/value pairs, NUL-separated.</summary>
    private void Deliver(Reply reply, Exchange exchange)
    {
        Exchanges[exchange.Id] = exchange;
        var head = exchange.Head;
        var text = new StringBuilder(256);
        text.Append(head.Method).Append('\0').Append(head.Target).Append('\0').Append(head.Get("host") ?? Address.ToString()).Append('\0')
            .Append(exchange.Owner.Remote).Append('\0').Append(head.Framing.Kind == BodyFramingKind.None || head.ContentLength == 0 ? '0' : '1');
        foreach (var field in head.Fields) text.Append('\0').Append(field.Name).Append('\0').Append(field.Value);
        reply.OkText(text.ToString(), exchange.Id);
    }

    private void Aborted(Exchange exchange)
    {
        if (!Exchanges.ContainsKey(exchange.Id)) return;
        _aborted.Add(exchange.Id);
        if (_waitingAborts is { } promise)
        {
            _waitingAborts = null;
            ReplyAborts(Io.Reply(promise));
        }
    }

    private void ReplyAborts(Reply reply)
    {
        reply.OkText(string.Join(',', _aborted));
        _aborted.Clear();
    }

    private void Closed(Connection connection)
    {
        _connections.Remove(connection);
        CheckFinished();
    }

    private void CheckFinished()
    {
        if (!_stopping || _connections.Count > 0 || _waitingFinished is not { } promise) return;
        _waitingFinished = null;
        if (_waitingAborts is { } aborts)
        {
            _waitingAborts = null;
            Io.Reply(aborts).OkText("");
        }
        Io.Reply(promise).Ok();
    }

    /// <summary>One request and its response, as JS sees them.</summary>
    internal sealed class Exchange(Connection owner, int id, HttpRequestHead head)
    {
        public Connection Owner { get; } = owner;
        public int Id { get; } = id;
        public HttpRequestHead Head { get; } = head;
        public Queue<byte[]> Body { get; } = new();
        public long BodyQueued { get; set; }
        public bool BodyEnded { get; set; }
        public string? BodyError { get; set; }
        public int? WaitingBody { get; set; }
        public bool Responding { get; set; }
        public bool Done { get; set; }
        public bool ClientGone { get; set; }

        /// <summary>The next piece of the request body for JS: bytes, the end (empty), or an error.</summary>
        public void ReadBody(int promise)
        {
            Owner.ContinueIfExpected(this);
            var io = Owner.Server.Io;
            if (Body.TryDequeue(out var chunk))
            {
                BodyQueued -= chunk.Length;
                io.Reply(promise).Ok(chunk.Length, chunk);
                Owner.Pump();
            }
            else if (BodyError is { } error) io.Reply(promise).Error("IOError", error);
            else if (BodyEnded) io.Reply(promise).Ok(0);
            else WaitingBody = promise;
        }

        public void Offer(ReadOnlySequence<byte> data)
        {
            var bytes = data.ToArray();
            if (WaitingBody is { } promise)
            {
                WaitingBody = null;
                Owner.Server.Io.Reply(promise).Ok(bytes.Length, bytes);
            }
            else
            {
                Body.Enqueue(bytes);
                BodyQueued += bytes.Length;
            }
        }

        public void EndBody(string? error)
        {
            BodyEnded = true;
            BodyError ??= error;
            if (WaitingBody is { } promise)
            {
                WaitingBody = null;
                if (error is null) Owner.Server.Io.Reply(promise).Ok(0);
                else Owner.Server.Io.Reply(promise).Error("IOError", error);
            }
        }
    }

    /// <summary>One accepted socket: the codec, the read loop, ordered writes, the timeouts.</summary>
    internal sealed class Connection
    {
        private readonly HttpServer _server;
        private readonly IConnection _socket;
        private readonly HttpServerConnection _codec;
        private readonly int _readKey;
        private readonly int _writeKey;
        private readonly ArrayBufferWriter<byte> _output = new(4096);
        private HostTimers.Entry? _deadline;
        private long _deadlineAt = long.MaxValue;
        private bool _reading;
        private bool _closed;
        private int _writesPending;
        private Exchange? _current;

        public Connection(HttpServer server, IConnection socket)
        {
            _server = server;
            _socket = socket;
            _codec = new HttpServerConnection(server._limits, server.Now);
            _readKey = server._ctx.NextHandle();
            _writeKey = server._ctx.NextHandle();
            Remote = socket.RemoteAddress.ToString();
        }

        public HttpServer Server => _server;
        public string Remote { get; }

        /// <summary>Takes every event the codec has, then reads more if it wants input.</summary>
        public void Pump()
        {
            if (_closed) return;
            while (true)
            {
                if (_current is { } open && open.BodyQueued > MaxQueuedBody) break; // JS reads the body slower than it comes
                var e = _codec.Next();
                switch (e.Kind)
                {
                    case HttpEventKind.Head:
                        _current = new Exchange(this, _server._nextExchange++, e.Head!);
                        _server.Enqueue(_current);
                        continue;
                    case HttpEventKind.Body:
                        _current?.Offer(e.Data);
                        continue;
                    case HttpEventKind.End:
                        _current?.EndBody(null);
                        continue;
                    case HttpEventKind.Error:
                        _current?.EndBody($"the request is malformed ({e.Error})");
                        _codec.WallClockMs = (long)_server._ctx.WallNowThisTurn;
                        if (_codec.WriteErrorResponse(_output, e.Error, _server.Now)) Flush();
                        Close(afterWrites: true);
                        return;
                    case HttpEventKind.Closed:
                        Close(afterWrites: true);
                        return;
                }
                break;
            }
            if (_codec.WantsInput && !_reading) Read();
            Arm();
        }

        private void Read()
        {
            _reading = true;
            var buffer = ArrayPool<byte>.Shared.Rent(ReadChunk);
            _server.Io.Await(_socket.ReadAsync(buffer.AsMemory(0, ReadChunk)), _readKey, t =>
            {
                _reading = false;
                if (_closed) { ArrayPool<byte>.Shared.Return(buffer); return; }
                if (!t.IsCompletedSuccessfully)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    ClientGone();
                    return;
                }
                var n = ((Task<int>)t).Result;
                if (n == 0) _codec.ReceiveEof();
                else _codec.Receive(buffer.AsSpan(0, n), _server.Now);
                ArrayPool<byte>.Shared.Return(buffer);
                if (n == 0 && _current is { Done: false } open && !open.BodyEnded) open.EndBody("the client closed the connection before the request body ended");
                Pump();
                // An end of input with nothing left to answer ends the connection.
                if (n == 0 && !_closed && (_current is null || _current.Done) && _writesPending == 0) Close(afterWrites: false);
            });
        }

        /// <summary>Keeps the codec's header/idle deadline as one host timer.</summary>
        private void Arm()
        {
            var at = _closed ? long.MaxValue : _codec.Deadline;
            if (at == _deadlineAt) return;
            _deadline?.Cancel();
            _deadlineAt = at;
            _deadline = at == long.MaxValue ? null : _server._ctx.HostTimers.At(at, () =>
            {
                _deadlineAt = long.MaxValue;
                switch (_codec.CheckTimeouts(_server.Now))
                {
                    case HttpTimeoutAction.RequestTimeout:
                        _codec.WallClockMs = (long)_server._ctx.WallNowThisTurn;
                        if (_codec.WriteErrorResponse(_output, new HttpError(408, "the request head did not arrive in time"), _server.Now)) Flush();
                        Close(afterWrites: true);
                        break;
                    case HttpTimeoutAction.Close:
                        Close(afterWrites: false);
                        break;
                    default:
                        Arm();
                        break;
                }
            });
        }

        public void ContinueIfExpected(Exchange exchange)
        {
            if (exchange == _current && _codec.WriteContinue(_output)) Flush();
        }

        // ---- the response, written by JS ----

        public void Begin(Exchange exchange, int status, string? reason, IReadOnlyList<HttpField> fields, long length)
        {
            if (exchange.Responding || exchange.Done) throw new InvalidOperationException("the response has already started");
            exchange.Responding = true;
            _codec.WallClockMs = (long)_server._ctx.WallNowThisTurn;
            _codec.BeginResponse(_output, status, reason, fields, length, _server.Now, close: _server._stopping);
        }

        public Task WriteBody(ReadOnlySpan<byte> data)
        {
            _codec.WriteBody(_output, data);
            return Flush();
        }

        public Task End(Exchange exchange)
        {
            var keep = _codec.EndResponse(_output, _server.Now);
            exchange.Done = true;
            _server.Exchanges.Remove(exchange.Id);
            var written = Flush();
            if (_current == exchange) _current = null;
            if (!keep || _server._stopping) Close(afterWrites: true);
            else Pump(); // a pipelined request may be waiting
            return written;
        }

        /// <summary>Sends what the codec wrote; the task settles when the network took it (back-pressure for streamed bodies).</summary>
        private Task Flush()
        {
            // A body written after the client went away must fail, or a streamed body would be produced forever.
            if (_closed) return Task.FromException(NetException.Of(NetErrorCode.ConnectionReset));
            if (_output.WrittenCount == 0) return Task.CompletedTask;
            var bytes = _output.WrittenSpan.ToArray();
            _output.ResetWrittenCount();
            _writesPending++;
            var write = _socket.WriteAsync(bytes);
            var done = new TaskCompletionSource<bool>();
            _server.Io.Await(write, _writeKey, t =>
            {
                _writesPending--;
                if (!t.IsCompletedSuccessfully) { ClientGone(); done.SetException(NetException.Of(NetErrorCode.ConnectionReset)); return; }
                done.SetResult(true);
                if (_closeWhenWritten && _writesPending == 0) Close(afterWrites: false);
            });
            return done.Task;
        }

        private bool _closeWhenWritten;

        /// <summary>The response cannot be completed (its body stream failed): reset the connection.</summary>
        public void Abort(Exchange exchange)
        {
            exchange.Done = true;
            _server.Exchanges.Remove(exchange.Id);
            _socket.Abort();
            Close(afterWrites: false);
        }

        public void CloseIfIdle()
        {
            if (_current is null || _current.Done) Close(afterWrites: true);
        }

        private void ClientGone()
        {
            if (_current is { Done: false } open)
            {
                open.ClientGone = true;
                open.EndBody("the client went away");
                _server.Aborted(open);
            }
            Close(afterWrites: false);
        }

        private void Close(bool afterWrites)
        {
            if (_closed) return;
            if (afterWrites && _writesPending > 0)
            {
                _closeWhenWritten = true;
                return;
            }
            _closed = true;
            _deadline?.Cancel();
            if (_current is { Done: false } open && !open.ClientGone)
            {
                open.ClientGone = true;
                open.EndBody("the connection closed");
                _server.Aborted(open);
            }
            _socket.Dispose();
            _codec.Dispose();
            _server.Closed(this);
        }
    }
}
