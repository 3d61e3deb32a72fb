using System.Text;
using System.Text.Json;
using EsRuntime.Capabilities;
using EsRuntime.Runtime;

namespace EsRuntime.Host.Process;

/// <summary>Ops behind <c>runtime:process</c>. Reading the host needs <see cref="Capability.Env"/>.</summary>
internal static class ProcessOps
{
    public static void Register(RuntimeContext ctx)
    {
        var engine = ctx.Engine;
        var process = ctx.Providers.Process;

        // One crossing for the whole snapshot: {"env":{...},"args":[...]} as JSON.
        engine.RegisterOp("processSnapshot", (a, r) =>
        {
            ctx.Capabilities.Demand(Capability.Env, "runtime:process (env, args)");
            r.Set(SnapshotJson(process.Environment(), process.Args));
        });
        engine.RegisterOp("processCwd", (a, r) =>
        {
            ctx.Capabilities.Demand(Capability.Env, "runtime:process cwd()");
            r.Set(process.Cwd());
        });
        // The build's OS and CPU are facts of the binary, not of the environment: no capability.
        engine.RegisterOp("processPlatform", (a, r) => r.Set(process.Platform));
        engine.RegisterOp("processArch", (a, r) => r.Set(process.Arch));
        engine.RegisterOp("processExit", (a, r) =>
        {
            var code = a.Int32(0);
            process.Exit(code);
            throw ctx.Halt(code);
        });
    }

    private static string SnapshotJson(IReadOnlyDictionary<string, string> env, IReadOnlyList<string> args)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("env");
            foreach (var (key, value) in env.OrderBy(p => p.Key, StringComparer.Ordinal)) json.WriteString(key, value);
            json.WriteEndObject();
            json.WriteStartArray("args");
            foreach (var arg in args) json.WriteStringValue(arg);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
