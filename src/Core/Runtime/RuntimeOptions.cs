using EsRuntime.Capabilities;
using EsRuntime.Engine;
using EsRuntime.Providers;

namespace EsRuntime.Runtime;

/// <summary>How to build a runtime: its providers, what it may reach, and its limits.</summary>
public sealed class RuntimeOptions
{
    public required ProviderSet Providers { get; init; }

    /// <summary>Deny by default: an embedder grants what the script may reach.</summary>
    public Capability Capabilities { get; init; } = Capability.None;

    /// <summary>The root jail; default: the entry's project root (nearest package.json or node_modules).</summary>
    public string? JailRoot { get; init; }

    public EngineLimits Limits { get; init; } = new();

    /// <summary>
    /// Removes what V8 itself leaks of real time and scheduling (WeakRef/FinalizationRegistry timing,
    /// Atomics.waitAsync, async WebAssembly compilation), for simulated, recorded and replayed runs.
    /// </summary>
    public bool Deterministic { get; init; }
}
