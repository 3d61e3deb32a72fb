using EsRuntime.Capabilities;
using EsRuntime.Engine;
using EsRuntime.Providers;

namespace EsRuntime.Runtime;

/// <summary>How to build a runtime: its providers, what it may reach, and its limits.</summary>
public sealed class RuntimeOptions
{
    /// <summary>Every way the runtime reaches the world (<see cref="ProviderSet"/>).</summary>
    public required ProviderSet Providers { get; init; }

    /// <summary>Deny by default: an embedder grants what the script may reach.</summary>
    public Capability Capabilities { get; init; } = Capability.None;

    /// <summary>
    /// The hosts <see cref="Capability.Net"/> reaches, as "host" (any port) or "host:port" (the CLI's
    /// <c>--allow-net</c>); null, the default, for any host.
    /// </summary>
    public IReadOnlyList<string>? NetHosts { get; init; }

    private readonly EngineLimits _limits = new();

    /// <summary>The engine's resource limits together; <see cref="HeapLimitMiB"/> and <see cref="ArrayBufferLimitMiB"/> set one each.</summary>
    public EngineLimits Limits { get => _limits; init => _limits = value ?? new(); }

    /// <summary>
    /// The JS heap limit in MiB (1024 by default). A script that allocates past it ends the run with
    /// exit code 1 and "out of memory"; the host process is not harmed.
    /// </summary>
    public int HeapLimitMiB
    {
        get => _limits.MaxHeapMiB;
        init => _limits = _limits with { MaxHeapMiB = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(HeapLimitMiB), "the heap limit must be positive") };
    }

    /// <summary>
    /// How much ArrayBuffer memory (typed arrays, Blob bytes, stream chunks: outside the JS heap) the
    /// script may hold, in MiB (1024 by default). An allocation past it is a catchable RangeError.
    /// </summary>
    public int ArrayBufferLimitMiB
    {
        get => _limits.MaxArrayBufferMiB;
        init => _limits = _limits with { MaxArrayBufferMiB = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(ArrayBufferLimitMiB), "the ArrayBuffer limit must be positive") };
    }

    /// <summary>
    /// How long the run may take, on the clock provider (wall time for real runs, simulated time in a
    /// simulation), checked every loop turn. Code that never returns to the loop (a synchronous
    /// infinite loop) is stopped only by <see cref="JsRuntime.Interrupt(string)"/> from a watchdog, as the CLI runs.
    /// </summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>
    /// One dispatch per timer, as where the engine cannot run the microtask checkpoint from an op (D62);
    /// tests set it to compare that path with the batched one.
    /// </summary>
    internal bool OneDispatchPerTimer { get; init; }

    /// <summary>Asynchronous operations a script may have pending at once; past it an op throws a RangeError.</summary>
    public int MaxPendingOperations { get; init; } = 1024;

    /// <summary>
    /// Removes what V8 itself leaks of real time and scheduling (WeakRef/FinalizationRegistry timing,
    /// Atomics.waitAsync, async WebAssembly compilation), for simulated, recorded and replayed runs.
    /// </summary>
    public bool Deterministic { get; init; }

    /// <summary>Count every touch of ambient nondeterminism (<see cref="JsRuntime.Audit"/>, esrun --audit).</summary>
    public bool Audit { get; init; }

    /// <summary>
    /// How long <see cref="JsRuntime.Dispose"/> waits for provider work still running. A simulation sets
    /// zero: its pending work is simulated events that only its driver would run, never a thread.
    /// </summary>
    public TimeSpan DisposeDrain { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The <c>host:</c> modules scripts may import (<see cref="HostModule"/>); calling their functions needs
    /// each module's <see cref="HostModule.Requires"/> capabilities (<see cref="Capability.Host"/> by default).
    /// </summary>
    public IReadOnlyList<HostModule> HostModules { get; init; } = [];
}
