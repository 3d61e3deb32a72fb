using EsRuntime.Capabilities;
using EsRuntime.Providers.Real;

namespace EsRuntime.Cli;

/// <summary>esrun's flags. Everything after the script (or -e code) belongs to the script.</summary>
internal static class CommandLine
{
    public const string VersionString = "0.1.0";

    /// <summary>Exit codes of esrun itself, distinct from the small codes programs use.</summary>
    public const int UsageError = 2;
    public const int ReplayDiverged = 86;
    public const int TraceUnreadable = 87;
    public const int RunsDiffer = 88;
    public const int TraceCutShort = 89;

    public abstract record Parsed;
    public sealed record Help : Parsed;
    public sealed record Version : Parsed;
    public sealed record Invalid(string Message) : Parsed;
    public sealed record Run(string? File, string? Code, IReadOnlyList<string> ScriptArgs, Capability Denied,
        string? RecordPath, ulong? Seed, bool CheckDeterminism) : Parsed
    {
        /// <summary>--force: --record may overwrite a file that is not a trace.</summary>
        public bool Force { get; init; }

        /// <summary>--locale: the default locale (a normalised tag); null: en-US under --sim, else the environment's.</summary>
        public string? Locale { get; init; }

        /// <summary>--max-memory: the heap limit and, separately, the ArrayBuffer limit, in MiB; null: the defaults.</summary>
        public int? MaxMemoryMiB { get; init; }

        /// <summary>--allow-net: the only hosts ("host" or "host:port") the Net capability reaches; null: any.</summary>
        public IReadOnlyList<string>? NetHosts { get; init; }

        /// <summary>The simulation's fault plan (--faults), none by default.</summary>
        public Providers.Sim.FaultPlan Faults { get; init; } = Providers.Sim.FaultPlan.None;

        /// <summary>--timeout: wall milliseconds for a real run, simulated ones under --sim.</summary>
        public int? TimeoutMs { get; init; }

        /// <summary>--host [NAME=]SCRIPT [args]: the hosts of a simulated system (empty: one program).</summary>
        public IReadOnlyList<HostArg> Hosts { get; init; } = [];

        /// <summary>--fault-schedule FILE: the exact faults to inject (instead of --faults).</summary>
        public Providers.Sim.FaultSchedule? Schedule { get; init; }

        /// <summary>--audit: report at the end each source of ambient nondeterminism the run touched.</summary>
        public bool Audit { get; init; }

        /// <summary>--time-limit: simulated milliseconds a system may run before hosts still running fail as hung.</summary>
        public double? TimeLimitMs { get; init; }

        /// <summary>--call-sites: with --record, write the script location of every event into the trace.</summary>
        public bool CallSites { get; init; }
    }

    /// <summary>One --host: its name (the script's file name without extension when not given), script and arguments.</summary>
    public sealed record HostArg(string Name, string File, IReadOnlyList<string> Args);

    /// <summary>`esrun fuzz --seeds N ... (--host ...)+ | SCRIPT`.</summary>
    public sealed record Fuzz(Run Template, ulong Seeds, ulong FirstSeed, bool Swarm, int Jobs, int ShardIndex, int ShardCount, string OutDir, bool Shrink) : Parsed
    {
        /// <summary>--explain N: failing seeds that get a trace and a shrunk schedule (the rest get a repro line).</summary>
        public int Explain { get; init; } = 10;

        /// <summary>--shrink-runs N: the re-runs shrinking one failing seed may take (each is a whole run of the system).</summary>
        public int ShrinkRuns { get; init; } = 200;
    }

    /// <summary>`esrun fuzz merge REPORT...`.</summary>
    public sealed record FuzzMerge(IReadOnlyList<string> Reports) : Parsed;
    public sealed record Replay(string TracePath) : Parsed;
    public sealed record TraceSummary(string TracePath, int Events) : Parsed;
    /// <summary>`esrun trace TRACE --timeline | --json | --html OUT` (see Trace/TraceViews).</summary>
    public sealed record TraceView(string TracePath, string Format, string? OutputPath) : Parsed;

