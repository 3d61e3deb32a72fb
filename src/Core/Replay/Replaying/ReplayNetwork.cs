using EsRuntime.Providers;

namespace EsRuntime.Replay.Replaying;

/// <summary>Network answers from the trace: no socket is opened, no name resolved, no byte sent.</summary>
internal sealed class ReplayNetwork(TraceReplayer trace) : INetwork
{
    private readonly TaggedReplayer _tags = NetTraceCodec.Replayer(trace);

    public Task<IReadOnlyList<string>> ResolveAsync(string host) =>
        _tags.Ask<IReadOnlyList<string>>($"resolve {host}", e => (e.Text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public Task<IConnection> ConnectAsync(string address, int port) =>
        _tags.Ask<IConnection>($"connect {new NetAddress(address, port)}", e => new Connection(_tags, (long)e.Number, e.Text ?? ""));

    public Task<IConnection> ConnectTlsAsync(string address, int port, string serverName) =>
        _tags.Ask<IConnection>($"connect tls {serverName} {new NetAddress(address, port)}", e => new Connection(_tags, (long)e.Number, e.Text ?? ""));

    public Task<IListener> ListenAsync(string host, int port) =>
        _tags.Ask<IListener>($"listen {new NetAddress(host, port)}", e => new Listener(_tags, (long)e.Number, NetTraceCodec.Address(e.Text ?? "0 ")));

    private sealed class Listener(TaggedReplayer tags, long handle, NetAddress local) : IListener
    {
        public NetAddress LocalAddress => local;

        public Task<IConnection> AcceptAsync() => tags.Ask<IConnection>($"accept #{handle}", e => new Connection(tags, (long)e.Number, e.Text ?? ""));

        public void Dispose() => tags.Told($"close listener #{handle}");
    }

    private sealed class Connection : IConnection
    {
        private readonly TaggedReplayer _tags;
        private readonly long _handle;

        public Connection(TaggedReplayer tags, long handle, string ends)
        {
            _tags = tags;
            _handle = handle;
            (LocalAddress, RemoteAddress) = NetTraceCodec.Ends(ends);
        }

        public NetAddress LocalAddress { get; }
        public NetAddress RemoteAddress { get; }

        public Task<int> ReadAsync(Memory<byte> destination) => _tags.Ask($"read #{_handle} {destination.Length}", e =>
        {
            var bytes = e.Bytes ?? [];
            if (bytes.Length > destination.Length) throw new FormatException("the trace holds more bytes than were asked for");
            bytes.CopyTo(destination);
            return bytes.Length;
        });

        public Task WriteAsync(ReadOnlyMemory<byte> data) => _tags.Ask($"write #{_handle} {data.Length}");

        public Task ShutdownAsync() => _tags.Ask($"shutdown #{_handle}");

        public void Abort() => _tags.Told($"abort #{_handle}");

        public void Dispose() => _tags.Told($"close #{_handle}");
    }
}
