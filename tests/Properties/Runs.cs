using EsRuntime.Capabilities;
using EsRuntime.Providers;
using EsRuntime.Providers.Sim;
using EsRuntime.Replay;
using EsRuntime.Replay.Replaying;
using EsRuntime.Runtime;

namespace EsRuntime.Properties;

public sealed record Outcome(string Stdout, string Stderr, int ExitCode);

/// <summary>Simulated, recorded and replayed runs of a program, in memory.</summary>
public static class Runs
{
    public const int Diverged = 86;

    public static (Outcome Outcome, byte[] Trace) Record(string code, ulong seed)
    {
        var console = new CapturingConsole();
        var providers = new ProviderSet(new VirtualClock(), new SeededEntropy(seed), console, new SimProcessHost(), new MemoryModuleSource());
        using var buffer = new MemoryStream();
        int exit;
        var header = new TraceHeader("test", "sim", [], null, code, [], new Dictionary<string, string>(), SimProcessHost.DefaultCwd,
            "linux", "x86_64", "UTC", Capability.All, seed);
        using (var trace = new TraceWriter(buffer, header))
        {
            using var runtime = JsRuntime.FromCode(Options(Recorder.Wrap(providers, trace)), code);
            exit = runtime.RunToCompletion();
            trace.End(exit);
        }
        return (new Outcome(console.Stdout, console.Stderr, exit), buffer.ToArray());
    }

    public static (Outcome Outcome, ReplayDivergence? Divergence) Replay(byte[] trace)
    {
        using var reader = new TraceReader(new MemoryStream(trace));
        var console = new CapturingConsole();
        var replayer = new TraceReplayer(reader);
        int exit;
        try
        {
            using var runtime = JsRuntime.FromCode(Options(Replayer.Providers(replayer, console)), reader.Header.EvalCode!);
            replayer.OnDivergence = _ => runtime.Stop(Diverged);
            exit = runtime.RunToCompletion();
            replayer.ExpectEnd(exit);
        }
        catch (ReplayDivergenceException) { exit = Diverged; }
        return (new Outcome(console.Stdout, console.Stderr, exit), replayer.Divergence);
    }

    /// <summary>The same trace with event <paramref name="index"/> changed (and checkpoints recomputed).</summary>
    public static byte[] Mutate(byte[] trace, int index)
    {
        using var reader = new TraceReader(new MemoryStream(trace));
        using var output = new MemoryStream();
        using (var writer = new TraceWriter(output, reader.Header))
        {
            var i = 0;
            while (reader.Next() is { } e)
            {
                writer.Add(i++ == index ? Change(e) : e);
            }
            writer.End(reader.EndExitCode ?? 0);
        }
        return output.ToArray();
    }

    public static int EventCount(byte[] trace)
    {
        using var reader = new TraceReader(new MemoryStream(trace));
        var n = 0;
        while (reader.Next() is not null) n++;
        return n;
    }

    private static TraceEvent Change(TraceEvent e) => e switch
    {
        { Bytes: { Length: > 0 } bytes } => e with { Bytes = bytes.Select((b, i) => i == 0 ? (byte)(b ^ 1) : b).ToArray() },
        { Text: not null } => e with { Text = e.Text + "!" },
        _ => e with { Number = e.Number + 1 },
    };

    private static RuntimeOptions Options(ProviderSet providers) =>
        new() { Providers = providers, Capabilities = Capability.All, Deterministic = true };
}
