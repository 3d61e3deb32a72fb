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
