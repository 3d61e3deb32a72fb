using System.Net;
using System.Net.Sockets;
using EsRuntime.Providers;

namespace EsRuntime.Providers.Real.Net;

/// <summary>
/// TCP over System.Net.Sockets: non-blocking sockets whose operations complete on the thread pool and
/// come back to the loop as completions. Name resolution is the system resolver's (Dns). TLS client
/// connections use SslStream with the system's trust store, or <paramref name="validateCertificate"/>
/// when given (a test's own certificate authority).
/// </summary>
public sealed class SocketNetwork(System.Net.Security.RemoteCertificateValidationCallback? validateCertificate = null) : INetwork
{
    public async Task<IReadOnlyList<string>> ResolveAsync(string host)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal)) return [literal.ToString()];
        if (host == "localhost") return ["127.0.0.1", "::1"];
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host).ConfigureAwait(false);
            return addresses.OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1).Select(a => a.ToString()).ToList();
        }
        catch (SocketException e) { throw Errors.From(e); }
        catch (ArgumentException) { throw NetException.Of(NetErrorCode.InvalidAddress); }
    }

    public async Task<IConnection> ConnectAsync(string address, int port) => new SocketConnection(await Connect(address, port).ConfigureAwait(false));

    public async Task<IConnection> ConnectTlsAsync(string address, int port, string serverName)
    {
        var socket = await Connect(address, port).ConfigureAwait(false);
        return await TlsConnection.Handshake(socket, serverName, Address(socket.LocalEndPoint), Address(socket.RemoteEndPoint), validateCertificate).ConfigureAwait(false);
    }

    private static async Task<Socket> Connect(string address, int port)
    {
        if (!IPAddress.TryParse(address, out var ip)) throw NetException.Of(NetErrorCode.InvalidAddress);
        var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(ip, port)).ConfigureAwait(false);
            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw Errors.From(e);
        }
    }

    public Task<IListener> ListenAsync(string host, int port) => Task.Run<IListener>(() =>
    {
        var ip = host switch
        {
            "localhost" => IPAddress.Loopback,
            "" or "0.0.0.0" => IPAddress.Any,
            "::" => IPAddress.IPv6Any,
            _ => IPAddress.TryParse(host.Trim('[', ']'), out var parsed) ? parsed : throw NetException.Of(NetErrorCode.AddressNotAvailable),
        };
        var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(ip, port));
            socket.Listen(512);
            return new SocketListener(socket);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw Errors.From(e);
        }
    });

    private sealed class SocketListener(Socket socket) : IListener
    {
        public NetAddress LocalAddress { get; } = Address(socket.LocalEndPoint);

        public async Task<IConnection> AcceptAsync()
        {
            try
            {
                var accepted = await socket.AcceptAsync().ConfigureAwait(false);
                accepted.NoDelay = true;
                return new SocketConnection(accepted);
            }
            catch (SocketException e) { throw Errors.From(e); }
            catch (ObjectDisposedException) { throw NetException.Of(NetErrorCode.Closed); }
        }

        public void Dispose() => socket.Dispose();
    }

    private sealed class SocketConnection(Socket socket) : IConnection
    {
        private Task _receiving = Task.CompletedTask;
        private int _disposed;

        public NetAddress LocalAddress { get; } = Address(socket.LocalEndPoint);
        public NetAddress RemoteAddress { get; } = Address(socket.RemoteEndPoint);

        public Task<int> ReadAsync(Memory<byte> destination)
        {
            var read = Receive(destination);
            _receiving = read;
            return read;
        }

        private async Task<int> Receive(Memory<byte> destination)
        {
            try { return await socket.ReceiveAsync(destination, SocketFlags.None).ConfigureAwait(false); }
            catch (SocketException e) { throw Errors.From(e); }
            catch (ObjectDisposedException) { throw NetException.Of(NetErrorCode.Closed); }
        }

        public async Task WriteAsync(ReadOnlyMemory<byte> data)
        {
            try
            {
                while (!data.IsEmpty)
                {
                    var sent = await socket.SendAsync(data, SocketFlags.None).ConfigureAwait(false);
                    data = data[sent..];
                }
            }
            catch (SocketException e) { throw Errors.From(e); }
            catch (ObjectDisposedException) { throw NetException.Of(NetErrorCode.Closed); }
        }

        public Task ShutdownAsync()
        {
            try { socket.Shutdown(SocketShutdown.Send); }
            catch (SocketException e) { return Task.FromException(Errors.From(e)); }
            catch (ObjectDisposedException) { return Task.FromException(NetException.Of(NetErrorCode.Closed)); }
            return Task.CompletedTask;
        }

        public void Abort()
        {
            try { socket.LingerState = new LingerOption(true, 0); }
            catch (SocketException) { }
            catch (ObjectDisposedException) { }
            socket.Dispose();
        }

        /// <summary>
        /// A graceful close: FIN, and the socket is released once a pending receive has returned —
        /// .NET closes a socket with an operation in flight abortively (RST), which would destroy a
        /// response the peer has not read yet.
        /// </summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
            try { socket.Shutdown(SocketShutdown.Both); }
            catch (SocketException) { }
            catch (ObjectDisposedException) { }
            if (_receiving.IsCompleted) socket.Dispose();
            else _receiving.ContinueWith(_ => socket.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    internal static NetAddress Address(EndPoint? endPoint) => endPoint is IPEndPoint ip
        ? new NetAddress(ip.Address.IsIPv4MappedToIPv6 ? ip.Address.MapToIPv4().ToString() : ip.Address.ToString(), ip.Port)
        : new NetAddress("", 0);

    private static class Errors
    {
        public static NetException From(SocketException e) => e.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => NetException.Of(NetErrorCode.ConnectionRefused),
            SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown => NetException.Of(NetErrorCode.ConnectionReset),
            SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => NetException.Of(NetErrorCode.HostNotFound),
            SocketError.TimedOut => NetException.Of(NetErrorCode.TimedOut),
            SocketError.AddressAlreadyInUse => NetException.Of(NetErrorCode.AddressInUse),
            SocketError.AddressNotAvailable => NetException.Of(NetErrorCode.AddressNotAvailable),
            SocketError.NetworkUnreachable or SocketError.HostUnreachable or SocketError.NetworkDown => NetException.Of(NetErrorCode.Unreachable),
            SocketError.AccessDenied => NetException.Of(NetErrorCode.PermissionDenied),
            SocketError.OperationAborted or SocketError.NotConnected => NetException.Of(NetErrorCode.Closed),
            _ => new NetException(NetErrorCode.IOError, $"input/output error ({e.SocketErrorCode})"),
        };
    }
}
