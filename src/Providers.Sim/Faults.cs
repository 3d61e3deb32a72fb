using System.Globalization;

namespace EsRuntime.Providers.Sim;

/// <summary>Every fault the simulator can inject; each is one named knob with a probability.</summary>
public enum FaultKind
{
    /// <summary>A read or write fails with an I/O error.</summary>
    DiskIoError,
    /// <summary>A write fails: no space left on the device.</summary>
    DiskNoSpace,
    /// <summary>A write stops part-way with an error (the temporary file holds only a prefix).</summary>
    DiskShortWrite,
    /// <summary>An operation takes far longer than usual.</summary>
    DiskSlow,
    /// <summary>A file vanishes just before it is opened (another process deleted it).</summary>
    DiskVanish,
    /// <summary>A connection attempt is refused although something listens.</summary>
    NetRefused,
    /// <summary>An established connection is reset mid-stream.</summary>
    NetReset,
    /// <summary>A segment is held up for a while (the stream's order is kept).</summary>
    NetDelay,
    /// <summary>A connection runs at a hundredth of the link's bandwidth.</summary>
    NetSlow,
    /// <summary>Two hosts cannot reach each other for a while; the partition heals.</summary>
    NetPartition,
    /// <summary>A host's wall clock is offset from the others' (decided when the host starts).</summary>
    ClockSkew,
    /// <summary>A host's wall clock runs fast or slow (decided when the host starts).</summary>
    ClockDrift,
    /// <summary>A host's wall clock steps forward or back once, later in the run (decided when the host starts).</summary>
    ClockStep,
    /// <summary>A host crashes later in the run and restarts from what its disk synced (decided when it starts).</summary>
    ProcessCrash,
    /// <summary>A segment or a connection attempt is lost and retransmitted after TCP's timeout (the stream's order is kept).</summary>
    NetDrop,
    /// <summary>A connection's segments each wait a random extra time, so they reorder against other connections' segments.</summary>
    NetJitter,
    /// <summary>One host cannot send to another for a while (the other direction still flows); it heals.</summary>
    NetOneWay,
    /// <summary>A connection attempt arrives twice: the server also accepts a ghost connection, which the client resets.</summary>
    NetDuplicate,
    /// <summary>At a crash, a file being written survives under its temporary name, torn after some of its sectors.</summary>
    DiskTorn,
    /// <summary>At a crash, a file being written survives under its temporary name with one sector of garbage.</summary>
    DiskCorrupt,
}

/// <summary>One fault kind's name (as <c>--faults</c> spells it), help text and default probability.</summary>
public sealed record FaultInfo(FaultKind Kind, string Name, string Help, double Default);

/// <summary>
/// Which faults a simulation injects and how often: <c>none</c>, a group's default mix (<c>disk</c>), or
/// exact probabilities (<c>disk.eio=0.01,disk.nospace=0.001</c>). Each decision is drawn from the
/// simulation's seeded random stream, so the same seed injects the same faults.
/// </summary>
public sealed class FaultPlan
{
    public static readonly IReadOnlyList<FaultInfo> Catalogue =
    [
        new(FaultKind.DiskIoError, "disk.eio", "a read or write fails with an I/O error", 0.01),
        new(FaultKind.DiskNoSpace, "disk.nospace", "a write fails: no space left on the device", 0.002),
        new(FaultKind.DiskShortWrite, "disk.short", "a write stops part-way with an I/O error", 0.005),
        new(FaultKind.DiskSlow, "disk.slow", "an operation takes 100x its usual time", 0.05),
        new(FaultKind.DiskVanish, "disk.vanish", "a file vanishes just before it is opened", 0.002),
        new(FaultKind.NetRefused, "net.refused", "a connection attempt is refused although something listens", 0.02),
        new(FaultKind.NetReset, "net.reset", "a connection is reset mid-stream (per delivered segment)", 0.002),
        new(FaultKind.NetDelay, "net.delay", "a segment is held up 50-500 ms (order kept)", 0.02),
        new(FaultKind.NetSlow, "net.slow", "a connection runs at 1/100 of the link's bandwidth", 0.05),
        new(FaultKind.NetPartition, "net.partition", "two hosts cannot reach each other for 1-10 s (per connection attempt)", 0.01),
        new(FaultKind.ClockSkew, "clock.skew", "a host's wall clock is off by up to 60 s (per host start)", 0.5),
        new(FaultKind.ClockDrift, "clock.drift", "a host's wall clock runs up to 1% fast or slow (per host start)", 0.5),
        new(FaultKind.ClockStep, "clock.step", "a host's wall clock steps up to 30 s forward or back once (per host start)", 0.2),
        new(FaultKind.ProcessCrash, "process.crash", "a host crashes within 5 s and restarts from its synced disk (per host start)", 0.1),
        // Appended, not grouped with their kind: swarm plans draw per catalogue entry in this order, so
        // earlier seeds keep their plans when a kind is added.
        new(FaultKind.NetDrop, "net.drop", "a segment or connection attempt is lost and retransmitted after 0.2-3 s (order kept)", 0.01),
        new(FaultKind.NetJitter, "net.jitter", "a connection's segments each wait 0-100 ms more, reordering it against others", 0.05),
        new(FaultKind.NetOneWay, "net.oneway", "one host cannot send to another for 1-10 s; the other way flows (per connection attempt)", 0.01),
        new(FaultKind.NetDuplicate, "net.duplicate", "a connection attempt arrives twice: the server also accepts a ghost that is reset", 0.01),
        new(FaultKind.DiskTorn, "disk.torn", "at a crash, a file being written survives under its temporary name, torn (per such file)", 0.5),
        new(FaultKind.DiskCorrupt, "disk.corrupt", "at a crash, a file being written survives with a corrupted sector (per such file)", 0.2),
    ];

