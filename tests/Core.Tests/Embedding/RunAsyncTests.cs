using System.Diagnostics;
using EsRuntime.Capabilities;
using EsRuntime.Providers;
using EsRuntime.Providers.Real;
using EsRuntime.Providers.Sim;
using EsRuntime.Providers.Sim.Disk;
using EsRuntime.Runtime;

namespace EsRuntime.Tests.Embedding;

/// <summary>Tests that measure the process's CPU time run alone.</summary>
[CollectionDefinition("cpu", DisableParallelization = true)]
public sealed class CpuCollection;

/// <summary>The embedder's loop: RunAsync, the Tick/WaitForWork pattern, cancellation, disposal.</summary>
[Collection("cpu")]
public sealed class RunAsyncTests
{
    internal static (JsRuntime Runtime, CapturingConsole Console) Create(string code, IClock? clock = null, Capability capabilities = Capability.All)
    {
        var console = new CapturingConsole();
        var files = new SimFileSystem();
        var providers = new ProviderSet(clock ?? new VirtualClock(), new SeededEntropy(1), console, new SimProcessHost(cwd: files.Root), files);
        return (JsRuntime.FromCode(new RuntimeOptions { Providers = providers, Capabilities = capabilities }, code), console);
    }

    [Fact]
    public async Task RunAsync_on_the_real_clock_waits_for_a_timer_without_spinning()
    {
        var clock = new CountingClock(new SystemClock());
        var (runtime, console) = Create("setTimeout(() => console.log('fired'), 300); console.log('start');", clock);
        using (runtime)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            var code = await runtime.RunAsync();
            var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Assert.Equal(0, code);
            Assert.Equal("start\nfired\n", console.Stdout);
            Assert.True(wall.ElapsedMilliseconds >= 290, $"returned after {wall.ElapsedMilliseconds} ms");
            // A busy loop burns the whole 300 ms; idling costs the boot and one timer.
            Assert.True(used < TimeSpan.FromMilliseconds(200), $"used {used.TotalMilliseconds} ms of CPU");
            // A spinning loop reads the clock thousands of times; an idle one once or twice per wait.
            Assert.True(clock.Reads < 20, $"{clock.Reads} clock reads");
            Assert.True(clock.AsyncIdles is >= 1 and < 5, $"{clock.AsyncIdles} idles");
        }
    }

    [Fact]
    public async Task RunAsync_on_a_virtual_clock_advances_time()
    {
        var (runtime, console) = Create("const t0 = Date.now(); setTimeout(() => console.log(Date.now() - t0), 10_000);");
        using (runtime)
        {
            var wall = Stopwatch.StartNew();
            Assert.Equal(0, await runtime.RunAsync());
            Assert.Equal("10000\n", console.Stdout);
            Assert.True(wall.ElapsedMilliseconds < 5000);
        }
    }

    [Fact]
    public async Task Cancelling_RunAsync_stops_between_turns_and_the_run_can_go_on()
    {
        var (runtime, console) = Create("globalThis.n = 0; globalThis.timer = setInterval(() => n++, 5);", new SystemClock());
        using (runtime)
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runtime.RunAsync(cancel.Token));
            Assert.Null(runtime.ExitCode);
            Assert.True(runtime.Evaluate<int>("n") > 0);
            runtime.Execute("clearInterval(timer); console.log('stopped at', n > 0)");
            Assert.Equal(0, await runtime.RunAsync());
            Assert.Equal("stopped at true\n", console.Stdout);
        }
    }

    [Fact]
    public void Tick_and_WaitForWork_run_timers_in_order_and_advance_a_virtual_clock()
    {
        var clock = new VirtualClock();
        var (runtime, console) = Create("for (const ms of [30, 10, 20]) setTimeout(() => console.log(ms), ms * 1000);", clock);
        using (runtime)
        {
            var turns = 0;
            while (runtime.Tick() && runtime.WaitForWork()) turns++;
            Assert.Equal("10\n20\n30\n", console.Stdout);
            Assert.Equal(3, turns);
            Assert.True(clock.MonotonicNowMs() >= 30_000);
            Assert.Equal(0, runtime.ExitCode ?? 0);
        }
    }

    [Fact]
    public void Tick_flushes_the_console_each_turn()
    {
        var console = new FlushCounting();
        var files = new SimFileSystem();
        var providers = new ProviderSet(new VirtualClock(), new SeededEntropy(1), console, new SimProcessHost(cwd: files.Root), files);
        using var runtime = JsRuntime.FromCode(new RuntimeOptions { Providers = providers }, "console.log('hi')");
        runtime.Tick();
        Assert.Equal("hi\n", console.Flushed);
    }

    [Fact]
    public async Task Dispose_is_idempotent_and_every_call_after_it_throws()
    {
        var (runtime, _) = Create("export const x = 1;");
        runtime.Dispose();
        runtime.Dispose();
        await runtime.DisposeAsync();
        Assert.Throws<ObjectDisposedException>(() => runtime.Tick());
        Assert.Throws<ObjectDisposedException>(() => runtime.RunToCompletion());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => runtime.RunAsync());
        Assert.Throws<ObjectDisposedException>(() => runtime.WaitForWork());
        Assert.Throws<ObjectDisposedException>(() => runtime.Execute("1"));
        Assert.Throws<ObjectDisposedException>(() => runtime.ExitCode);
        Assert.Throws<ObjectDisposedException>(() => runtime.Evaluate<int>("1"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => runtime.EvaluateAsync<int>("1"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => runtime.CallAsync<int>("x"));
        runtime.Interrupt("late watchdog");   // a watchdog racing with disposal does nothing
    }

    [Fact]
    public async Task DisposeAsync_releases_the_runtime()
    {
        var (runtime, console) = Create("console.log('ran')");
        await using (runtime) Assert.Equal(0, await runtime.RunAsync());
        Assert.Equal("ran\n", console.Stdout);
        Assert.Throws<ObjectDisposedException>(() => runtime.Tick());
    }

    private sealed class CountingClock(IClock inner) : IClock
    {
        public int Reads;
        public int AsyncIdles;
        public double WallNowMs() => inner.WallNowMs();
        public double MonotonicNowMs()
        {
            Interlocked.Increment(ref Reads);
            return inner.MonotonicNowMs();
        }
        public bool Idle(double? untilMonotonicMs, WaitHandle wake) => inner.Idle(untilMonotonicMs, wake);
        public Task<bool> IdleAsync(double? untilMonotonicMs, WaitHandle wake)
        {
            Interlocked.Increment(ref AsyncIdles);
            return inner.IdleAsync(untilMonotonicMs, wake);
        }
    }

    private sealed class FlushCounting : IConsole
    {
        private readonly System.Text.StringBuilder _pending = new();
        public string Flushed { get; private set; } = "";
        public void Write(ConsoleStream stream, string text) => _pending.Append(text);
        public void Flush()
        {
            Flushed += _pending.ToString();
            _pending.Clear();
        }
    }
}