    public static readonly string HelpText = $"""
        esrun {VersionString} — a secure, deterministic JavaScript runtime (ES modules only)

        Usage:
          esrun [options] FILE [args...]    run FILE as the main ES module
          esrun [options] -e CODE [args...] run CODE as the main ES module
          esrun --sim SEED --host [NAME=]SCRIPT [--host ...]
                                            run a simulated system: each host its own runtime on one
                                            simulated network and time line, output prefixed [NAME]
          esrun fuzz --seeds N [--faults swarm|LIST] [--jobs N] [--shard K/N] [--out DIR] HOSTS...
                                            run N seeds; for each failure a repro line, a trace and a
                                            shrunk fault schedule (--explain N, --shrink-runs N,
                                            --no-shrink, --start S)
          esrun fuzz merge REPORT...        combine the JSON reports of fuzz shards
          esrun --replay TRACE              run a recorded program (or system) again, from its trace alone
          esrun trace TRACE [--events N]    summarise a trace: header, event counts, first N events
          esrun trace TRACE --timeline      every event with its time, lane (and host), readable
          esrun trace TRACE --html OUT      the timeline as one self-contained, zoomable HTML page
          esrun trace TRACE --json          the timeline as JSON, for tools
          esrun --help | --version

        Options:
          -e, --eval CODE       evaluate CODE instead of a file
          --record TRACE        write every answer the world gives the program to TRACE
          --sim SEED            run on simulated providers: virtual clock (jumps to the next timer
                                when idle), entropy seeded by SEED, empty environment, UTC, en-US
          --check-determinism   with --sim (one program or --host systems): run twice and report
                                the first provider call that differs, with the script location in
                                each run and the nondeterminism sources touched, or that both runs
                                were identical
          --faults LIST         with --sim: inject faults drawn from the seed. LIST is "none", a group
                                ("disk": its default mix) or name=probability pairs, comma-separated:
        {FaultHelp}
          --host [NAME=]SCRIPT  with --sim: a host of a simulated system ("a=client.mjs 0" passes args);
                                the name defaults to the script's file name; hosts reach each other
                                by name. The run ends when every host not listening on a port has
                                ended, or when one fails (its exit code is the run's)
          --fault-schedule FILE with --sim: inject exactly the faults FILE lists (as fuzz writes them)
          --time-limit DURATION with --host: simulated time (30s, 2m) after which hosts still running
                                fail as hung (default 600s)
          --audit               report at the end each source of ambient nondeterminism the program
                                touched (WeakRef, Atomics, Intl, local time, OpenSSL randomness, ...)
          -t, --timeout MS      stop the run after MS milliseconds (wall time; simulated time under --sim)
          --allow-net HOSTS     let the network reach only these hosts (host or host:port,
                                comma-separated), for fetch and runtime:net connect
          --deny CAPS           withhold capabilities (comma-separated: env, file-read, file-write,
                                net, net-listen, hrtime); all are granted by default
          --locale TAG          default locale of Intl and toLocale*() (en, fr-FR, zh-Hant-TW); default:
                                en-US under --sim, else from LC_ALL / LC_MESSAGES / LANG
          --max-memory MIB      limit the JS heap to MIB and ArrayBuffer memory to another MIB
                                (default 1024 each); past either, the run fails instead of the machine
          --call-sites          with --record: also write the script location of every provider call
                                into the trace (a stack walk each), so a replay that diverges shows
                                where the recorded run was, not only where the replay is
          --force               with --record: overwrite TRACE even if it is not a trace
          -h, --help            print this help
          -v, --version         print the version

        Exit codes:
          0    the program finished (or called exit() / exit(0))
          N    the program called exit(N)
          1    an uncaught error or unhandled promise rejection, or a module that cannot be loaded
          2    invalid command line
          {ReplayDiverged}   replay diverged: the program asked for something the trace does not hold next
          {TraceUnreadable}   the trace cannot be read (missing, corrupt, junk after it, or another format version)
          {RunsDiffer}   --check-determinism: the two runs differed
          {TraceCutShort}   replay reached the end of a trace that was cut short (the recorded run did not
               finish, or the file was truncated): every event it held was replayed
          130, 143  interrupted by SIGINT or SIGTERM

        """;

    private static string FaultHelp => string.Join("\n", Providers.Sim.FaultPlan.Catalogue.Select(f =>
        $"                                  {f.Name,-14} {f.Help} (default {f.Default})"));

