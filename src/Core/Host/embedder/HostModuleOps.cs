using System.Text;
using EsRuntime.Engine;
using EsRuntime.Loop;
using EsRuntime.Modules;
using EsRuntime.Runtime;

namespace EsRuntime.Host.Embedder;

/// <summary>
/// Ops behind the embedder's <c>host:</c> modules (<see cref="HostModule"/>). Each call checks the
/// module's capabilities, reads its arguments (one JSON string, byte arguments as views), and asks the
/// <see cref="Providers.IHostCalls"/> provider — so recording and replaying see every answer. Errors
/// a function throws reach the script as JS errors, never as host exceptions.
/// </summary>
internal static class HostModuleOps
{
    private const byte JsonAnswer = 0, BytesAnswer = 1, UndefinedAnswer = 2;

    public static void Register(RuntimeContext ctx, IReadOnlyList<HostModule> modules, ModuleLoader loader)
    {
        var engine = ctx.Engine;
        var calls = ctx.Providers.Host;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < modules.Count; i++)
        {
            if (!seen.Add(modules[i].Name)) throw new ArgumentException($"{modules[i].Specifier} is registered twice");
            loader.AddPrivileged(modules[i].Specifier, Source(i, modules[i]));
        }
        // Cancelled when the runtime is disposed, before the runtime waits for work still running.
        var stop = new CancellationTokenSource();
        ctx.OnDispose(stop.Cancel);
        byte[]? pendingBytes = null;

        HostFunction Function(OpArgs a)
        {
            var (module, index) = (a.Int32(0), a.Int32(1));
            if (module < 0 || module >= modules.Count || index < 0 || index >= modules[module].Functions.Count)
                throw new OpException("TypeError", "no such host function");
            var function = modules[module].Functions[index];
            ctx.Capabilities.Demand(function.Module.Requires, function.ToString());
            return function;
        }

        engine.RegisterOp("hostCall", (a, r) =>
        {
            var function = Function(a);
            HostValue value;
            try { value = calls.Call(function, Args(a)); }
            catch (Exception e) when (e is not (OpException or OutOfMemoryException or Replay.Replaying.ReplayDivergenceException))
            {
                var (name, message) = Describe(function, e);
                throw new OpException(name, message);
            }
            if (value.Bytes is { } bytes)
            {
                pendingBytes = bytes;
                r.Set(bytes.Length);
            }
            else if (value.Json is { } json) r.Set(json);
            else r.SetUndefined();
        });
        engine.RegisterOp("hostTakeBytes", (a, r) =>
        {
            var bytes = pendingBytes ?? throw new OpException("Error", "no host answer is waiting");
            pendingBytes = null;
            V8Engine.WriteBytes(a.Value(0), bytes);
        });
        engine.RegisterOp("hostCallAsync", (a, r) =>
        {
            var function = Function(a);
            var args = Args(a);
            r.Set(ctx.Completions.Start(() => calls.CallAsync(function, args, stop.Token), 0, Answer, (e, reply) =>
            {
                var (name, message) = Describe(function, e);
                reply.Error(name, message);
            }));
        });
    }

    /// <summary>The JS error (name, message) a function's exception becomes.</summary>
    public static (string Name, string Message) Describe(HostFunction function, Exception e) => e switch
    {
        HostFunctionException h => (h.Name, h.Message),
        ArgumentException => ("TypeError", $"{function}: {e.Message}"),
        OperationCanceledException => ("AbortError", $"{function} was cancelled"),
        _ => ("Error", $"{function} failed: {e.Message}"),
    };

    private static HostArgs Args(OpArgs a)
    {
        var json = a.String(2);
        var bytes = new byte[a.Count - 3][];
        for (var i = 3; i < a.Count; i++)
        {
            var view = a.Value(i);
            bytes[i - 3] = new byte[V8Engine.ByteLength(view)];
            V8Engine.ReadBytes(view, 0, bytes[i - 3]);
        }
        try { return new HostArgs(json, bytes); }
        catch (System.Text.Json.JsonException) { throw new OpException("TypeError", "the arguments are not JSON"); }
    }

    private static void Answer(HostValue value, Reply reply)
    {
        if (value.Bytes is { } bytes)
        {
            var framed = new byte[bytes.Length + 1];
            framed[0] = BytesAnswer;
            bytes.CopyTo(framed, 1);
            reply.Ok(0, framed);
        }
        else if (value.Json is { } json)
        {
            var framed = new byte[Encoding.UTF8.GetByteCount(json) + 1];
            framed[0] = JsonAnswer;
            Encoding.UTF8.GetBytes(json, framed.AsSpan(1));
            reply.Ok(0, framed);
        }
        else reply.Ok(0, [UndefinedAnswer]);
    }

    /// <summary>
    /// The module's source: each function exported under its name and as a property of the default
    /// object. The module declares no other binding, so no function name can clash with one.
    /// </summary>
    private static string Source(int index, HostModule module)
    {
        var text = new StringBuilder($"// {module.Specifier}: functions the embedder registered.\n");
        for (var i = 0; i < module.Functions.Count; i++)
        {
            var f = module.Functions[i];
            text.Append($"export const {f.Name} = import.meta.internals.hostFunction({index}, {i}, \"{f.Name}\", {(f.IsAsync ? "true" : "false")});\n");
        }
        text.Append("export default Object.freeze({ ").Append(string.Join(", ", module.Functions.Select(f => f.Name))).Append(" });\n");
        return text.ToString();
    }
}
