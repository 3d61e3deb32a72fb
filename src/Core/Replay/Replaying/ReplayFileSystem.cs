using System.Globalization;
using EsRuntime.Providers;

namespace EsRuntime.Replay.Replaying;

/// <summary>
/// Filesystem answers from the trace: each question must be the one recorded next; its answer
/// arrives when the replay passes the tagged result. No file is opened, read, written or deleted.
/// </summary>
public sealed class ReplayFileSystem : IFileSystem
{
    private readonly TraceReplayer _trace;
    private readonly Dictionary<long, Action<TraceEvent>> _waiting = [];

    public ReplayFileSystem(TraceReplayer trace, string root)
    {
        _trace = trace;
        Root = root;
        trace.OnOutOfBand(TraceEventKind.FsResult, e =>
        {
            if (_waiting.Remove((long)e.Number, out var complete)) complete(e);
        });
    }

    public string Root { get; }

    public FsLocation Locate(string path) =>
        FsTraceCodec.Location(_trace.Expect(TraceEventKind.FsLocate, $"locate \"{path}\"", path).Text ?? "0 0 ");

    public string? ReadText(string path) => _trace.Expect(TraceEventKind.ModuleReadText, $"module read \"{path}\"", path).Text;

    public Task<FsStat> StatAsync(string path) => Ask($"stat {path}", e => FsTraceCodec.Stat(e.Text ?? ""));

    public Task<IReadOnlyList<FsEntry>> ReadDirectoryAsync(string path) => Ask($"readdir {path}", e => FsTraceCodec.Entries(e.Text ?? ""));

    public Task CreateDirectoryAsync(string path, bool recursive) => Ask($"mkdir{(recursive ? " -p" : "")} {path}", _ => true);

    public Task RemoveAsync(string path, bool recursive) => Ask($"remove{(recursive ? " -r" : "")} {path}", _ => true);

    public Task RenameAsync(string from, string to) => Ask($"rename {from} -> {to}", _ => true);

    public Task<IFileReader> OpenReadAsync(string path)
    {
        var tag = 0L;
        return Ask<IFileReader>($"open {path}", e => new Reader(this, (long)e.Number, long.Parse(e.Text ?? "0", CultureInfo.InvariantCulture)), t => tag = t);
    }

    public Task<IFileWriter> CreateAsync(string path) => Ask<IFileWriter>($"create {path}", e => new Writer(this, (long)e.Number));

    /// <summary>Takes the recorded question; the answer completes the task when the replay reaches it.</summary>
    private Task<T> Ask<T>(string request, Func<TraceEvent, T> decode, Action<long>? tagged = null)
    {
        var asked = _trace.Expect(TraceEventKind.FsRequest, request, request);
        var tag = (long)asked.Number;
        tagged?.Invoke(tag);
        var done = new TaskCompletionSource<T>();
        _waiting[tag] = e =>
        {
            if (FsTraceCodec.Error(e) is { } error) done.SetException(error);
            else done.SetResult(decode(e));
        };
        return done.Task;
    }

    private void Told(string request) => _trace.Expect(TraceEventKind.FsRequest, request, request);

    private sealed class Reader(ReplayFileSystem owner, long handle, long length) : IFileReader
    {
        public long Length => length;

        public Task<int> ReadAsync(Memory<byte> destination) => owner.Ask($"read #{handle} {destination.Length}", e =>
        {
            var bytes = e.Bytes ?? [];
            if (bytes.Length > destination.Length) throw new FsException(FsErrorCode.IOError, "the trace holds more bytes than were asked for");
            bytes.CopyTo(destination);
            return bytes.Length;
        });

        public void Dispose() => owner.Told($"close #{handle}");
    }

    private sealed class Writer(ReplayFileSystem owner, long handle) : IFileWriter
    {
        public Task WriteAsync(ReadOnlyMemory<byte> data) => owner.Ask($"write #{handle} {data.Length}", _ => true);

        public Task CommitAsync() => owner.Ask($"commit #{handle}", _ => true);

        public void Dispose() => owner.Told($"close #{handle}");
    }
}
