using EsRuntime.Providers;

namespace EsRuntime.Providers.Real.Files;

/// <summary>errno values as filesystem error codes, worded without any host path.</summary>
internal static class Errors
{
    public static FsException FromErrno(int errno) => errno switch
    {
        Libc.ENOENT => FsException.Of(FsErrorCode.NotFound),
        Libc.EEXIST => FsException.Of(FsErrorCode.AlreadyExists),
        Libc.ENOTDIR => FsException.Of(FsErrorCode.NotADirectory),
        Libc.EISDIR => FsException.Of(FsErrorCode.IsADirectory),
        Libc.ENOTEMPTY => FsException.Of(FsErrorCode.NotEmpty),
        Libc.EACCES or Libc.EPERM => FsException.Of(FsErrorCode.PermissionDenied),
        Libc.EROFS => new FsException(FsErrorCode.PermissionDenied, "read-only file system"),
        Libc.ENOSPC or Libc.EDQUOT => FsException.Of(FsErrorCode.NoSpace),
        Libc.ELOOP => FsException.Of(FsErrorCode.TooManyLinks),
        Libc.ENAMETOOLONG => new FsException(FsErrorCode.InvalidPath, "the name is too long"),
        Libc.EINVAL => FsException.Of(FsErrorCode.InvalidPath),
        Libc.EXDEV => new FsException(FsErrorCode.IOError, "cannot move across file systems"),
        Libc.EMLINK => new FsException(FsErrorCode.IOError, "too many links"),
        _ => new FsException(FsErrorCode.IOError, $"input/output error (errno {errno})"),
    };

    /// <summary>The same for .NET's I/O exceptions (reads and writes through a file handle).</summary>
    public static FsException FromException(Exception e) => e switch
    {
        FsException fs => fs,
        UnauthorizedAccessException => FsException.Of(FsErrorCode.PermissionDenied),
        IOException io when (io.HResult & 0xFFFF) is Libc.ENOSPC or Libc.EDQUOT => FsException.Of(FsErrorCode.NoSpace),
        _ => FsException.Of(FsErrorCode.IOError),
    };
}
