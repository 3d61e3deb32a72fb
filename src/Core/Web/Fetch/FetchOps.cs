using EsRuntime.Engine;
using EsRuntime.Host.Http;
using EsRuntime.Http;
using EsRuntime.Runtime;

namespace EsRuntime.Web.Fetch;

/// <summary>
/// Ops behind fetch()'s network requests (fetch.js does the Fetch Standard's part: the Request,
/// redirects, the Response). Each request needs <see cref="Capabilities.Capability.Net"/> for its
/// host, checked here, then lives as a handle of this runtime until its body's end or error was read.
/// </summary>
internal static class FetchOps
{
    public static void Register(RuntimeContext ctx)
    {
        var engine = ctx.Engine;
        var io = ctx.Completions;
        var client = new FetchClient(ctx);
        ctx.OnDispose(client.Dispose);
        var exchanges = new Handles<FetchExchange>(ctx);

        FetchExchange Exchange(OpArgs a) => exchanges.Get(a.Int32(0)) ?? throw new OpException("InvalidStateError", "the request has finished");

        // fetchStart(secure, host, port, method, target, hostHeader, fields, length, whole) -> handle.
        // length: -1 no body, -2 a stream of unknown length (chunked), else its length; whole: the
        // body's bytes are in the transfer buffer now, else fetchWrite brings them.
        engine.RegisterOp("fetchStart", (a, r) =>
        {
            var (secure, host, port) = (a.Int32(0) == 1, a.String(1), a.Int32(2));
            ctx.Capabilities.DemandNet(host, port, "fetch");
            var length = (long)a.Number(7);
            var framing = length switch { -1 => BodyFraming.None, -2 => BodyFraming.Chunked, _ => BodyFraming.OfLength(length) };
            byte[]? whole = null;
            if (a.Int32(8) == 1)
            {
                if (length < 0 || length > engine.DispatchSlots) throw new OpException("RangeError", "fetchStart: bad body length");
                whole = engine.Transfer[..(int)length].ToArray();
            }
            else if (length == -1) whole = [];
            var target = new FetchExchange.Target(secure, host, port, a.String(3), a.String(4), a.String(5), HttpOps.Fields(a.String(6)), framing);
            r.Set(exchanges.Add(id => new FetchExchange(client, target, whole, () => exchanges.Take(id))));
        });

        engine.RegisterOp("fetchHead", (a, r) =>
        {
            var exchange = Exchange(a);
            var id = io.NewPromise();
            exchange.Head(id);
            r.Set(id);
        });

        // fetchWrite(handle, length, view?, offset): a piece of a streamed request body.
        engine.RegisterOp("fetchWrite", (a, r) =>
        {
            var exchange = Exchange(a);
            var bytes = Array.Empty<byte>();
            HttpOps.Body(engine, a, 2, a.Int32(1), data => bytes = data.ToArray());
            var id = io.NewPromise();
            exchange.Write(bytes, id);
            r.Set(id);
        });

        engine.RegisterOp("fetchEnd", (a, r) =>
        {
            var exchange = Exchange(a);
            var id = io.NewPromise();
            exchange.Write(null, id);
            r.Set(id);
        });

        engine.RegisterOp("fetchRead", (a, r) =>
        {
            var exchange = Exchange(a);
            var id = io.NewPromise();
            exchange.Read(id);
            r.Set(id);
        });

        engine.RegisterOp("fetchAbort", (a, r) => exchanges.Get(a.Int32(0))?.Abort("the request was aborted"));
    }
}
