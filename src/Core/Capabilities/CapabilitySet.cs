using EsRuntime.Engine;

namespace EsRuntime.Capabilities;

/// <summary>
/// The granted capabilities, checked by each op in C# before it acts, and the optional list of hosts
/// <see cref="Capability.Net"/> reaches ("host" for any port, "host:port" for one; null: any host).
/// </summary>
internal sealed class CapabilitySet(Capability granted, IReadOnlyList<string>? netHosts = null)
{
    public Capability Granted { get; } = granted;

    public IReadOnlyList<string>? NetHosts { get; } = netHosts;

    public bool Has(Capability capability) => (Granted & capability) == capability;

    /// <summary>Throws a NotCapable error naming the capability and what needed it.</summary>
    public void Demand(Capability capability, string what)
    {
        if (!Has(capability))
            throw new OpException("NotCapable", $"{what} requires the {capability} capability, which this runtime was not granted");
    }

    /// <summary><see cref="Capability.Net"/> for one destination, within the host list if there is one.</summary>
    public void DemandNet(string host, int port, string what)
    {
        Demand(Capability.Net, what);
        if (NetHosts is null) return;
        var name = host.TrimStart('[').TrimEnd(']');
        foreach (var allowed in NetHosts)
        {
            var colon = allowed.LastIndexOf(':');
            var bracketed = allowed.StartsWith('[');
            var (allowedHost, allowedPort) = colon > 0 && (!bracketed || allowed[colon - 1] == ']') && int.TryParse(allowed.AsSpan(colon + 1), out var p)
                ? (allowed[..colon], p) : (allowed, -1);
            if (string.Equals(allowedHost.TrimStart('[').TrimEnd(']'), name, StringComparison.OrdinalIgnoreCase) && (allowedPort < 0 || allowedPort == port)) return;
        }
        throw new OpException("NotCapable", $"{what} to {host}:{port} is not allowed: the Net capability covers only {string.Join(", ", NetHosts)}");
    }
}
