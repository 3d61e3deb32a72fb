using BenchmarkDotNet.Attributes;
using EsRuntime.Providers.Sim;
using EsRuntime.Providers.Sim.Disk;

namespace EsRuntime.Bench;

/// <summary>Creating a runtime (engine + prelude) and loading a module graph of 50 modules.</summary>
[MemoryDiagnoser]
public class StartupBenchmarks
{
    private SimFileSystem _files = null!;

    [GlobalSetup]
    public void Setup()
    {
        _files = new SimFileSystem();
        for (var i = 0; i < 50; i++)
        {
            var next = i + 1 < 50 ? $"import {{ v as next }} from './m{i + 1}.mjs';\n" : "const next = 0;\n";
            _files.Add($"/sim/cwd/m{i}.mjs", next + $"export const v = next + {i};\n");
        }
    }

    [Benchmark(Description = "runtime + prelude + hello")]
    public int RuntimeHello()
    {
        var (runtime, _, _) = SimRuntime.Create("console.log('hello');");
        using (runtime) return runtime.RunToCompletion();
    }

    [Benchmark(Description = "runtime + 50-module graph")]
    public int ModuleGraph()
    {
        var (runtime, _, _) = SimRuntime.Create("import { v } from './m0.mjs'; if (v !== 1225) throw new Error(String(v));", _files);
        using (runtime) return runtime.RunToCompletion();
    }
}
