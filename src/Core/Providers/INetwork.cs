namespace EsRuntime.Providers;

/// <summary>
/// TCP for a runtime: name resolution, outbound connections, listening sockets. A connection is a
/// duplex byte stream with half-close (FIN) and reset. Every method is called on the loop thread;
/// the work completes on any thread and comes back to the loop as a completion. Implementations:
/// real sockets, recording, replaying (opens nothing), and a simulated network of named hosts.
/// </summary>
public interface INetwork
{
    /// <summary>The addresses a host name stands for (an address resolves to itself).</summary>
    Task<IReadOnlyList<string>> ResolveAsync(string host);

    /// <summary>Connects to <paramref name="address"/> (an address <see cref="ResolveAsync"/> returned) and <paramref name="port"/>.</summary>
    Task<IConnection> ConnectAsync(string address, int port);

    /// <summary>
    /// Connects and runs TLS as a client for <paramref name="serverName"/> (SNI and certificate
    /// check); the connection carries the plaintext, so a recording above it holds the HTTP, not
    /// ciphertext. A network without TLS says so.
    /// </summary>
    Task<IConnection> ConnectTlsAsync(string address, int port, string serverName) =>
        Task.FromException<IConnection>(new NetException(NetErrorCode.IOError, "TLS is not available on this network"));

    /// <summary>Listens on <paramref name="host"/> (a name or address; "0.0.0.0" for all) and <paramref name="port"/> (0: any free port).</summary>
    Task<IListener> ListenAsync(string host, int port);
}

public interface IListener : IDisposable
{
    NetAddress LocalAddress { get; }

    /// <summary>The next inbound connection; fails once the listener is disposed.</summary>
    Task<IConnection> AcceptAsync();
}

/// <summary>One TCP connection. Reads and writes may each have one call pending at a time.</summary>
public interface IConnection : IDisposable
{
    NetAddress LocalAddress { get; }

    NetAddress RemoteAddress { get; }

    /// <summary>The next bytes that arrived, into <paramref name="destination"/>; 0 once the peer half-closed (FIN).</summary>
    Task<int> ReadAsync(Memory<byte> destination);

    /// <summary>Sends all of <paramref name="data"/>; completes when the stack took it (so a slow reader slows the writer).</summary>
    Task WriteAsync(ReadOnlyMemory<byte> data);

    /// <summary>Half-closes: no more writes; the peer reads the end of the stream after what was sent.</summary>
    Task ShutdownAsync();

    /// <summary>Ends the connection abruptly (RST): the peer's reads and writes fail with a reset.</summary>
    void Abort();
}

public readonly record struct NetAddress(string Host, int Port)
{
    public override string ToString() => Host.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}

/// <summary>Why a network operation failed; each maps to one error name scripts see (docs/DECISIONS.md).</summary>
public enum NetErrorCode
{
    ConnectionRefused,
    ConnectionReset,
    HostNotFound,
    TimedOut,
    AddressInUse,
    AddressNotAvailable,
    Unreachable,
    Closed,
    PermissionDenied,
    InvalidAddress,
    IOError,
}

/// <summary>A failed network operation; <see cref="Injected"/> marks a fault the simulator chose.</summary>
public sealed class NetException(NetErrorCode code, string detail, bool injected = false) : Exception(detail)
{
    public NetErrorCode Code { get; } = code;
    public string Detail { get; } = detail;
    public bool Injected { get; } = injected;

    public static string Describe(NetErrorCode code) => code switch
    {
        NetErrorCode.ConnectionRefused => "refused",
        NetErrorCode.ConnectionReset => "reset by the peer",
        NetErrorCode.HostNotFound => "the host name was not found",
        NetErrorCode.TimedOut => "timed out",
        NetErrorCode.AddressInUse => "the address is already in use",
        NetErrorCode.AddressNotAvailable => "the address is not available on this host",
        NetErrorCode.Unreachable => "the network is unreachable",
        NetErrorCode.Closed => "the connection is closed",
        NetErrorCode.PermissionDenied => "permission denied",
        NetErrorCode.InvalidAddress => "not a valid address",
        _ => "input/output error",
    };

    public static NetException Of(NetErrorCode code, bool injected = false) =>
        new(code, Describe(code) + (injected ? " (simulated fault)" : ""), injected);
}

/// <summary>No network at all: every operation fails as unreachable.</summary>
public sealed class NoNetwork : INetwork
{
    public static readonly NoNetwork Instance = new();

    public Task<IReadOnlyList<string>> ResolveAsync(string host) => Task.FromException<IReadOnlyList<string>>(NetException.Of(NetErrorCode.Unreachable));

    public Task<IConnection> ConnectAsync(string address, int port) => Task.FromException<IConnection>(NetException.Of(NetErrorCode.Unreachable));

    public Task<IListener> ListenAsync(string host, int port) => Task.FromException<IListener>(NetException.Of(NetErrorCode.Unreachable));
}
