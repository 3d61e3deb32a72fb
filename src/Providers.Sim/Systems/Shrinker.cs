namespace EsRuntime.Providers.Sim;

/// <summary>What shrinking found: the smallest failing schedule, the runs it took, and whether the full one reproduced.</summary>
public sealed record ShrinkResult(FaultSchedule Schedule, int Runs, bool Reproduced, SystemOutcome Outcome);

/// <summary>
/// Shrinks a failing run's faults (Zeller's delta debugging, ddmin) over the faults that actually fired:
/// each candidate is a subset run again as an exact <see cref="FaultSchedule"/> under the same seed, and
/// kept while the run still fails. A kept run's own fired list replaces the candidate (a fault the
/// candidate named may no longer be reached), so the result is what fires, not what was asked.
/// </summary>
public static class Shrinker
{
    public static ShrinkResult Shrink(ulong seed, IReadOnlyList<SimHostSpec> hosts, SystemOptions options, IReadOnlyList<FiredFault> fired, int maxRuns = 200)
    {
        var runs = 0;
        SystemOutcome? Fails(IReadOnlyList<FiredFault> candidate)
        {
            runs++;
            var outcome = new SystemRun(seed, hosts, options with { Schedule = new FaultSchedule(candidate), Record = false, Output = null }).Run();
            return outcome.Failed ? outcome : null;
        }

        var full = Fails(fired);
        if (full is null) return new ShrinkResult(new FaultSchedule(fired), runs, Reproduced: false, new SystemRun(seed, hosts, options).Run());
        var current = full.Fired;
        var best = full;
        if (current.Count > 0 && Fails([]) is { } none) return new ShrinkResult(new FaultSchedule([]), runs, true, none);
        var n = 2;
        while (current.Count >= 2 && runs < maxRuns)
        {
            var chunks = Split(current, n);
            var reduced = false;
            foreach (var subset in chunks.Concat(n > 2 ? chunks.Select(c => (IReadOnlyList<FiredFault>)current.Except(c).ToList()) : []))
            {
                if (runs >= maxRuns) break;
                if (Fails(subset) is not { } outcome) continue;
                current = outcome.Fired;
                best = outcome;
                n = Math.Max(n - 1, 2);
                reduced = true;
                break;
            }
            if (reduced) continue;
            if (n >= current.Count) break;
            n = Math.Min(current.Count, n * 2);
        }
        return new ShrinkResult(new FaultSchedule(current), runs, true, best);
    }

    private static List<IReadOnlyList<FiredFault>> Split(IReadOnlyList<FiredFault> items, int n)
    {
        var chunks = new List<IReadOnlyList<FiredFault>>();
        var start = 0;
        for (var i = 0; i < n; i++)
        {
            var end = (int)((long)items.Count * (i + 1) / n);
            if (end > start) chunks.Add(items.Skip(start).Take(end - start).ToList());
            start = end;
        }
        return chunks;
    }
}
