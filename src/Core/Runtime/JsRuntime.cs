using EsRuntime.Capabilities;
using EsRuntime.Engine;
using EsRuntime.Loop;
using EsRuntime.Modules;
using EsRuntime.Providers;
using EsRuntime.Web;

namespace EsRuntime.Runtime;

/// <summary>
/// One JavaScript runtime, driven by its host. <see cref="RunAsync"/> (or <see cref="RunToCompletion"/>,
/// which holds the calling thread) runs the program to its end, idling on the clock provider between
/// turns; <see cref="Tick"/> advances one loop turn and never blocks, and <see cref="WaitForWork"/> is the
/// wait between two ticks. The runtime starts no thread and reads nothing of the world except through
/// its providers. A runtime is used by one caller at a time (only <see cref="Interrupt()"/> may come
/// from another thread); after <see cref="Dispose"/> every member throws <see cref="ObjectDisposedException"/>.
/// </summary>
/// <example>
/// A host that does its own work between turns, without spinning:
/// <code>
/// while (runtime.Tick() &amp;&amp; runtime.WaitForWork()) { /* host work */ }
/// </code>
/// </example>
public sealed partial class JsRuntime : IDisposable, IAsyncDisposable
{
    private enum DispatchKind { Boot = 0, Timers = 1, Rejections = 2, Completions = 3, Embedder = 4 }

    internal const int MaxRejectionPasses = 64;

    /// <summary>The exit code of a run whose main module's top-level await can never settle (as Node's).</summary>
    public const int UnsettledTopLevelAwaitExitCode = 13;

    private readonly RuntimeContext _context;
    private readonly ManualResetEvent _wake = new(false);
    private readonly CompletionBatch _batch;
    private readonly double? _timeLimitMs;
    private readonly bool _batchTimers;
    private readonly TimeSpan _disposeDrain;
    private double _startedAt;
    private bool _started;
    private bool _disposed;
    private int _disposedFlag;
    private Interruption? _interrupted;

    /// <summary>Why the host stopped the run: the exit code and the message to print (none for a signal).</summary>
    private sealed record Interruption(int ExitCode, string? Message);

    private Interruption? Interrupted => Volatile.Read(ref _interrupted);

    /// <param name="entryUrlOrPath">The main module: a path (relative to the cwd) or a file: URL, inside the
    /// file system provider's root jail.</param>
    public JsRuntime(RuntimeOptions options, string entryUrlOrPath)
        : this(options, entryUrlOrPath, evalCode: null) { }

    private JsRuntime(RuntimeOptions options, string entry, string? evalCode)
    {
        var providers = options.Providers;
        var cwd = providers.Process.Cwd();
        string entryUrl;
        if (evalCode is not null) entryUrl = new Uri(Path.Combine(cwd, "$esrun$eval.mjs")).AbsoluteUri;
        else
        {
            var entryPath = entry.StartsWith("file:", StringComparison.Ordinal) ? new Uri(entry).LocalPath : Path.GetFullPath(entry, cwd);
            entryUrl = new Uri(entryPath).AbsoluteUri;
        }
        var loader = new ModuleLoader(new ModuleResolver(providers.Files), providers.Files);
        if (evalCode is not null) loader.AddVirtual(entryUrl, evalCode);
        var engine = new V8Engine(loader, options.Limits);
        _timeLimitMs = options.TimeLimit?.TotalMilliseconds;
        _batchTimers = engine.CanCheckpointMicrotasks && !options.OneDispatchPerTimer;
        _disposeDrain = options.DisposeDrain;
        // A simulated completion may land after a crashed host's runtime was disposed: its wake goes nowhere.
        _context = new RuntimeContext(engine, providers, new CapabilitySet(options.Capabilities, options.NetHosts), loader, options.MaxPendingOperations, () =>
        {
            if (!_disposed) _wake.Set();
        })
        {
            MainUrl = entryUrl,
            Deterministic = options.Deterministic,
            AuditEnabled = options.Audit,
        };
        _batch = new CompletionBatch(() => _context.Engine.CompletionBuffer, count => _context.Engine.Dispatch((int)DispatchKind.Completions, count));
        _context.Completions.Batch = _batch;
        RegisterEmbedderOps(engine);
        Host.Embedder.HostModuleOps.Register(_context, options.HostModules, loader);
        Prelude.Load(_context);
    }

    /// <summary>A runtime whose main module is the given source text (the CLI's -e).</summary>
    public static JsRuntime FromCode(RuntimeOptions options, string code) => new(options, "", code);

    /// <summary>The exit code once the run has ended (exit() or an uncaught error); null while it may go on.</summary>
    public int? ExitCode => Live._context.ExitCode;

