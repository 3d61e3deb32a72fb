using EsRuntime.Engine;
using EsRuntime.Providers;
using EsRuntime.Providers.Sim;
using EsRuntime.Providers.Sim.Disk;
using EsRuntime.Runtime;

namespace EsRuntime.Tests.Hostile;

/// <summary>Issue 9, items 5 and 7: memory outside the heap is limited; output survives an interrupted run.</summary>
public class LimitsAndOutputTests
{
    [Fact]
    public void Item5_ArrayBufferMemoryIsCountedAgainstALimit()
    {
        // 40 × 100 MB would take 4 GB of RSS with no limit; under 256 MiB the third allocation fails.
        var r = JsHarness.Run("""
            const kept = [];
            try { for (let i = 0; i < 40; i++) kept.push(new Uint8Array(1e8)); }
            catch (e) { console.log(kept.length, e instanceof RangeError, e.message); }
            kept.length = 0;
            new Uint8Array(1e8); // the garbage buffers are collected and given back
            console.log("reclaimed");
            for (;;) kept.push(new Uint8Array(1e8));
            """, limits: new EngineLimits(MaxArrayBufferMiB: 256));
        Assert.Equal("2 true Array buffer allocation failed\nreclaimed\n", r.Stdout);
        Assert.StartsWith("error: Uncaught RangeError: Array buffer allocation failed\n", r.Stderr);
        Assert.Equal(1, r.ExitCode);
    }

    // The heap watch terminates script; ClearScript cancels a termination when a nested evaluation (an
    // imported module) returns, so the watch must terminate again rather than let the importer run on.
    [Fact]
    public void AHeapBombInAnImportedModuleEndsTheRunThoughTheImporterCatches()
    {
        var files = new SimFileSystem();
        files.Add(files.Root + "/bomb.mjs", "const a = []; for (;;) a.push(new Array(1e6).fill(1.5));");
        var r = JsHarness.Run("""
            try { await import("./bomb.mjs"); } catch (e) { console.log("caught", String(e)); }
            const b = []; for (;;) b.push(new Array(1e6).fill(2.5));
            """, limits: new EngineLimits(MaxHeapMiB: 128), files: files);
        Assert.Equal("error: out of memory: the script exceeded the heap limit of 128 MiB\n", r.Stderr);
        Assert.Equal(1, r.ExitCode);
    }

    // One sampler thread asks every live isolate to check its heap; runtimes disposed meanwhile must
    // neither be asked after they are gone nor leave checks behind that reach another runtime.
    [Fact]
    public void RuntimesComeAndGoWhileTheHeapWatchSamples()
    {
        var outputs = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var r = JsHarness.Run($"let s = 0; for (let k = 0; k < 2e6; k++) s += k % 7; await new Promise((r) => setTimeout(r, 1)); console.log({i}, s);");
            outputs.Add(r.Stdout);
        }
        for (var i = 0; i < outputs.Count; i++) Assert.Equal($"{i} 5999995\n", outputs[i]);
    }

    [Fact]
    public void Item7_AnInterruptEndsTheRunWithItsCodeAndFlushesWhatWasPrinted()
    {
        var console = new FlushedOnlyConsole();
        var providers = new ProviderSet(new VirtualClock(), new SeededEntropy(1), console, new SimProcessHost(), new SimFileSystem());
        using var runtime = JsRuntime.FromCode(new RuntimeOptions { Providers = providers }, "console.log('before'); for (;;) {}");
        // A signal: its own exit code and no message, as node prints nothing on SIGINT.
        using var watchdog = new Timer(_ => runtime.Interrupt(130, message: null), null, TimeSpan.FromMilliseconds(200), Timeout.InfiniteTimeSpan);
        Assert.Equal(130, runtime.RunToCompletion());
        Assert.Equal("before\n", console.Flushed.Stdout);
        Assert.Equal("", console.Flushed.Stderr);
    }

    [Fact]
    public void Item7_TheFirstInterruptionWinsAndAnIdleRunIsStoppedToo()
    {
        var console = new FlushedOnlyConsole();
        var providers = new ProviderSet(new Providers.Real.SystemClock(), new SeededEntropy(1), console, new SimProcessHost(), new SimFileSystem());
        using var runtime = JsRuntime.FromCode(new RuntimeOptions { Providers = providers }, "console.log('waiting'); setTimeout(() => {}, 60_000);");
        using var watchdog = new Timer(_ =>
        {
            runtime.Interrupt(1, "execution timed out after 100 ms");
            runtime.Interrupt(143, message: null);
        }, null, TimeSpan.FromMilliseconds(100), Timeout.InfiniteTimeSpan);
        Assert.Equal(1, runtime.RunToCompletion());
        Assert.Equal("waiting\n", console.Flushed.Stdout);
        Assert.Equal("error: execution timed out after 100 ms\n", console.Flushed.Stderr);
    }

    /// <summary>A console whose output becomes visible only when flushed, as a real buffered stdout.</summary>
    private sealed class FlushedOnlyConsole : IConsole
    {
        private readonly List<(ConsoleStream, string)> _pending = [];

        public CapturingConsole Flushed { get; } = new();

        public void Write(ConsoleStream stream, string text)
        {
            lock (_pending) _pending.Add((stream, text));
        }

        public void Flush()
        {
            lock (_pending)
            {
                foreach (var (stream, text) in _pending) Flushed.Write(stream, text);
                _pending.Clear();
            }
        }
    }
}
