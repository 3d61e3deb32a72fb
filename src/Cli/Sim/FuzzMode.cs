using System.Diagnostics;
using System.Globalization;
using System.Text;
using EsRuntime.Providers.Sim;

namespace EsRuntime.Cli.Sim;

/// <summary>
/// `esrun fuzz`: many seeds of one simulated system, in parallel (--jobs), with a progress line on
/// stderr and a summary table; for each failing seed a repro line, its trace, and its fault schedule
/// shrunk by delta debugging. --shard K/N runs the K-th of N disjoint slices of the seed range and writes
/// its own report; `esrun fuzz merge` combines them.
/// </summary>
internal static class FuzzMode
{
    private sealed record SeedResult(ulong Seed, FaultPlan Plan, SystemOutcome Outcome);

    public static int Run(CommandLine.Fuzz fuzz)
    {
        SystemMode.PinProcess(fuzz.Template);
        if (SystemMode.HostsOrError(fuzz.Template) is not { } hosts) return 1;
        var options = SystemMode.Options(fuzz.Template);
        var seeds = Seeds(fuzz);
        var results = new SeedResult?[seeds.Count];
        var next = -1;
        var done = 0;
        var failures = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Math.Min(fuzz.Jobs, Math.Max(1, seeds.Count))).Select(_ => new Thread(() =>
        {
            for (var i = Interlocked.Increment(ref next); i < seeds.Count; i = Interlocked.Increment(ref next))
            {
                var seed = seeds[i];
                var plan = fuzz.Swarm ? FaultPlan.Swarm(seed) : options.Faults;
                var outcome = Simulation.Run(seed, hosts, options: options with { Faults = plan });
                results[i] = new SeedResult(seed, plan, outcome with { Stdout = "", Stderr = FirstError(outcome.Stderr) });
                if (outcome.Failed) Interlocked.Increment(ref failures);
                Interlocked.Increment(ref done);
            }
        }, maxStackSize: 16 * 1024 * 1024)
        { IsBackground = true }).ToList();
        foreach (var w in workers) w.Start();
        var interactive = !Console.IsErrorRedirected;
        var lastPrint = TimeSpan.Zero;
        while (workers.Any(w => w.IsAlive))
        {
            workers.First(w => w.IsAlive).Join(interactive ? 200 : 1000);
            if (!interactive && clock.Elapsed - lastPrint < TimeSpan.FromSeconds(5)) continue;
            lastPrint = clock.Elapsed;
            Console.Error.Write(Progress(Volatile.Read(ref done), seeds.Count, Volatile.Read(ref failures), clock.Elapsed) + (interactive ? "\r" : "\n"));
        }
        var wall = clock.Elapsed;
        Console.Error.WriteLine(Progress(done, seeds.Count, failures, wall));

        Directory.CreateDirectory(fuzz.OutDir);
        var failed = results.Where(r => r!.Outcome.Failed).Select(r => r!).ToList();
        var hostArgs = HostArgs(fuzz.Template);
        var explained = new List<Report.Failure>();
        foreach (var f in failed.Take(fuzz.Explain))
        {
            var tracePath = Path.Combine(fuzz.OutDir, $"seed-{f.Seed}.trace");
            var recorded = Simulation.Run(f.Seed, hosts, options: options with { Faults = f.Plan, Record = true, CallSites = true });
            File.WriteAllBytes(tracePath, recorded.Trace!);
            string? schedulePath = null;
            int? shrunk = null;
            if (fuzz.Shrink)
            {
                Console.Error.Write($"shrinking seed {f.Seed} ({f.Outcome.Fired.Count} faults fired)...");
                var result = Shrinker.Shrink(f.Seed, hosts, options with { Faults = f.Plan }, f.Outcome.Fired, fuzz.ShrinkRuns);
                schedulePath = Path.Combine(fuzz.OutDir, $"seed-{f.Seed}.schedule.json");
                File.WriteAllText(schedulePath, result.Schedule.ToJson(f.Seed));
                shrunk = result.Schedule.Faults.Count;
                Console.Error.WriteLine($" {shrunk} in {result.Runs} runs{(result.Reproduced ? "" : " (the full schedule did not reproduce: kept as fired)")}");
            }
            explained.Add(new Report.Failure(f.Seed, f.Outcome.FailedHost, f.Outcome.ExitCode, f.Outcome.Fired.Count, shrunk,
                $"esrun --sim {f.Seed} --faults {Quote(f.Plan.ToString())} {hostArgs}",
                schedulePath is null ? null : $"esrun --sim {f.Seed} --fault-schedule {Quote(schedulePath)} {hostArgs}",
                tracePath, schedulePath, f.Outcome.Stderr));
        }
        foreach (var f in failed.Skip(fuzz.Explain))
            explained.Add(new Report.Failure(f.Seed, f.Outcome.FailedHost, f.Outcome.ExitCode, f.Outcome.Fired.Count, null,
                $"esrun --sim {f.Seed} --faults {Quote(f.Plan.ToString())} {hostArgs}", null, null, null, f.Outcome.Stderr));

