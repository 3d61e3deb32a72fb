using System.Diagnostics;

namespace EsRuntime.Wpt;

/// <summary>
/// Every test file, run once per test process: each file on its own esrun runtime, several runtimes at
/// once on separate threads (a runtime is created, driven and disposed on one thread). The first
/// test that asks for a result runs them all.
/// </summary>
public static class WptSuite
{
    private static readonly Lazy<IReadOnlyList<WptTestFile>> Discovered = new(WptTestFile.All);
    private static readonly Lazy<Run> Completed = new(() => RunAll(Runnable, Workers));

    /// <summary>
    /// The files to run, those declaring <c>timeout=long</c> first: they are the slow ones (RSA key
    /// generation, PBKDF2), and started early they do not leave one worker busy at the end.
    /// </summary>
    public static IReadOnlyList<WptTestFile> Runnable =>
        Discovered.Value.Where(f => f.SkipReason is null).OrderByDescending(f => f.LongTimeout).ToList();

    /// <summary>Runtimes in flight at once: one per core (the runs are CPU-bound; the clock is virtual).</summary>
    public static int Workers => Math.Max(2, Environment.ProcessorCount);

    public static IReadOnlyList<WptTestFile> Files => Discovered.Value;

    public static WptTestFile File(string key) => Discovered.Value.Single(f => f.Key == key);

    public static WptFileResult Result(string key) => Completed.Value.Results[key];

    public static Run Results => Completed.Value;

    public sealed record Run(IReadOnlyDictionary<string, WptFileResult> Results, double Seconds, int Workers);

    /// <summary>Runs <paramref name="files"/> on <paramref name="workers"/> threads, each file on esrun unless <paramref name="runOne"/> says otherwise.</summary>
    public static Run RunAll(IReadOnlyList<WptTestFile> files, int workers, Func<WptTestFile, WptFileResult>? runOne = null)
    {
        runOne ??= RunOne;
        var started = Stopwatch.GetTimestamp();
        var results = new WptFileResult[files.Count];
        var next = -1;
        var threads = Enumerable.Range(0, Math.Min(workers, Math.Max(1, files.Count))).Select(_ => new Thread(() =>
        {
            for (var i = Interlocked.Increment(ref next); i < files.Count; i = Interlocked.Increment(ref next))
                results[i] = Guarded(files[i], runOne);
        }, maxStackSize: 16 * 1024 * 1024)).ToList();
        foreach (var thread in threads) thread.Start();
        foreach (var thread in threads) thread.Join();
        return new Run(results.ToDictionary(r => r.File, StringComparer.Ordinal), Stopwatch.GetElapsedTime(started).TotalSeconds, threads.Count);
    }

    public static WptFileResult RunOne(WptTestFile file) => EsrunHost.Run(file.Key, WptEntry.Build(file), file.LongTimeout);

    // A failure of the runner itself (a file it cannot read, a host exception) is a crash of that file, named.
    private static WptFileResult Guarded(WptTestFile file, Func<WptTestFile, WptFileResult> runOne)
    {
        try
        {
            return runOne(file);
        }
        catch (Exception e)
        {
            return new WptFileResult(file.Key, [], WptFileResult.Crash, $"host error: {e.GetType().Name}: {e.Message}", 0);
        }
    }
}
