using EsRuntime.Capabilities;
using EsRuntime.Providers;
using EsRuntime.Providers.Sim;
using EsRuntime.Providers.Sim.Disk;
using EsRuntime.Runtime;

namespace EsRuntime.Bench;

/// <summary>A runtime on simulated providers, so a benchmark measures the runtime and not the OS.</summary>
internal static class SimRuntime
{
    public static (JsRuntime Runtime, VirtualClock Clock, CapturingConsole Console) Create(string mainCode, SimFileSystem? files = null)
    {
        var clock = new VirtualClock();
        var console = new CapturingConsole();
        var providers = new ProviderSet(clock, new SeededEntropy(7), console, new SimProcessHost(), files ?? new SimFileSystem());
        var runtime = JsRuntime.FromCode(new RuntimeOptions { Providers = providers, Capabilities = Capability.All }, mainCode);
        return (runtime, clock, console);
    }
}
