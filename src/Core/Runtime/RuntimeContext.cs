using EsRuntime.Capabilities;
using EsRuntime.Engine;
using EsRuntime.Loop;
using EsRuntime.Modules;
using EsRuntime.Providers;

namespace EsRuntime.Runtime;

/// <summary>What ops need from the runtime they belong to.</summary>
public sealed class RuntimeContext(V8Engine engine, ProviderSet providers, CapabilitySet capabilities, ModuleLoader modules)
{
    public V8Engine Engine { get; } = engine;
    public ProviderSet Providers { get; } = providers;
    public CapabilitySet Capabilities { get; } = capabilities;
    public ModuleLoader Modules { get; } = modules;
    public TimerQueue Timers { get; } = new();

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

    /// <summary>Module graphs whose evaluation (top-level await) has not settled, as the prelude reports them.</summary>
    public int PendingAsyncModules { get; set; }

    /// <summary>For an op: exits, and returns the exception to throw so no further script runs.</summary>
    public OpException Halt(int code)
    {
        Exit(code);
        return new OpException("Error", "the runtime is exiting");
    }
}
