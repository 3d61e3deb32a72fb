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
    private readonly long[] _decisions = new long[FaultPlan.Catalogue.Count];
    private readonly SimRandom _faultRandom;
    private readonly List<FiredFault> _fired = [];

    /// <summary>A world under <paramref name="seed"/> injecting <paramref name="faults"/>, or exactly the faults of <paramref name="schedule"/> when one is given.</summary>
    public Simulation(ulong seed, FaultPlan? faults = null, FaultSchedule? schedule = null)
    {
        Seed = seed;
        Faults = faults ?? FaultPlan.None;
        ExactFaults = schedule;
        Random = new SimRandom(seed, stream: 1);
        // Fault decisions have their own stream: a schedule that drops a fault draws nothing in its place,
        // so the world's latencies and orders stay as they were.
        _faultRandom = new SimRandom(seed, stream: 2);
        Clock = new VirtualClock(this);
        Network = new Net.SimNetwork(this);
    }

    /// <summary>The simulated network every host of this world is on.</summary>
    public Net.SimNetwork Network { get; }

    public ulong Seed { get; }

    public FaultPlan Faults { get; }

    /// <summary>The exact schedule this world follows instead of <see cref="Faults"/>, if any.</summary>
    public FaultSchedule? ExactFaults { get; }

    /// <summary>Every fault injected so far, in order.</summary>
    public IReadOnlyList<FiredFault> Fired => _fired;

    /// <summary>Whether any fault can fire in this world (a plan with a kind above zero, or a schedule).</summary>
    public bool FaultsPossible => ExactFaults is not null ? ExactFaults.Faults.Count > 0 : Faults.Any;

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
        if (Decide(kind) is not { } decision) return false;
        Report(kind, decision, what);
        return true;
    }

    /// <summary>
    /// As <see cref="Inject(FaultKind, string)"/> for a fault that draws what it does once it fires (a
    /// direction, a length): <paramref name="apply"/> runs only then, applies the fault and describes it.
    /// </summary>
    public bool Inject(FaultKind kind, Func<string> apply)
    {
        if (Decide(kind) is not { } decision) return false;
        Report(kind, decision, apply());
        return true;
    }

    /// <summary>Counts the decision of <paramref name="kind"/>; its ordinal when the fault fires, else null.</summary>
    private long? Decide(FaultKind kind)
    {
        var decision = _decisions[(int)kind]++;
        var fire = ExactFaults is { } schedule ? schedule.Fires(kind, decision) : _faultRandom.Chance(Faults.Probability(kind));
        return fire ? decision : null;
    }

    private void Report(FaultKind kind, long decision, string what)
    {
        var name = FaultPlan.Info(kind).Name;
        _fired.Add(new FiredFault(name, decision, Now, what));
        FaultInjected?.Invoke($"{name}: {what}");
    }

    /// <summary>Runs <paramref name="action"/> when virtual time has advanced by <paramref name="delayMs"/>.</summary>
    public void Schedule(double delayMs, Action action) => _events.Enqueue(action, (Now + Math.Max(0, delayMs), _sequence++));

    /// <summary>When the next simulated event is due (virtual monotonic ms), or null when none is pending.</summary>
    public double? NextEventDue => _events.TryPeek(out _, out var key) ? key.Due : null;

    /// <summary>Moves virtual time forward to <paramref name="monotonicMs"/> (never back) and runs the events due then.</summary>
    public void AdvanceTo(double monotonicMs)
    {
        var now = Now;
        if (monotonicMs > now) Clock.Time.Advance(TimeSpan.FromTicks((long)Math.Ceiling((monotonicMs - now) * TimeSpan.TicksPerMillisecond)));
        RunDue();
    }

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

    // ---- whole systems ----

    /// <summary>
    /// Runs <paramref name="hosts"/> as one simulated system under <paramref name="seed"/> (see <see cref="SystemRun"/>):
    /// the same seed, hosts and faults give the same outcome, byte for byte.
    /// </summary>
    public static SystemOutcome Run(ulong seed, IReadOnlyList<SimHostSpec> hosts, FaultPlan? faults = null, SystemOptions? options = null)
    {
        options ??= new SystemOptions();
        if (faults is not null) options = options with { Faults = faults };
        return new SystemRun(seed, hosts, options).Run();
    }

    // ---- in-memory record and replay of a program, for embedders' tests ----

    /// <summary>The exit code of a replay that diverged (the CLI's as well).</summary>
    public const int DivergedExitCode = 86;

    /// <summary>The exit code of a replay that reached the end of a trace cut short (the CLI's as well).</summary>
    public const int CutShortExitCode = 89;

    public static TraceHeader Header(string code, ulong seed) => new("sim", "sim", [], null, code, [],
        SimFileSystem.DefaultRoot, "linux", "x86_64", "UTC", "en-US", Capability.All, seed);

    /// <summary>
    /// Runs <paramref name="code"/> as the main module of a simulated run under <paramref name="seed"/>, recording it;
    /// with <paramref name="callSites"/>, the script location of every event too (<see cref="TraceWriter.CallSite"/>).
    /// </summary>
    public static RecordedRun Record(string code, ulong seed = 1, bool callSites = false)
    {
        var console = new CapturingConsole();
        var world = new Simulation(seed);
        var providers = new ProviderSet(world.Clock, new SeededEntropy(seed), console, new SimProcessHost(), world.CreateDisk(),
            Scheduler: new SeededScheduler(world));
        using var buffer = new MemoryStream();
        int exit;
        using (var trace = new TraceWriter(buffer, Header(code, seed)))
        {
            JsRuntime? runtime = null;
            if (callSites) trace.CallSite = () => runtime?.CurrentCallSite();
            // As the CLI and simulated systems do: the end is written once disposing the runtime has closed what was open.
            using (runtime = JsRuntime.FromCode(Options(Recorder.Wrap(providers, trace)), code)) exit = runtime.RunToCompletion();
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
            using (var runtime = JsRuntime.FromCode(Options(Replayer.Providers(replayer, console)), reader.Header.EvalCode ?? ""))
            {
                replayer.CallSite = runtime.CurrentCallSite;
                replayer.OnDivergence = d => runtime.Stop(ExitCodeOf(d));
                exit = runtime.RunToCompletion();
            }
            replayer.OnDivergence = null; // the runtime is gone: nothing left to stop
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