    public static Parsed Parse(IReadOnlyList<string> args)
    {
        if (args.Count > 0 && args[0] == "trace") return ParseTrace(args);
        if (args.Count > 0 && args[0] == "fuzz") return Sim.FuzzArgs.Parse(args);
        var denied = Capability.None;
        string? record = null;
        ulong? seed = null;
        var check = false;
        var force = false;
        string? locale = null;
        int? maxMemory = null;
        var faults = Providers.Sim.FaultPlan.None;
        int? timeout = null;
        var systemHosts = new List<HostArg>();
        Providers.Sim.FaultSchedule? schedule = null;
        double? timeLimit = null;
        var audit = false;
        var callSites = false;
        List<string>? netHosts = null;
        Parsed RunOf(string? file, string? code, int argsFrom) =>
            Finish(new Run(file, code, args.Skip(argsFrom).ToArray(), denied, record, seed, check)
            {
                Faults = faults,
                TimeoutMs = timeout,
                Force = force,
                Locale = locale,
                MaxMemoryMiB = maxMemory,
                Hosts = systemHosts,
                Schedule = schedule,
                TimeLimitMs = timeLimit,
                Audit = audit,
                NetHosts = netHosts,
                CallSites = callSites,
            });
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            string? inlineValue = null; // --allow-net=LIST
            if (arg.StartsWith("--allow-net=", StringComparison.Ordinal)) (arg, inlineValue) = ("--allow-net", arg["--allow-net=".Length..]);
            switch (arg)
            {
                case "--allow-net":
                    var hosts = inlineValue ?? Value();
                    if (string.IsNullOrWhiteSpace(hosts)) return new Invalid("--allow-net needs a list of hosts (host or host:port, comma-separated)");
                    netHosts ??= [];
                    foreach (var host in hosts.Split(',', StringSplitOptions.TrimEntries))
                    {
                        if (host.Length == 0 || host.Contains('/')) return new Invalid($"--allow-net '{hosts}' holds '{host}', which is not a host or host:port");
                        netHosts.Add(host);
                    }
                    break;
                case "-h" or "--help": return new Help();
                case "-v" or "--version": return new Version();
                case "-e" or "--eval":
                    if (i + 1 >= args.Count) return new Invalid($"{arg} needs the code to run");
                    return RunOf(null, args[i + 1], i + 2);
                case "--record":
                    record = Value();
                    if (record is null) return new Invalid("--record needs a trace file path");
                    break;
                case "--replay":
                    var trace = Value();
                    if (trace is null) return new Invalid("--replay needs a trace file path");
                    if (i + 1 < args.Count) return new Invalid("--replay takes no program: the trace holds it");
                    return new Replay(trace);
                case "--sim":
                    var text = Value();
                    if (!ulong.TryParse(text, out var parsedSeed)) return new Invalid($"--sim needs a seed (a non-negative integer), got '{text}'");
                    seed = parsedSeed;
                    break;
                case "--check-determinism":
                    check = true;
                    break;
                case "--force":
                    force = true;
                    break;
                case "--audit":
                    audit = true;
                    break;
                case "--call-sites":
                    callSites = true;
                    break;
                case "--locale":
                    var tag = Value();
                    if (tag is null || !ProcessLocale.TryNormalize(tag, out var normalized))
                        return new Invalid($"--locale needs a language tag such as en-US or fr-FR, got '{tag}'");
                    locale = normalized;
                    break;
                case "--max-memory":
                    var mib = Value();
                    if (!int.TryParse(mib, out var parsedMib) || parsedMib < MinMemoryMiB || parsedMib > MaxMemoryMiB)
                        return new Invalid($"--max-memory needs a size in MiB from {MinMemoryMiB} to {MaxMemoryMiB}, got '{mib}'");
                    maxMemory = parsedMib;
                    break;
                case "--faults":
                    var plan = Value();
                    if (plan is null) return new Invalid("--faults needs a fault list (none, disk, or name=probability,...; see --help)");
                    try { faults = Providers.Sim.FaultPlan.Parse(plan); }
                    catch (FormatException e) { return new Invalid("--faults: " + e.Message); }
                    break;
                case "-t" or "--timeout":
                    var ms = Value();
                    if (!int.TryParse(ms, out var parsedMs) || parsedMs <= 0) return new Invalid($"{arg} needs a positive number of milliseconds, got '{ms}'");
                    timeout = parsedMs;
                    break;
                case "--deny":
                    var list = Value();
                    if (list is null) return new Invalid("--deny needs a list of capabilities");
                    foreach (var name in list.Split(',', StringSplitOptions.TrimEntries))
                    {
                        var capability = ParseCapability(name);
                        if (capability is null)
                            return new Invalid((name.Length == 0 ? $"--deny '{list}' has an empty capability name" : $"unknown capability '{name}'") +
                                " (expected a comma-separated list of env, file-read, file-write, net, net-listen, hrtime)");
                        denied |= capability.Value;
                    }
                    break;
                case "--host":
                    var hostText = Value();
                    if (ParseHost(hostText) is not { } systemHost) return new Invalid($"--host needs [NAME=]SCRIPT [ARGS] (e.g. api=server.mjs), got '{hostText}'");
                    if (systemHosts.Any(h => string.Equals(h.Name, systemHost.Name, StringComparison.OrdinalIgnoreCase))) return new Invalid($"two hosts are named '{systemHost.Name}'");
                    systemHosts.Add(systemHost);
                    break;
                case "--fault-schedule":
                    var schedulePath = Value();
                    if (schedulePath is null) return new Invalid("--fault-schedule needs a schedule file (as esrun fuzz writes)");
                    try
                    {
                        var (parsed, scheduleSeed) = Providers.Sim.FaultSchedule.Parse(File.ReadAllText(schedulePath));
                        schedule = parsed;
                        seed ??= scheduleSeed;
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
                    {
                        return new Invalid($"--fault-schedule {schedulePath}: {e.Message}");
                    }
                    break;
                case "--time-limit":
                    var limitText = Value();
                    if (ParseDuration(limitText) is not { } limitMs) return new Invalid($"--time-limit needs a duration such as 30s, 500ms or 2m, got '{limitText}'");
                    timeLimit = limitMs;
                    break;
                case "--":
                    return i + 1 < args.Count ? RunOf(args[i + 1], null, i + 2) : new Invalid("no script given after --");
                default:
                    if (arg.StartsWith('-') && arg.Length > 1) return new Invalid($"unknown option '{arg}'");
                    return RunOf(arg, null, i + 1);
            }
        }
        return systemHosts.Count > 0 ? RunOf(null, null, args.Count) : new Invalid("no script given");
    }

