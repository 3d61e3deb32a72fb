using EsRuntime.Capabilities;
using EsRuntime.Providers;
using EsRuntime.Providers.Sim;
using EsRuntime.Providers.Real;
using EsRuntime.Providers.Real.Net;
using EsRuntime.Providers.Sim.Disk;
using EsRuntime.Runtime;

namespace EsRuntime.Tests;

/// <summary>What a script printed and how it ended.</summary>
public sealed record JsResult(string Stdout, string Stderr, int ExitCode);

/// <summary>
/// Runs JS as the main module of a runtime on simulated providers: virtual clock, seeded entropy,
/// captured console, cwd <see cref="SimProcessHost.DefaultCwd"/>, platform linux.
/// </summary>
public static class JsHarness
{
    public static JsResult Run(string moduleCode, Capability capabilities = Capability.All, ulong seed = 1,
        IReadOnlyList<string>? args = null, IReadOnlyDictionary<string, string>? env = null, Engine.EngineLimits? limits = null,
        IFileSystem? files = null, IClock? clock = null, int maxPendingOperations = 1024, TimeSpan? timeLimit = null,
        INetwork? network = null, IScheduler? scheduler = null, IReadOnlyList<string>? netHosts = null, bool oneDispatchPerTimer = false)
    {
        var console = new CapturingConsole();
        files ??= new SimFileSystem();
        var providers = new ProviderSet(clock ?? new VirtualClock(), new SeededEntropy(seed), console,
            new SimProcessHost(args, env, cwd: files.Root), files, Scheduler: scheduler, Network: network);
        using var runtime = JsRuntime.FromCode(new RuntimeOptions
        {
            Providers = providers,
            Capabilities = capabilities,
            Limits = limits ?? new(),
            MaxPendingOperations = maxPendingOperations,
            TimeLimit = timeLimit,
            NetHosts = netHosts,
            OneDispatchPerTimer = oneDispatchPerTimer,
        }, moduleCode);
        var code = runtime.RunToCompletion();
        return new JsResult(console.Stdout, console.Stderr, code);
    }

    /// <summary>On the real clock and real loopback sockets (the disk stays simulated).</summary>
    public static JsResult RunReal(string moduleCode, Capability capabilities = Capability.All, IReadOnlyList<string>? netHosts = null) =>
        Run(moduleCode, capabilities, clock: new SystemClock(), network: new SocketNetwork(), netHosts: netHosts);

    /// <summary>On one simulation under <paramref name="seed"/>: its clock, disk, network (host "test") and completion order, with <paramref name="faults"/>.</summary>
    public static JsResult RunSim(string moduleCode, ulong seed = 1, string faults = "none", Capability capabilities = Capability.All)
    {
        var world = new Simulation(seed, FaultPlan.Parse(faults));
        return Run(moduleCode, capabilities, seed, clock: world.Clock, files: world.CreateDisk(), network: world.Network.Host("test"),
            scheduler: new SeededScheduler(world));
    }

    /// <summary>Runs a module file on the real filesystem (for module-resolution tests), still on simulated time.</summary>
    public static JsResult RunFile(string path, Capability capabilities = Capability.All, string? jailRoot = null)
    {
        var console = new CapturingConsole();
        using var files = new Providers.Real.Files.RealFileSystem(jailRoot ?? Providers.Real.Files.RealFileSystem.ProjectRoot(path));
        var providers = new ProviderSet(new VirtualClock(), new SeededEntropy(1), console,
            new SimProcessHost(cwd: Path.GetDirectoryName(path)!), files);
        using var runtime = new JsRuntime(new RuntimeOptions { Providers = providers, Capabilities = capabilities }, path);
        var code = runtime.RunToCompletion();
        return new JsResult(console.Stdout, console.Stderr, code);
    }
}