        var report = new Report(seeds.Count, seeds.Count == 0 ? 0 : seeds[0], fuzz.ShardIndex + 1, fuzz.ShardCount, fuzz.Jobs, wall.TotalSeconds,
            results.Sum(r => r!.Outcome.Fired.Count), results.Sum(r => r!.Outcome.SimulatedMs) / 1000, explained);
        var reportPath = Path.Combine(fuzz.OutDir, fuzz.ShardCount == 1 ? "report.json" : $"report-{fuzz.ShardIndex + 1}-of-{fuzz.ShardCount}.json");
        File.WriteAllText(reportPath, report.ToJson());
        Console.Out.Write(report.Summary());
        Console.Out.WriteLine($"report: {reportPath}");
        return failed.Count > 0 ? 1 : 0;
    }

    public static int Merge(CommandLine.FuzzMerge merge)
    {
        var reports = new List<Report>();
        foreach (var path in merge.Reports)
        {
            try { reports.Add(Report.Parse(File.ReadAllText(path))); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                Console.Error.WriteLine($"error: cannot read the report {path}: {e.Message}");
                return 1;
            }
        }
        var combined = Report.Combine(reports);
        Console.Out.Write(combined.Summary());
        return combined.Failures.Count > 0 ? 1 : 0;
    }

    /// <summary>This shard's seeds: the first seed plus every index i of the range with i mod N = K-1.</summary>
    private static List<ulong> Seeds(CommandLine.Fuzz fuzz)
    {
        var seeds = new List<ulong>();
        for (ulong i = (ulong)fuzz.ShardIndex; i < fuzz.Seeds; i += (ulong)fuzz.ShardCount) seeds.Add(fuzz.FirstSeed + i);
        return seeds;
    }

    private static string Progress(int done, int total, int failures, TimeSpan elapsed)
    {
        var rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        var eta = rate > 0 ? TimeSpan.FromSeconds((total - done) / rate) : TimeSpan.Zero;
        const int width = 24;
        var filled = total == 0 ? width : done * width / total;
        return string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('.', width - filled)}] {done}/{total} seeds  {rate:0.0} seeds/s  {failures} failed  ETA {eta:mm\\:ss}   ");
    }

    private static string FirstError(string stderr)
    {
        var line = stderr.Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)) ?? stderr.Split('\n')[0];
        return line.Length > 160 ? line[..160] + "…" : line;
    }

    private static string HostArgs(CommandLine.Run run)
    {
        var text = new StringBuilder();
        if (run.TimeLimitMs is { } limit) text.Append(CultureInfo.InvariantCulture, $"--time-limit {limit}ms ");
        foreach (var h in run.Hosts)
        {
            var spec = $"{h.Name}={h.File}{(h.Args.Count > 0 ? " " + string.Join(' ', h.Args) : "")}";
            text.Append("--host ").Append(Quote(spec)).Append(' ');
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>A shell word: as is when safe, else in single quotes.</summary>
    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '=' or ',' or ':') ? word : "'" + word.Replace("'", "'\\''") + "'";
}
