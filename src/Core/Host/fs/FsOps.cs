using System.Buffers;
using System.Buffers.Binary;
using EsRuntime.Capabilities;
using EsRuntime.Engine;
using EsRuntime.Loop;
using EsRuntime.Providers;
using EsRuntime.Replay;
using EsRuntime.Runtime;

namespace EsRuntime.Host.Fs;

/// <summary>
/// Ops behind <c>runtime:fs</c>. Each takes the path as the script wrote it (for messages) and as an
/// absolute host path, checks its capability (reads <see cref="Capability.FileRead"/>, changes
/// <see cref="Capability.FileWrite"/>), starts provider work on the loop thread, and answers the
/// script's promise when the work is delivered. Open files are addressed by per-runtime handles.
/// </summary>
internal static class FsOps
{
    /// <summary>Files up to this size are read in one go and handed over inline; larger ones into a buffer JS allocates.</summary>
    private const int WholeFileLimit = 1024 * 1024;
    private const int ChunkBytes = 64 * 1024;

    public static void Register(RuntimeContext ctx)
    {
        var engine = ctx.Engine;
        var files = ctx.Providers.Files;
        var io = ctx.Completions;
        var readers = new Handles<IFileReader>(ctx);
        var writers = new Handles<IFileWriter>(ctx);

        string Read(OpArgs a, string what)
        {
            ctx.Capabilities.Demand(Capability.FileRead, $"runtime:fs {what}");
            return HostPath(ctx, a.String(0));
        }
        string Write(OpArgs a, string what, int index = 0)
        {
            ctx.Capabilities.Demand(Capability.FileWrite, $"runtime:fs {what}");
            return HostPath(ctx, a.String(index));
        }

        engine.RegisterOp("fsStat", (a, r) =>
        {
            var (path, shown) = (Read(a, "stat"), a.String(1));
            r.Set(io.Start(() => files.StatAsync(path), 0, (stat, reply) =>
            {
                Span<byte> bytes = stackalloc byte[9];
                bytes[0] = (byte)((stat.IsFile ? 1 : 0) | (stat.IsDirectory ? 2 : 0) | (stat.IsSymlink ? 4 : 0));
                BinaryPrimitives.WriteDoubleLittleEndian(bytes[1..], stat.MtimeMs);
                reply.Ok(stat.Size, bytes);
            }, Fail("stat", shown)));
        });

        engine.RegisterOp("fsExists", (a, r) =>
        {
            var (path, shown) = (Read(a, "exists"), a.String(1));
            r.Set(io.Start(() => files.StatAsync(path), 0, (_, reply) => reply.Ok(1), (e, reply) =>
            {
                if (e is FsException { Code: FsErrorCode.NotFound or FsErrorCode.NotADirectory }) reply.Ok(0);
                else Fail("exists", shown)(e, reply);
            }));
        });

        engine.RegisterOp("fsReadDir", (a, r) =>
        {
            var (path, shown) = (Read(a, "readDir"), a.String(1));
            r.Set(io.Start(() => files.ReadDirectoryAsync(path), 0, (entries, reply) => reply.OkText(FsTraceCodec.Entries(entries), entries.Count),
                Fail("readDir", shown)));
        });

        engine.RegisterOp("fsMkdir", (a, r) =>
        {
            var (path, shown, recursive) = (Write(a, "mkdir"), a.String(1), a.IsTruthy(2));
            r.Set(io.Start(() => TaskChain.Done(files.CreateDirectoryAsync(path, recursive)), 0, (_, reply) => reply.Ok(), Fail("mkdir", shown)));
        });

        engine.RegisterOp("fsRemove", (a, r) =>
        {
            var (path, shown, recursive) = (Write(a, "remove"), a.String(1), a.IsTruthy(2));
            r.Set(io.Start(() => TaskChain.Done(files.RemoveAsync(path, recursive)), 0, (_, reply) => reply.Ok(), Fail("remove", shown)));
        });

        engine.RegisterOp("fsRename", (a, r) =>
        {
            ctx.Capabilities.Demand(Capability.FileWrite, "runtime:fs rename");
            var (from, to, shown) = (HostPath(ctx, a.String(0)), HostPath(ctx, a.String(1)), a.String(2));
            r.Set(io.Start(() => TaskChain.Done(files.RenameAsync(from, to)), 0, (_, reply) => reply.Ok(), Fail("rename", shown)));
        });

        // A whole file: small ones come back inline in one answer; a large one comes back open, with its
        // size, for fsReadInto to fill a buffer JS allocates (so its bytes are never held twice).
        engine.RegisterOp("fsReadFile", (a, r) =>
        {
            var (path, shown) = (Read(a, "read"), a.String(1));
            var id = io.NewPromise();
            io.Await(files.OpenReadAsync(path), 0, opened =>
            {
                if (!opened.IsCompletedSuccessfully) { Fail("read", shown)(Error(opened), io.Reply(id)); return; }
                var reader = ((Task<IFileReader>)opened).Result;
                if (reader.Length > WholeFileLimit)
                {
                    io.Reply(id).Ok(-1 - readers.Add(reader), Size(reader.Length));
                    return;
                }
                var buffer = new byte[reader.Length];
                ReadAll(io, reader, buffer, 0, done =>
                {
                    reader.Dispose();
                    if (done.Error is { } e) Fail("read", shown)(e, io.Reply(id));
                    else io.Reply(id).Ok(done.Count, buffer.AsSpan(0, done.Count));
                });
            });
            r.Set(id);
        });

        engine.RegisterOp("fsReadInto", (a, r) =>
        {
            ctx.Capabilities.Demand(Capability.FileRead, "runtime:fs read");
            var (handle, target, shown) = (a.Int32(0), a.Value(1), a.String(2));
            var reader = readers.Take(handle) ?? throw new OpException("TypeError", "not an open file");
            var length = V8Engine.ByteLength(target);
            var id = io.NewPromise();
            var chunk = ArrayPool<byte>.Shared.Rent(WholeFileLimit);
            var total = 0;
            void Next()
            {
                var want = (int)Math.Min(chunk.Length, length - total);
                if (want <= 0) { Finish(null); return; }
                io.Await(reader.ReadAsync(chunk.AsMemory(0, want)), handle, t =>
                {
                    if (!t.IsCompletedSuccessfully) { Finish(Error(t)); return; }
                    var n = ((Task<int>)t).Result;
                    if (n == 0) { Finish(null); return; }
                    V8Engine.WriteBytes(target, chunk.AsSpan(0, n), total);
                    total += n;
                    Next();
                });
            }
            void Finish(Exception? error)
            {
                ArrayPool<byte>.Shared.Return(chunk);
                reader.Dispose();
                if (error is not null) Fail("read", shown)(error, io.Reply(id));
                else io.Reply(id).Ok(total);
            }
            Next();
            r.Set(id);
        });

        engine.RegisterOp("fsOpen", (a, r) =>
        {
            var (path, shown) = (Read(a, "open"), a.String(1));
            r.Set(io.Start(() => files.OpenReadAsync(path), 0, (reader, reply) => reply.Ok(readers.Add(reader), Size(reader.Length)), Fail("read", shown)));
        });

        // The next chunk of an open file; an empty answer is the end.
        engine.RegisterOp("fsRead", (a, r) =>
        {
            ctx.Capabilities.Demand(Capability.FileRead, "runtime:fs read");
            var (handle, shown) = (a.Int32(0), a.String(1));
            var reader = readers.Get(handle) ?? throw new OpException("TypeError", "the file is closed");
            var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
            r.Set(io.Start(() => reader.ReadAsync(chunk.AsMemory(0, ChunkBytes)), handle, (n, reply) =>
            {
                reply.Ok(n, chunk.AsSpan(0, n));
                ArrayPool<byte>.Shared.Return(chunk);
            }, (e, reply) =>
            {
                ArrayPool<byte>.Shared.Return(chunk);
                Fail("read", shown)(e, reply);
            }));
        });

        engine.RegisterOp("fsClose", (a, r) => readers.Take(a.Int32(0))?.Dispose());

        engine.RegisterOp("fsCreate", (a, r) =>
        {
            var (path, shown) = (Write(a, "write"), a.String(1));
            r.Set(io.Start(() => files.CreateAsync(path), 0, (writer, reply) => reply.Ok(writers.Add(writer)), Fail("write", shown)));
        });

        // Bytes to append: the first `length` bytes of the transfer buffer, or (large chunks) a range of a JS view.
        engine.RegisterOp("fsWrite", (a, r) =>
        {
            ctx.Capabilities.Demand(Capability.FileWrite, "runtime:fs write");
            var (handle, shown) = (a.Int32(0), a.String(1));
            var writer = writers.Get(handle) ?? throw new OpException("TypeError", "the file is closed");
            byte[] data;
            if (a.IsNullish(3))
            {
                var length = a.Int32(2);
                if (length < 0 || length > engine.DispatchSlots) throw new OpException("RangeError", "bad write length");
                data = engine.Transfer[..length].ToArray();
            }
            else
            {
                var (offset, length) = ((long)a.Number(4), a.Int32(2));
                if (length < 0 || length > WholeFileLimit) throw new OpException("RangeError", "bad write length");
                data = new byte[length];
                V8Engine.ReadBytes(a.Value(3), offset, data);
            }
            r.Set(io.Start(() => TaskChain.Done(writer.WriteAsync(data)), handle, (_, reply) => reply.Ok(data.Length), Fail("write", shown)));
        });

        engine.RegisterOp("fsCommit", (a, r) =>
        {
            ctx.Capabilities.Demand(Capability.FileWrite, "runtime:fs write");
            var (handle, shown) = (a.Int32(0), a.String(1));
            var writer = writers.Get(handle) ?? throw new OpException("TypeError", "the file is closed");
            r.Set(io.Start(() => TaskChain.Done(writer.CommitAsync()), handle, (_, reply) =>
            {
                writers.Take(handle)?.Dispose();
                reply.Ok();
            }, (e, reply) =>
            {
                writers.Take(handle)?.Dispose();
                Fail("write", shown)(e, reply);
            }));
        });

        engine.RegisterOp("fsAbort", (a, r) => writers.Take(a.Int32(0))?.Dispose());

        // The size of a file now (FsFile.size: 0 when there is none), synchronously through the lookup module loading uses.
        engine.RegisterOp("fsSize", (a, r) => r.Set((double)files.Locate(Read(a, "size")).Size));
    }

