using EsRuntime.Providers;
using EsRuntime.Replay.Recording;

namespace EsRuntime.Replay;

/// <summary>Wraps a provider set so that every answer it gives is written to a trace.</summary>
public static class Recorder
{
    /// <summary>
    /// A copy of <paramref name="providers"/> whose clock, entropy, console, process host, files,
    /// scheduler, network and host calls pass each answer through and write it to <paramref name="trace"/>.
    /// </summary>
    public static ProviderSet Wrap(ProviderSet providers, TraceWriter trace) => providers with
    {
        Clock = new RecordingClock(providers.Clock, trace),
        Entropy = new RecordingEntropy(providers.Entropy, trace),
        Console = new RecordingConsole(providers.Console, trace),
        Process = new RecordingProcessHost(providers.Process, trace),
        Files = new RecordingFileSystem(providers.Files, trace),
        Scheduler = new RecordingScheduler(providers.Order, trace),
        Network = new RecordingNetwork(providers.Net, trace),
        HostCalls = new RecordingHostCalls(providers.Host, trace),
    };
}
