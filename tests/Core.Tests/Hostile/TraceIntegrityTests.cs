using EsRuntime.Capabilities;
using EsRuntime.Providers;
using EsRuntime.Providers.Sim;
using EsRuntime.Providers.Sim.Disk;
using EsRuntime.Replay;
using EsRuntime.Runtime;

namespace EsRuntime.Tests.Hostile;

/// <summary>Issue 9, items 12 and 13: every damage to a trace is detected and named; a trace holds no more than the program saw.</summary>
public class TraceIntegrityTests
{
    private static readonly byte[] Valid = Simulation.Record("console.log('hello', Math.random()); await new Promise((r) => setTimeout(r, 5)); console.log('done');").Trace;

    private static List<TraceEvent> ReadAll(byte[] trace, out TraceReader finished)
    {
        var reader = new TraceReader(new MemoryStream(trace));
        var events = new List<TraceEvent>();
        while (reader.Next() is { } e) events.Add(e);
        finished = reader;
        return events;
    }

    private static string Key(TraceEvent e) => e.Describe() + Convert.ToHexString(e.Bytes ?? []);

    [Fact]
    public void Item12_AChangedHeaderIsRefusedBeforeAnythingRuns()
    {
        var records = TraceBytes.Records(Valid);
        var tampered = TraceBytes.Pack(Valid, TraceBytes.Replace(records, "\"mode\":\"sim\"", "\"mode\":\"SIM\""));
        var e = Assert.Throws<TraceFormatException>(() => new TraceReader(new MemoryStream(tampered)));
        Assert.Equal("the trace header does not match its checksum (corrupt trace)", e.Message);
    }

    [Fact]
    public void Item12_ATraceCutShortByAnyFewBytesReplaysThenSaysSo()
    {
        var recorded = Simulation.Replay(Valid).Outcome;
        for (var cut = 1; cut <= 40; cut++)
        {
            var (outcome, divergence) = Simulation.Replay(Valid[..^cut]);
            Assert.True(divergence is { CutShort: true }, $"cut {cut}: {divergence?.Message ?? "no report"}");
            Assert.Equal(Simulation.CutShortExitCode, outcome.ExitCode);
            Assert.StartsWith("the trace was cut short after event ", divergence!.Message);
            Assert.StartsWith(outcome.Stdout, recorded.Stdout);
        }
    }

    [Fact]
    public void Item12_BytesAfterTheTraceAreRejected()
    {
        foreach (var junk in new[] { "x"u8.ToArray(), new byte[] { 0 }, "more junk after the end"u8.ToArray() })
        {
            var e = Assert.Throws<TraceFormatException>(() => ReadAll([.. Valid, .. junk], out _));
            Assert.Contains("Junk found after the end of the compressed data", e.Message);
        }
        // Records after the end record, inside the compressed stream, are refused as well.
        var records = TraceBytes.Records(Valid);
        var doubled = TraceBytes.Pack(Valid, [.. records, .. records[^20..]]);
        Assert.StartsWith("data follows the end record", Assert.Throws<TraceFormatException>(() => ReadAll(doubled, out _)).Message);
    }

    [Fact]
    public void Item12_ACorruptFirstCompressedByteIsAnUnreadableTraceNotADivergence()
    {
        for (var mask = 1; mask < 256; mask++)
        {
            var bytes = (byte[])Valid.Clone();
            bytes[10] ^= (byte)mask;
            Assert.Throws<TraceFormatException>(() => ReadAll(bytes, out _));
        }
    }

    [Fact]
    public void Item12_EverySingleBitFlipIsDetectedOrChangesNothing()
    {
        var expected = ReadAll(Valid, out _);
        for (var bit = 0; bit < Valid.Length * 8; bit++)
        {
            var bytes = (byte[])Valid.Clone();
            bytes[bit / 8] ^= (byte)(1 << (bit % 8));
            try
            {
                var events = ReadAll(bytes, out var reader);
                // Read as cut short (e.g. the last block's "final" bit cleared) is reported too. Otherwise
                // Deflate ignored the flipped bit (padding before a byte boundary): nothing changed.
                if (reader.Truncated) continue;
                Assert.Equal(expected.Select(Key), events.Select(Key));
                Assert.Equal(0, reader.EndExitCode);
            }
            catch (TraceFormatException) { }
        }
    }

    [Fact]
    public void Item13_ARunDeniedEnvLeavesNoEnvironmentInItsTrace()
    {
        var env = new Dictionary<string, string> { ["SECRET_TOKEN"] = "hunter2" };
        const string program = "import * as process from 'runtime:process'; try { Object.keys(process.env) } catch (e) { console.log(e.name) }";
        var denied = Record(program, env, Capability.All & ~Capability.Env);
        Assert.False(TraceBytes.Contains(denied, "hunter2"));
        Assert.False(TraceBytes.Contains(denied, "SECRET_TOKEN"));

        // Granted and read, the environment is an event, and replays from it.
        var granted = Record("import { env } from 'runtime:process'; console.log(env.SECRET_TOKEN);", env, Capability.All);
        Assert.True(TraceBytes.Contains(granted, "hunter2"));
        var (replayed, divergence) = Simulation.Replay(granted);
        Assert.Null(divergence);
        Assert.Equal("hunter2\n", replayed.Stdout);
    }

    private static byte[] Record(string code, IReadOnlyDictionary<string, string> env, Capability capabilities)
    {
        var providers = new ProviderSet(new VirtualClock(), new SeededEntropy(1), new CapturingConsole(), new SimProcessHost(environment: env), new SimFileSystem());
        using var buffer = new MemoryStream();
        using (var trace = new TraceWriter(buffer, Simulation.Header(code, 1) with { Capabilities = capabilities }))
        {
            using var runtime = JsRuntime.FromCode(new RuntimeOptions { Providers = Recorder.Wrap(providers, trace), Capabilities = capabilities, Deterministic = true }, code);
            trace.End(runtime.RunToCompletion());
        }
        return buffer.ToArray();
    }
}