    private readonly record struct ReadResult(int Count, Exception? Error);


    /// <summary>Reads into <paramref name="buffer"/> from <paramref name="offset"/> until it is full or the file ends.</summary>
    private static void ReadAll(Completions io, IFileReader reader, byte[] buffer, int offset, Action<ReadResult> done)
    {
        if (offset == buffer.Length) { done(new ReadResult(offset, null)); return; }
        io.Await(reader.ReadAsync(buffer.AsMemory(offset)), 0, t =>
        {
            if (!t.IsCompletedSuccessfully) { done(new ReadResult(offset, Error(t))); return; }
            var n = ((Task<int>)t).Result;
            if (n == 0) done(new ReadResult(offset, null));
            else ReadAll(io, reader, buffer, offset + n, done);
        });
    }

    private static byte[] Size(long size)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(bytes, size);
        return bytes;
    }

    private static Exception Error(Task task) => task.Exception?.InnerException ?? new FsException(FsErrorCode.IOError, "the operation was cancelled");

    /// <summary>
    /// The script's path as a host path: absolute as given, else joined to the working directory. Not
    /// normalised: ".." and symlinks are for the jailed provider to resolve.
    /// </summary>
    private static string HostPath(RuntimeContext ctx, string path)
    {
        if (path.Length == 0) throw new OpException("TypeError", "the path is empty");
        if (path.Contains('\0')) throw new OpException("TypeError", "the path contains a NUL character");
        if (path.StartsWith('/')) return path;
        var cwd = ctx.WorkingDirectory;
        return cwd.EndsWith('/') ? cwd + path : cwd + "/" + path;
    }

    /// <summary>How a failure reaches the script: an error named after its code, the operation and the path as written.</summary>
    private static Action<Exception, Reply> Fail(string operation, string shown) => (e, reply) =>
    {
        var fs = e as FsException ?? new FsException(FsErrorCode.IOError, "input/output error");
        reply.Error(ErrorName(fs.Code), $"{operation} '{shown}': {fs.Detail}");
    };

    /// <summary>The error names scripts test (docs/DECISIONS.md, "runtime:fs errors").</summary>
    public static string ErrorName(FsErrorCode code) => code switch
    {
        FsErrorCode.NotFound => "NotFoundError",
        FsErrorCode.AlreadyExists => "AlreadyExistsError",
        FsErrorCode.NotADirectory => "NotADirectoryError",
        FsErrorCode.IsADirectory => "IsADirectoryError",
        FsErrorCode.NotEmpty => "NotEmptyError",
        FsErrorCode.PermissionDenied or FsErrorCode.OutsideJail => "NotAllowedError",
        FsErrorCode.NoSpace => "QuotaExceededError",
        FsErrorCode.InvalidPath => "TypeError",
        _ => "IOError",
    };
}
