using System.Security.Cryptography;
using System.Text;
using EsRuntime.Providers;
using Microsoft.Win32.SafeHandles;

namespace EsRuntime.Providers.Real.Files;

/// <summary>
/// The real disk under a root jail (Linux). Every path is resolved through <see cref="Jail"/>: opened
/// directory handles and no implicit symlink following, so what is outside the root is never touched.
/// Asynchronous operations run on the thread pool and come back to the loop as completions.
/// </summary>
public sealed class RealFileSystem : IFileSystem, IDisposable
{
    private const int O_NONBLOCK = 0x800;
    private const int AT_EMPTY_PATH = 0x1000;
    private readonly Jail _jail;

    public RealFileSystem(string root)
    {
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("the real filesystem provider needs Linux (openat-based jail)");
        _jail = new Jail(root);
    }

    public string Root => _jail.Root;

    /// <summary>Test hook: runs just before a path component is opened, with its canonical path.</summary>
    internal Action<string>? BeforeOpen { set => _jail.BeforeOpen = value; }

    /// <summary>The entry's project root: the nearest directory with package.json or node_modules, else the entry's directory.</summary>
    public static string ProjectRoot(string entryPath)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(entryPath))!;
        for (var d = dir; d is not null; d = Path.GetDirectoryName(d))
            if (File.Exists(Path.Combine(d, "package.json")) || Directory.Exists(Path.Combine(d, "node_modules"))) return d;
        return dir;
    }

    public FsLocation Locate(string path)
    {
        try
        {
            using var target = _jail.Resolve(path, followFinal: true);
            if (!Libc.TryStat(target.ParentFd, target.Name, follow: false, out var info, out _)) return FsLocation.Missing;
            var kind = info.IsDirectory ? FsNodeKind.Directory : info.IsFile ? FsNodeKind.File : FsNodeKind.Other;
            if (target.TrailingSlash && kind != FsNodeKind.Directory) return FsLocation.Missing;
            return new FsLocation(kind, target.Canonical, kind == FsNodeKind.File ? info.Size : 0);
        }
        catch (FsException e) when (e.Code == FsErrorCode.OutsideJail) { return FsLocation.Outside; }
        catch (FsException) { return FsLocation.Missing; }
    }

    public string? ReadText(string path)
    {
        try
        {
            using var handle = OpenRegular(path, out _);
            var length = RandomAccess.GetLength(handle);
            var bytes = new byte[length];
            var read = 0;
            while (read < bytes.Length)
            {
                var n = RandomAccess.Read(handle, bytes.AsSpan(read), read);
                if (n == 0) break;
                read += n;
            }
            return Encoding.UTF8.GetString(bytes, 0, read);
        }
        catch (Exception e) when (e is FsException or IOException or UnauthorizedAccessException) { return null; }
    }

    public Task<FsStat> StatAsync(string path) => Task.Run(() =>
    {
        bool isLink;
        using (var entry = _jail.Resolve(path, followFinal: false))
        {
            if (!Libc.TryStat(entry.ParentFd, entry.Name, follow: false, out var own, out var errno)) throw Errors.FromErrno(errno);
            isLink = own.IsSymlink;
            if (!isLink) return Stat(own, entry.TrailingSlash, false);
        }
        using var target = _jail.Resolve(path, followFinal: true);
        if (!Libc.TryStat(target.ParentFd, target.Name, follow: false, out var info, out var e2)) throw Errors.FromErrno(e2);
        return Stat(info, target.TrailingSlash, isLink);
    });

    private static FsStat Stat(Libc.StatxInfo info, bool trailingSlash, bool isLink)
    {
        if (trailingSlash && !info.IsDirectory) throw FsException.Of(FsErrorCode.NotADirectory);
        return new FsStat(info.IsDirectory ? 0 : info.Size, info.IsFile, info.IsDirectory, isLink, info.MtimeMs);
    }

    public Task<IReadOnlyList<FsEntry>> ReadDirectoryAsync(string path) => Task.Run<IReadOnlyList<FsEntry>>(() =>
    {
        using var target = _jail.Resolve(path, followFinal: true);
        var fd = Libc.OpenAt(target.ParentFd, target.Name, Libc.O_RDONLY | Libc.O_DIRECTORY | Libc.O_NOFOLLOW | Libc.O_CLOEXEC, 0);
        if (fd < 0) throw Errors.FromErrno(Libc.Errno);
        var entries = new List<FsEntry>();
        var names = DirectoryNames(fd, out var dir);
        try
        {
            foreach (var name in names)
            {
                if (!Libc.TryStat(fd, name, follow: false, out var info, out _)) continue; // removed meanwhile
                entries.Add(new FsEntry(name, info.IsFile, info.IsDirectory, info.IsSymlink));
            }
        }
        finally { CloseDirectory(dir); }
        entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return entries;
    });

    public Task CreateDirectoryAsync(string path, bool recursive) => Task.Run(() =>
    {
        if (!recursive)
        {
            using var target = _jail.Resolve(path, followFinal: false);
            MakeDirectory(target);
            return;
        }
        MakeDirectories(path);
    });

    /// <summary>Creates each missing component in turn, each resolved afresh through the jail.</summary>
    private void MakeDirectories(string path)
    {
        try
        {
            using var whole = _jail.Resolve(path, followFinal: true);
            if (Libc.TryStat(whole.ParentFd, whole.Name, follow: false, out var existing, out _))
            {
                if (existing.IsDirectory) return;
                throw FsException.Of(FsErrorCode.AlreadyExists);
            }
            MakeDirectory(whole);
        }
        catch (FsException e) when (e.Code == FsErrorCode.NotFound)
        {
            // A component on the way is missing: make the parent first.
            var parent = Path.GetDirectoryName(path.TrimEnd('/'));
            if (parent is null || parent == path.TrimEnd('/')) throw;
            MakeDirectories(parent);
            using var last = _jail.Resolve(path, followFinal: true);
            if (!Libc.TryStat(last.ParentFd, last.Name, follow: false, out _, out _)) MakeDirectory(last);
        }
    }

    private static void MakeDirectory(Jail.Target target)
    {
        if (target.IsDirectoryItself) throw FsException.Of(FsErrorCode.AlreadyExists);
        if (Libc.MkdirAt(target.ParentFd, target.Name, 0x1FF) != 0) throw Errors.FromErrno(Libc.Errno);
    }

    public Task RemoveAsync(string path, bool recursive) => Task.Run(() =>
    {
        using var target = _jail.Resolve(path, followFinal: false);
        RefuseDirectoryItself(target, "remove");
        if (!Libc.TryStat(target.ParentFd, target.Name, follow: false, out var info, out var errno)) throw Errors.FromErrno(errno);
        if (target.TrailingSlash && !info.IsDirectory) throw FsException.Of(FsErrorCode.NotADirectory);
        if (!info.IsDirectory)
        {
            if (Libc.UnlinkAt(target.ParentFd, target.Name, 0) != 0) throw Errors.FromErrno(Libc.Errno);
            return;
        }
        if (recursive) RemoveChildren(target.ParentFd, target.Name);
        if (Libc.UnlinkAt(target.ParentFd, target.Name, Libc.AT_REMOVEDIR) != 0) throw Errors.FromErrno(Libc.Errno);
    });

    /// <summary>Empties a directory, descending only through real directories (a symlink is unlinked, never followed).</summary>
    private static void RemoveChildren(int parentFd, string name)
    {
        var fd = Libc.OpenAt(parentFd, name, Libc.O_RDONLY | Libc.O_DIRECTORY | Libc.O_NOFOLLOW | Libc.O_CLOEXEC, 0);
        if (fd < 0) throw Errors.FromErrno(Libc.Errno);
        var names = DirectoryNames(fd, out var dir);
        try
        {
            foreach (var child in names)
            {
                if (!Libc.TryStat(fd, child, follow: false, out var info, out _)) continue;
                if (info.IsDirectory)
                {
                    RemoveChildren(fd, child);
                    if (Libc.UnlinkAt(fd, child, Libc.AT_REMOVEDIR) != 0) throw Errors.FromErrno(Libc.Errno);
                }
                else if (Libc.UnlinkAt(fd, child, 0) != 0 && Libc.Errno != Libc.ENOENT) throw Errors.FromErrno(Libc.Errno);
            }
        }
        finally { CloseDirectory(dir); }
    }

    public Task RenameAsync(string from, string to) => Task.Run(() =>
    {
        using var source = _jail.Resolve(from, followFinal: false);
        RefuseDirectoryItself(source, "rename");
        using var destination = _jail.Resolve(to, followFinal: false);
        RefuseDirectoryItself(destination, "rename onto");
        if (Libc.RenameAt(source.ParentFd, source.Name, destination.ParentFd, destination.Name) != 0) throw Errors.FromErrno(Libc.Errno);
    });

    private static void RefuseDirectoryItself(in Jail.Target target, string what)
    {
        if (target.IsRoot) throw new FsException(FsErrorCode.InvalidPath, $"cannot {what} the root of the jail");
        if (target.IsDirectoryItself) throw new FsException(FsErrorCode.InvalidPath, $"cannot {what} a path that ends in \".\" or \"..\"");
    }

    public Task<IFileReader> OpenReadAsync(string path) => Task.Run<IFileReader>(() =>
    {
        var handle = OpenRegular(path, out var length);
        return new Reader(handle, length);
    });

    /// <summary>Opens a regular file for reading without following a final link and without blocking on a FIFO.</summary>
    private SafeFileHandle OpenRegular(string path, out long length)
    {
        using var target = _jail.Resolve(path, followFinal: true);
        if (target.TrailingSlash) throw FsException.Of(FsErrorCode.NotADirectory);
        _jail.BeforeOpen?.Invoke(target.Canonical);
        var fd = Libc.OpenAt(target.ParentFd, target.Name, Libc.O_RDONLY | Libc.O_NOFOLLOW | O_NONBLOCK | Libc.O_CLOEXEC, 0);
        if (fd < 0) throw Errors.FromErrno(Libc.Errno);
        if (!Libc.TryStat(fd, "", follow: false, out var info, out var errno, AT_EMPTY_PATH) || !info.IsFile)
        {
            Libc.Close(fd);
            if (errno != 0) throw Errors.FromErrno(errno);
            throw info.IsDirectory ? FsException.Of(FsErrorCode.IsADirectory) : new FsException(FsErrorCode.IOError, "not a regular file");
        }
        length = info.Size;
        return new SafeFileHandle(fd, ownsHandle: true);
    }

    public Task<IFileWriter> CreateAsync(string path) => Task.Run<IFileWriter>(() =>
    {
        var target = _jail.Resolve(path, followFinal: true);
        try
        {
            RefuseDirectoryItself(target, "write");
            if (target.TrailingSlash) throw FsException.Of(FsErrorCode.NotADirectory);
            if (Libc.TryStat(target.ParentFd, target.Name, follow: false, out var existing, out _) && existing.IsDirectory)
                throw FsException.Of(FsErrorCode.IsADirectory);
            var temp = $".{target.Name}.{Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant()}.esrun-tmp";
            var fd = Libc.OpenAt(target.ParentFd, temp, Libc.O_WRONLY | Libc.O_CREAT | Libc.O_EXCL | Libc.O_NOFOLLOW | Libc.O_CLOEXEC, 0x1B6);
            if (fd < 0) throw Errors.FromErrno(Libc.Errno);
            return new Writer(target, temp, new SafeFileHandle(fd, ownsHandle: true));
        }
        catch
        {
            target.Dispose();
            throw;
        }
    });

    private static List<string> DirectoryNames(int fd, out nint dir)
    {
        dir = Libc.FdOpenDir(fd);
        if (dir == 0)
        {
            var errno = Libc.Errno;
            Libc.Close(fd);
            throw Errors.FromErrno(errno);
        }
        var names = new List<string>();
        unsafe
        {
            for (nint entry; (entry = Libc.ReadDir(dir)) != 0;)
            {
                // struct dirent (64-bit glibc): d_ino u64, d_off i64, d_reclen u16, d_type u8, d_name[].
                var name = System.Runtime.InteropServices.Marshal.PtrToStringUTF8(entry + 19);
                if (name is null or "." or "..") continue;
                names.Add(name);
            }
        }
        return names;
    }

    private static void CloseDirectory(nint dir) => Libc.CloseDir(dir);

    public void Dispose() => _jail.Dispose();

    private sealed class Reader(SafeFileHandle handle, long length) : IFileReader
    {
        private long _offset;

        public long Length => length;

        public async Task<int> ReadAsync(Memory<byte> destination)
        {
            try
            {
                var n = await RandomAccess.ReadAsync(handle, destination, _offset).ConfigureAwait(false);
                _offset += n;
                return n;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw Errors.FromException(e); }
        }

        public void Dispose() => handle.Dispose();
    }

    private sealed class Writer(Jail.Target target, string temp, SafeFileHandle handle) : IFileWriter
    {
        private long _offset;
        private bool _committed;

        public async Task WriteAsync(ReadOnlyMemory<byte> data)
        {
            try
            {
                await RandomAccess.WriteAsync(handle, data, _offset).ConfigureAwait(false);
                _offset += data.Length;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw Errors.FromException(e); }
        }

        public Task CommitAsync() => Task.Run(() =>
        {
            if (Libc.Fsync((int)handle.DangerousGetHandle()) != 0) throw Errors.FromErrno(Libc.Errno);
            handle.Dispose();
            if (Libc.RenameAt(target.ParentFd, temp, target.ParentFd, target.Name) != 0) throw Errors.FromErrno(Libc.Errno);
            _committed = true;
            // The rename is durable once the directory is synced.
            if (Libc.Fsync(target.ParentFd) != 0) throw Errors.FromErrno(Libc.Errno);
        });

        public void Dispose()
        {
            handle.Dispose();
            if (!_committed) Libc.UnlinkAt(target.ParentFd, temp, 0);
            target.Dispose();
        }
    }
}
