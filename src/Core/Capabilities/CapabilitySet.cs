using EsRuntime.Engine;

namespace EsRuntime.Capabilities;

/// <summary>The granted capabilities, checked by each op in C# before it acts.</summary>
internal sealed class CapabilitySet(Capability granted)
{
    public Capability Granted { get; } = granted;

    public bool Has(Capability capability) => (Granted & capability) == capability;

    /// <summary>Throws a NotCapable error naming the capability and what needed it.</summary>
    public void Demand(Capability capability, string what)
    {
        if (!Has(capability))
            throw new OpException("NotCapable", $"{what} requires the {capability} capability, which this runtime was not granted");
    }
}
