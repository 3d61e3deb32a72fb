using EsRuntime.Capabilities;
using EsRuntime.Providers;
using EsRuntime.Providers.Sim.Disk;
using EsRuntime.Replay;
using EsRuntime.Replay.Replaying;
using EsRuntime.Runtime;

namespace EsRuntime.Providers.Sim;

/// <summary>What a program printed and how it ended.</summary>
public sealed record RunOutcome(string Stdout, string Stderr, int ExitCode);

public sealed record RecordedRun(RunOutcome Outcome, byte[] Trace);

public sealed record ReplayedRun(RunOutcome Outcome, ReplayDivergence? Divergence);

/// <summary>
/// One simulated world (FoundationDB's sim2, turmoil): it owns the virtual time line, the world's
/// seeded random stream, the fault plan and the queue of simulated events (a disk operation
/// finishing, a packet arriving). Nothing in a simulation draws randomness or time from anywhere
/// else, so the same seed gives the same run. Providers schedule their work here; the clock runs
/// the events as virtual time reaches them.
/// </summary>
public sealed class Simulation
{
    private readonly PriorityQueue<Action, (double Due, long Sequence)> _events = new();
    private long _sequence;

    public Simulation(ulong seed, FaultPlan? faults = null)
    {
        Seed = seed;
        Faults = faults ?? FaultPlan.None;
        Random = new SimRandom(seed, stream: 1);
        Clock = new VirtualClock(this);
        Network = new Net.SimNetwork(this);
    }

    /// <summary>The simulated network every host of this world is on.</summary>
    public Net.SimNetwork Network { get; }

    public ulong Seed { get; }

    public FaultPlan Faults { get; }

    /// <summary>The world's random stream: latencies, faults, delivery order. Not the script's entropy.</summary>
    public SimRandom Random { get; }

    public VirtualClock Clock { get; }

    public VirtualTimeProvider Time => Clock.Time;

    /// <summary>Virtual monotonic milliseconds now.</summary>
    public double Now => Clock.MonotonicNowMs();

    /// <summary>Told of every fault the moment it is injected (the CLI writes them into the trace).</summary>
    public event Action<string>? FaultInjected;

    /// <summary>Draws whether to inject <paramref name="kind"/> now; reports it if so.</summary>
    public bool Inject(FaultKind kind, string what)
    {
        if (!Random.Chance(Faults.Probability(kind))) return false;
        FaultInjected?.Invoke($"{FaultPlan.Catalogue.First(f => f.Kind == kind).Name}: {what}");
        return true;
    }

    /// <summary>Runs <paramref name="action"/> when virtual time has advanced by <paramref name="delayMs"/>.</summary>
    public void Schedule(double delayMs, Action action) => _events.Enqueue(action, (Now + Math.Max(0, delayMs), _sequence++));

    /// <summary>When the next simulated event is due (virtual monotonic ms), or null when none is pending.</summary>
    public double? NextEventDue => _events.TryPeek(out _, out var key) ? key.Due : null;

    /// <summary>Runs every event due by now, in due order then scheduling order. Returns how many ran.</summary>
    public int RunDue()
    {
        var ran = 0;
        while (_events.TryPeek(out var action, out var key) && key.Due <= Now)
        {
            _events.Dequeue();
            action();
            ran++;
        }
        return ran;
    }

    /// <summary>A simulated disk whose jail root is <paramref name="root"/>, optionally showing a real directory's files.</summary>
    public SimFileSystem CreateDisk(string root = SimFileSystem.DefaultRoot, string? snapshotOf = null) =>
        new(this, root, snapshotOf);

    // ---- in-memory record and replay of a program, for embedders' tests ----

    /// <summary>The exit code of a replay that diverged (the CLI's as well).</summary>
    public const int DivergedExitCode = 86;

    /// <summary>The exit code of a replay that reached the end of a trace cut short (the CLI's as well).</summary>
    public const int CutShortExitCode = 89;

    public static TraceHeader Header(string code, ulong seed) => new("sim", "sim", [], null, code, [],
        SimFileSystem.DefaultRoot, "linux", "x86_64", "UTC", "en-US", Capability.All, seed);

    /// <summary>Runs <paramref name="code"/> as the main module of a simulated run under <paramref name="seed"/>, recording it.</summary>
    public static RecordedRun Record(string code, ulong seed = 1)
    {
        var console = new CapturingConsole();
        var world = new Simulation(seed);
        var providers = new ProviderSet(world.Clock, new SeededEntropy(seed), console, new SimProcessHost(), world.CreateDisk(),
            Scheduler: new SeededScheduler(world));
        using var buffer = new MemoryStream();
        int exit;
        using (var trace = new TraceWriter(buffer, Header(code, seed)))
        {
            using var runtime = JsRuntime.FromCode(Options(Recorder.Wrap(providers, trace)), code);
            exit = runtime.RunToCompletion();
            trace.End(exit);
        }
        return new RecordedRun(new RunOutcome(console.Stdout, console.Stderr, exit), buffer.ToArray());
    }

    /// <summary>Replays a trace of an in-memory program; the provider set holds no other source of answers.</summary>
    /// <exception cref="TraceFormatException">the trace cannot be read.</exception>
    public static ReplayedRun Replay(byte[] trace)
    {
        using var reader = new TraceReader(new MemoryStream(trace));
        var console = new CapturingConsole();
        var replayer = new TraceReplayer(reader);
        var exit = DivergedExitCode;
        try
        {
            using var runtime = JsRuntime.FromCode(Options(Replayer.Providers(replayer, console)), reader.Header.EvalCode ?? "");
            replayer.CallSite = runtime.CurrentCallSite;
            replayer.OnDivergence = d => runtime.Stop(ExitCodeOf(d));
            exit = runtime.RunToCompletion();
            replayer.ExpectEnd(exit);
        }
        catch (ReplayDivergenceException) { }
        if (replayer.Divergence is { } divergence) exit = ExitCodeOf(divergence);
        return new ReplayedRun(new RunOutcome(console.Stdout, console.Stderr, exit), replayer.Divergence);
    }

    /// <summary>86 for a divergence, 89 for the end of a trace cut short.</summary>
    public static int ExitCodeOf(ReplayDivergence divergence) => divergence.CutShort ? CutShortExitCode : DivergedExitCode;

    private static RuntimeOptions Options(ProviderSet providers) =>
        new() { Providers = providers, Capabilities = Capability.All, Deterministic = true };
}
