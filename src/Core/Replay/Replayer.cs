using EsRuntime.Providers;
using EsRuntime.Replay.Replaying;

namespace EsRuntime.Replay;

/// <summary>A provider set that answers only from a trace.</summary>
public static class Replayer
{
    /// <summary>Replaying providers over <paramref name="trace"/>; console output goes to <paramref name="output"/>.</summary>
    public static ProviderSet Providers(TraceReplayer trace, IConsole output, ICodeCache? codeCache = null) => new(
        new ReplayClock(trace),
        new ReplayEntropy(trace),
        new ReplayConsole(trace, output),
        new ReplayProcessHost(trace),
        new ReplayFileSystem(trace, trace.Header.Root ?? trace.Header.Cwd),
        codeCache,
        new ReplayScheduler(trace),
        new ReplayNetwork(trace),
        HostCalls: new ReplayHostCalls(trace));
}
