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

/// <summary>A listening TCP socket; disposing it stops listening.</summary>
public interface IListener : IDisposable
{
    /// <summary>The address and port it listens on (the port actually bound when 0 was asked for).</summary>
    NetAddress LocalAddress { get; }

    /// <summary>The next inbound connection; fails once the listener is disposed.</summary>
    Task<IConnection> AcceptAsync();
}

/// <summary>One TCP connection. Reads and writes may each have one call pending at a time.</summary>
public interface IConnection : IDisposable
{
    /// <summary>This end's address and port.</summary>
    NetAddress LocalAddress { get; }

    /// <summary>The peer's address and port.</summary>
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

/// <summary>A TCP endpoint: an IP address (or simulated host name) and a port.</summary>
/// <param name="Host">The address, e.g. "127.0.0.1" or "::1".</param>
/// <param name="Port">The TCP port.</param>
public readonly record struct NetAddress(string Host, int Port)
{
    /// <summary>"host:port", with an IPv6 address in brackets ("[::1]:80").</summary>
    public override string ToString() => Host.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}

/// <summary>Why a network operation failed; each maps to one error name scripts see (docs/DECISIONS.md).</summary>
public enum NetErrorCode
{
    /// <summary>Nothing listens at the destination (ECONNREFUSED); scripts see ConnectionRefusedError.</summary>
    ConnectionRefused,
    /// <summary>The peer reset or aborted the connection (ECONNRESET); scripts see ConnectionResetError.</summary>
    ConnectionReset,
    /// <summary>The host name does not resolve; scripts see HostNotFoundError.</summary>
    HostNotFound,
    /// <summary>The operation timed out (ETIMEDOUT); scripts see TimeoutError.</summary>
    TimedOut,
    /// <summary>The address and port are already bound (EADDRINUSE); scripts see AddressInUseError.</summary>
    AddressInUse,
    /// <summary>The address is not one of this host's (EADDRNOTAVAIL); scripts see AddressNotAvailableError.</summary>
    AddressNotAvailable,
    /// <summary>The network or host cannot be reached (ENETUNREACH, EHOSTUNREACH); scripts see NetworkError.</summary>
    Unreachable,
    /// <summary>The connection or listener was already closed; scripts see InvalidStateError.</summary>
    Closed,
    /// <summary>The host refused the operation (EACCES), e.g. a privileged port; scripts see NotAllowedError.</summary>
    PermissionDenied,
    /// <summary>Not a valid address or port; scripts see TypeError.</summary>
    InvalidAddress,
    /// <summary>Any other failure (a TLS handshake among them).</summary>
    IOError,
}

/// <summary>A failed network operation; <see cref="Injected"/> marks a fault the simulator chose.</summary>
public sealed class NetException(NetErrorCode code, string detail, bool injected = false) : Exception(detail)
{
    /// <summary>Why the operation failed.</summary>
    public NetErrorCode Code { get; } = code;

    /// <summary>What happened, in words for the script; also the exception's message.</summary>
    public string Detail { get; } = detail;

    /// <summary>True when the simulator injected the fault, rather than the network hitting it.</summary>
    public bool Injected { get; } = injected;

    /// <summary>The usual wording of each code, for implementations that have nothing more precise to say.</summary>
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

    /// <summary>An exception for <paramref name="code"/> with its usual wording; an <paramref name="injected"/> fault says "(simulated fault)".</summary>
    public static NetException Of(NetErrorCode code, bool injected = false) =>
        new(code, Describe(code) + (injected ? " (simulated fault)" : ""), injected);
}

/// <summary>No network at all: every operation fails as unreachable.</summary>
public sealed class NoNetwork : INetwork
{
    /// <summary>The one instance.</summary>
    public static readonly NoNetwork Instance = new();

    /// <summary>Fails with <see cref="NetErrorCode.Unreachable"/>.</summary>
    public Task<IReadOnlyList<string>> ResolveAsync(string host) => Task.FromException<IReadOnlyList<string>>(NetException.Of(NetErrorCode.Unreachable));

    /// <summary>Fails with <see cref="NetErrorCode.Unreachable"/>.</summary>
    public Task<IConnection> ConnectAsync(string address, int port) => Task.FromException<IConnection>(NetException.Of(NetErrorCode.Unreachable));

    /// <summary>Fails with <see cref="NetErrorCode.Unreachable"/>.</summary>
    public Task<IListener> ListenAsync(string host, int port) => Task.FromException<IListener>(NetException.Of(NetErrorCode.Unreachable));
}
