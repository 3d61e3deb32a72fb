namespace EsRuntime.Providers;

/// <summary>
/// What a host of a simulated system knows of the simulation it runs in (<c>runtime:sim</c>): its name,
/// and the hooks the driver acts on — the script registered invariants, or asked to crash. Absent
/// outside simulation, where <c>runtime:sim</c>'s functions say they need <c>--sim</c>.
/// </summary>
public interface ISimulationHost
{
    /// <summary>This host's name on the simulated network (<c>api</c>, <c>client</c>).</summary>
    string HostName { get; }

    /// <summary>The script registered an invariant: the driver checks this host's after each of its steps.</summary>
    void InvariantsRegistered();

    /// <summary>The script asked to crash this host now: the driver restarts it from its synced disk.</summary>
    void CrashRequested();
}
