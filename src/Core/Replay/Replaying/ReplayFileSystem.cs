using System.Globalization;
using EsRuntime.Providers;

namespace EsRuntime.Replay.Replaying;

/// <summary>
/// Filesystem answers from the trace: each question must be the one recorded next; its answer
/// arrives when the replay passes the tagged result. No file is opened, read, written or deleted.
/// </summary>
internal sealed class ReplayFileSystem(TraceReplayer trace, string root) : IFileSystem
{
    private readonly TaggedReplayer _tags = FsTraceCodec.Replayer(trace);

    public string Root { get; } = root;

    public FsLocation Locate(string path) =>
        FsTraceCodec.Location(trace.Expect(TraceEventKind.FsLocate, $"locate \"{path}\"", path).Text ?? "0 0 ");

    public string? ReadText(string path) => trace.Expect(TraceEventKind.ModuleReadText, $"module read \"{path}\"", path).Text;

    public Task<FsStat> StatAsync(string path) => _tags.Ask($"stat {path}", e => FsTraceCodec.Stat(e.Text ?? ""));

    public Task<IReadOnlyList<FsEntry>> ReadDirectoryAsync(string path) => _tags.Ask($"readdir {path}", e => FsTraceCodec.Entries(e.Text ?? ""));

    public Task CreateDirectoryAsync(string path, bool recursive) => _tags.Ask($"mkdir{(recursive ? " -p" : "")} {path}");

    public Task RemoveAsync(string path, bool recursive) => _tags.Ask($"remove{(recursive ? " -r" : "")} {path}");

    public Task RenameAsync(string from, string to) => _tags.Ask($"rename {from} -> {to}");

    public Task<IFileReader> OpenReadAsync(string path) =>
        _tags.Ask<IFileReader>($"open {path}", e => new Reader(_tags, (long)e.Number, long.Parse(e.Text ?? "0", CultureInfo.InvariantCulture)));

    public Task<IFileWriter> CreateAsync(string path) => _tags.Ask<IFileWriter>($"create {path}", e => new Writer(_tags, (long)e.Number));

    private sealed class Reader(TaggedReplayer tags, long handle, long length) : IFileReader
    {
        public long Length => length;

        public Task<int> ReadAsync(Memory<byte> destination) => tags.Ask($"read #{handle} {destination.Length}", e =>
        {
            var bytes = e.Bytes ?? [];
            if (bytes.Length > destination.Length) throw new FormatException("the trace holds more bytes than were asked for");
            bytes.CopyTo(destination);
            return bytes.Length;
        });

        public void Dispose() => tags.Told($"close #{handle}");
    }

    private sealed class Writer(TaggedReplayer tags, long handle) : IFileWriter
    {
        public Task WriteAsync(ReadOnlyMemory<byte> data) => tags.Ask($"write #{handle} {data.Length}");

        public Task CommitAsync() => tags.Ask($"commit #{handle}");

        public void Dispose() => tags.Told($"close #{handle}");
    }
}
