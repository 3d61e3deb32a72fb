using EsRuntime.Providers;
using EsRuntime.Providers.Sim;
using EsRuntime.Providers.Sim.Disk;
using EsRuntime.Runtime;

namespace EsRuntime.Tests.Embedding;

/// <summary>The limits an embedder sets on RuntimeOptions.</summary>
public sealed class OptionsTests
{
    private static (int Code, CapturingConsole Console) Run(string code, Func<ProviderSet, RuntimeOptions> options)
    {
        var console = new CapturingConsole();
        var files = new SimFileSystem();
        var providers = new ProviderSet(new VirtualClock(), new SeededEntropy(1), console, new SimProcessHost(cwd: files.Root), files);
        using var runtime = JsRuntime.FromCode(options(providers), code);
        return (runtime.RunToCompletion(), console);
    }

    [Fact]
    public void The_heap_limit_ends_a_run_that_allocates_past_it()
    {
        var (code, console) = Run("const a = []; for (;;) a.push(new Array(1e6).fill(1.5));", p => new RuntimeOptions { Providers = p, HeapLimitMiB = 64 });
        Assert.Equal(1, code);
        Assert.Contains("out of memory: the script exceeded the heap limit of 64 MiB", console.Stderr);
    }

    [Fact]
    public void The_array_buffer_limit_is_a_catchable_range_error()
    {
        const string code = """
            try { new ArrayBuffer(32 * 1024 * 1024); console.log("allocated"); } catch (e) { console.log(e.constructor.name); }
            console.log(new ArrayBuffer(4 * 1024 * 1024).byteLength);
            """;
        var (limited, console) = Run(code, p => new RuntimeOptions { Providers = p, ArrayBufferLimitMiB = 16 });
        Assert.Equal(0, limited);
        Assert.Equal("RangeError\n4194304\n", console.Stdout);
        var (_, unlimited) = Run(code, p => new RuntimeOptions { Providers = p });
        Assert.Equal("allocated\n4194304\n", unlimited.Stdout);
    }

    [Fact]
    public void The_time_limit_ends_a_run_on_the_clock_provider()
    {
        var (code, console) = Run("setInterval(() => {}, 1000);", p => new RuntimeOptions { Providers = p, TimeLimit = TimeSpan.FromSeconds(30) });
        Assert.Equal(1, code);
        Assert.Contains("execution timed out after 30000 ms", console.Stderr);
    }

    [Fact]
    public void Limits_read_back_and_refuse_nonsense()
    {
        var options = new RuntimeOptions { Providers = null!, HeapLimitMiB = 256, ArrayBufferLimitMiB = 8 };
        Assert.Equal(256, options.Limits.MaxHeapMiB);
        Assert.Equal(8, options.Limits.MaxArrayBufferMiB);
        Assert.Equal(1024, new RuntimeOptions { Providers = null! }.HeapLimitMiB);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RuntimeOptions { Providers = null!, HeapLimitMiB = 0 });
    }
}
