using EsRuntime.Providers.Sim;
using EsRuntime.Replay;

namespace EsRuntime.Tests.Replay;

public class RecordReplayTests
{
    private const string Program = """
        const t0 = performance.now();
        console.log("start", Date.now(), Math.random());
        await new Promise((r) => setTimeout(r, 250));
        console.log("later", performance.now() - t0, Math.random());
        setTimeout(() => { console.error("boom coming"); throw new Error("recorded failure"); }, 10);
        """;

    [Fact]
    public void ReplayReproducesOutputAndExitCode()
    {
        var recorded = Simulation.Record(Program, seed: 5);
        Assert.Equal(1, recorded.Outcome.ExitCode);
        var (replayed, divergence) = Simulation.Replay(recorded.Trace);
        Assert.Null(divergence);
        Assert.Equal(recorded.Outcome, replayed);
    }

    [Fact]
    public void ConsoleColoursAreRecordedAndReplayed()
    {
        const string code = "console.log({ n: 1 }); console.log(2);";
        var console = new CapturingConsole(colors: true);
        var world = new Simulation(1);
        var providers = new EsRuntime.Providers.ProviderSet(world.Clock, new SeededEntropy(1), console, new SimProcessHost(), world.CreateDisk());
        using var buffer = new MemoryStream();
        using (var trace = new TraceWriter(buffer, Simulation.Header(code, 1)))
        {
            using var runtime = EsRuntime.Runtime.JsRuntime.FromCode(new EsRuntime.Runtime.RuntimeOptions { Providers = Recorder.Wrap(providers, trace), Deterministic = true }, code);
            trace.End(runtime.RunToCompletion());
        }
        Assert.Equal("{ n: \e[33m1\e[39m }\n\e[33m2\e[39m\n", console.Stdout);
        using (var reader = new TraceReader(new MemoryStream(buffer.ToArray())))
        {
            var events = new List<TraceEvent>();
            while (reader.Next() is { } e) events.Add(e);
            Assert.Equal("console stdout colours = True", Assert.Single(events, e => e.Kind == TraceEventKind.ConsoleColor).Describe());
        }
        // The replay prints what was recorded, whatever its own console wants.
        var (replayed, divergence) = Simulation.Replay(buffer.ToArray());
        Assert.Null(divergence);
        Assert.Equal(console.Stdout, replayed.Stdout);
    }

    [Fact]
    public void TraceHoldsTheAnswersInOrder()
    {
        var recorded = Simulation.Record("console.log(Date.now()); console.log(Math.random() < 1);");
        using var reader = new TraceReader(new MemoryStream(recorded.Trace));
        var kinds = new List<TraceEventKind>();
        while (reader.Next() is { } e) kinds.Add(e.Kind);
        Assert.Equal(0, reader.EndExitCode);
        Assert.False(reader.Truncated);
        Assert.Equal(TraceEventKind.ProcessCwd, kinds[0]);
        Assert.True(kinds.IndexOf(TraceEventKind.ClockWall) < kinds.IndexOf(TraceEventKind.ConsoleWrite));
        Assert.Single(kinds, k => k == TraceEventKind.Entropy);
        Assert.Equal(2, kinds.Count(k => k == TraceEventKind.ConsoleWrite));
    }

    [Fact]
    public void ATruncatedTraceReplaysItsPrefixThenSaysWhereItEnds()
    {
        var recorded = Simulation.Record("for (let i = 0; i < 400; i++) { console.log('line', i); await null; }");
        var truncated = recorded.Trace[..(recorded.Trace.Length * 2 / 3)];
        var (result, divergence) = Simulation.Replay(truncated);
        Assert.True(divergence is { CutShort: true });
        Assert.Matches(@"^the trace was cut short after event \d+ \(no end record: the recorded run did not finish, or the file was truncated\): the replay matched every recorded event, then the program asked for <", divergence!.Message);
        Assert.StartsWith("line 0\nline 1\n", result.Stdout);
        Assert.True(result.Stdout.Length < recorded.Outcome.Stdout.Length);
        Assert.Equal(Simulation.CutShortExitCode, result.ExitCode);
    }

