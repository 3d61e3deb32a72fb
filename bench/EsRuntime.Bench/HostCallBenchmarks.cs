using BenchmarkDotNet.Attributes;
using EsRuntime.Runtime;

namespace EsRuntime.Bench;

/// <summary>What one op crossing costs from JS: 10 000 calls per invocation.</summary>
[MemoryDiagnoser]
public class HostCallBenchmarks
{
    private JsRuntime _runtime = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_runtime, _, _) = SimRuntime.Create("""
            globalThis.opLoop = () => { let t = 0; for (let i = 0; i < 10000; i++) t += performance.now(); return t; };
            globalThis.dateLoop = () => { let t = 0; for (let i = 0; i < 10000; i++) t += Date.now(); return t; };
            globalThis.jsLoop = () => { let t = 0; for (let i = 0; i < 10000; i++) t += Math.sqrt(i); return t; };
            """);
        _runtime.Tick();
    }

    [Benchmark(Description = "10k performance.now() op calls", OperationsPerInvoke = 10000)]
    public void PerformanceNow() => _runtime.Execute("opLoop()");

    [Benchmark(Description = "10k Date.now() op calls", OperationsPerInvoke = 10000)]
    public void DateNow() => _runtime.Execute("dateLoop()");

    [Benchmark(Baseline = true, Description = "10k pure-JS iterations (no crossing)", OperationsPerInvoke = 10000)]
    public void PureJs() => _runtime.Execute("jsLoop()");

    [GlobalCleanup]
    public void Cleanup() => _runtime.Dispose();
}