    /// <summary>[NAME=]SCRIPT [ARGS...] (space-separated); the name defaults to the script's file name without extension.</summary>
    public static HostArg? ParseHost(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var first = words[0];
        var eq = first.IndexOf('=');
        var name = eq > 0 ? first[..eq] : Path.GetFileNameWithoutExtension(first);
        var file = eq > 0 ? first[(eq + 1)..] : first;
        if (file.Length == 0 || name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) return null;
        return new HostArg(name, file, words[1..]);
    }

    /// <summary>A duration: 30s, 500ms, 2m, 1h, or a plain number of seconds; in milliseconds.</summary>
    public static double? ParseDuration(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var (number, scale) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 1.0)
            : text.EndsWith('s') ? (text[..^1], 1000.0)
            : text.EndsWith('m') ? (text[..^1], 60_000.0)
            : text.EndsWith('h') ? (text[..^1], 3_600_000.0)
            : (text, 1000.0);
        return double.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 && double.IsFinite(n)
            ? n * scale : null;
    }

    /// <summary>--max-memory bounds: the runtime itself needs some tens of MiB; 1 TiB is beyond any machine.</summary>
    private const int MinMemoryMiB = 32, MaxMemoryMiB = 1 << 20;

    private static Parsed Finish(Run run) =>
        run.Hosts.Count > 0 && (run.File is not null || run.Code is not null) ? new Invalid("give the program either as --host (a system of hosts) or as a script, not both")
        : run.Hosts.Count > 0 && run.Seed is null ? new Invalid("--host needs --sim SEED (a system of hosts runs only simulated)")
        : run.Schedule is not null && run.Seed is null ? new Invalid("--fault-schedule needs --sim SEED")
        : run.Faults.Any && run.Seed is null ? new Invalid("--faults needs --sim SEED (faults are injected only into simulated runs)")
        : run.CheckDeterminism && run.Seed is null ? new Invalid("--check-determinism needs --sim SEED")
        : run.CheckDeterminism && run.RecordPath is not null ? new Invalid("--check-determinism does not record; drop --record")
        : run.CallSites && run.RecordPath is null ? new Invalid("--call-sites needs --record TRACE (it writes script locations into the trace)")
        : run;

    private static Parsed ParseTrace(IReadOnlyList<string> args)
    {
        if (args.Count < 2) return new Invalid("trace needs a trace file path");
        if (args.Count == 3 && args[2] is "--timeline" or "--json") return new TraceView(args[1], args[2][2..], null);
        if (args.Count == 4 && args[2] == "--html") return new TraceView(args[1], "html", args[3]);
        if (args.Count == 3 && args[2] == "--html") return new Invalid("--html needs an output file path");
        var events = 50;
        if (args.Count == 4 && args[2] == "--events" && int.TryParse(args[3], out var n) && n >= 0) events = n;
        else if (args.Count != 2) return new Invalid("usage: esrun trace TRACE [--events N | --timeline | --json | --html OUT]");
        return new TraceSummary(args[1], events);
    }

    private static Capability? ParseCapability(string name) => name.ToLowerInvariant() switch
    {
        "env" => Capability.Env,
        "file-read" => Capability.FileRead,
        "file-write" => Capability.FileWrite,
        "net" => Capability.Net,
        "net-listen" => Capability.NetListen,
        "hrtime" => Capability.HrTime,
        _ => null,
    };
}
