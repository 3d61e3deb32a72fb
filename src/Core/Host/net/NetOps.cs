using System.Buffers;
using EsRuntime.Capabilities;
using EsRuntime.Engine;
using EsRuntime.Loop;
using EsRuntime.Providers;
using EsRuntime.Runtime;

namespace EsRuntime.Host.Net;

/// <summary>
/// Ops behind <c>runtime:net</c>. Connecting needs <see cref="Capability.Net"/>, listening and
/// accepting <see cref="Capability.NetListen"/>, each checked on the op; a socket or listener is then
/// reachable only through its handle in this runtime's table. Reads happen only when the script's
/// stream asks for more, and a write's promise settles when the network took the bytes, so back-pressure
/// runs end to end.
/// </summary>
internal static class NetOps
{
    private const int ReadChunk = 64 * 1024;
    private const int MaxWriteChunk = 1024 * 1024;

    /// <summary>An open connection; reads and writes each keep their own order.</summary>
    internal sealed class Socket(IConnection connection, int readKey) : IDisposable
    {
        public IConnection Connection { get; } = connection;
        public int ReadKey { get; } = readKey;
        public int WriteKey { get; } = -readKey;
        public void Dispose() => Connection.Dispose();
    }

    public static void Register(RuntimeContext ctx)
    {
        var engine = ctx.Engine;
        var net = ctx.Providers.Net;
        var io = ctx.Completions;
        var sockets = new Handles<Socket>(ctx);
        var listeners = new Handles<IListener>(ctx);

        int AddSocket(IConnection c) => sockets.Add(id => new Socket(c, id));

        engine.RegisterOp("netConnect", (a, r) =>
        {
            var (host, port) = (a.String(0), Port(a.Number(1)));
            ctx.Capabilities.DemandNet(host, port, "runtime:net connect");
            var shown = new NetAddress(host, port).ToString();
            var id = io.NewPromise();
            io.Await(net.ResolveAsync(host), 0, resolved =>
            {
                if (!resolved.IsCompletedSuccessfully) { Fail("connect", shown)(Error(resolved), io.Reply(id)); return; }
                var addresses = ((Task<IReadOnlyList<string>>)resolved).Result;
                if (addresses.Count == 0) { Fail("connect", shown)(NetException.Of(NetErrorCode.HostNotFound), io.Reply(id)); return; }
                Connect(addresses, 0);
            });
            // Each address in turn, until one answers.
            void Connect(IReadOnlyList<string> addresses, int index) => io.Await(net.ConnectAsync(addresses[index], port), 0, t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    var connection = ((Task<IConnection>)t).Result;
                    io.Reply(id).OkText(Ends(connection), AddSocket(connection));
                }
                else if (index + 1 < addresses.Count) Connect(addresses, index + 1);
                else Fail("connect", shown)(Error(t), io.Reply(id));
            });
            r.Set(id);
        });

        engine.RegisterOp("netListen", (a, r) =>
        {
            ctx.Capabilities.Demand(Capability.NetListen, "runtime:net listen");
            var (host, port) = (a.String(0), Port(a.Number(1)));
            var shown = new NetAddress(host, port).ToString();
            r.Set(io.Start(() => net.ListenAsync(host, port), 0,
                (listener, reply) => reply.OkText(listener.LocalAddress.Host + "\n" + listener.LocalAddress.Port, listeners.Add(listener)),
                Fail("listen", shown)));
        });

        engine.RegisterOp("netAccept", (a, r) =>
        {
            ctx.Capabilities.Demand(Capability.NetListen, "runtime:net accept");
            var handle = a.Int32(0);
            var listener = listeners.Get(handle) ?? throw new OpException("InvalidStateError", "accept: the listener is closed");
            r.Set(io.Start(listener.AcceptAsync, handle, (c, reply) => reply.OkText(Ends(c), AddSocket(c)), Fail("accept", listener.LocalAddress.ToString())));
        });

        engine.RegisterOp("netRead", (a, r) =>
        {
            var socket = Open(sockets, a.Int32(0), "read");
            var chunk = ArrayPool<byte>.Shared.Rent(ReadChunk);
            r.Set(io.Start(() => socket.Connection.ReadAsync(chunk.AsMemory(0, ReadChunk)), socket.ReadKey, (n, reply) =>
            {
                reply.Ok(n, chunk.AsSpan(0, n));
                ArrayPool<byte>.Shared.Return(chunk);
            }, (e, reply) =>
            {
                ArrayPool<byte>.Shared.Return(chunk);
                Fail("read", socket.Connection.RemoteAddress.ToString())(e, reply);
            }));
        });

        // Bytes to send: the first `length` bytes of the transfer buffer, or (large chunks) a range of a JS view.
        engine.RegisterOp("netWrite", (a, r) =>
        {
            var socket = Open(sockets, a.Int32(0), "write");
            var length = a.Int32(1);
            byte[] data;
            if (a.IsNullish(2))
            {
                if (length < 0 || length > engine.DispatchSlots) throw new OpException("RangeError", "bad write length");
                data = engine.Transfer[..length].ToArray();
            }
            else
            {
                if (length < 0 || length > MaxWriteChunk) throw new OpException("RangeError", "bad write length");
                data = new byte[length];
                V8Engine.ReadBytes(a.Value(2), (long)a.Number(3), data);
            }
            r.Set(io.Start(() => socket.Connection.WriteAsync(data).Done(), socket.WriteKey, (_, reply) => reply.Ok(length),
                Fail("write", socket.Connection.RemoteAddress.ToString())));
        });

        engine.RegisterOp("netShutdown", (a, r) =>
        {
            var socket = Open(sockets, a.Int32(0), "close");
            r.Set(io.Start(() => socket.Connection.ShutdownAsync().Done(), socket.WriteKey, (_, reply) => reply.Ok(),
                Fail("close", socket.Connection.RemoteAddress.ToString())));
        });

        engine.RegisterOp("netClose", (a, r) => sockets.Take(a.Int32(0))?.Dispose());
        engine.RegisterOp("netAbort", (a, r) => sockets.Take(a.Int32(0))?.Connection.Abort());
        engine.RegisterOp("netCloseListener", (a, r) => listeners.Take(a.Int32(0))?.Dispose());
    }

    private static Socket Open(Handles<Socket> sockets, int handle, string what) =>
        sockets.Get(handle) ?? throw new OpException("InvalidStateError", $"{what}: the socket is closed");

    private static int Port(double value) =>
        value is >= 0 and <= 65535 && value == Math.Floor(value) ? (int)value : throw new OpException("RangeError", $"the port must be an integer from 0 to 65535, got {value}");

    private static string Ends(IConnection c) =>
        $"{c.LocalAddress.Host}\n{c.LocalAddress.Port}\n{c.RemoteAddress.Host}\n{c.RemoteAddress.Port}";

    private static Exception Error(Task task) => task.Exception?.InnerException ?? NetException.Of(NetErrorCode.Closed);

    /// <summary>A failure as the script sees it: an error named after its code, naming the operation and the address.</summary>
    private static Action<Exception, Reply> Fail(string operation, string address) => (e, reply) =>
    {
        var net = e as NetException ?? new NetException(NetErrorCode.IOError, "input/output error");
        reply.Error(ErrorName(net.Code), $"{operation} {address} {net.Detail}");
    };

    /// <summary>The error names scripts test (docs/DECISIONS.md, "runtime:net errors").</summary>
    public static string ErrorName(NetErrorCode code) => code switch
    {
        NetErrorCode.ConnectionRefused => "ConnectionRefusedError",
        NetErrorCode.ConnectionReset => "ConnectionResetError",
        NetErrorCode.HostNotFound => "HostNotFoundError",
        NetErrorCode.TimedOut => "TimeoutError",
        NetErrorCode.AddressInUse => "AddressInUseError",
        NetErrorCode.AddressNotAvailable => "AddressNotAvailableError",
        NetErrorCode.Unreachable => "NetworkError",
        NetErrorCode.Closed => "InvalidStateError",
        NetErrorCode.PermissionDenied => "NotAllowedError",
        NetErrorCode.InvalidAddress => "TypeError",
        _ => "IOError",
    };
}
