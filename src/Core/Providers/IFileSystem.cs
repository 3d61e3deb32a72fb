namespace EsRuntime.Providers;

/// <summary>
/// The files a runtime may reach: one directory tree, the root jail, and nothing outside it. Paths
/// are absolute host paths (the core joins relative ones to the cwd); an implementation resolves
/// them inside <see cref="Root"/> and refuses, with <see cref="FsErrorCode.OutsideJail"/>, any path
/// or symlink that leads out — without reading what lies outside. The synchronous members serve
/// module loading (the engine's loader is synchronous); everything a script asks for is asynchronous
/// and comes back to the loop as a completion.
/// </summary>
public interface IFileSystem
{
    /// <summary>The jail root as a canonical host path (every symlink resolved).</summary>
    string Root { get; }

    /// <summary>What is at <paramref name="path"/> (symlinks followed), its canonical path and (files) size.</summary>
    FsLocation Locate(string path);

    /// <summary>A module's text (UTF-8) at a canonical path <see cref="Locate"/> returned; null if it cannot be read.</summary>
    string? ReadText(string path);

    /// <summary>Size, kind and modification time; follows symlinks, and says whether the path itself is one.</summary>
    Task<FsStat> StatAsync(string path);

    /// <summary>The directory's entries (not "." or ".."), sorted by name (ordinal).</summary>
    Task<IReadOnlyList<FsEntry>> ReadDirectoryAsync(string path);

    /// <summary>
    /// Creates a directory; with <paramref name="recursive"/>, every missing parent too, and an existing
    /// directory at <paramref name="path"/> is not an error (without it, anything there is <see cref="FsErrorCode.AlreadyExists"/>).
    /// </summary>
    Task CreateDirectoryAsync(string path, bool recursive);

    /// <summary>Removes a file, a symlink (never its target) or, with <paramref name="recursive"/>, a directory tree.</summary>
    Task RemoveAsync(string path, bool recursive);

    /// <summary>Moves an entry, replacing a file at the destination.</summary>
    Task RenameAsync(string from, string to);

    /// <summary>Opens a regular file for sequential reading.</summary>
    Task<IFileReader> OpenReadAsync(string path);

    /// <summary>
    /// Starts replacing the file at <paramref name="path"/> as a whole: the data goes to a temporary file
    /// beside it, and only <see cref="IFileWriter.CommitAsync"/> (sync, then rename) makes it the file's
    /// content, so no crash leaves half a file under the real name.
    /// </summary>
    Task<IFileWriter> CreateAsync(string path);
}

/// <summary>An open file being read front to back.</summary>
public interface IFileReader : IDisposable
{
    /// <summary>The file's size when it was opened.</summary>
    long Length { get; }

    /// <summary>Reads the next bytes into <paramref name="destination"/>; 0 at the end of the file.</summary>
    Task<int> ReadAsync(Memory<byte> destination);
}

/// <summary>A whole-file replacement in progress; disposing it without a commit discards it.</summary>
public interface IFileWriter : IDisposable
{
    /// <summary>Appends all of <paramref name="data"/> to the temporary file; nothing is visible under the real name until <see cref="CommitAsync"/>.</summary>
    Task WriteAsync(ReadOnlyMemory<byte> data);

    /// <summary>Makes the written bytes the file's content, durably (synced, renamed, directory synced).</summary>
    Task CommitAsync();
}

/// <summary>What a path leads to, as <see cref="IFileSystem.Locate"/> tells it (symlinks followed).</summary>
public enum FsNodeKind
{
    /// <summary>Nothing is there (or, with <see cref="FsLocation.OutsideJail"/>, nothing the runtime may see).</summary>
    Missing,
    /// <summary>A regular file.</summary>
    File,
    /// <summary>A directory.</summary>
    Directory,
    /// <summary>Something else: a device, a socket, a FIFO.</summary>
    Other,
}

/// <summary>
/// The outcome of locating a path: what is there, and its canonical path inside the jail. A path that
/// leads out of the jail is <see cref="OutsideJail"/>, with no canonical path (what is outside is not told).
/// </summary>
public readonly record struct FsLocation(FsNodeKind Kind, string? RealPath, long Size = 0, bool OutsideJail = false)
{
    /// <summary>Nothing at the path.</summary>
    public static readonly FsLocation Missing = new(FsNodeKind.Missing, null);

    /// <summary>The path leads out of the jail: reported as missing, with no canonical path.</summary>
    public static readonly FsLocation Outside = new(FsNodeKind.Missing, null, OutsideJail: true);
}

