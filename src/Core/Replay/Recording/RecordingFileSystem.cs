using System.Globalization;
using EsRuntime.Loop;
using EsRuntime.Providers;

namespace EsRuntime.Replay.Recording;

/// <summary>
/// Every filesystem question goes in the trace when the program asks it (on the loop thread, so in
/// program order), and every answer when the disk gives it, tagged with its question — the bytes read
/// exactly as delivered — so a replay needs none of the files.
/// </summary>
public sealed class RecordingFileSystem(IFileSystem inner, TraceWriter trace) : IFileSystem
{
    private readonly TraceWriter _trace = trace;
    private long _tag;

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
        Record($"stat {path}", () => inner.StatAsync(path), (tag, s) => FsTraceCodec.Ok(tag, FsTraceCodec.Stat(s)));

    public Task<IReadOnlyList<FsEntry>> ReadDirectoryAsync(string path) =>
        Record($"readdir {path}", () => inner.ReadDirectoryAsync(path), (tag, e) => FsTraceCodec.Ok(tag, FsTraceCodec.Entries(e)));

    public Task CreateDirectoryAsync(string path, bool recursive) =>
        Record($"mkdir{(recursive ? " -p" : "")} {path}", () => Done(inner.CreateDirectoryAsync(path, recursive)), (tag, _) => FsTraceCodec.Ok(tag));

    public Task RemoveAsync(string path, bool recursive) =>
        Record($"remove{(recursive ? " -r" : "")} {path}", () => Done(inner.RemoveAsync(path, recursive)), (tag, _) => FsTraceCodec.Ok(tag));

    public Task RenameAsync(string from, string to) =>
        Record($"rename {from} -> {to}", () => Done(inner.RenameAsync(from, to)), (tag, _) => FsTraceCodec.Ok(tag));

    public Task<IFileReader> OpenReadAsync(string path) =>
        Record<IFileReader>($"open {path}", () => inner.OpenReadAsync(path),
            (tag, r) => FsTraceCodec.Ok(tag, r.Length.ToString(CultureInfo.InvariantCulture)), (tag, r) => new Reader(this, r, tag));

    public Task<IFileWriter> CreateAsync(string path) =>
        Record<IFileWriter>($"create {path}", () => inner.CreateAsync(path), (tag, _) => FsTraceCodec.Ok(tag), (tag, w) => new Writer(this, w, tag));

    private static Task<bool> Done(Task task) => task.Done();

    /// <summary>Writes the question now and the answer when it comes (inline, on the thread that gave it), tagged alike.</summary>
    private Task<T> Record<T>(string request, Func<Task<T>> start, Func<long, T, TraceEvent> answer, Func<long, T, T>? wrap = null)
    {
        var tag = ++_tag;
        _trace.Add(FsTraceCodec.Request(tag, request));
        return start().Then(work =>
        {
            if (work.IsCompletedSuccessfully)
            {
                _trace.Add(answer(tag, work.Result));
                return wrap is null ? work.Result : wrap(tag, work.Result);
            }
            var fs = work.Exception?.InnerException as FsException ?? new FsException(FsErrorCode.IOError, "input/output error");
            _trace.Add(FsTraceCodec.Failure(tag, fs));
            throw fs;
        });
    }

    private sealed class Reader(RecordingFileSystem owner, IFileReader inner, long handle) : IFileReader
    {
        public long Length => inner.Length;

        public Task<int> ReadAsync(Memory<byte> destination) =>
            owner.Record($"read #{handle} {destination.Length}", () => inner.ReadAsync(destination),
                (tag, n) => FsTraceCodec.Ok(tag, null, destination[..n].ToArray()));

        public void Dispose()
        {
            owner._trace.Add(FsTraceCodec.Request(++owner._tag, $"close #{handle}"));
            inner.Dispose();
        }
    }

    private sealed class Writer(RecordingFileSystem owner, IFileWriter inner, long handle) : IFileWriter
    {
        public Task WriteAsync(ReadOnlyMemory<byte> data) =>
            owner.Record($"write #{handle} {data.Length}", () => Done(inner.WriteAsync(data)), (tag, _) => FsTraceCodec.Ok(tag));

        public Task CommitAsync() =>
            owner.Record($"commit #{handle}", () => Done(inner.CommitAsync()), (tag, _) => FsTraceCodec.Ok(tag));

        public void Dispose()
        {
            owner._trace.Add(FsTraceCodec.Request(++owner._tag, $"close #{handle}"));
            inner.Dispose();
        }
    }
}
