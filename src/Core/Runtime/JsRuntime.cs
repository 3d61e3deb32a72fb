using EsRuntime.Capabilities;
using EsRuntime.Engine;
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
    private enum DispatchKind { Boot = 0, Timer = 1, Rejections = 2 }

    private const int MaxRejectionPasses = 64;

    private readonly RuntimeContext _context;
    private readonly ManualResetEvent _wake = new(false);
    private bool _started;
    private Interruption? _interrupted;

    /// <summary>Why the host stopped the run: the exit code and the message to print (none for a signal).</summary>
    private sealed record Interruption(int ExitCode, string? Message);

    private Interruption? Interrupted => Volatile.Read(ref _interrupted);

    public JsRuntime(RuntimeOptions options, string entryUrlOrPath)
        : this(options, entryUrlOrPath, evalCode: null) { }

    private JsRuntime(RuntimeOptions options, string entry, string? evalCode)
    {
        var providers = options.Providers;
        var cwd = providers.Process.Cwd();
        string entryUrl;
        string jailRoot;
        if (evalCode is not null)
        {
            jailRoot = options.JailRoot ?? cwd;
            entryUrl = new Uri(Path.Combine(cwd, "$esrun$eval.mjs")).AbsoluteUri;
        }
        else
        {
            var entryPath = entry.StartsWith("file:", StringComparison.Ordinal) ? new Uri(entry).LocalPath : Path.GetFullPath(entry, cwd);
            jailRoot = options.JailRoot ?? ModuleResolver.FindProjectRoot(providers.Modules, entryPath);
            entryUrl = new Uri(entryPath).AbsoluteUri;
        }
        var loader = new ModuleLoader(new ModuleResolver(providers.Modules, jailRoot), providers.Modules);
        if (evalCode is not null) loader.AddVirtual(entryUrl, evalCode);
        var engine = new V8Engine(loader, options.Limits);
        _context = new RuntimeContext(engine, providers, new CapabilitySet(options.Capabilities), loader)
        {
            MainUrl = entryUrl,
            Deterministic = options.Deterministic,
        };
        Prelude.Load(_context);
    }

    /// <summary>A runtime whose main module is the given source text (the CLI's -e).</summary>
    public static JsRuntime FromCode(RuntimeOptions options, string code) => new(options, "", code);

    /// <summary>The exit code once the run has ended (exit() or an uncaught error); null while it may go on.</summary>
    public int? ExitCode => _context.ExitCode;

    /// <summary>When the next timer is due, on the clock provider's monotonic scale.</summary>
    public double? NextTimerDue => _context.Timers.NextDue;

    /// <summary>Signalled by providers when a completion is ready, to end an idle wait early.</summary>
    public WaitHandle WakeHandle => _wake;

    /// <summary>
    /// One loop turn: start the main module (first turn), run due timers (one macrotask each, with a
    /// microtask checkpoint after each), then process unhandled rejections. Returns whether work remains.
    /// </summary>
    public bool Tick()
    {
        if (Interrupted is not null && _context.ExitCode is null) EndInterrupted();
        if (_context.ExitCode is not null) return false;
        if (!_started)
        {
            _started = true;
            Run(DispatchKind.Boot);
            return HasWork;
        }
        var now = _context.Providers.Clock.MonotonicNowMs();
        var limit = _context.Timers.NextSequence;
        while (_context.ExitCode is null && _context.Timers.TryTakeDue(now, limit, out var timer))
        {
            _context.Timers.CurrentNesting = timer.Nesting;
            try { Run(DispatchKind.Timer, timer.Id); }
            finally { _context.Timers.CurrentNesting = 0; }
            _context.Timers.Rearm(timer, now);
        }
        return HasWork;
    }

    /// <summary>
    /// Runs a classic (non-module) script in the global scope as one macrotask, e.g. to call into a
    /// running program. An uncaught exception is reported like any other and ends the run.
    /// </summary>
    public void Execute(string code, string name = "esrun:embedder")
    {
        if (_context.ExitCode is null) Guard(() => _context.Engine.ExecuteScript(name, code), fromEmbedder: true);
    }

    private bool HasWork => _context.ExitCode is null && _context.Timers.Count > 0;

    /// <summary>Runs until no work remains or the script exits; returns the exit code.</summary>
    public int RunToCompletion()
    {
        try
        {
            while (Tick())
            {
                _context.Providers.Console.Flush();
                // The clock decides whether the next timer is already due (it returns at once then),
                // so the loop does not read the clock a second time each turn.
                _wake.Reset();
                _context.Providers.Clock.Idle(NextTimerDue, _wake);
            }
        }
        finally
        {
            _context.Providers.Console.Flush();
        }
        return ExitCode ?? 0;
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
            for (var pass = 0; pass < MaxRejectionPasses && _context.ExitCode is null && _context.Engine.PendingRejections > 0; pass++)
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
    }

    private void EndInterrupted()
    {
        var reason = Interrupted!;
        if (reason.Message is not null) _context.Providers.Console.Write(ConsoleStream.Stderr, $"error: {reason.Message}\n");
        _context.Exit(reason.ExitCode);
    }

    private void Fail(string message)
    {
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
    public void Interrupt() => Interrupt(1, "the script was interrupted by the host");

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

    public void Dispose()
    {
        _context.Engine.Dispose();
        _wake.Dispose();
    }
}
