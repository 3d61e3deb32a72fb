using System.Globalization;
using EsRuntime.Providers;

namespace EsRuntime.Providers.Sim.Net;

/// <summary>
/// The simulated network of one <see cref="Simulation"/>: named hosts, each with its own address and
/// ports, joined by links with seeded latency, jitter and bandwidth. Every host reaches itself at
/// 127.0.0.1 and localhost. Faults from the plan: refused, lost and duplicated connection attempts,
/// resets mid-stream, delayed, lost and jittered segments, slow connections, and partitions between
/// two hosts, both ways or one way, that heal.
/// </summary>
public sealed class SimNetwork(Simulation world)
{
    private readonly Dictionary<string, SimHost> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SimHost> _byAddress = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), SimLink> _links = [];

    /// <summary>The network as the host named <paramref name="name"/> sees it (the host is created on first use).</summary>
    public INetwork Host(string name)
    {
        if (!_byName.TryGetValue(name, out var host))
        {
            host = new SimHost(this, name, $"10.0.{(_byName.Count + 1) / 250}.{(_byName.Count + 1) % 250 + 1}");
            _byName[name] = host;
            _byAddress[host.Address] = host;
        }
        return new HostNetwork(world, this, host);
    }

    /// <summary>Whether something listens on a port of the host named <paramref name="name"/> (it serves).</summary>
    public bool IsListening(string name) => _byName.TryGetValue(name, out var host) && host.Listeners.Values.Any(l => !l.Closed);

    internal SimHost? ByAddress(string address) => _byAddress.GetValueOrDefault(address);

    internal SimHost? ByName(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The link between two hosts (a host to itself is loopback: fast and never partitioned).</summary>
    internal SimLink Link(SimHost a, SimHost b)
    {
        var key = string.CompareOrdinal(a.Name, b.Name) <= 0 ? (a.Name, b.Name) : (b.Name, a.Name);
        if (!_links.TryGetValue(key, out var link))
            _links[key] = link = a == b
                ? new SimLink(world, baseMs: 0.02, jitterMs: 0.03, bytesPerMs: 1_000_000, loopback: true)
                : new SimLink(world, world.Random.Between(0.2, 2), 0.5, world.Random.Between(10_000, 100_000), loopback: false);
        return link;
    }
}

/// <summary>One host of the simulated network: its name, its address and what listens on its ports.</summary>
internal sealed class SimHost(SimNetwork network, string name, string address)
{
    public SimNetwork Network { get; } = network;
    public string Name { get; } = name;
    public string Address { get; } = address;
    public Dictionary<int, SimListener> Listeners { get; } = [];
    private int _nextEphemeral = 49152;

    public int EphemeralPort()
    {
        while (Listeners.ContainsKey(_nextEphemeral) || _nextEphemeral == 0) _nextEphemeral = _nextEphemeral >= 65535 ? 49152 : _nextEphemeral + 1;
        return _nextEphemeral++;
    }
}

/// <summary>
/// The path between two hosts: latency, jitter, bandwidth, a partition that heals at <see cref="HealedAt"/>,
/// and one-way partitions (a sender's segments wait while the other direction flows).
/// </summary>
internal sealed class SimLink(Simulation world, double baseMs, double jitterMs, double bytesPerMs, bool loopback)
{
    private readonly Dictionary<string, double> _oneWayHealedAt = new(StringComparer.OrdinalIgnoreCase);

    public double BytesPerMs { get; } = bytesPerMs;
    public bool Loopback { get; } = loopback;

    /// <summary>Virtual time when a partition ends (segments wait until then); 0 when none.</summary>
    public double HealedAt { get; set; }

    /// <summary>Whether a connection attempt fails: a handshake needs both directions, so a one-way partition counts.</summary>
    public bool Partitioned => HealedAt > world.Now || _oneWayHealedAt.Values.Any(t => t > world.Now);

    /// <summary>Makes <paramref name="sender"/>'s segments on this link wait until <paramref name="healedAt"/>.</summary>
    public void BlockFrom(string sender, double healedAt) => _oneWayHealedAt[sender] = healedAt;

    /// <summary>When a segment <paramref name="sender"/> sends now can leave: after every partition in its way heals.</summary>
    public double OpenFrom(string sender) => Math.Max(HealedAt, _oneWayHealedAt.GetValueOrDefault(sender));

    public double Latency() => baseMs + world.Random.Between(0, jitterMs);
}

/// <summary>A host's view of the network: the <see cref="INetwork"/> its runtime gets.</summary>
internal sealed class HostNetwork(Simulation world, SimNetwork network, SimHost self) : INetwork
{
    private const double ConnectTimeoutMs = 5_000;

