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
    Task WriteAsync(ReadOnlyMemory<byte> data);

    /// <summary>Makes the written bytes the file's content, durably (synced, renamed, directory synced).</summary>
    Task CommitAsync();
}

public enum FsNodeKind { Missing, File, Directory, Other }

/// <summary>
/// The outcome of locating a path: what is there, and its canonical path inside the jail. A path that
/// leads out of the jail is <see cref="OutsideJail"/>, with no canonical path (what is outside is not told).
/// </summary>
public readonly record struct FsLocation(FsNodeKind Kind, string? RealPath, long Size = 0, bool OutsideJail = false)
{
    public static readonly FsLocation Missing = new(FsNodeKind.Missing, null);
    public static readonly FsLocation Outside = new(FsNodeKind.Missing, null, OutsideJail: true);
}

public readonly record struct FsStat(long Size, bool IsFile, bool IsDirectory, bool IsSymlink, double MtimeMs);

public readonly record struct FsEntry(string Name, bool IsFile, bool IsDirectory, bool IsSymlink);

/// <summary>Why a filesystem operation failed; each maps to one error name scripts see (docs/DECISIONS.md).</summary>
public enum FsErrorCode
{
    NotFound,
    AlreadyExists,
    NotADirectory,
    IsADirectory,
    NotEmpty,
    PermissionDenied,
    OutsideJail,
    NoSpace,
    IOError,
    InvalidPath,
    TooManyLinks,
}

/// <summary>
/// A failed filesystem operation. <see cref="Detail"/> says what happened in words that never name a
/// host path outside the jail; <see cref="Injected"/> marks a fault the simulator chose.
/// </summary>
public sealed class FsException(FsErrorCode code, string detail, bool injected = false) : Exception(detail)
{
    public FsErrorCode Code { get; } = code;
    public string Detail { get; } = detail;
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

    public static FsException Of(FsErrorCode code) => new(code, Describe(code));
}