/// <summary>What <see cref="IFileSystem.StatAsync"/> tells about a path (symlinks followed).</summary>
/// <param name="Size">The size in bytes (0 for a directory).</param>
/// <param name="IsFile">Whether it is a regular file.</param>
/// <param name="IsDirectory">Whether it is a directory.</param>
/// <param name="IsSymlink">Whether the path itself is a symlink (the other fields describe its target).</param>
/// <param name="MtimeMs">The last modification time, in milliseconds since the Unix epoch.</param>
public readonly record struct FsStat(long Size, bool IsFile, bool IsDirectory, bool IsSymlink, double MtimeMs);

/// <summary>One entry of a directory listing (<see cref="IFileSystem.ReadDirectoryAsync"/>), as the entry itself is: symlinks not followed.</summary>
/// <param name="Name">The entry's name within the directory (no path).</param>
/// <param name="IsFile">Whether the entry is a regular file.</param>
/// <param name="IsDirectory">Whether the entry is a directory.</param>
/// <param name="IsSymlink">Whether the entry is a symlink.</param>
public readonly record struct FsEntry(string Name, bool IsFile, bool IsDirectory, bool IsSymlink);

/// <summary>Why a filesystem operation failed; each maps to one error name scripts see (docs/DECISIONS.md).</summary>
public enum FsErrorCode
{
    /// <summary>No such file or directory (ENOENT); scripts see NotFoundError.</summary>
    NotFound,
    /// <summary>Something already exists at the path (EEXIST); scripts see AlreadyExistsError.</summary>
    AlreadyExists,
    /// <summary>A directory was needed, and the path (or one of its parents) is not one (ENOTDIR); scripts see NotADirectoryError.</summary>
    NotADirectory,
    /// <summary>The path is a directory where a file was needed (EISDIR); scripts see IsADirectoryError.</summary>
    IsADirectory,
    /// <summary>The directory has entries, and the operation was not recursive (ENOTEMPTY); scripts see NotEmptyError.</summary>
    NotEmpty,
    /// <summary>The host refused access (EACCES, EPERM, a read-only file system); scripts see NotAllowedError.</summary>
    PermissionDenied,
    /// <summary>The path, or a symlink on it, leads out of the root jail; scripts see NotAllowedError.</summary>
    OutsideJail,
    /// <summary>No space left on the device, or the quota is used up (ENOSPC, EDQUOT); scripts see QuotaExceededError.</summary>
    NoSpace,
    /// <summary>Any other failure of the device or the host (EIO and the rest).</summary>
    IOError,
    /// <summary>Not a valid path: a bad character, a name too long, an operation that makes no sense on it (EINVAL); scripts see TypeError.</summary>
    InvalidPath,
    /// <summary>Too many levels of symbolic links (ELOOP).</summary>
    TooManyLinks,
}

/// <summary>
/// A failed filesystem operation. <see cref="Detail"/> says what happened in words that never name a
/// host path outside the jail; <see cref="Injected"/> marks a fault the simulator chose.
/// </summary>
public sealed class FsException(FsErrorCode code, string detail, bool injected = false) : Exception(detail)
{
    /// <summary>Why the operation failed.</summary>
    public FsErrorCode Code { get; } = code;

    /// <summary>What happened, in words for the script (never a host path outside the jail); also the exception's message.</summary>
    public string Detail { get; } = detail;

    /// <summary>True when the simulator injected the fault, rather than the filesystem hitting it.</summary>
    public bool Injected { get; } = injected;

    /// <summary>The usual wording of each code, for implementations that have nothing more precise to say.</summary>
    public static string Describe(FsErrorCode code) => code switch
    {
        FsErrorCode.NotFound => "no such file or directory",
        FsErrorCode.AlreadyExists => "it already exists",
        FsErrorCode.NotADirectory => "not a directory",
        FsErrorCode.IsADirectory => "it is a directory",
        FsErrorCode.NotEmpty => "the directory is not empty",
        FsErrorCode.PermissionDenied => "permission denied",
        FsErrorCode.OutsideJail => "the path leads outside the root jail",
        FsErrorCode.NoSpace => "no space left on the device",
        FsErrorCode.IOError => "input/output error",
        FsErrorCode.InvalidPath => "not a valid path",
        FsErrorCode.TooManyLinks => "too many levels of symbolic links",
        _ => code.ToString(),
    };

    /// <summary>An exception for <paramref name="code"/> with its usual wording (<see cref="Describe"/>).</summary>
    public static FsException Of(FsErrorCode code) => new(code, Describe(code));
}