    /// <summary>When the next timer is due, on the clock provider's monotonic scale.</summary>
    public double? NextTimerDue => (Live._context.Timers.NextDue, _context.HostTimers.NextDue) switch
    {
        ({ } a, { } b) => Math.Min(a, b),
        (var a, var b) => a ?? b,
    };

    /// <summary>
    /// When this runtime next has something to do, for a driver that steps several runtimes on one
    /// virtual time line: negative infinity when a turn is due now (not started, completions arrived or
    /// batched), else the next timer's due time; null when nothing is scheduled (it may still have
    /// operations in flight: <see cref="HasWork"/>).
    /// </summary>
    public double? NextWorkDue =>
        _context.ExitCode is not null ? null
        : !_started || Interrupted is not null || _context.Completions.HasArrivals || _batch.Count > 0 ? double.NegativeInfinity
        : NextTimerDue;

    /// <summary>With <see cref="RuntimeOptions.Audit"/>: each source of ambient nondeterminism the script touched, and how often.</summary>
    public IReadOnlyDictionary<string, long> Audit => _context.Audit;

    /// <summary>Whether the run may go on: not ended, with timers pending or operations in flight.</summary>
    public bool Alive => !_started || HasWork;

    /// <summary>
    /// A driver found that nothing can happen any more (no timers, no simulated events): as
    /// <see cref="RunToCompletion"/> does then, a main module whose top-level await never settled fails.
    /// </summary>
    public void Quiesce()
    {
        if (_started) EndIfMainUnsettled();
    }

    /// <summary>Signalled by providers when a completion is ready, to end an idle wait early.</summary>
    public WaitHandle WakeHandle => Live._wake;

