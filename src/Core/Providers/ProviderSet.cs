namespace EsRuntime.Providers;

/// <summary>Every way a runtime reaches the world. Swap the set to go real, simulated, recorded or replayed.</summary>
public sealed record ProviderSet(
    IClock Clock,
    IEntropy Entropy,
    IConsole Console,
    IProcessHost Process,
    IFileSystem Files,
    ICodeCache? CodeCache = null,
    IScheduler? Scheduler = null)
{
    /// <summary>The completion order; arrival order when none is given.</summary>
    public IScheduler Order => Scheduler ?? ArrivalOrderScheduler.Instance;
}
