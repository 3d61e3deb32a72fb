using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using EsRuntime.Providers;

namespace EsRuntime.Providers.Real.Net;

/// <summary>
/// A TLS client connection (SslStream over a connected socket) that reads and writes plaintext, so
/// whatever sits above it — a recording network, the HTTP codec — sees the HTTP, not ciphertext.
/// </summary>
internal sealed class TlsConnection : IConnection
{
    private readonly Socket _socket;
    private readonly SslStream _tls;
    private int _disposed;

    private TlsConnection(Socket socket, SslStream tls, NetAddress local, NetAddress remote)
    {
        _socket = socket;
        _tls = tls;
        LocalAddress = local;
        RemoteAddress = remote;
    }

    public NetAddress LocalAddress { get; }
    public NetAddress RemoteAddress { get; }

    /// <summary>Runs the handshake for <paramref name="serverName"/> over <paramref name="socket"/> (connected); disposes it on failure.</summary>
    public static async Task<IConnection> Handshake(Socket socket, string serverName, NetAddress local, NetAddress remote, RemoteCertificateValidationCallback? validate)
    {
        var tls = new SslStream(new NetworkStream(socket, ownsSocket: true), leaveInnerStreamOpen: false, validate);
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = serverName,
                ApplicationProtocols = [SslApplicationProtocol.Http11],
            }).ConfigureAwait(false);
            return new TlsConnection(socket, tls, local, remote);
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw new NetException(NetErrorCode.IOError, $"TLS handshake with {serverName} failed: {e.Message}");
        }
    }

    public async Task<int> ReadAsync(Memory<byte> destination)
    {
        try { return await _tls.ReadAsync(destination).ConfigureAwait(false); }
        catch (IOException e) { throw Failure(e); }
        catch (ObjectDisposedException) { throw NetException.Of(NetErrorCode.Closed); }
    }

    public async Task WriteAsync(ReadOnlyMemory<byte> data)
    {
        try { await _tls.WriteAsync(data).ConfigureAwait(false); }
        catch (IOException e) { throw Failure(e); }
        catch (ObjectDisposedException) { throw NetException.Of(NetErrorCode.Closed); }
    }

    public async Task ShutdownAsync()
    {
        try
        {
            await _tls.ShutdownAsync().ConfigureAwait(false);
            _socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is IOException or SocketException) { throw NetException.Of(NetErrorCode.ConnectionReset); }
        catch (ObjectDisposedException) { throw NetException.Of(NetErrorCode.Closed); }
    }

    public void Abort()
    {
        try { _socket.LingerState = new System.Net.Sockets.LingerOption(true, 0); }
        catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
        Dispose();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _tls.Dispose();
    }

    private static NetException Failure(IOException e) =>
        e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted }
            ? NetException.Of(NetErrorCode.ConnectionReset)
            : new NetException(NetErrorCode.IOError, $"TLS: {e.Message}");
}
