using EsRuntime.Capabilities;
using EsRuntime.Providers;
using EsRuntime.Providers.Sim;
using EsRuntime.Replay;
using EsRuntime.Replay.Replaying;
using EsRuntime.Runtime;

namespace EsRuntime.Tests.Replay;

/// <summary>Records and replays programs in memory, on simulated providers.</summary>
public static class TraceRuns
{
    public sealed record Recorded(byte[] Trace, JsResult Result);

    public static TraceHeader Header(string code, ulong seed) => new("test", "sim", [], null, code, [], new Dictionary<string, string>(),
        SimProcessHost.DefaultCwd, "linux", "x86_64", "UTC", Capability.All, seed);

    public static Recorded Record(string code, ulong seed = 1)
    {
        var console = new CapturingConsole();
        var providers = new ProviderSet(new VirtualClock(), new SeededEntropy(seed), console, new SimProcessHost(), new MemoryModuleSource());
        using var buffer = new MemoryStream();
        int exit;
        using (var trace = new TraceWriter(buffer, Header(code, seed)))
        {
            using var runtime = JsRuntime.FromCode(Options(Recorder.Wrap(providers, trace)), code);
            exit = runtime.RunToCompletion();
            trace.End(exit);
        }
        return new Recorded(buffer.ToArray(), new JsResult(console.Stdout, console.Stderr, exit));
    }

    /// <summary>Replays a trace with nothing but the trace: the provider set holds no other source of answers.</summary>
    public static (JsResult Result, ReplayDivergence? Divergence) Replay(byte[] trace)
    {
        using var reader = new TraceReader(new MemoryStream(trace));
        var console = new CapturingConsole();
        var replayer = new TraceReplayer(reader);
        var exit = 0;
        try
        {
            using var runtime = JsRuntime.FromCode(Options(Replayer.Providers(replayer, console)), reader.Header.EvalCode!);
            replayer.CallSite = runtime.CurrentCallSite;
            replayer.OnDivergence = _ => runtime.Stop(86);
            exit = runtime.RunToCompletion();
            replayer.ExpectEnd(exit);
        }
        catch (ReplayDivergenceException) { exit = 86; }
        return (new JsResult(console.Stdout, console.Stderr, exit), replayer.Divergence);
    }

    private static RuntimeOptions Options(ProviderSet providers) =>
        new() { Providers = providers, Capabilities = Capability.All, Deterministic = true };
}
