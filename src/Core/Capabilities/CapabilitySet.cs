using EsRuntime.Engine;

namespace EsRuntime.Capabilities;

/// <summary>
/// The granted capabilities, checked by each op in C# before it acts, and the optional list of hosts
/// <see cref="Capability.Net"/> reaches ("host" for any port, "host:port" for one; null: any host).
/// </summary>
internal sealed class CapabilitySet(Capability granted, IReadOnlyList<string>? netHosts = null)
{
    /// <summary>The host list parsed once: a name without brackets, and a port or -1 for any.</summary>
    private readonly (string Host, int Port)[]? _netHosts = netHosts?.Select(Parse).ToArray();

    public Capability Granted { get; } = granted;

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
        if (_netHosts is null) return;
        var name = Unbracket(host);
        foreach (var allowed in _netHosts)
            if (string.Equals(allowed.Host, name, StringComparison.OrdinalIgnoreCase) && (allowed.Port < 0 || allowed.Port == port)) return;
        throw new OpException("NotCapable", $"{what} to {host}:{port} is not allowed: the Net capability covers only {string.Join(", ", netHosts!)}");
    }

    private static (string, int) Parse(string allowed)
    {
        var colon = allowed.LastIndexOf(':');
        var bracketed = allowed.StartsWith('[');
        return colon > 0 && (!bracketed || allowed[colon - 1] == ']') && int.TryParse(allowed.AsSpan(colon + 1), out var port)
            ? (Unbracket(allowed[..colon]), port)
            : (Unbracket(allowed), -1);
    }

    private static string Unbracket(string host) => host.TrimStart('[').TrimEnd(']');
}