    public Task<IReadOnlyList<string>> ResolveAsync(string host) => Later<IReadOnlyList<string>>(0.05, () =>
    {
        if (host is "localhost" or "127.0.0.1" or "::1") return ["127.0.0.1"];
        if (network.ByAddress(host) is not null || host == self.Address) return [host];
        if (network.ByName(host) is { } named) return [named.Address];
        throw NetException.Of(NetErrorCode.HostNotFound);
    });

    public Task<IConnection> ConnectAsync(string address, int port)
    {
        var target = address == "127.0.0.1" ? self : network.ByAddress(address);
        if (target is null) return Later<IConnection>(ConnectTimeoutMs, () => throw NetException.Of(NetErrorCode.Unreachable));
        var link = network.Link(self, target);
        if (!link.Loopback && !link.Partitioned) InjectPartitions(link, target);
        if (link.Partitioned)
            return Later<IConnection>(ConnectTimeoutMs, () => throw new NetException(NetErrorCode.TimedOut, "timed out (the hosts are partitioned: simulated fault)", injected: true));
        var remote = address == "127.0.0.1" ? "127.0.0.1" : target.Address;
        var handshake = 2 * link.Latency();
        // A lost SYN is sent again after TCP's initial retransmission timeout (1 s, then 2 s more).
        if (world.Inject(FaultKind.NetDrop, $"connect {remote}:{port}: the attempt was lost and sent again"))
            handshake += world.Random.Chance(0.5) ? 1_000 : 3_000;
        return Later<IConnection>(handshake, () =>
        {
            if (!target.Listeners.TryGetValue(port, out var listener) || listener.Closed) throw NetException.Of(NetErrorCode.ConnectionRefused);
            if (world.Inject(FaultKind.NetRefused, $"connect {remote}:{port} refused")) throw NetException.Of(NetErrorCode.ConnectionRefused, injected: true);
            var local = new NetAddress(remote == "127.0.0.1" ? "127.0.0.1" : self.Address, self.EphemeralPort());
            var server = new NetAddress(remote, port);
            var name = $"{self.Name}->{target.Name}:{port}";
            var (client, accepted) = SimConnection.Pair(world, link, local, server, name, self.Name, target.Name);
            if (world.Inject(FaultKind.NetDuplicate, $"connect {remote}:{port} arrived twice: a ghost connection"))
            {
                // The server accepts the duplicate first; the client's end of it was never opened, so it resets.
                var ghostLocal = new NetAddress(local.Host, self.EphemeralPort());
                var (ghost, ghostAccepted) = SimConnection.Pair(world, link, ghostLocal, server, name + " (ghost)", self.Name, target.Name);
                listener.Enqueue(ghostAccepted);
                world.Schedule(link.Latency(), ghost.Abort);
            }
            listener.Enqueue(accepted);
            return client;
        });
    }

    /// <summary>Faults decided per connection attempt: a partition both ways, or one way in a seeded direction.</summary>
    private void InjectPartitions(SimLink link, SimHost target)
    {
        if (world.Inject(FaultKind.NetPartition, $"{self.Name} and {target.Name} partitioned"))
            link.HealedAt = world.Now + world.Random.Between(1_000, 10_000);
        else world.Inject(FaultKind.NetOneWay, () =>
        {
            var (from, to) = world.Random.Chance(0.5) ? (self, target) : (target, self);
            var healsIn = world.Random.Between(1_000, 10_000);
            link.BlockFrom(from.Name, world.Now + healsIn);
            return string.Create(CultureInfo.InvariantCulture, $"{from.Name} cannot send to {to.Name} for {healsIn:0} ms");
        });
    }

    public Task<IListener> ListenAsync(string host, int port) => Later<IListener>(0.01, () =>
    {
        var bound = host switch
        {
            "" or "0.0.0.0" or "::" => "0.0.0.0",
            "localhost" or "127.0.0.1" or "::1" => "127.0.0.1",
            _ when host == self.Address || string.Equals(host, self.Name, StringComparison.OrdinalIgnoreCase) => self.Address,
            _ => throw NetException.Of(NetErrorCode.AddressNotAvailable),
        };
        if (port < 0 || port > 65535) throw NetException.Of(NetErrorCode.InvalidAddress);
        if (port == 0) port = self.EphemeralPort();
        if (self.Listeners.TryGetValue(port, out var existing) && !existing.Closed) throw NetException.Of(NetErrorCode.AddressInUse);
        var listener = new SimListener(new NetAddress(bound, port), () => self.Listeners.Remove(port));
        self.Listeners[port] = listener;
        return listener;
    });

