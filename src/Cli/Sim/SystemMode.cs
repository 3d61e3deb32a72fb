using EsRuntime.Capabilities;
using EsRuntime.Providers.Real;
using EsRuntime.Providers.Real.Files;
using EsRuntime.Providers.Sim;

namespace EsRuntime.Cli.Sim;

/// <summary>`esrun --sim SEED --host api=server.mjs --host client.mjs`: a simulated system, recorded or not, and its replay.</summary>
internal static class SystemMode
{
    /// <summary>Simulated time a system may run by default before hosts still running fail as hung.</summary>
    public const double DefaultTimeLimitMs = 600_000;

    public static int Run(CommandLine.Run run)
    {
        PinProcess(run);
        if (run.RecordPath is not null && TraceFile.Refusal(run.RecordPath, null, run.Force) is { } refusal)
        {
            Console.Error.WriteLine("error: --record: " + refusal);
            return CommandLine.UsageError;
        }
        if (HostsOrError(run) is not { } hosts) return 1;
        using var console = new StdConsole(allowColors: false);
        var outcome = Simulation.Run(run.Seed ?? 0, hosts, options: Options(run) with { Record = run.RecordPath is not null, Output = console });
        console.Flush();
        if (run.Audit)
            foreach (var host in hosts)
                Console.Error.Write(Runtime.AuditReport.Format(outcome.Audit.GetValueOrDefault(host.Name) ?? new Dictionary<string, long>(), $"[{host.Name}] "));
        if (run.RecordPath is not null)
        {
            try
            {
                using var file = TraceFile.Create(run.RecordPath);
                file.Write(outcome.Trace);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: cannot write the trace {run.RecordPath}: {e.Message}");
                return 1;
            }
        }
        return outcome.ExitCode;
    }

    /// <summary>Runs the system twice under its seed and reports the first difference (the first run's output is shown).</summary>
    public static int CheckDeterminism(CommandLine.Run run)
    {
        PinProcess(run);
        if (HostsOrError(run) is not { } hosts) return 1;
        using var console = new StdConsole(allowColors: false);
        var (first, difference) = DeterminismCheck.Run(run.Seed ?? 0, hosts, Options(run) with { Output = console });
        console.Flush();
        if (difference is not null)
        {
            Console.Out.Write(difference);
            return CommandLine.RunsDiffer;
        }
        Console.Out.WriteLine($"both runs were identical: {first.Steps} steps over {first.Hosts.Count} hosts, exit code {first.ExitCode}");
        return 0;
    }

    public static int Replay(byte[] file)
    {
        SystemOutcome outcome;
        using var console = new StdConsole(allowColors: false);
        try { outcome = SystemReplay.Run(file, console); }
        catch (FormatException e)
        {
            Console.Error.WriteLine("error: cannot replay: " + e.Message);
            return CommandLine.TraceUnreadable;
        }
        console.Flush();
        if (outcome.Divergence is { } divergence) Console.Error.WriteLine("error: " + divergence);
        return outcome.ExitCode;
    }

    /// <summary>A simulated system sees UTC and the pinned locale, whatever the machine's.</summary>
    public static void PinProcess(CommandLine.Run run)
    {
        ProcessTimeZone.Set("UTC");
        ProcessLocale.Set(run.Locale ?? ProcessLocale.Simulated);
    }

    /// <summary>The hosts, or null after saying which script is missing.</summary>
    public static List<SimHostSpec>? HostsOrError(CommandLine.Run run)
    {
        try { return Specs(run); }
        catch (FileNotFoundException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return null;
        }
    }

    /// <summary>Each host's disk shows its script's project (read-only); its entry is the script's path there.</summary>
    /// <exception cref="FileNotFoundException">a host's script does not exist.</exception>
    private static List<SimHostSpec> Specs(CommandLine.Run run) => run.Hosts.Select(h =>
    {
        var entry = Path.GetFullPath(h.File);
        if (!File.Exists(entry)) throw new FileNotFoundException($"host {h.Name}: cannot find the script {h.File}");
        var root = RealFileSystem.ProjectRoot(entry);
        return new SimHostSpec(h.Name, Path.GetRelativePath(root, entry).Replace('\\', '/')) { ProjectDirectory = root, Args = h.Args };
    }).ToList();

    public static SystemOptions Options(CommandLine.Run run) => new()
    {
        Faults = run.Faults,
        Schedule = run.Schedule,
        TimeLimitMs = run.TimeLimitMs ?? DefaultTimeLimitMs,
        Capabilities = Capability.All & ~run.Denied,
        Locale = run.Locale ?? ProcessLocale.Simulated,
        CodeCache = MemoryCodeCache.Shared,
        Audit = run.Audit,
        CallSites = run.CallSites,
    };
}
