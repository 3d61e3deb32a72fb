using System.Diagnostics;

namespace EsRuntime.Cli.Tests;

/// <summary>runtime:fs and runtime:net from the CLI on real scripts: real runs, --sim, faults, record and replay.</summary>
public sealed class IoCliTests() : ProjectFolder("esrun-io-cli-")
{
    private const string FsHeavy = """
        import { file, write, readDir, mkdir, remove, stat, exists } from "runtime:fs";
        await mkdir("out/nested", { recursive: true });
        for (let i = 0; i < 40; i++) await write(`out/nested/f${i}.txt`, `file ${i} ` + "x".repeat(i * 100));
        let total = 0;
        for (const e of await readDir("out/nested")) total += (await file("out/nested/" + e.name).text()).length;
        const big = new Uint8Array(300_000).fill(7);
        await write("out/big.bin", big);
        const copied = await write("out/copy.bin", file("out/big.bin").stream());
        console.log("total", total, "copied", copied, (await stat("out/copy.bin")).size, await exists("out/nested/f39.txt"));
        console.log("fixture", (await file("fixture.txt").text()).trim());
        """;

    [Fact]
    public void AnFsScriptRunsOnTheRealDisk()
    {
        File.WriteAllText(Path.Combine(Dir.FullName, "fixture.txt"), "from the project\n");
        var r = Esrun.Run(Dir.FullName, Script("fs.mjs", FsHeavy));
        Assert.Equal("total 78310 copied 300000 300000 true\nfixture from the project\n", r.Stdout + r.Stderr);
        Assert.True(File.Exists(Path.Combine(Dir.FullName, "out", "nested", "f7.txt")));
        Assert.Equal(300_000, new FileInfo(Path.Combine(Dir.FullName, "out", "copy.bin")).Length);
    }

    [Fact]
    public void UnderSimNoWriteReachesTheRealDiskAndFixturesAreReadable()
    {
        File.WriteAllText(Path.Combine(Dir.FullName, "fixture.txt"), "from the project\n");
        var r = Esrun.Run(Dir.FullName, "--sim", "3", Script("fs.mjs", FsHeavy));
        Assert.Equal("total 78310 copied 300000 300000 true\nfixture from the project\n", r.Stdout + r.Stderr);
        Assert.False(Directory.Exists(Path.Combine(Dir.FullName, "out")), "a simulated run wrote to the real disk");
    }

    [Fact]
    public void TheSameSeedWithFaultsGivesByteIdenticalOutput()
    {
        File.WriteAllText(Path.Combine(Dir.FullName, "fixture.txt"), "x");
        var script = Script("fs.mjs", FsHeavy);
        var outputs = new HashSet<string>();
        for (var seed = 1; seed <= 6; seed++)
        {
            var first = Esrun.Run(Dir.FullName, "--sim", seed.ToString(), "--faults", "disk.eio=0.02,disk.nospace=0.01", script);
            var second = Esrun.Run(Dir.FullName, "--sim", seed.ToString(), "--faults", "disk.eio=0.02,disk.nospace=0.01", script);
            Assert.Equal(first, second);
            outputs.Add(first.Stdout + first.Stderr);
        }
        // Faults were drawn: not every seed ran clean, and failures name what happened.
        Assert.True(outputs.Count > 1, string.Join("\n---\n", outputs));
        Assert.Contains(outputs, o => o.Contains("(simulated fault)"));
    }

    [Fact]
    public void AnFsHeavyRecordingReplaysWithEveryFileDeleted()
    {
        File.WriteAllText(Path.Combine(Dir.FullName, "fixture.txt"), "recorded\n");
        var trace = Path.Combine(Path.GetTempPath(), $"esrun-fs-{Guid.NewGuid():N}.trace");
        try
        {
            var recorded = Esrun.Run(Dir.FullName, "--record", trace, Script("fs.mjs", FsHeavy));
            Assert.Equal(0, recorded.ExitCode);
            foreach (var entry in Dir.EnumerateFileSystemInfos())
                if (entry is DirectoryInfo d) d.Delete(true); else entry.Delete();
            var replayed = Esrun.Run(Path.GetTempPath(), "--replay", trace);
            Assert.Equal(recorded.Stdout, replayed.Stdout);
            Assert.Equal(recorded.Stderr, replayed.Stderr);
            Assert.Equal(0, replayed.ExitCode);
            Assert.Empty(Dir.EnumerateFileSystemInfos());
        }
        finally { File.Delete(trace); }
    }

