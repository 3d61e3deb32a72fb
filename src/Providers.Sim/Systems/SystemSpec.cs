using EsRuntime.Capabilities;
using EsRuntime.Engine;
using EsRuntime.Providers;

namespace EsRuntime.Providers.Sim;

/// <summary>
/// One host of a simulated system: its name on the network (others reach it as <c>name:port</c>), its
/// main module (a path under the host's disk root, or <see cref="Code"/>), its arguments, and what its
/// disk holds — a real directory shown read-only (<see cref="ProjectDirectory"/>) and/or in-memory files.
/// Each host gets its own engine, disk, entropy and wall clock.
/// </summary>
public sealed record SimHostSpec(string Name, string Entry = "main.mjs")
{
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>A real directory the host's disk shows (lazily, never written); null: only <see cref="Files"/>.</summary>
    public string? ProjectDirectory { get; init; }

    /// <summary>Files on the host's disk, by path relative to its root, already synced.</summary>
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();

    /// <summary>Source text of the main module instead of <see cref="Entry"/> (as <c>-e</c>).</summary>
    public string? Code { get; init; }

    /// <summary>A host whose main module is <paramref name="code"/>.</summary>
    public static SimHostSpec FromCode(string name, string code) => new(name) { Code = code };
}

/// <summary>How a simulated system runs: faults (a plan, or an exact schedule), limits, recording, output.</summary>
public sealed record SystemOptions
{
    public FaultPlan Faults { get; init; } = FaultPlan.None;

    /// <summary>When set, faults fire exactly at its decisions and <see cref="Faults"/> is ignored.</summary>
    public FaultSchedule? Schedule { get; init; }

    /// <summary>Simulated milliseconds after which hosts still running (and not serving) fail as hung.</summary>
    public double TimeLimitMs { get; init; } = 600_000;

    /// <summary>
    /// Wall time one step of a host may take before it is stopped as stuck (a synchronous infinite loop,
    /// which no simulated time limit can see): the host fails with exit code 1.
    /// </summary>
    public TimeSpan StepWallLimit { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Record the whole run as one trace (<see cref="SystemOutcome.Trace"/>) that replays it.</summary>
    public bool Record { get; init; }

    /// <summary>Where the prefixed output goes as it is produced (besides <see cref="SystemOutcome.Stdout"/>).</summary>
    public IConsole? Output { get; init; }

    public Capability Capabilities { get; init; } = Capability.All;

    public EngineLimits Limits { get; init; } = new();

    public ICodeCache CodeCache { get; init; } = MemoryCodeCache.Shared;

    /// <summary>The locale the trace header names (the process's ICU locale is set by the caller).</summary>
    public string Locale { get; init; } = "en-US";

    /// <summary>Count each host's touches of ambient nondeterminism (<see cref="SystemOutcome.Audit"/>).</summary>
    public bool Audit { get; init; }

    /// <summary>
    /// With <see cref="Record"/>: write each host's script location at every recorded event into its trace
    /// (a stack walk per event), so <see cref="DeterminismCheck"/> and a replay that diverges show where both runs were.
    /// </summary>
    public bool CallSites { get; init; }

    /// <summary>Restarts allowed per host (crash faults and crash()); past it the host ends with its crash code.</summary>
    public int MaxRestarts { get; init; } = 8;
}

/// <summary>How one host ended: its exit code (null: still running, e.g. serving, when the run ended) and restarts.</summary>
public sealed record HostOutcome(string Name, int? ExitCode, int Restarts);

/// <summary>
/// A whole simulated run: the exit code (the first host to fail, else 0), the prefixed output, each host's
/// end, the faults that fired, the trace when recorded, and the simulated time and steps it took.
/// </summary>
public sealed record SystemOutcome(
    int ExitCode,
    string Stdout,
    string Stderr,
    IReadOnlyList<HostOutcome> Hosts,
    IReadOnlyList<FiredFault> Fired,
    byte[]? Trace,
    string? FailedHost,
    double SimulatedMs,
    long Steps)
{
    public bool Failed => ExitCode != 0;

    /// <summary>With <see cref="SystemOptions.Audit"/>: per host, each source of ambient nondeterminism touched and how often.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Audit { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, long>>();

    /// <summary>Set by a replay that did not match its trace: the first difference, with the host.</summary>
    public string? Divergence { get; init; }
}
