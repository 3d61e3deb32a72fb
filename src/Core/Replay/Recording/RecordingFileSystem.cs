using System.Globalization;
using EsRuntime.Providers;

namespace EsRuntime.Replay.Recording;

/// <summary>
/// Every filesystem question goes in the trace when the program asks it and every answer when the
/// disk gives it, tagged with its question — the bytes read exactly as delivered — so a replay needs
/// none of the files.
/// </summary>
internal sealed class RecordingFileSystem(IFileSystem inner, TraceWriter trace) : IFileSystem
{
    private readonly TraceWriter _trace = trace;
    private readonly TaggedRecorder _tags = FsTraceCodec.Recorder(trace);

    public string Root => inner.Root;

    public FsLocation Locate(string path)
    {
        var location = inner.Locate(path);
        _trace.Add(new TraceEvent(TraceEventKind.FsLocate, path, FsTraceCodec.Location(location)));
        return location;
    }

    public string? ReadText(string path)
    {
        var text = inner.ReadText(path);
        _trace.Add(new TraceEvent(TraceEventKind.ModuleReadText, path, text));
        return text;
    }

    public Task<FsStat> StatAsync(string path) =>
        _tags.Record($"stat {path}", () => inner.StatAsync(path), (tag, s) => FsTraceCodec.Ok(tag, FsTraceCodec.Stat(s)));

    public Task<IReadOnlyList<FsEntry>> ReadDirectoryAsync(string path) =>
        _tags.Record($"readdir {path}", () => inner.ReadDirectoryAsync(path), (tag, e) => FsTraceCodec.Ok(tag, FsTraceCodec.Entries(e)));

    public Task CreateDirectoryAsync(string path, bool recursive) =>
        _tags.Record($"mkdir{(recursive ? " -p" : "")} {path}", () => inner.CreateDirectoryAsync(path, recursive));

    public Task RemoveAsync(string path, bool recursive) =>
        _tags.Record($"remove{(recursive ? " -r" : "")} {path}", () => inner.RemoveAsync(path, recursive));

    public Task RenameAsync(string from, string to) => _tags.Record($"rename {from} -> {to}", () => inner.RenameAsync(from, to));

    public Task<IFileReader> OpenReadAsync(string path) =>
        _tags.Record($"open {path}", () => inner.OpenReadAsync(path),
            (tag, r) => FsTraceCodec.Ok(tag, r.Length.ToString(CultureInfo.InvariantCulture)), (tag, r) => new Reader(_tags, r, tag));

    public Task<IFileWriter> CreateAsync(string path) =>
        _tags.Record($"create {path}", () => inner.CreateAsync(path), (tag, _) => FsTraceCodec.Ok(tag), (tag, w) => new Writer(_tags, w, tag));

    private sealed class Reader(TaggedRecorder tags, IFileReader inner, long handle) : IFileReader
    {
        public long Length => inner.Length;

        public Task<int> ReadAsync(Memory<byte> destination) =>
            tags.Record($"read #{handle} {destination.Length}", () => inner.ReadAsync(destination),
                (tag, n) => FsTraceCodec.Ok(tag, null, destination[..n].ToArray()));

        public void Dispose()
        {
            tags.Note($"close #{handle}");
            inner.Dispose();
        }
    }

    private sealed class Writer(TaggedRecorder tags, IFileWriter inner, long handle) : IFileWriter
    {
        public Task WriteAsync(ReadOnlyMemory<byte> data) => tags.Record($"write #{handle} {data.Length}", () => inner.WriteAsync(data));

        public Task CommitAsync() => tags.Record($"commit #{handle}", inner.CommitAsync);

        public void Dispose()
        {
            tags.Note($"close #{handle}");
            inner.Dispose();
        }
    }
}
