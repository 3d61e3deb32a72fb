namespace EsRuntime.Providers;

/// <summary>Every way a runtime reaches the world. Swap the set to go real, simulated, recorded or replayed.</summary>
public sealed record ProviderSet(
    IClock Clock,
    IEntropy Entropy,
    IConsole Console,
    IProcessHost Process,
    IModuleSource Modules,
    ICodeCache? CodeCache = null);
