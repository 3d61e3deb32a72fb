using EsRuntime.Capabilities;
using EsRuntime.Loop;
using EsRuntime.Engine;
using EsRuntime.Modules;
using EsRuntime.Providers;

namespace EsRuntime.Runtime;

/// <summary>What ops need from the runtime they belong to.</summary>
internal sealed class RuntimeContext(V8Engine engine, ProviderSet providers, CapabilitySet capabilities, ModuleLoader modules, int maxPendingOps, Action wake)
{
    private readonly List<Action> _onDispose = [];
    private string? _cwd;

    public V8Engine Engine { get; } = engine;
    public ProviderSet Providers { get; } = providers;
    public CapabilitySet Capabilities { get; } = capabilities;
    public ModuleLoader Modules { get; } = modules;
    public TimerQueue Timers { get; } = new();

    /// <summary>Deadlines of the runtime's own code (HTTP timeouts), run by the loop.</summary>
    internal HostTimers HostTimers { get; } = new();

    private double? _wallThisTurn;

    /// <summary>Wall-clock milliseconds, read at most once per loop turn (HTTP Date headers): fewer clock reads, smaller traces.</summary>
    public double WallNowThisTurn => _wallThisTurn ??= Providers.Clock.WallNowMs();

    /// <summary>Called when a turn starts.</summary>
    internal void NewTurn(double loopNow)
    {
        LoopNow = loopNow;
        _wallThisTurn = null;
    }

    /// <summary>
    /// Applies the timers the script started and cleared (timers.js logs them). Called after every
    /// macrotask and before anything that reads the queue or changes the nesting level inside one.
    /// </summary>
    internal void ApplyTimerLog() => Timers.Apply(Engine.TimerLog, LoopNow);

    /// <summary>Provider work in flight and the answers to the script's async ops.</summary>
    internal Completions Completions { get; } = new(providers.Order, maxPendingOps, wake);

    /// <summary>
    /// The loop's time for this turn (monotonic ms), read once when the turn starts: timers started during
    /// the turn count from it, as libuv's cached "now" (so the statements between two setTimeout calls
    /// cannot reorder them).
    /// </summary>
    public double LoopNow { get; set; }

    /// <summary>The working directory relative paths are joined to, read from the process provider once.</summary>
    public string WorkingDirectory => _cwd ??= Providers.Process.Cwd();

    private int _lastHandle;

    /// <summary>A new handle id, unique in this runtime (also a completion order key).</summary>
    internal int NextHandle() => ++_lastHandle;

    /// <summary>Something to release when the runtime is disposed (open files, sockets).</summary>
    public void OnDispose(Action release) => _onDispose.Add(release);

    internal void Release()
    {
        foreach (var release in _onDispose)
        {
            try { release(); }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException) { }
        }
        _onDispose.Clear();
    }

    /// <summary>See <see cref="RuntimeOptions.Audit"/>.</summary>
    public bool AuditEnabled { get; init; }

    /// <summary>How often the script touched each source of ambient nondeterminism (when auditing).</summary>
    public Dictionary<string, long> Audit { get; } = new(StringComparer.Ordinal);

    /// <summary>Counts a touch of <paramref name="what"/> (a key of <see cref="Runtime.AuditReport"/>) when auditing.</summary>
    public void Touched(string what)
    {
        if (AuditEnabled) Audit[what] = Audit.GetValueOrDefault(what) + 1;
    }

    /// <summary>See <see cref="RuntimeOptions.Deterministic"/>.</summary>
    public bool Deterministic { get; init; }

    /// <summary>The URL of the main module, set when the runtime starts.</summary>
    public string MainUrl { get; set; } = "";

    /// <summary>Set once the script called exit() or an uncaught error ended the run.</summary>
    public int? ExitCode { get; private set; }

    /// <summary>Records the exit code (the first one wins) and stops script execution at once.</summary>
    public void Exit(int code)
    {
        ExitCode ??= code;
        Engine.Halted = true;
        // V8 aborts the process (Check failed: !is_null()) when execution is terminated while an async
        // module (one with top-level await) is still evaluating. Then the run ends softly instead: ops
        // refuse, the op that ended the run throws, and the loop dispatches nothing more.
        if (PendingAsyncModules == 0) Engine.Terminate();
    }

    /// <summary>
    /// An exit requested by a reported uncaught error: HTML reports the exception and goes on (the
    /// other listeners of a dispatch still run), so the run ends when the current macrotask does.
    /// </summary>
    public int? PendingExit { get; private set; }

    /// <summary>Ends the run with <paramref name="code"/> once the running macrotask is over (the first code wins).</summary>
    public void ExitAfterTask(int code) => PendingExit ??= code;

    /// <summary>Set when the main module's evaluation settled (fulfilled or rejected).</summary>
    public bool MainSettled { get; set; }

    /// <summary>Module graphs whose evaluation (top-level await) has not settled, as the prelude reports them.</summary>
    public int PendingAsyncModules { get; set; }

    /// <summary>For an op: exits, and returns the exception to throw so no further script runs.</summary>
    public OpException Halt(int code)
    {
        Exit(code);
        return new OpException("Error", "the runtime is exiting");
    }
}
