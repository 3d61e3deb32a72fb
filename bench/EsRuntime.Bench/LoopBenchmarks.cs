using BenchmarkDotNet.Attributes;
using EsRuntime.Providers.Sim;
using EsRuntime.Runtime;

namespace EsRuntime.Bench;

/// <summary>One loop turn that fires one timer: C#→JS dispatch, the callback, the microtask checkpoint.</summary>
[MemoryDiagnoser]
public class LoopBenchmarks
{
    private JsRuntime _runtime = null!;
    private VirtualClock _clock = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_runtime, _clock, _) = SimRuntime.Create("let n = 0; setInterval(() => { n++; }, 1);");
        _runtime.Tick();
    }

    [Benchmark(Description = "Tick() firing one interval timer")]
    public bool TimerTurn()
    {
        _clock.Time.Advance(TimeSpan.FromMilliseconds(4));
        return _runtime.Tick();
    }

    [Benchmark(Description = "Tick() with nothing due")]
    public bool IdleTurn() => _runtime.Tick();

    [GlobalCleanup]
    public void Cleanup() => _runtime.Dispose();
}
