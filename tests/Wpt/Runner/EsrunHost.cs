using System.Collections.Concurrent;
using System.Diagnostics;
using EsRuntime.Capabilities;
using EsRuntime.Providers;
using EsRuntime.Providers.Sim;
using EsRuntime.Providers.Sim.Disk;
using EsRuntime.Runtime;

namespace EsRuntime.Wpt;

/// <summary>
/// Runs one entry module on esrun, in this process, on simulated providers: a virtual clock (SteppingClock: the
/// harness timeout and every test timer cost no wall time), seeded entropy, an empty simulated disk,
/// all capabilities. The console stops the run as soon as the reporter prints the harness's
/// completion, so timers a test leaves behind do not keep it going. A watchdog interrupts a script
/// that runs away.
/// </summary>
public static class EsrunHost
{
    // Far above what a file needs (a normal one takes well under a second of CPU, the slowest long
    // one ~35 s here), so only a script that runs away meets it.
    public static TimeSpan Watchdog(bool longTimeout) => TimeSpan.FromSeconds(longTimeout ? 300 : 60);

    // The prelude's V8 code cache, shared by every runtime of the run.
    private static readonly MemoryCodeCache Cache = new();

    public static WptFileResult Run(string file, string entry, bool longTimeout = false)
    {
        var started = Stopwatch.GetTimestamp();
        var output = new WptOutput();
        var clock = new SteppingClock();
        var console = new ReporterConsole(output);
        var providers = new ProviderSet(clock, new SeededEntropy(1), console, new SimProcessHost(), new SimFileSystem(), Cache);
        string ending;
        using (var runtime = JsRuntime.FromCode(new RuntimeOptions { Providers = providers, Capabilities = Capability.All }, entry))
        using (new Timer(_ => runtime.Interrupt(), null, Watchdog(longTimeout), Timeout.InfiniteTimeSpan))
        {
            // Called on the loop thread, inside the reporter's console.log: Stop is meant for that.
            console.Completed = () => runtime.Stop(0);
            runtime.RunToCompletion();
            ending = runtime.ExitCode is { } code
                ? $"esrun ended the run (exit code {code}) before the harness completed"
                : "esrun had no work left (no timer or operation pending) before the harness completed";
        }
        return output.Result(file, ending, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>stdout to the reporter's parser, stderr (the runtime's own error reports) kept beside it.</summary>
    private sealed class ReporterConsole(WptOutput output) : IConsole
    {
        public Action? Completed { get; set; }

        public void Write(ConsoleStream stream, string text)
        {
            if (stream != ConsoleStream.Stdout) output.AppendOther(text);
            else if (!output.Done && output.Append(text)) Completed?.Invoke();
        }

        public void Flush() { }
    }

    private sealed class MemoryCodeCache : ICodeCache
    {
        private readonly ConcurrentDictionary<string, byte[]> _entries = new(StringComparer.Ordinal);
        public byte[]? Load(string key) => _entries.GetValueOrDefault(key);
        public void Store(string key, byte[] data) => _entries[key] = data;
    }
}
