using EsRuntime.Replay;

namespace EsRuntime.Providers.Sim;

/// <summary>
/// <c>esrun --check-determinism --sim SEED --host ...</c>: runs a system twice under one seed and reports
/// the first provider call where a host's two runs differ, with the script location in each run and the
/// sources of ambient nondeterminism that host touched — or, when every host saw the same answers, the
/// first step where the driver interleaved them differently (a simulator bug).
/// </summary>
public static class DeterminismCheck
{
    /// <summary>The first run's outcome (its output went to <paramref name="options"/>' Output), and the difference, or null when the runs were identical.</summary>
    public static (SystemOutcome First, string? Difference) Run(ulong seed, IReadOnlyList<SimHostSpec> hosts, SystemOptions? options = null)
    {
        options = (options ?? new SystemOptions()) with { Record = true, Audit = true, CallSites = true };
        var first = new SystemRun(seed, hosts, options).Run();
        var second = new SystemRun(seed, hosts, options with { Output = null }).Run();
        return (first, Compare(first, second));
    }

    internal static string? Compare(SystemOutcome first, SystemOutcome second)
    {
        if (first.Trace.AsSpan().SequenceEqual(second.Trace) && first.Stdout == second.Stdout && first.Stderr == second.Stderr) return null;
        var (headerA, tracesA, stepsA) = SystemTrace.Read(first.Trace!);
        var (headerB, tracesB, stepsB) = SystemTrace.Read(second.Trace!);
        var runsOf = new Dictionary<int, int>();
        for (var i = 0; i < Math.Min(tracesA.Count, tracesB.Count); i++)
        {
            var host = headerA.Incarnations[i];
            var name = headerA.Hosts[host];
            var run = runsOf[host] = runsOf.GetValueOrDefault(host) + 1;
            if (headerB.Incarnations[i] != host)
                return $"the runs differ in which host started next: {name} in the first, {headerB.Hosts[headerB.Incarnations[i]]} in the second\n";
            var a = ComparedRun.FromTrace(tracesA[i], first.Audit.GetValueOrDefault(name) ?? Empty);
            var b = ComparedRun.FromTrace(tracesB[i], second.Audit.GetValueOrDefault(name) ?? Empty);
            if (TraceComparison.Difference(a, b) is { } difference) return $"host {name} (run {run}): {difference}";
        }
        if (tracesA.Count != tracesB.Count)
            return $"the runs differ in how many host runs they had: {tracesA.Count} and {tracesB.Count}\n";
        var logA = StepLog.Read(stepsA).ToList();
        var logB = StepLog.Read(stepsB).ToList();
        for (var n = 0; n < Math.Max(logA.Count, logB.Count); n++)
        {
            if (n < logA.Count && n < logB.Count && logA[n] == logB[n]) continue;
            return $"every host saw the same provider answers, but the driver's steps differ from step {n} " +
                $"({Step(headerA, logA, n)} in the first run, {Step(headerB, logB, n)} in the second): the simulator itself was nondeterministic\n";
        }
        return "every host saw the same provider answers in the same steps, but the outputs differ: the console provider was nondeterministic\n";
    }

    private static readonly IReadOnlyDictionary<string, long> Empty = new Dictionary<string, long>();

    private static string Step(SystemTrace.Header header, List<(int Incarnation, StepKind Kind)> log, int n) =>
        n < log.Count ? $"{log[n].Kind} of {header.Hosts[header.Incarnations[log[n].Incarnation]]}" : "the end";
}
