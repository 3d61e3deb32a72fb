using EsRuntime.Loop;
using EsRuntime.Providers;
using EsRuntime.Providers.Real;
using EsRuntime.Providers.Sim;
using EsRuntime.Providers.Sim.Disk;

namespace EsRuntime.Tests.Loop;

/// <summary>The loop's completion path: limits, ordering, liveness, and the hostile-review loop items.</summary>
public sealed class CompletionTests
{
    /// <summary>Delivers ready completions in reverse, to show the loop keeps each key's start order.</summary>
    private sealed class ReversingScheduler : IScheduler
    {
        public void Order(long turn, IReadOnlyList<long> ready, List<long> deliver) => deliver.AddRange(ready.Reverse());
    }

    [Fact]
    public void CompletionsOfOneKeyAreDeliveredInStartOrderWhateverTheScheduler()
    {
        var completions = new Completions(new ReversingScheduler(), 16, () => { });
        var order = new List<string>();
        var first = new TaskCompletionSource<bool>();
        var second = new TaskCompletionSource<bool>();
        var other = new TaskCompletionSource<bool>();
        completions.Await(first.Task, 7, _ => order.Add("7a"));
        completions.Await(second.Task, 7, _ => order.Add("7b"));
        completions.Await(other.Task, 0, _ => order.Add("free"));
        second.SetResult(true);
        Assert.Equal(0, completions.Deliver()); // 7b waits for 7a
        other.SetResult(true);
        first.SetResult(true);
        Assert.Equal(3, completions.Deliver());
        Assert.Equal(["7a", "free", "7b"], order);
        Assert.False(completions.HasWork);
    }

    [Fact]
    public void PastThePendingLimitAnOpThrowsARangeError()
    {
        var r = JsHarness.Run("""
            import { stat } from "runtime:fs";
            const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => stat(".")));
            console.log(outcomes.filter((o) => o.status === "fulfilled").length);
            console.log(outcomes.find((o) => o.status === "rejected").reason.toString());
            console.log((await stat(".")).isDir);
            """, maxPendingOperations: 4);
        Assert.Equal("4\nRangeError: too many pending operations: the limit is 4 per runtime (await some before starting more)\ntrue\n", r.Stdout);
    }

    [Fact]
    public void AWriteNobodyAwaitsStillCompletesBeforeTheRunEnds()
    {
        var world = new Simulation(3);
        var disk = world.CreateDisk();
        var r = JsHarness.Run("""
            import { write } from "runtime:fs";
            write("kept.txt", "all of it");
            console.log("main done");
            """, files: disk, clock: world.Clock);
        Assert.Equal("main done\n", r.Stdout);
        Assert.Equal("all of it", disk.ReadText("/sim/project/kept.txt"));
    }

    [Fact]
    public void RacingOperationsFinishInASeededOrderTheSameSeedRepeats()
    {
        const string program = """
            import { write, stat } from "runtime:fs";
            await write("a", "1"); await write("b", "22");
            const order = [];
            await Promise.all([stat("a").then(() => order.push("a")), stat("b").then(() => order.push("b"))]);
            console.log(order.join(""));
            """;
        string RunSeed(ulong seed)
        {
            var world = new Simulation(seed);
            var console = new CapturingConsole();
            var providers = new ProviderSet(world.Clock, new SeededEntropy(seed), console, new SimProcessHost(), world.CreateDisk(),
                Scheduler: new SeededScheduler(world));
            using var runtime = EsRuntime.Runtime.JsRuntime.FromCode(new EsRuntime.Runtime.RuntimeOptions { Providers = providers, Capabilities = Capabilities.Capability.All }, program);
            Assert.Equal(0, runtime.RunToCompletion());
            return console.Stdout;
        }
        var outcomes = Enumerable.Range(0, 24).Select(s => RunSeed((ulong)s)).ToList();
        Assert.Contains("ab\n", outcomes);
        Assert.Contains("ba\n", outcomes);
        for (var s = 0; s < 6; s++) Assert.Equal(outcomes[s], RunSeed((ulong)s));
    }

    // Hostile review, item 20: timers count from the loop's time of the turn, so the statements
    // between two setTimeout calls cannot reorder them.
    [Fact]
    public void Item20_TimersUseTheTurnsTimeNotAFreshClockReading()
    {
        for (var i = 0; i < 3; i++)
        {
            var r = JsHarness.Run("""
                setTimeout(() => console.log("f"), 2);
                const until = performance.now() + 15;
                while (performance.now() < until) {}
                setTimeout(() => console.log("g"), 0);
                """, clock: new SystemClock());
            Assert.Equal("g\nf\n", r.Stdout);
        }
    }

    // Item 8: a top-level await nothing can settle is an error with Node's exit code, not a silent 0.
    [Fact]
    public void Item8_AnUnsettledTopLevelAwaitExitsWith13()
    {
        var r = JsHarness.Run("console.log('before'); await new Promise(() => {});");
        Assert.Equal("before\n", r.Stdout);
        Assert.Equal(13, r.ExitCode);
        Assert.Contains("never settled", r.Stderr);
        Assert.Equal(0, JsHarness.Run("await new Promise((r) => setTimeout(r, 10));").ExitCode);
    }

    // Item 9: cancelled timers leave the queue, so memory follows the live timers.
    [Fact]
    public void Item9_CancelledTimersDoNotAccumulate()
    {
        var queue = new TimerQueue();
        for (var i = 1; i <= 100_000; i++)
        {
            queue.Start(i, 0, 1_000_000, false);
            queue.Cancel(i);
        }
        Assert.Equal(0, queue.Count);
        Assert.True(queue.QueuedCount <= 130, $"{queue.QueuedCount} entries are still queued");
        var r = JsHarness.Run("for (let i = 0; i < 200000; i++) clearTimeout(setTimeout(() => {}, 1e9)); console.log('ok');");
        Assert.Equal("ok\n", r.Stdout);
    }

    // Item 10: virtual time is bounded with a clear error, never an overflow or a livelock.
    [Fact]
    public void Item10_VirtualTimeEndsWithAClearError()
    {
        var world = new Simulation(1);
        var r = JsHarness.Run("let n = 0; setInterval(() => { n++; }, 2 ** 31 - 1);", clock: world.Clock);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("simulated time ran out", r.Stderr);
    }

    // Item 6: the time limit, in simulated time under a simulation.
    [Fact]
    public void Item6_TheTimeLimitStopsALongRun()
    {
        var r = JsHarness.Run("setInterval(() => {}, 1000); console.log('started');", timeLimit: TimeSpan.FromSeconds(5));
        Assert.Equal("started\n", r.Stdout);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("execution timed out after 5000 ms", r.Stderr);
    }

    // Item 21: async WebAssembly keeps the run alive, settles on the loop thread, and never touches a
    // disposed engine; 20 runtimes in one process, outside deterministic mode.
    [Fact]
    public void Item21_AsyncWebAssemblySettlesOnTheLoopEveryTime()
    {
        for (var i = 0; i < 20; i++)
        {
            var r = JsHarness.Run("""
                const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
                const { instance, module } = await WebAssembly.instantiate(bytes);
                const again = await WebAssembly.instantiate(module);
                const compiled = await WebAssembly.compile(bytes);
                const path = await import("runtime:path");
                console.log(typeof instance.exports, again instanceof WebAssembly.Instance, compiled instanceof WebAssembly.Module, typeof import.meta.url, typeof path.join);
                """);
            Assert.Equal("object true true string function\n", r.Stdout);
            Assert.Equal(0, r.ExitCode);
        }
    }
}
