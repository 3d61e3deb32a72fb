namespace EsRuntime.Cli.Tests;

/// <summary>Record, replay, simulate and check determinism through the built binary.</summary>
public sealed class ReplayCliTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("esrun-replay-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_dir.FullName, name);

    private string Write(string name, string text)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void RecordedTimersExampleReplaysAfterItsSourceIsGone()
    {
        var script = Write("timers.js", File.ReadAllText(Path.Combine(Esrun.RepoRoot, "examples", "timers.js")));
        var recorded = Esrun.Run(_dir.FullName, "--record", "t.trace", script);
        Assert.Equal(0, recorded.ExitCode);
        File.Delete(script);
        var replayed = Esrun.Run(_dir.FullName, "--replay", "t.trace");
        Assert.Equal(recorded.Stdout, replayed.Stdout);
        Assert.Equal(recorded.Stderr, replayed.Stderr);
        Assert.Equal(0, replayed.ExitCode);
    }

    [Fact]
    public void ModuleGraphWithDynamicImportReplaysWithAlteredSources()
    {
        Write("app/package.json", "{}");
        Write("app/dep.mjs", "export const dep = 'original dep';");
        Write("app/lazy.mjs", "await null; export const lazy = 'original lazy ' + Math.random().toFixed(3);");
        var main = Write("app/main.mjs", "import { dep } from './dep.mjs'; const { lazy } = await import('./lazy.mjs'); console.log(dep, lazy, Date.now() > 0);");
        var recorded = Esrun.Run(_dir.FullName, "--record", "g.trace", main);
        Assert.Equal("", recorded.Stderr);
        Write("app/dep.mjs", "export const dep = 'CHANGED';");
        File.Delete(PathOf("app/lazy.mjs"));
        var replayed = Esrun.Run(PathOf("app"), "--replay", PathOf("g.trace"));
        Assert.Equal(recorded.Stdout, replayed.Stdout);
        Assert.StartsWith("original dep original lazy", replayed.Stdout);
        Assert.Equal(0, replayed.ExitCode);
    }

    [Fact]
    public void AFailedRunReplaysToTheSameErrorAndExitCode()
    {
        var script = Write("fails.mjs", "console.log('before'); setTimeout(() => { throw new RangeError('recorded ' + Math.random()); }, 5);");
        var recorded = Esrun.Run(_dir.FullName, "--record", "f.trace", script);
        Assert.Equal(1, recorded.ExitCode);
        Assert.StartsWith("error: Uncaught RangeError: recorded 0.", recorded.Stderr);
        File.Delete(script);
        var replayed = Esrun.Run(_dir.FullName, "--replay", "f.trace");
        Assert.Equal(recorded, replayed);
    }

    [Fact]
    public void TraceSummaryShowsHeaderCountsAndTimeline()
    {
        Esrun.Run(_dir.FullName, "--sim", "3", "--record", "s.trace", "-e", "console.log(Math.random())");
        var summary = Esrun.Run(_dir.FullName, "trace", "s.trace", "--events", "2");
        Assert.Equal(0, summary.ExitCode);
        Assert.Contains("mode sim, seed 3", summary.Stdout);
        Assert.Contains("ended with exit code 0", summary.Stdout);
        Assert.Matches(@"Entropy\s+1\n", summary.Stdout);
        Assert.Contains("first 2 events:\n       0  process cwd", summary.Stdout);
    }

    [Fact]
    public void CorruptOrMissingTraceIsACleanError()
    {
        File.WriteAllText(PathOf("junk.trace"), "this is not a trace");
        var junk = Esrun.Run(_dir.FullName, "--replay", "junk.trace");
        Assert.Equal(87, junk.ExitCode);
        Assert.Equal("error: cannot replay junk.trace: not an esrun trace (bad magic)\n", junk.Stderr);
        Assert.Equal(87, Esrun.Run(_dir.FullName, "--replay", "absent.trace").ExitCode);
        Assert.Equal(87, Esrun.Run(_dir.FullName, "trace", "junk.trace").ExitCode);
    }

    [Fact]
    public void TruncatedTraceReplaysItsPrefixThenReportsWhereItEnds()
    {
        var script = Write("long.mjs", "for (let i = 0; i < 300; i++) { console.log('line ' + i); await new Promise((r) => setTimeout(r, 1)); }");
        Esrun.Run(_dir.FullName, "--sim", "1", "--record", "full.trace", script);
        var bytes = File.ReadAllBytes(PathOf("full.trace"));
        File.WriteAllBytes(PathOf("cut.trace"), bytes[..(bytes.Length * 3 / 4)]);
        var replayed = Esrun.Run(_dir.FullName, "--replay", "cut.trace");
        Assert.Equal(89, replayed.ExitCode);
        Assert.StartsWith("line 0\nline 1\n", replayed.Stdout);
        Assert.Matches(@"^error: the trace was cut short after event \d+ \(no end record: the recorded run did not finish, or the file was truncated\): the replay matched every recorded event, then the program asked for <", replayed.Stderr);
    }

    [Fact]
    public void SimulationIsFastAndSeeded()
    {
        var script = Write("hour.mjs", """
            const start = Date.now();
            let n = 0;
            await new Promise((resolve) => { const id = setInterval(() => { if (++n === 3600) { clearInterval(id); resolve(); } }, 1000); });
            console.log(Date.now() - start, new Date().toISOString(), Math.random());
            """);
        var a = Esrun.Run(_dir.FullName, "--sim", "42", script);
        var b = Esrun.Run(_dir.FullName, "--sim", "42", script);
        var c = Esrun.Run(_dir.FullName, "--sim", "43", script);
        Assert.StartsWith("3600000 2000-01-01T01:00:00.000Z 0.", a.Stdout);
        Assert.Equal(a.Stdout, b.Stdout);
        Assert.NotEqual(a.Stdout, c.Stdout);
    }

    [Fact]
    public void SimulatedRunCanBeRecordedAndReplayed()
    {
        var script = Write("sim.mjs", "await new Promise((r) => setTimeout(r, 5000)); console.log(Date.now(), Math.random(), new Date().toString());");
        var recorded = Esrun.Run(_dir.FullName, "--sim", "9", "--record", "sim.trace", script);
        Assert.Contains("GMT+0000", recorded.Stdout);
        File.Delete(script);
        Assert.Equal(recorded, Esrun.Run(_dir.FullName, "--replay", "sim.trace"));
    }

    [Fact]
    public void CheckDeterminismReportsIdenticalRuns()
    {
        var script = Write("det.mjs", "setTimeout(() => console.log(Math.random(), performance.now()), 10);");
        var r = Esrun.Run(_dir.FullName, "--sim", "5", "--check-determinism", script);
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"^both runs were identical: \d+ provider events, exit code 0\n$", r.Stdout);
        Assert.Equal(2, Esrun.Run(_dir.FullName, "--check-determinism", script).ExitCode);
    }

    [Fact]
    public void ARecordingWithCallSitesReplaysTheSameAndNeedsRecord()
    {
        // File answers arrive from the thread pool: they are recorded without a call site, never by entering the engine.
        Write("data.txt", "payload");
        var script = Write("sites.mjs", """
            import { file } from "runtime:fs";
            const text = await file("data.txt").text();
            await new Promise((r) => setTimeout(r, 20));
            console.log(text, Date.now() > 0, Math.random() < 1);
            """);
        var recorded = Esrun.Run(_dir.FullName, "--record", "s.trace", "--call-sites", script);
        Assert.Equal(("payload true true\n", "", 0), (recorded.Stdout, recorded.Stderr, recorded.ExitCode));
        File.Delete(script);
        File.Delete(PathOf("data.txt"));
        Assert.Equal(recorded, Esrun.Run(_dir.FullName, "--replay", "s.trace"));
        Assert.Equal(0, Esrun.Run(_dir.FullName, "trace", "s.trace").ExitCode);
        var refused = Esrun.Run(_dir.FullName, "--call-sites", "-e", "1");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--call-sites needs --record TRACE", refused.Stderr);
    }
}
