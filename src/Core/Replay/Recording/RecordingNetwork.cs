using EsRuntime.Providers;

namespace EsRuntime.Replay.Recording;

/// <summary>
/// Every network question goes in the trace when the program asks it, every answer when the network
/// gives it — resolutions, accepts, each chunk exactly as it was delivered, resets and errors — so a
/// replay opens no socket.
/// </summary>
internal sealed class RecordingNetwork(INetwork inner, TraceWriter trace) : INetwork
{
    private readonly TaggedRecorder _tags = NetTraceCodec.Recorder(trace);

    public Task<IReadOnlyList<string>> ResolveAsync(string host) =>
        _tags.Record($"resolve {host}", () => inner.ResolveAsync(host), (tag, list) => NetTraceCodec.Ok(tag, string.Join(' ', list)));

    public Task<IConnection> ConnectAsync(string address, int port) =>
        _tags.Record($"connect {new NetAddress(address, port)}", () => inner.ConnectAsync(address, port),
            (tag, c) => NetTraceCodec.Ok(tag, NetTraceCodec.Ends(c)), (tag, c) => new Connection(_tags, c, tag));

    /// <summary>Recorded above TLS: the trace holds the plaintext.</summary>
    public Task<IConnection> ConnectTlsAsync(string address, int port, string serverName) =>
        _tags.Record($"connect tls {serverName} {new NetAddress(address, port)}", () => inner.ConnectTlsAsync(address, port, serverName),
            (tag, c) => NetTraceCodec.Ok(tag, NetTraceCodec.Ends(c)), (tag, c) => new Connection(_tags, c, tag));

    public Task<IListener> ListenAsync(string host, int port) =>
        _tags.Record($"listen {new NetAddress(host, port)}", () => inner.ListenAsync(host, port),
            (tag, l) => NetTraceCodec.Ok(tag, NetTraceCodec.Address(l.LocalAddress)), (tag, l) => new Listener(_tags, l, tag));

    private sealed class Listener(TaggedRecorder tags, IListener inner, long handle) : IListener
    {
        public NetAddress LocalAddress => inner.LocalAddress;

        public Task<IConnection> AcceptAsync() =>
            tags.Record($"accept #{handle}", inner.AcceptAsync, (tag, c) => NetTraceCodec.Ok(tag, NetTraceCodec.Ends(c)), (tag, c) => new Connection(tags, c, tag));

        public void Dispose()
        {
            tags.Note($"close listener #{handle}");
            inner.Dispose();
        }
    }

    private sealed class Connection(TaggedRecorder tags, IConnection inner, long handle) : IConnection
    {
        public NetAddress LocalAddress => inner.LocalAddress;
        public NetAddress RemoteAddress => inner.RemoteAddress;

        public Task<int> ReadAsync(Memory<byte> destination) =>
            tags.Record($"read #{handle} {destination.Length}", () => inner.ReadAsync(destination), (tag, n) => NetTraceCodec.Ok(tag, null, destination[..n].ToArray()));

        public Task WriteAsync(ReadOnlyMemory<byte> data) => tags.Record($"write #{handle} {data.Length}", () => inner.WriteAsync(data));

        public Task ShutdownAsync() => tags.Record($"shutdown #{handle}", inner.ShutdownAsync);

        public void Abort()
        {
            tags.Note($"abort #{handle}");
            inner.Abort();
        }

        public void Dispose()
        {
            tags.Note($"close #{handle}");
            inner.Dispose();
        }
    }
}