    private Task<T> Later<T>(double delayMs, Func<T> action)
    {
        var done = new TaskCompletionSource<T>();
        world.Schedule(delayMs, () =>
        {
            try { done.SetResult(action()); }
            catch (NetException e) { done.SetException(e); }
        });
        return done.Task;
    }

    public override string ToString() => self.Name + " " + self.Address.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A listening port: connections wait in its backlog until accepted.</summary>
internal sealed class SimListener(NetAddress local, Action unbind) : IListener
{
    private readonly Queue<IConnection> _backlog = new();
    private readonly Queue<TaskCompletionSource<IConnection>> _accepting = new();

    public NetAddress LocalAddress { get; } = local;

    public bool Closed { get; private set; }

    public void Enqueue(IConnection connection)
    {
        if (_accepting.TryDequeue(out var waiting)) waiting.SetResult(connection);
        else _backlog.Enqueue(connection);
    }

    public Task<IConnection> AcceptAsync()
    {
        if (Closed) return Task.FromException<IConnection>(NetException.Of(NetErrorCode.Closed));
        if (_backlog.TryDequeue(out var ready)) return Task.FromResult(ready);
        var waiting = new TaskCompletionSource<IConnection>();
        _accepting.Enqueue(waiting);
        return waiting.Task;
    }

    public void Dispose()
    {
        if (Closed) return;
        Closed = true;
        unbind();
        while (_accepting.TryDequeue(out var waiting)) waiting.SetException(NetException.Of(NetErrorCode.Closed));
        while (_backlog.TryDequeue(out var pending)) pending.Abort();
    }
}

/// <summary>One end of a simulated connection: it writes into one pipe and reads from the other.</summary>
internal sealed class SimConnection : IConnection
{
    private readonly SimPipe _outgoing;
    private readonly SimPipe _incoming;
    private SimConnection? _peer;
    private bool _closed;

    private SimConnection(SimPipe outgoing, SimPipe incoming, NetAddress local, NetAddress remote)
    {
        _outgoing = outgoing;
        _incoming = incoming;
        LocalAddress = local;
        RemoteAddress = remote;
    }

    /// <summary>A connected pair: (client end, server end).</summary>
    public static (SimConnection Client, SimConnection Server) Pair(Simulation world, SimLink link, NetAddress client, NetAddress server,
        string name, string clientHost, string serverHost)
    {
        SimConnection? a = null, b = null;
        void Reset(NetException error)
        {
            a!.Fail(error);
            b!.Fail(error);
        }
        var up = new SimPipe(world, link, name + " up", clientHost, Reset);
        var down = new SimPipe(world, link, name + " down", serverHost, Reset);
        if (world.Inject(FaultKind.NetSlow, $"{name} is slow")) up.Slowdown = down.Slowdown = 100;
        if (world.Inject(FaultKind.NetJitter, $"{name} jitters")) up.JitterMs = down.JitterMs = world.Random.Between(10, 100);
        a = new SimConnection(up, down, client, server);
        b = new SimConnection(down, up, server, client);
        a._peer = b;
        b._peer = a;
        // Data that reaches an end already closed answers with a reset, as TCP does.
        up.ArrivedAtClosedEnd = () => a.Fail(NetException.Of(NetErrorCode.ConnectionReset));
        down.ArrivedAtClosedEnd = () => b.Fail(NetException.Of(NetErrorCode.ConnectionReset));
        return (a, b);
    }

    public NetAddress LocalAddress { get; }
    public NetAddress RemoteAddress { get; }

    public Task<int> ReadAsync(Memory<byte> destination) =>
        _closed ? Task.FromException<int>(NetException.Of(NetErrorCode.Closed)) : _incoming.ReadAsync(destination);

    public Task WriteAsync(ReadOnlyMemory<byte> data) =>
        _closed ? Task.FromException(NetException.Of(NetErrorCode.Closed)) : _outgoing.WriteAsync(data);

    public Task ShutdownAsync()
    {
        _outgoing.Finish();
        return Task.CompletedTask;
    }

    public void Abort()
    {
        // Both pipes are shared with the peer, which must read a reset (not "closed"); this end's own
        // later calls fail as closed.
        _closed = true;
        _peer?.Fail(NetException.Of(NetErrorCode.ConnectionReset));
    }

    private void Fail(NetException error)
    {
        _incoming.Fail(error);
        _outgoing.Fail(error);
    }

    public void Dispose()
    {
        if (_closed) return;
        _closed = true;
        _outgoing.Finish();
        _incoming.ReceiverClosed = true;
    }
}
