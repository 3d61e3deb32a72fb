using EsRuntime.Capabilities;
using EsRuntime.Providers;
using EsRuntime.Replay;
using EsRuntime.Replay.Replaying;
using EsRuntime.Runtime;

namespace EsRuntime.Providers.Sim;

/// <summary>What a program printed and how it ended.</summary>
public sealed record RunOutcome(string Stdout, string Stderr, int ExitCode);

public sealed record RecordedRun(RunOutcome Outcome, byte[] Trace);

public sealed record ReplayedRun(RunOutcome Outcome, ReplayDivergence? Divergence);

/// <summary>
/// In-memory simulation for embedders' tests: run a program on the simulated providers under a seed,
/// recording its trace, and replay a trace with nothing but the trace.
/// </summary>
public static class Simulation
{
    /// <summary>The exit code of a replay that diverged (the CLI's as well).</summary>
    public const int DivergedExitCode = 86;

    /// <summary>The exit code of a replay that reached the end of a trace cut short (the CLI's as well).</summary>
    public const int CutShortExitCode = 89;

    public static TraceHeader Header(string code, ulong seed) => new("sim", "sim", [], null, code, [],
        SimProcessHost.DefaultCwd, "linux", "x86_64", "UTC", "en-US", Capability.All, seed);

    public static RecordedRun Record(string code, ulong seed = 1)
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
        return new RecordedRun(new RunOutcome(console.Stdout, console.Stderr, exit), buffer.ToArray());
    }

    /// <summary>Replays a trace of an in-memory program; the provider set holds no other source of answers.</summary>
    /// <exception cref="TraceFormatException">the trace cannot be read.</exception>
    public static ReplayedRun Replay(byte[] trace)
    {
        using var reader = new TraceReader(new MemoryStream(trace));
        var console = new CapturingConsole();
        var replayer = new TraceReplayer(reader);
        var exit = DivergedExitCode;
        try
        {
            using var runtime = JsRuntime.FromCode(Options(Replayer.Providers(replayer, console)), reader.Header.EvalCode ?? "");
            replayer.CallSite = runtime.CurrentCallSite;
            replayer.OnDivergence = d => runtime.Stop(ExitCodeOf(d));
            exit = runtime.RunToCompletion();
            replayer.ExpectEnd(exit);
        }
        catch (ReplayDivergenceException) { }
        if (replayer.Divergence is { } divergence) exit = ExitCodeOf(divergence);
        return new ReplayedRun(new RunOutcome(console.Stdout, console.Stderr, exit), replayer.Divergence);
    }

    /// <summary>86 for a divergence, 89 for the end of a trace cut short.</summary>
    public static int ExitCodeOf(ReplayDivergence divergence) => divergence.CutShort ? CutShortExitCode : DivergedExitCode;

    private static RuntimeOptions Options(ProviderSet providers) =>
        new() { Providers = providers, Capabilities = Capability.All, Deterministic = true };
}
