using System.Collections.Concurrent;
using System.Diagnostics;
using EsRuntime.Capabilities;
using EsRuntime.Providers;
using EsRuntime.Providers.Sim;
using EsRuntime.Runtime;

namespace EsRuntime.Wpt;

/// <summary>
/// Runs one entry module on esrun, in this process, on simulated providers: a virtual clock (SteppingClock: the
/// harness timeout and every test timer cost no wall time), seeded entropy, all capabilities. The
/// loop is driven here and stops as soon as the reporter prints the harness's completion, so timers a
/// test leaves behind do not keep it going. A watchdog interrupts a script that runs away.
/// </summary>
public static class EsrunHost
{
    public static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(90);

    // The prelude's V8 code cache, shared by every runtime of the run.
    private static readonly MemoryCodeCache Cache = new();

    public static WptFileResult Run(string file, string entry)
    {
        var started = Stopwatch.GetTimestamp();
        var output = new WptOutput();
        var clock = new SteppingClock();
        var providers = new ProviderSet(clock, new SeededEntropy(1), new ReporterConsole(output), new SimProcessHost(), new MemoryModuleSource(), Cache);
        string ending;
        using (var runtime = JsRuntime.FromCode(new RuntimeOptions { Providers = providers, Capabilities = Capability.All }, entry))
        using (new Timer(_ => runtime.Interrupt(), null, Watchdog, Timeout.InfiniteTimeSpan))
        {
            while (!output.Done && runtime.Tick())
                clock.Idle(runtime.NextTimerDue, runtime.WakeHandle);
            ending = runtime.ExitCode is { } code
                ? $"esrun ended the run (exit code {code}) before the harness completed"
                : "esrun had no work left (no timer pending) before the harness completed";
        }
        return output.Result(file, ending, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>stdout to the reporter's parser, stderr (the runtime's own error reports) kept beside it.</summary>
    private sealed class ReporterConsole(WptOutput output) : IConsole
    {
        public void Write(ConsoleStream stream, string text)
        {
            if (stream == ConsoleStream.Stdout) output.Append(text);
            else output.AppendOther(text);
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