    /// <summary>This runtime, once checked not to be disposed.</summary>
    private JsRuntime Live
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return this;
        }
    }

    /// <summary>
    /// One loop turn, never blocking: start the main module (first turn); run due timers (one macrotask
    /// each, with a microtask checkpoint after each); deliver the provider completions the scheduler
    /// picks (one batch, one dispatch, then a checkpoint); process unhandled rejections after each.
    /// Returns whether work remains (timers, or operations in flight). What the script printed is flushed
    /// to the console provider at the end of the turn.
    /// </summary>
    /// <remarks>
    /// Calling <see cref="Tick"/> in a loop spins: between two ticks call <see cref="WaitForWork"/>, which
    /// sleeps until the next timer or completion (and makes a virtual clock jump).
    /// </remarks>
    public bool Tick()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try { return Turn(); }
        finally { _context.Providers.Console.Flush(); }
    }

    private bool Turn()
    {
        if (Interrupted is not null && _context.ExitCode is null) EndInterrupted();
        if (_context.ExitCode is not null) return false;
        var now = _context.Providers.Clock.MonotonicNowMs();
        _context.NewTurn(now);
        if (!_started)
        {
            _started = true;
            _startedAt = now;
            Run(DispatchKind.Boot);
            DeliverCompletions();
            return Continue();
        }
        if (_timeLimitMs is { } limitMs && now - _startedAt >= limitMs)
        {
            Fail($"execution timed out after {limitMs:0} ms");
            return false;
        }
        // One dispatch fires every due timer when the engine can run the microtask checkpoint between
        // them (D62); otherwise each timer is a dispatch of its own, whose return is the checkpoint.
        _context.Timers.BeginFiring(now);
        while (_context.ExitCode is null && _context.Timers.HasDue)
        {
            try { Run(DispatchKind.Timers, _batchTimers ? 1 : 0); }
            finally { _context.Timers.FinishRunning(); }
        }
        if (_context.ExitCode is null) Guard(() => _context.HostTimers.RunDue(now), fromEmbedder: false);
        DeliverCompletions();
        return Continue();
    }

    /// <summary>Hands the scheduler's choice of ready completions to JS as one macrotask.</summary>
    private void DeliverCompletions()
    {
        if (_context.ExitCode is not null) return;
        Guard(() =>
        {
            _context.Completions.Deliver();
            _batch.Flush();
        }, fromEmbedder: false);
    }

    /// <summary>Whether the loop goes on; when nothing is left but the main module never settled, the run fails.</summary>
    private bool Continue()
    {
        if (HasWork) return true;
        EndIfMainUnsettled();
        return false;
    }

    private void EndIfMainUnsettled()
    {
        if (_context.ExitCode is not null || _context.MainSettled) return;
        _context.Providers.Console.Write(ConsoleStream.Stderr,
            $"error: the top-level await of {_context.MainUrl} never settled: nothing is left that could settle it\n");
        _context.Exit(UnsettledTopLevelAwaitExitCode);
    }

    /// <summary>
    /// Runs a classic (non-module) script in the global scope as one macrotask, e.g. to call into a
    /// running program. An uncaught exception is reported like any other and ends the run.
    /// </summary>
    /// <param name="code">The script's source text.</param>
    /// <param name="name">The document name its stack frames show.</param>
    public void Execute(string code, string name = "esrun:embedder")
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_context.ExitCode is null) Guard(() => _context.Engine.ExecuteScript(name, code), fromEmbedder: true);
    }

    private bool HasWork => _context.ExitCode is null && (_context.Timers.Count > 0 || _context.Completions.HasWork || _batch.Count > 0);

    /// <summary>
    /// Runs until no work remains or the script exits, holding the calling thread while it idles on the
    /// clock provider; returns the exit code. <see cref="RunAsync"/> is the same without holding a thread.
    /// </summary>
    public int RunToCompletion()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (Tick() && WaitForWork()) { }
        return _context.ExitCode ?? 0;
    }

    /// <summary>
    /// Runs until no work remains or the script exits and returns the exit code, idling on the clock
    /// provider between turns without holding a thread (a real clock waits on the thread pool's wait
    /// thread; a virtual clock jumps to the next timer). The console is flushed after every turn.
    /// </summary>
    /// <param name="cancellation">
    /// Stops the run between two loop turns: the task is then cancelled (an
    /// <see cref="OperationCanceledException"/>), the runtime is left as it was and a later
    /// <see cref="RunAsync"/> or <see cref="Tick"/> goes on from there. A turn in progress is not cut
    /// short: code that never returns to the loop is stopped by <see cref="Interrupt()"/> or
    /// <see cref="RuntimeOptions.TimeLimit"/>.
    /// </param>
    public async Task<int> RunAsync(CancellationToken cancellation = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellation.ThrowIfCancellationRequested();
        using var wakeOnCancel = cancellation.Register(WakeQuietly);
        while (Tick())
        {
            cancellation.ThrowIfCancellationRequested();
            if (!await WaitForWorkAsync().ConfigureAwait(false)) break;
            cancellation.ThrowIfCancellationRequested();
        }
        return _context.ExitCode ?? 0;
    }

    private void WakeQuietly()
    {
        try { _wake.Set(); }
        catch (ObjectDisposedException) { }
    }

    /// <summary>
    /// The wait between two <see cref="Tick"/>s: returns at once when a completion is ready, otherwise
    /// idles on the clock provider until the next timer is due, a provider completes, or
    /// <see cref="Interrupt()"/> — never past <see cref="RuntimeOptions.TimeLimit"/>. A virtual clock
    /// advances to the next timer instead of waiting. Returns false when nothing can ever wake the loop
    /// again (the run is then over: <see cref="ExitCode"/> says how).
    /// </summary>
    public bool WaitForWork()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!PrepareWait(out var ready)) return Over();
        if (ready) return true;
        // The clock decides whether the next timer is already due (it returns at once then), so the
        // loop does not read the clock a second time each turn.
        bool active;
        try { active = _context.Providers.Clock.Idle(IdleUntil, _wake); }
        catch (InvalidOperationException e) { Fail(e.Message); return Over(); }
        return AfterWait(active) || Over();
    }

    /// <summary>As <see cref="WaitForWork"/>, without holding a thread while it idles.</summary>
    public async Task<bool> WaitForWorkAsync()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!PrepareWait(out var ready)) return Over();
        if (ready) return true;
        bool active;
        try { active = await _context.Providers.Clock.IdleAsync(IdleUntil, _wake).ConfigureAwait(false); }
        catch (InvalidOperationException e) { Fail(e.Message); return Over(); }
        return AfterWait(active) || Over();
    }

    /// <summary>The run is over: what its end printed (an unsettled main module, simulated time running out) is flushed.</summary>
    private bool Over()
    {
        _context.Providers.Console.Flush();
        return false;
    }

    /// <summary>False when the run is over; <paramref name="ready"/> when the next turn has work without waiting.</summary>
    private bool PrepareWait(out bool ready)
    {
        ready = false;
        if (_context.ExitCode is not null) return false;
        // An interruption (signal, watchdog) is acted on by the next turn.
        if (Interrupted is not null) { ready = true; return true; }
        if (!HasWork) { EndIfMainUnsettled(); return false; }
        _wake.Reset();
        // A completion that arrived during the turn (or before the reset) is delivered next turn without waiting.
        ready = _context.Completions.HasArrivals || _batch.Count > 0;
        return true;
    }

    private bool AfterWait(bool active)
    {
        if (active || _context.Completions.HasArrivals || Interrupted is not null) return true;
        // A simulation with nothing left to happen: what is pending can never complete.
        EndIfMainUnsettled();
        return false;
    }

    /// <summary>How long the loop may idle: until the next timer, and never past the time limit.</summary>
    private double? IdleUntil
    {
        get
        {
            var next = NextTimerDue;
            if (_timeLimitMs is not { } limit) return next;
            var deadline = _startedAt + limit;
            return next is { } due ? Math.Min(due, deadline) : deadline;
        }
    }

    private void Run(DispatchKind kind, double arg = 0) =>
        Guard(() => _context.Engine.Dispatch((int)kind, arg), fromEmbedder: false);

    /// <summary>Runs one macrotask, settles the rejections it left, and maps how it ended.</summary>
    private void Guard(Action macrotask, bool fromEmbedder)
    {
        try
        {
            macrotask();
            // Settling rejections runs script (unhandledrejection listeners) that may reject more
            // promises: settle until none is left, bounded so a script cannot spin here forever.
            for (var pass = 0; pass < MaxRejectionPasses && _context.ExitCode is null && _context.PendingExit is null && _context.Engine.PendingRejections > 0; pass++)
                _context.Engine.Dispatch((int)DispatchKind.Rejections);
        }
        catch (Exception e) when (_context.ExitCode is not null && e is V8Engine.TerminatedException or V8Engine.ScriptException)
        {
            // exit() or a reported uncaught error: the run is over, as intended. (A termination that
            // passes through a nested module evaluation reaches here as a plain script exception.)
        }
        catch (Exception e) when (Interrupted is not null && e is V8Engine.TerminatedException or V8Engine.ScriptException)
        {
            EndInterrupted();
        }
        catch (V8Engine.LimitExceededException e)
        {
            Fail(e.Message);
        }
        catch (V8Engine.ScriptException e) when (fromEmbedder)
        {
            // The prelude reports errors of its own dispatches; an embedder's script has no such guard.
            Fail("Uncaught " + e.Details);
        }
        catch (Exception e) when (e is V8Engine.TerminatedException or V8Engine.ScriptException)
        {
            Fail("internal: " + ((e as V8Engine.ScriptException)?.Details ?? e.Message));
        }
        _context.ApplyTimerLog();
        if (_context.ExitCode is null && _context.PendingExit is { } code) _context.Exit(code);
    }

    private void EndInterrupted()
    {
        var reason = Interrupted!;
        if (reason.Message is not null) _context.Providers.Console.Write(ConsoleStream.Stderr, $"error: {reason.Message}\n");
        _context.Exit(reason.ExitCode);
    }

    private void Fail(string message)
    {
        if (_context.ExitCode is not null) return;
        _context.Providers.Console.Write(ConsoleStream.Stderr, $"error: {message}\n");
        _context.Exit(1);
    }

    /// <summary>Ends the run with <paramref name="exitCode"/> at once (from the loop thread, e.g. a provider).</summary>
    public void Stop(int exitCode) => Live._context.Exit(exitCode);

    /// <summary>Where script execution is now (file:line:column), for diagnostics; null outside script.</summary>
    public string? CurrentCallSite() => Live._context.Engine.CurrentCallSite();

    /// <summary>
    /// Stops a running script from another thread (a watchdog for runaway code). The run ends with
    /// exit code 1 and a message; safe to call at any time.
    /// </summary>
    public void Interrupt() => Interrupt(reason: null);

    /// <summary>As <see cref="Interrupt()"/>, with the message the run ends with (e.g. a watchdog's time limit).</summary>
    public void Interrupt(string? reason) => Interrupt(1, reason ?? "the script was interrupted by the host");

    /// <summary>
    /// Stops a running script from another thread with <paramref name="exitCode"/>, printing
    /// "error: <paramref name="message"/>" unless it is null (a signal, as node prints nothing). The first
    /// interruption wins. The console is flushed at the end of the turn, so what the script printed before
    /// it was stopped is not lost. A watchdog may race with <see cref="Dispose"/>: after it this does nothing.
    /// </summary>
    public void Interrupt(int exitCode, string? message)
    {
        if (Volatile.Read(ref _disposed)) return;
        Interlocked.CompareExchange(ref _interrupted, new Interruption(exitCode, message), null);
        _context.Engine.Terminate();
        WakeQuietly();
    }

    /// <summary>
    /// Ends the runtime: open files and sockets are released, provider work still running is waited for
    /// (briefly) so none lands in a disposed engine, then the engine goes. Idempotent; afterwards every
    /// member but <see cref="Dispose"/>, <see cref="DisposeAsync"/> and <see cref="Interrupt()"/> throws
    /// <see cref="ObjectDisposedException"/>.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposedFlag, 1) != 0) return;
        Volatile.Write(ref _disposed, true);
        _context.Engine.Halted = true;
        _context.Release();
        if (_disposeDrain > TimeSpan.Zero) _context.Completions.Drain(_disposeDrain);
        _context.Engine.Dispose();
        _wake.Dispose();
    }

    /// <summary>
    /// <see cref="Dispose"/> on the thread pool: waiting for provider work still running (up to five
    /// seconds) does not hold the caller's thread.
    /// </summary>
    public ValueTask DisposeAsync() => _disposed ? ValueTask.CompletedTask : new(Task.Run(Dispose));
}
