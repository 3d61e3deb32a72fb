using EsRuntime.Capabilities;
using EsRuntime.Engine;
using EsRuntime.Providers;
using EsRuntime.Providers.Sim;
using EsRuntime.Providers.Sim.Disk;
using EsRuntime.Runtime;

namespace EsRuntime.Tests.Runtime;

/// <summary>A hostile script cannot crash or hang the host.</summary>
public class LimitsTests
{
    [Fact]
    public void HeapBombEndsTheRunNotTheProcess()
    {
        var r = JsHarness.Run("const a = []; for (;;) a.push(new Array(1e6).fill(1.5));", limits: new EngineLimits(MaxHeapMiB: 128));
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("error: out of memory: the script exceeded the heap limit of 128 MiB\n", r.Stderr);
    }

    [Fact]
    public void RunawayRecursionIsACatchableRangeError()
    {
        var r = JsHarness.Run("function f() { return f() + 1; } try { f(); } catch (e) { console.log(e.name); }");
        Assert.Equal("RangeError\n", r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void InterruptStopsAnInfiniteLoopFromAnotherThread()
    {
        var console = new CapturingConsole();
        var providers = new ProviderSet(new VirtualClock(), new SeededEntropy(1), console, new SimProcessHost(), new SimFileSystem());
        using var runtime = JsRuntime.FromCode(new RuntimeOptions { Providers = providers }, "console.log('spinning'); for (;;) {}");
        using var watchdog = new Timer(_ => runtime.Interrupt(), null, TimeSpan.FromMilliseconds(200), Timeout.InfiniteTimeSpan);
        Assert.Equal(1, runtime.RunToCompletion());
        Assert.Equal("spinning\n", console.Stdout);
        Assert.Equal("error: the script was interrupted by the host\n", console.Stderr);
    }

    [Fact]
    public void EmbedderCanDriveTicksAndExecuteScripts()
    {
        var console = new CapturingConsole();
        var clock = new VirtualClock();
        var providers = new ProviderSet(clock, new SeededEntropy(1), console, new SimProcessHost(), new SimFileSystem());
        using var runtime = JsRuntime.FromCode(new RuntimeOptions { Providers = providers, Capabilities = Capability.None },
            "globalThis.hits = 0; setTimeout(() => { hits++; console.log('timer'); }, 50);");
        Assert.True(runtime.Tick());            // evaluates the main module; the timer keeps work pending
        Assert.Equal(50, runtime.NextTimerDue);
        Assert.True(runtime.Tick());            // not due yet: nothing runs
        Assert.Equal("", console.Stdout);
        clock.Time.Advance(TimeSpan.FromMilliseconds(50));
        Assert.False(runtime.Tick());           // fires, and no work remains
        runtime.Execute("console.log('hits', hits)");
        Assert.Equal("timer\nhits 1\n", console.Stdout);
        Assert.Null(runtime.ExitCode);
    }
}
