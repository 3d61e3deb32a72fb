using System.Runtime.InteropServices;

namespace EsRuntime.Providers.Real.Files;

/// <summary>
/// The *at() system calls the jail resolves paths with (Linux). .NET has no API that opens a name
/// relative to an open directory without following symlinks, which is what makes resolution immune
/// to a path being swapped between check and use.
/// </summary>
internal static unsafe partial class Libc
{
    private static readonly bool Arm = RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm;

    public const int O_RDONLY = 0, O_WRONLY = 1;
    public const int O_CREAT = 0x40, O_EXCL = 0x80, O_TRUNC = 0x200, O_CLOEXEC = 0x80000;
    public static readonly int O_DIRECTORY = Arm ? 0x4000 : 0x10000;
    public static readonly int O_NOFOLLOW = Arm ? 0x8000 : 0x20000;
    public const int AT_SYMLINK_NOFOLLOW = 0x100, AT_REMOVEDIR = 0x200;

    public const int ENOENT = 2, EIO = 5, EBADF = 9, EACCES = 13, EEXIST = 17, EXDEV = 18, ENOTDIR = 20, EISDIR = 21,
        EINVAL = 22, ENOSPC = 28, EROFS = 30, EMLINK = 31, ENAMETOOLONG = 36, ENOTEMPTY = 39, ELOOP = 40, EDQUOT = 122, EPERM = 1;

    public const ushort S_IFMT = 0xF000, S_IFDIR = 0x4000, S_IFREG = 0x8000, S_IFLNK = 0xA000;

    [LibraryImport("libc", EntryPoint = "openat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int OpenAt(int dirfd, string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "readlinkat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint ReadLinkAt(int dirfd, string path, byte* buffer, nint size);

    [LibraryImport("libc", EntryPoint = "mkdirat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int MkdirAt(int dirfd, string path, int mode);

    [LibraryImport("libc", EntryPoint = "unlinkat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int UnlinkAt(int dirfd, string path, int flags);

    [LibraryImport("libc", EntryPoint = "renameat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int RenameAt(int olddirfd, string oldpath, int newdirfd, string newpath);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Statx(int dirfd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    public static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "dup", SetLastError = true)]
    public static partial int Dup(int fd);

    [LibraryImport("libc", EntryPoint = "fdopendir", SetLastError = true)]
    public static partial nint FdOpenDir(int fd);

    [LibraryImport("libc", EntryPoint = "readdir", SetLastError = true)]
    public static partial nint ReadDir(nint dir);

    [LibraryImport("libc", EntryPoint = "closedir", SetLastError = true)]
    public static partial int CloseDir(nint dir);

    public static int Errno => Marshal.GetLastPInvokeError();

    /// <summary>The fields of struct statx this code reads (its layout is fixed by the kernel ABI).</summary>
    public readonly record struct StatxInfo(ushort Mode, long Size, long MtimeSeconds, uint MtimeNanos)
    {
        public bool IsDirectory => (Mode & S_IFMT) == S_IFDIR;
        public bool IsFile => (Mode & S_IFMT) == S_IFREG;
        public bool IsSymlink => (Mode & S_IFMT) == S_IFLNK;
        public double MtimeMs => MtimeSeconds * 1000.0 + MtimeNanos / 1_000_000.0;
    }

    /// <summary>statx on a name relative to a directory; false with <paramref name="errno"/> set on failure.</summary>
    public static bool TryStat(int dirfd, string name, bool follow, out StatxInfo info, out int errno, int extraFlags = 0)
    {
        const uint STATX_BASIC_STATS = 0x7ff;
        var buffer = stackalloc byte[256];
        if (Statx(dirfd, name, (follow ? 0 : AT_SYMLINK_NOFOLLOW) | extraFlags, STATX_BASIC_STATS, buffer) != 0)
        {
            errno = Errno;
            info = default;
            return false;
        }
        errno = 0;
        // struct statx: stx_mode at 28 (u16), stx_size at 40 (u64), stx_mtime at 112 ({s64 sec, u32 nsec}).
        info = new StatxInfo(*(ushort*)(buffer + 28), *(long*)(buffer + 40), *(long*)(buffer + 112), *(uint*)(buffer + 120));
        return true;
    }
}