    [Fact]
    public void AProgramThatAsksForSomethingElseDivergesWithItsCallSite()
    {
        // Record one program, then replay the trace with a header claiming different code.
        var recorded = Simulation.Record("console.log(Date.now());");
        var other = Simulation.Record("console.log(Math.random());");
        var spliced = Splice(recorded.Trace, other.Trace);
        var (result, divergence) = Simulation.Replay(spliced);
        Assert.NotNull(divergence);
        Assert.Matches(@"^replay diverged at event \d+: trace has <clock wall read>, program asked for <entropy 16 bytes>\n    at .*\$esrun\$eval\.mjs:1:\d+$", divergence!.Message);
        Assert.Equal(86, result.ExitCode);
    }

    [Fact]
    public void ATraceRecordedWithCallSitesAlsoSaysWhereTheRecordedRunWas()
    {
        var recorded = Simulation.Record("const a = 1;\nconsole.log(a, Date.now());", callSites: true);
        var other = Simulation.Record("console.log(Math.random());");
        var (result, divergence) = Simulation.Replay(Splice(recorded.Trace, other.Trace));
        Assert.Matches(@"^replay diverged at event \d+: trace has <clock wall read>, program asked for <entropy 16 bytes>\n    at .*\$esrun\$eval\.mjs:1:\d+\n    the recorded run was at .*\$esrun\$eval\.mjs:2:\d+$", divergence!.Message);
        Assert.Equal(86, result.ExitCode);
    }

    [Fact]
    public void CallSitesAreReadWithTheirEventsAndChangeNothingAReplaySees()
    {
        const string code = "console.log(Date.now());\nawait new Promise((r) => setTimeout(r, 5));\nconsole.log(Math.random() < 1);";
        var plain = Simulation.Record(code);
        var sited = Simulation.Record(code, callSites: true);
        Assert.True(sited.Trace.Length > plain.Trace.Length);
        using (var reader = new TraceReader(new MemoryStream(sited.Trace)))
        {
            var sites = new List<(TraceEventKind Kind, string? Site)>();
            while (reader.Next() is { } e) sites.Add((e.Kind, reader.CallSite));
            // The wall clock is also read before the module runs (no call site there).
            Assert.Contains(sites, s => s.Kind == TraceEventKind.ClockWall && s.Site?.EndsWith("eval.mjs:1:18", StringComparison.Ordinal) == true);
            Assert.Matches(@"eval\.mjs:3:\d+$", Assert.Single(sites, s => s.Kind == TraceEventKind.Entropy).Site);
            Assert.Equal(Events(plain.Trace).Count, sites.Count);
        }
        var (replayed, divergence) = Simulation.Replay(sited.Trace);
        Assert.Null(divergence);
        Assert.Equal(plain.Outcome, replayed);
        Assert.Equal(sited.Outcome, replayed);
    }

    private static List<TraceEvent> Events(byte[] trace)
    {
        using var reader = new TraceReader(new MemoryStream(trace));
        var events = new List<TraceEvent>();
        while (reader.Next() is { } e) events.Add(e);
        return events;
    }

    /// <summary>The header (and so the program) of <paramref name="programFrom"/> with the events (and call sites) of <paramref name="eventsFrom"/>.</summary>
    private static byte[] Splice(byte[] eventsFrom, byte[] programFrom)
    {
        using var events = new TraceReader(new MemoryStream(eventsFrom));
        using var header = new TraceReader(new MemoryStream(programFrom));
        using var output = new MemoryStream();
        using (var writer = new TraceWriter(output, header.Header) { CallSite = () => events.CallSite })
        {
            while (events.Next() is { } e) writer.Add(e);
            writer.End(events.EndExitCode ?? 0);
        }
        return output.ToArray();
    }

    [Fact]
    public void DeterministicModeRemovesAmbientNondeterminism()
    {
        var r = Simulation.Record("""
            const target = {};
            const ref = new WeakRef(target);
            const registry = new FinalizationRegistry(() => console.log("never"));
            registry.register(target, "held");
            console.log(ref.deref() === target, typeof Atomics.wait, typeof Atomics.waitAsync, typeof WebAssembly.compileStreaming);
            const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
            const { instance } = await WebAssembly.instantiate(bytes);
            console.log(typeof instance.exports);
            """);
        // WebAssembly compiles synchronously in every mode (its streaming variants take a Response).
        Assert.Equal("true undefined undefined function\nobject\n", r.Outcome.Stdout);
    }
}
