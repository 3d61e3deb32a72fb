using EsRuntime.Capabilities;
using EsRuntime.Engine;
using EsRuntime.Http;
using EsRuntime.Loop;
using EsRuntime.Providers;
using EsRuntime.Runtime;

namespace EsRuntime.Host.Http;

/// <summary>
/// Ops behind <c>runtime:http</c>'s <c>serve</c>. Starting a server needs
/// <see cref="Capability.NetListen"/> (checked here); the server, its requests and their responses are
/// then addressed by handles of this runtime only.
/// </summary>
internal static class HttpOps
{
    private const int MaxViewChunk = 1024 * 1024;

    private sealed class ServerHandle(HttpServer server) : IDisposable
    {
        public HttpServer Server { get; } = server;
        public void Dispose() => Server.Stop();
    }

    public static void Register(RuntimeContext ctx)
    {
        var engine = ctx.Engine;
        var io = ctx.Completions;
        var servers = new Handles<ServerHandle>(ctx);

        HttpServer Server(OpArgs a) => servers.Get(a.Int32(0))?.Server ?? throw new OpException("InvalidStateError", "the server was stopped");
        HttpServer.Exchange Exchange(HttpServer server, OpArgs a, string what) =>
            server.Exchanges.GetValueOrDefault(a.Int32(1)) ?? throw new OpException("InvalidStateError", $"{what}: the response was already sent or the client went away");

        engine.RegisterOp("httpServe", (a, r) =>
        {
            ctx.Capabilities.Demand(Capability.NetListen, "runtime:http serve");
            var host = a.String(0);
            var port = a.Number(1) is var p and >= 0 and <= 65535 && p == Math.Floor(p) ? (int)p : throw new OpException("RangeError", $"serve: the port must be an integer from 0 to 65535, got {a.Number(1)}");
            var shown = new NetAddress(host, port).ToString();
            r.Set(io.Start(() => ctx.Providers.Net.ListenAsync(host, port), 0, (listener, reply) =>
            {
                var id = servers.Add(key => new ServerHandle(new HttpServer(ctx, listener, HttpLimits.Default, key)));
                reply.OkText(listener.LocalAddress.Host + "\n" + listener.LocalAddress.Port, id);
            }, (e, reply) =>
            {
                var net = e as NetException ?? new NetException(NetErrorCode.IOError, "input/output error");
                reply.Error(Net.NetOps.ErrorName(net.Code), $"serve {shown} {net.Detail}");
            }));
        });

        engine.RegisterOp("httpNext", (a, r) =>
        {
            var server = Server(a);
            var id = io.NewPromise();
            server.Next(id);
            r.Set(id);
        });

        engine.RegisterOp("httpAborts", (a, r) =>
        {
            var server = Server(a);
            var id = io.NewPromise();
            server.Aborts(id);
            r.Set(id);
        });

        engine.RegisterOp("httpFinished", (a, r) =>
        {
            var server = Server(a);
            var id = io.NewPromise();
            server.Finished(id);
            r.Set(id);
        });

        engine.RegisterOp("httpStop", (a, r) => Server(a).Stop());

        engine.RegisterOp("httpBodyRead", (a, r) =>
        {
            var server = Server(a);
            var exchange = Exchange(server, a, "request.body");
            var id = io.NewPromise();
            exchange.ReadBody(id);
            r.Set(id);
        });

        // A whole response: status, reason, fields ("name\0value\0..."), then the body's bytes in the
        // transfer buffer after the fields (or a JS view, for a large body), in one crossing.
        engine.RegisterOp("httpRespond", (a, r) =>
        {
            var server = Server(a);
            var exchange = Exchange(server, a, "respond");
            var (status, reason, fields, length) = (a.Int32(2), a.String(3), Fields(a.String(4)), a.Number(5));
            exchange.Owner.Begin(exchange, status, reason.Length == 0 ? null : reason, fields, (long)length);
            if (length > 0) Body(engine, a, 6, (int)length, data => exchange.Owner.WriteBody(data));
            _ = exchange.Owner.End(exchange);
        });

        // A streamed response: the head now, then chunks (each settling when the network took it), then the end.
        engine.RegisterOp("httpRespondHead", (a, r) =>
        {
            var server = Server(a);
            var exchange = Exchange(server, a, "respond");
            exchange.Owner.Begin(exchange, a.Int32(2), a.String(3) is { Length: > 0 } reason ? reason : null, Fields(a.String(4)), (long)a.Number(5));
        });

        engine.RegisterOp("httpWrite", (a, r) =>
        {
            var server = Server(a);
            var exchange = Exchange(server, a, "write");
            var length = a.Int32(2);
            Task written = Task.CompletedTask;
            Body(engine, a, 3, length, data => written = exchange.Owner.WriteBody(data));
            r.Set(io.Start(() => written.Done(), 0, (_, reply) => reply.Ok(length), (_, reply) => reply.Error("ConnectionResetError", "respond: the client went away")));
        });

        engine.RegisterOp("httpEnd", (a, r) =>
        {
            var server = Server(a);
            var exchange = Exchange(server, a, "respond");
            _ = exchange.Owner.End(exchange);
        });

        engine.RegisterOp("httpAbort", (a, r) =>
        {
            var server = Server(a);
            if (server.Exchanges.GetValueOrDefault(a.Int32(1)) is { } exchange) exchange.Owner.Abort(exchange);
        });
    }

    /// <summary>Body bytes of an op: the transfer buffer (from offset 0) when argument <paramref name="index"/> is null, else a range of a JS view.</summary>
    internal static void Body(V8Engine engine, OpArgs a, int index, int length, HttpServer.BodyWriter write)
    {
        if (a.IsNullish(index))
        {
            if (length < 0 || length > engine.DispatchSlots) throw new OpException("RangeError", "bad body length");
            write(engine.Transfer[..length]);
            return;
        }
        if (length < 0 || length > MaxViewChunk) throw new OpException("RangeError", "bad body length");
        var bytes = new byte[length];
        V8Engine.ReadBytes(a.Value(index), (long)a.Number(index + 1), bytes);
        write(bytes);
    }

    internal static List<HttpField> Fields(string text)
    {
        var fields = new List<HttpField>();
        if (text.Length == 0) return fields;
        var parts = text.Split('\0');
        for (var i = 0; i + 1 < parts.Length; i += 2) fields.Add(new HttpField(parts[i], parts[i + 1]));
        return fields;
    }
}
