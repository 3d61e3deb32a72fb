namespace EsRuntime.Cli.Tests;

/// <summary>Simulated systems of several hosts from the CLI: determinism, one trace, exit codes, runtime:sim, restarts.</summary>
public sealed class SystemCliTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("esrun-sys-cli-");

    public SystemCliTests()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "package.json"), "{}");
        foreach (var name in new[] { "kv-server.mjs", "kv-server-fixed.mjs", "client.mjs" })
            File.Copy(Path.Combine(Esrun.RepoRoot, "examples", "sim", name), Path.Combine(_dir.FullName, name));
    }

    public void Dispose() => _dir.Delete(recursive: true);

    private string Script(string name, string code)
    {
        File.WriteAllText(Path.Combine(_dir.FullName, name), code);
        return name;
    }

    private static readonly string[] Kv = ["--host", "api=kv-server.mjs", "--host", "a=client.mjs 0", "--host", "b=client.mjs 1000"];

    private Esrun.Result Run(params string[] args) => Esrun.Run(_dir.FullName, args);

    [Fact]
    public void ThreeHostsUnderOneSeedGiveByteIdenticalPrefixedOutput()
    {
        string[] args = ["--sim", "5", "--faults", "net.delay=0.02,net.reset=0.01", .. Kv];
        var first = Run(args);
        var second = Run(args);
        Assert.Equal(first.Stdout + first.Stderr, second.Stdout + second.Stderr);
        Assert.Equal(first.ExitCode, second.ExitCode);
        Assert.StartsWith("[api] counter service on :7000, value 0\n", first.Stdout);
        var fixedRun = Run(["--sim", "5", "--host", "api=kv-server-fixed.mjs", "--host", "a=client.mjs 0", "--host", "b=client.mjs 1000"]);
        Assert.Equal(0, fixedRun.ExitCode);
        Assert.Contains("[a] done: 50 increments", fixedRun.Stdout);
        Assert.Contains("[b] done: 50 increments, last value 100", fixedRun.Stdout);
    }

    [Fact]
    public void CheckDeterminismComparesBothRunsOfASystemAndNamesWhereAndWhyTheyDiffer()
    {
        var same = Run(["--sim", "3", "--check-determinism", "--faults", "net.delay=0.05,net.jitter=0.2", .. Kv]);
        Assert.Contains("[api] counter service on :7000, value 0\n", same.Stdout);
        Assert.Matches(@"both runs were identical: \d+ steps over 3 hosts, exit code \d+\n$", same.Stdout);
        // RSA-PSS salts come from OpenSSL, not the seed: the one source a simulated run cannot pin.
        Script("sign.mjs", """
            const key = await crypto.subtle.generateKey({ name: "RSA-PSS", modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" }, false, ["sign"]);
            const sig = new Uint8Array(await crypto.subtle.sign({ name: "RSA-PSS", saltLength: 32 }, key.privateKey, new Uint8Array([1])));
            console.log(sig[0], sig[1], sig[2], sig[3]);
            """);
        var differ = Run("--sim", "3", "--check-determinism", "--host", "api=kv-server-fixed.mjs", "--host", "sign.mjs");
        Assert.Equal(88, differ.ExitCode);
        Assert.Contains("host sign (run 1): runs differ at event ", differ.Stdout);
        Assert.Matches(@"  first run:  console stdout write .*\n      at /sim/project/sign.mjs:3:9\n  second run: console stdout write .*\n      at /sim/project/sign.mjs:3:9\n", differ.Stdout);
        Assert.Contains("RSA-PSS signature (OpenSSL randomness) (1x / 1x)", differ.Stdout);
    }

    [Fact]
    public void ASystemTraceReplaysEveryHostWithTheScriptsGone()
    {
        var recorded = Run(["--sim", "2", "--faults", "net.delay=0.05,disk.slow=0.05", "--record", "run.trace", .. Kv]);
        Assert.NotEqual(0, recorded.ExitCode); // the planted bug shows under these faults
        Assert.Contains("invariant \"every acknowledged increment is kept\" violated", recorded.Stdout + recorded.Stderr);
        foreach (var f in _dir.GetFiles("*.mjs")) f.Delete();
        var replayed = Run("--replay", "run.trace");
        Assert.Equal(recorded.Stdout, replayed.Stdout);
        Assert.Equal(recorded.Stderr, replayed.Stderr);
        Assert.Equal(recorded.ExitCode, replayed.ExitCode);
        var summary = Run("trace", "run.trace");
        Assert.Contains("3 hosts (api, a, b)", summary.Stdout);
        Assert.Contains("disk.slow#", summary.Stdout);
    }

    [Fact]
    public void TheRunTakesTheFirstFailingHostsExitCodeAndNamesResolve()
    {
        Script("echo.mjs", """
            import { listen } from "runtime:net";
            for await (const s of listen({ port: 9 })) s.readable.pipeTo(s.writable);
            """);
        Script("ask.mjs", """
            import { connect } from "runtime:net";
            const s = connect({ hostname: "echo", port: 9 });
            const w = s.writable.getWriter();
            await w.write(new TextEncoder().encode("ping"));
            const { value } = await s.readable.getReader().read();
            console.log(new TextDecoder().decode(value), s.remoteAddress ?? "");
            process.exit(3);
            """.Replace("process.exit(3)", "(await import(\"runtime:process\")).exit(3)"));
        var r = Run("--sim", "1", "--host", "echo.mjs", "--host", "ask.mjs");
        Assert.Equal(3, r.ExitCode);
        Assert.StartsWith("[ask] ping", r.Stdout);
        var unknown = Run("--sim", "1", "--host", "ask.mjs");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("[ask] error: Uncaught", unknown.Stderr);
    }

    [Fact]
    public void ACrashedHostRestartsOnWhatItsDiskSynced()
    {
        Script("crashy.mjs", """
            import { file, write } from "runtime:fs";
            import { crash, hostName, buggify } from "runtime:sim";
            let runs = 0;
            try { runs = Number(await file("runs.txt").text()); } catch {}
            runs++;
            await write("runs.txt", String(runs));
            console.log(`${hostName()} run ${runs} ${typeof buggify(0.5)}`);
            if (runs < 3) crash();
            """);
        var r = Run("--sim", "1", "--host", "node1=crashy.mjs");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("[node1] node1 run 1 boolean\n[node1] node1 run 2 boolean\n[node1] node1 run 3 boolean\n", r.Stdout);
        Assert.False(File.Exists(Path.Combine(_dir.FullName, "runs.txt")), "a simulated host wrote to the real disk");
    }

    [Fact]
    public void RuntimeSimOutsideASystemSaysItNeedsSim()
    {
        foreach (var args in new[] { new[] { "-e", "import { hostName } from 'runtime:sim'; hostName();" }, ["--sim", "1", "-e", "import { now } from 'runtime:sim'; now();"] })
        {
            var r = Run(args);
            Assert.Equal(1, r.ExitCode);
            Assert.Contains("needs a simulated system: run esrun --sim SEED --host", r.Stderr);
        }
        var invariant = Run("--sim", "1", "--host", Script("inv.mjs", """
            import { invariant } from "runtime:sim";
            let n = 0;
            invariant("n stays small", () => n < 3);
            for (let i = 0; i < 5; i++) { await new Promise(r => setTimeout(r, 1)); n++; }
            console.log("unreachable");
            """));
        Assert.Equal(1, invariant.ExitCode);
        Assert.Contains("invariant \"n stays small\" violated", invariant.Stderr);
        Assert.DoesNotContain("unreachable", invariant.Stdout);
    }

    [Fact]
    public void FuzzFindsThePlantedBugWritesATraceAndAShrunkScheduleThatReproduces()
    {
        var r = Run(["fuzz", "--seeds", "8", "--jobs", "2", "--faults", "swarm", "--explain", "1", "--shrink-runs", "40", "--out", "out", .. Kv]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("8/8 seeds", r.Stderr);
        Assert.Contains("seeds/s", r.Stderr);
        Assert.Contains("  seeds run        8\n", r.Stdout.Replace("\r", ""));
        var repro = r.Stdout.Split('\n').First(l => l.StartsWith("seed ", StringComparison.Ordinal) && l.Contains("esrun --sim"));
        var seed = repro.Split(' ')[1].TrimEnd(':');
        Assert.True(File.Exists(Path.Combine(_dir.FullName, "out", $"seed-{seed}.trace")));
        var schedule = Path.Combine(_dir.FullName, "out", $"seed-{seed}.schedule.json");
        Assert.Contains("\"faults\"", File.ReadAllText(schedule));
        Assert.Contains("shrunk to", r.Stdout);
        // The shrunk schedule alone (its seed comes from the file) fails the run again, and the trace replays it.
        var again = Run(["--fault-schedule", schedule, .. Kv]);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("invariant \"every acknowledged increment is kept\" violated", again.Stderr);
        var replay = Run("--replay", Path.Combine("out", $"seed-{seed}.trace"));
        Assert.Equal(1, replay.ExitCode);
        Assert.Contains("invariant", replay.Stderr);
        Assert.Contains("\"failures\"", File.ReadAllText(Path.Combine(_dir.FullName, "out", "report.json")));
    }

    [Fact]
    public void ShardsSplitTheSeedsAndMergeSumsThem()
    {
        string[] hosts = ["--host", "api=kv-server-fixed.mjs", "--host", "a=client.mjs 0 5", "--host", "b=client.mjs 100 5"];
        var one = Run(["fuzz", "--seeds", "6", "--shard", "1/2", "--faults", "swarm", "--out", "reports", .. hosts]);
        var two = Run(["fuzz", "--seeds", "6", "--shard", "2/2", "--faults", "swarm", "--out", "reports", .. hosts]);
        Assert.Equal(0, one.ExitCode);
        Assert.Equal(0, two.ExitCode);
        Assert.Contains("shard 1/2", one.Stdout);
        Assert.Contains("  seeds run        3\n", one.Stdout);
        var merged = Run("fuzz", "merge", Path.Combine("reports", "report-1-of-2.json"), Path.Combine("reports", "report-2-of-2.json"));
        Assert.Equal(0, merged.ExitCode);
        Assert.Contains("merged 2 shard reports", merged.Stdout);
        Assert.Contains("  seeds run        6\n", merged.Stdout);
        Assert.Contains("  failed           0\n", merged.Stdout);
    }

    [Fact]
    public void AuditListsTheAmbientNondeterminismTouched()
    {
        var script = Script("ambient.mjs", """
            new WeakRef({});
            new FinalizationRegistry(() => {});
            new Intl.NumberFormat("de").format(1234.5);
            new Date(0).getHours();
            Atomics.wait;
            console.log("ok");
            """);
        var single = Run("--sim", "1", "--audit", script);
        Assert.Equal(0, single.ExitCode);
        Assert.Equal("ok\n", single.Stdout);
        foreach (var name in new[] { "WeakRef", "FinalizationRegistry", "Intl / toLocale* (locale)", "local time (time zone)", "Atomics.wait / waitAsync" })
            Assert.Contains(name, single.Stderr);
        Assert.DoesNotContain("SharedArrayBuffer", single.Stderr);
        var system = Run("--sim", "1", "--audit", "--host", "x=ambient.mjs", "--host", Script("quiet.mjs", "console.log(1 + 1);"));
        Assert.Contains("[x] audit: sources of ambient nondeterminism the run touched:", system.Stderr);
        Assert.Contains("[quiet] audit: the run touched no source of ambient nondeterminism", system.Stderr);
        Assert.DoesNotContain("audit", Run("--sim", "1", script).Stderr);
    }

    [Fact]
    public void FetchReachesAServeHostByNameAndTheSystemReplays()
    {
        Script("web.mjs", "import { serve } from 'runtime:http'; serve({ port: 8080 }, (req) => new Response(`hello ${new URL(req.url).pathname}`));");
        Script("getter.mjs", "for (let i = 0; i < 3; i++) { const r = await fetch(`http://web:8080/n${i}`); console.log(r.status, await r.text()); }");
        var r = Run("--sim", "9", "--record", "web.trace", "--host", "web.mjs", "--host", "getter.mjs");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("[getter] 200 hello /n0\n[getter] 200 hello /n1\n[getter] 200 hello /n2\n", r.Stdout);
        var replay = Run("--replay", "web.trace");
        Assert.Equal(r.Stdout, replay.Stdout);
        Assert.Equal(0, replay.ExitCode);
    }

    [Fact]
    public void HostFlagsAreChecked()
    {
        Assert.Contains("--host needs --sim SEED", Run("--host", "a.mjs").Stderr);
        Assert.Contains("two hosts are named 'a'", Run("--sim", "1", "--host", "a=x.mjs", "--host", "a.mjs").Stderr);
        Assert.Contains("cannot find the script nope.mjs", Run("--sim", "1", "--host", "nope.mjs").Stderr);
    }
}
