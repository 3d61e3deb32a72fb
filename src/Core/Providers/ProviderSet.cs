namespace EsRuntime.Providers;

/// <summary>Every way a runtime reaches the world. Swap the set to go real, simulated, recorded or replayed.</summary>
public sealed record ProviderSet(
    IClock Clock,
    IEntropy Entropy,
    IConsole Console,
    IProcessHost Process,
    IFileSystem Files,
    ICodeCache? CodeCache = null,
    IScheduler? Scheduler = null,
    INetwork? Network = null,
    ISimulationHost? Sim = null,
    IHostCalls? HostCalls = null)
{
    /// <summary>How host-module calls are answered; the functions themselves when none is given.</summary>
    public IHostCalls Host => HostCalls ?? DirectHostCalls.Instance;

    /// <summary>The network; without one every connect and listen fails (an embedder that gives none gives no network).</summary>
    public INetwork Net => Network ?? NoNetwork.Instance;

    /// <summary>The completion order; arrival order when none is given.</summary>
    public IScheduler Order => Scheduler ?? ArrivalOrderScheduler.Instance;
}
