using EsRuntime.Capabilities;
using EsRuntime.Engine;
using EsRuntime.Loop;
using EsRuntime.Modules;
using EsRuntime.Providers;
using EsRuntime.Web;

namespace EsRuntime.Runtime;

/// <summary>
/// One JavaScript runtime, driven by its host: <see cref="Tick"/> advances one loop turn and never
/// blocks; <see cref="RunToCompletion"/> loops and idles on the clock provider. The runtime starts no
/// thread and reads nothing of the world except through its providers.
/// </summary>
public sealed class JsRuntime : IDisposable
{
    private enum DispatchKind { Boot = 0, Timer = 1, Rejections = 2, Completions = 3 }

    private const int MaxRejectionPasses = 64;

    /// <summary>The exit code of a run whose main module's top-level await can never settle (as Node's).</summary>
    public const int UnsettledTopLevelAwaitExitCode = 13;

    private readonly RuntimeContext _context;
    private readonly ManualResetEvent _wake = new(false);
    private readonly CompletionBatch _batch;
    private readonly double? _timeLimitMs;
    private readonly TimeSpan _disposeDrain;
    private double _startedAt;
    private bool _started;
    private bool _disposed;
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
        Prelude.Load(_context);
    }

    /// <summary>A runtime whose main module is the given source text (the CLI's -e).</summary>
    public static JsRuntime FromCode(RuntimeOptions options, string code) => new(options, "", code);

    /// <summary>The exit code once the run has ended (exit() or an uncaught error); null while it may go on.</summary>
    public int? ExitCode => _context.ExitCode;

    /// <summary>When the next timer is due, on the clock provider's monotonic scale.</summary>
    public double? NextTimerDue => (_context.Timers.NextDue, _context.HostTimers.NextDue) switch
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
    public WaitHandle WakeHandle => _wake;

    /// <summary>
    /// One loop turn, never blocking: start the main module (first turn); run due timers (one macrotask
    /// each, with a microtask checkpoint after each); deliver the provider completions the scheduler
    /// picks (one batch, one dispatch, then a checkpoint); process unhandled rejections after each.
    /// Returns whether work remains (timers, or operations in flight).
    /// </summary>
    public bool Tick()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
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
        var sequence = _context.Timers.NextSequence;
        while (_context.ExitCode is null && _context.Timers.TryTakeDue(now, sequence, out var timer))
        {
            _context.Timers.CurrentNesting = timer.Nesting;
            try { Run(DispatchKind.Timer, timer.Id); }
            finally { _context.Timers.CurrentNesting = 0; }
            _context.Timers.Rearm(timer, now);
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
    public void Execute(string code, string name = "esrun:embedder")
    {
        if (_context.ExitCode is null) Guard(() => _context.Engine.ExecuteScript(name, code), fromEmbedder: true);
    }

    private bool HasWork => _context.ExitCode is null && (_context.Timers.Count > 0 || _context.Completions.HasWork || _batch.Count > 0);

    /// <summary>Runs until no work remains or the script exits; returns the exit code.</summary>
    public int RunToCompletion()
    {
        try
        {
            while (Tick())
            {
                _context.Providers.Console.Flush();
                _wake.Reset();
                // A completion that arrived during the turn is delivered next turn without waiting.
                if (_context.Completions.HasArrivals || _batch.Count > 0) continue;
                // The clock decides whether the next timer is already due (it returns at once then),
                // so the loop does not read the clock a second time each turn.
                bool active;
                try { active = _context.Providers.Clock.Idle(IdleUntil, _wake); }
                catch (InvalidOperationException e) { Fail(e.Message); break; }
                if (!active && !_context.Completions.HasArrivals)
                {
                    // A simulation with nothing left to happen: what is pending can never complete.
                    EndIfMainUnsettled();
                    break;
                }
            }
        }
        finally
        {
            _context.Providers.Console.Flush();
        }
        return ExitCode ?? 0;
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
    public void Stop(int exitCode) => _context.Exit(exitCode);

    /// <summary>Where script execution is now (file:line:column), for diagnostics; null outside script.</summary>
    public string? CurrentCallSite() => _context.Engine.CurrentCallSite();

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
    /// interruption wins. <see cref="RunToCompletion"/> flushes the console before it returns, so what the
    /// script printed before it was stopped is not lost.
    /// </summary>
    public void Interrupt(int exitCode, string? message)
    {
        Interlocked.CompareExchange(ref _interrupted, new Interruption(exitCode, message), null);
        _context.Engine.Terminate();
        _wake.Set();
    }

    /// <summary>
    /// Ends the runtime: open files and sockets are released, provider work still running is waited for
    /// (briefly) so none lands in a disposed engine, then the engine goes. Idempotent.
    /// </summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _context.Engine.Halted = true;
        _context.Release();
        if (_disposeDrain > TimeSpan.Zero) _context.Completions.Drain(_disposeDrain);
        _context.Engine.Dispose();
        _wake.Dispose();
    }
}