    private const string Echo = """
        import { connect, listen } from "runtime:net";
        import { args } from "runtime:process";
        const count = Number(args[0] ?? 10);
        const server = listen({ hostname: "127.0.0.1", port: 0 });
        const { port } = await server.addr;
        (async () => { for await (const c of server) c.readable.pipeTo(c.writable).catch(() => {}); })();
        let bytes = 0;
        await Promise.all(Array.from({ length: count }, async (_, i) => {
          const s = connect({ hostname: "127.0.0.1", port });
          const w = s.writable.getWriter();
          await w.write(`message ${i} `.repeat(50));
          await w.close();
          for await (const c of s.readable) bytes += c.byteLength;
        }));
        console.log("connections", count, "bytes", bytes);
        server.close();
        """;

    [Fact]
    public void AnEchoServerAndClientsRunOverLoopbackAndUnderSim()
    {
        var script = Script("echo.mjs", Echo);
        var real = Esrun.Run(Dir.FullName, script, "20");
        Assert.Equal("connections 20 bytes 10500\n", real.Stdout + real.Stderr);
        var sim = Esrun.Run(Dir.FullName, "--sim", "5", script, "20");
        Assert.Equal(real.Stdout, sim.Stdout + sim.Stderr);
    }

    [Fact]
    public void AHundredConnectionEchoReplaysIdenticallyFromItsTrace()
    {
        var script = Script("echo.mjs", Echo);
        var trace = Path.Combine(Path.GetTempPath(), $"esrun-net-{Guid.NewGuid():N}.trace");
        try
        {
            var recorded = Esrun.Run(Dir.FullName, "--record", trace, script, "100");
            Assert.Equal("connections 100 bytes 54500\n", recorded.Stdout + recorded.Stderr);
            File.Delete(script);
            var replayed = Esrun.Run(Path.GetTempPath(), "--replay", trace);
            Assert.Equal(recorded.Stdout, replayed.Stdout + replayed.Stderr);
            Assert.Equal(0, replayed.ExitCode);
        }
        finally { File.Delete(trace); }
    }

    [Fact]
    public void DenyingNetRefusesConnectAndListen()
    {
        var r = Esrun.Run(Dir.FullName, "--deny", "net,net-listen", Script("deny.mjs", """
            import { connect, listen } from "runtime:net";
            for (const attempt of [() => connect("127.0.0.1:80"), () => listen({ port: 0 })]) {
              try { attempt(); console.log("allowed"); } catch (e) { console.log(e.name); }
            }
            """));
        Assert.Equal("NotCapable\nNotCapable\n", r.Stdout);
    }

    [Fact]
    public void TheTimeoutStopsASynchronousLoopAndKeepsTheOutput()
    {
        var clock = Stopwatch.StartNew();
        var r = Esrun.Run(Dir.FullName, "--timeout", "300", Script("spin.mjs", "console.log('before'); while (true) {}"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.Equal("before\n", r.Stdout);
        Assert.Contains("execution timed out after 300 ms", r.Stderr);
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void FaultsNeedSimAndNamesAreChecked()
    {
        var script = Script("x.mjs", "console.log(1)");
        var noSim = Esrun.Run(Dir.FullName, "--faults", "disk", script);
        Assert.Equal(2, noSim.ExitCode);
        Assert.Contains("--faults needs --sim SEED", noSim.Stderr);
        var unknown = Esrun.Run(Dir.FullName, "--sim", "1", "--faults", "disk.nope=0.1", script);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown fault 'disk.nope'", unknown.Stderr);
        var help = Esrun.Run(null, "--help");
        foreach (var name in new[] { "disk.eio", "disk.nospace", "disk.short", "disk.slow", "disk.vanish", "net.reset", "net.partition" })
            Assert.Contains(name, help.Stdout);
    }

    [Fact]
    public void AsyncWebAssemblyWorksFromTheCli()
    {
        for (var i = 0; i < 5; i++)
        {
            var r = Esrun.Run(Dir.FullName, Script("wasm.mjs", """
                const { instance } = await WebAssembly.instantiate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
                setTimeout(async () => { const p = await import("runtime:path"); console.log(typeof instance.exports, typeof p.join, import.meta.url.endsWith("wasm.mjs")); }, 5);
                """));
            Assert.Equal("object function true\n", r.Stdout + r.Stderr);
            Assert.Equal(0, r.ExitCode);
        }
    }
}
