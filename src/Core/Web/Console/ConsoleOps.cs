using EsRuntime.Engine;
using EsRuntime.Providers;
using EsRuntime.Runtime;

namespace EsRuntime.Web.Console;

/// <summary>What console inspection asks the host: a promise's state, and whether a stream wants colours.</summary>
internal static class ConsoleOps
{
    public static void Register(RuntimeContext ctx)
    {
        ctx.Engine.RegisterOp("promiseState", (a, r) => r.Set(a.PromiseState(0)));
        ctx.Engine.RegisterOp("consoleColors", (a, r) =>
            r.Set(ctx.Providers.Console.UsesColor(a.Int32(0) == 2 ? ConsoleStream.Stderr : ConsoleStream.Stdout)));
    }
}