    /// <summary>The catalogue entry of <paramref name="kind"/>.</summary>
    public static FaultInfo Info(FaultKind kind) => Catalogue[(int)kind];

    /// <summary>The kinds with a probability above zero.</summary>
    public IEnumerable<FaultKind> Kinds => Catalogue.Select(f => f.Kind).Where(k => Probability(k) > 0);

    /// <summary>
    /// Swarm testing (FoundationDB): a random subset of the fault kinds, each at a random intensity
    /// (a tenth to ten times its default), drawn from <paramref name="seed"/> alone.
    /// </summary>
    public static FaultPlan Swarm(ulong seed)
    {
        var random = new SimRandom(seed, stream: 0x5A4A);
        var plan = new FaultPlan();
        foreach (var f in Catalogue)
        {
            if (!random.Chance(0.5)) continue;
            var p = f.Default * Math.Pow(10, random.Between(-1, 1));
            plan._p[f.Kind] = Math.Round(Math.Min(1, p), 4, MidpointRounding.ToEven) is var q && q > 0 ? q : 0.0001;
        }
        return plan;
    }

    private readonly Dictionary<FaultKind, double> _p = [];

    public static readonly FaultPlan None = new();

    public double Probability(FaultKind kind) => _p.GetValueOrDefault(kind);

    public bool Any => _p.Values.Any(p => p > 0);

    public FaultPlan With(FaultKind kind, double probability)
    {
        var copy = new FaultPlan();
        foreach (var (k, v) in _p) copy._p[k] = v;
        copy._p[kind] = probability;
        return copy;
    }

    /// <summary>The plan as <c>--faults</c> would spell it (round-trips through <see cref="Parse"/>).</summary>
    public override string ToString() => _p.Count == 0 ? "none" : string.Join(',', Catalogue
        .Where(f => _p.ContainsKey(f.Kind))
        .Select(f => $"{f.Name}={_p[f.Kind].ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>Parses a comma-separated list of groups (<c>disk</c>) and <c>name=probability</c> pairs.</summary>
    /// <exception cref="FormatException">an unknown name or a probability outside [0, 1], with the reason.</exception>
    public static FaultPlan Parse(string text)
    {
        var plan = new FaultPlan();
        foreach (var raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (raw == "none") continue;
            var eq = raw.IndexOf('=');
            if (eq < 0)
            {
                var group = Catalogue.Where(f => f.Name.StartsWith(raw + ".", StringComparison.Ordinal)).ToList();
                if (group.Count == 0) throw new FormatException($"unknown fault group or name '{raw}' (see --help for the list)");
                foreach (var f in group) plan._p[f.Kind] = f.Default;
                continue;
            }
            var name = raw[..eq];
            var info = Catalogue.FirstOrDefault(f => f.Name == name)
                ?? throw new FormatException($"unknown fault '{name}' (see --help for the list)");
            if (!double.TryParse(raw[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var p) || p is < 0 or > 1 || double.IsNaN(p))
                throw new FormatException($"fault '{name}' needs a probability between 0 and 1, got '{raw[(eq + 1)..]}'");
            plan._p[info.Kind] = p;
        }
        return plan;
    }
}
