namespace EsRuntime.Cli.Sim;

/// <summary>Parses `esrun fuzz [fuzz options] HOSTS...` and `esrun fuzz merge REPORT...`.</summary>
internal static class FuzzArgs
{
    public static CommandLine.Parsed Parse(IReadOnlyList<string> args)
    {
        if (args.Count >= 2 && args[1] == "merge")
            return args.Count > 2 ? new CommandLine.FuzzMerge(args.Skip(2).ToList()) : new CommandLine.Invalid("fuzz merge needs report files (reports/*.json)");
        ulong seeds = 100, first = 1;
        var swarm = false;
        var jobs = 1;
        int shardIndex = 0, shardCount = 1;
        var outDir = "fuzz-out";
        var shrink = true;
        var explain = 10;
        var shrinkRuns = 200;
        var rest = new List<string> { "--sim", "0" };
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (arg)
            {
                case "--seeds":
                    if (!ulong.TryParse(Value(), out seeds) || seeds == 0) return new CommandLine.Invalid("--seeds needs a positive number of seeds");
                    break;
                case "--start":
                    if (!ulong.TryParse(Value(), out first)) return new CommandLine.Invalid("--start needs the first seed (a non-negative integer)");
                    break;
                case "--jobs":
                    if (!int.TryParse(Value(), out jobs) || jobs < 1 || jobs > 256) return new CommandLine.Invalid("--jobs needs a number of parallel runs from 1 to 256");
                    break;
                case "--shard":
                    var shard = Value() ?? "";
                    var slash = shard.IndexOf('/');
                    if (slash < 0 || !int.TryParse(shard[..slash], out var k) || !int.TryParse(shard[(slash + 1)..], out shardCount) || shardCount < 1 || k < 1 || k > shardCount)
                        return new CommandLine.Invalid($"--shard needs K/N with 1 <= K <= N (e.g. 3/8), got '{shard}'");
                    shardIndex = k - 1;
                    break;
                case "--out":
                    outDir = Value() ?? "";
                    if (outDir.Length == 0) return new CommandLine.Invalid("--out needs a directory for the reports, traces and schedules");
                    break;
                case "--explain":
                    if (!int.TryParse(Value(), out explain) || explain < 0) return new CommandLine.Invalid("--explain needs how many failing seeds get a trace and a shrunk schedule (0 or more)");
                    break;
                case "--shrink-runs":
                    if (!int.TryParse(Value(), out shrinkRuns) || shrinkRuns < 1) return new CommandLine.Invalid("--shrink-runs needs how many re-runs shrinking one failing seed may take (1 or more)");
                    break;
                case "--no-shrink":
                    shrink = false;
                    break;
                case "--faults" when i + 1 < args.Count && args[i + 1] == "swarm":
                    swarm = true;
                    i++;
                    break;
                case "--sim":
                    return new CommandLine.Invalid("fuzz picks the seeds itself: use --seeds N [--start S] instead of --sim");
                default:
                    rest.Add(arg);
                    break;
            }
        }
        var parsed = CommandLine.Parse(rest);
        if (parsed is not CommandLine.Run run) return parsed is CommandLine.Invalid invalid ? new CommandLine.Invalid("fuzz: " + invalid.Message) : new CommandLine.Invalid("fuzz needs hosts (--host ...) or a script");
        if (run.RecordPath is not null || run.CheckDeterminism) return new CommandLine.Invalid("fuzz records failing seeds itself: drop --record / --check-determinism");
        if (run.Code is not null) return new CommandLine.Invalid("fuzz needs script files (--host [NAME=]SCRIPT or SCRIPT), not -e");
        if (run.Hosts.Count == 0 && run.File is not null)
            run = run with { Hosts = [new CommandLine.HostArg(Path.GetFileNameWithoutExtension(run.File), run.File, run.ScriptArgs)], File = null, ScriptArgs = [] };
        return new CommandLine.Fuzz(run, seeds, first, swarm, jobs, shardIndex, shardCount, outDir, shrink) { Explain = explain, ShrinkRuns = shrinkRuns };
    }
}
