using EsRuntime.Replay;

namespace EsRuntime.Cli;

/// <summary>Where --record may write, and how the file is created.</summary>
internal static class TraceFile
{
    /// <summary>
    /// Why esrun will not write a trace at <paramref name="path"/>, or null. The entry module is always
    /// refused (creating the trace would empty the program before it is read); any other existing
    /// file that is not empty and not a trace is refused unless <paramref name="force"/>.
    /// </summary>
    public static string? Refusal(string path, string? entryPath, bool force)
    {
        if (!File.Exists(path)) return null;
        if (entryPath is not null && File.Exists(entryPath) && RealPath(path) == RealPath(entryPath))
            return $"the trace file {path} is the program itself; record to another path";
        if (force || IsEmptyOrTrace(path)) return null;
        return $"{path} exists and is not an esrun trace; refusing to overwrite it (use --force to overwrite)";
    }

    /// <summary>The path with every symlink on the way resolved (a link to the program is the program).</summary>
    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        foreach (var part in full[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            current = info.LinkTarget is null ? next : Path.GetFullPath(info.ResolveLinkTarget(returnFinalTarget: true)!.FullName);
        }
        return current;
    }

    private static bool IsEmptyOrTrace(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            Span<byte> magic = stackalloc byte[TraceFormat.Magic.Length];
            var read = file.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
            return read == 0 || (read == magic.Length && (magic.SequenceEqual(TraceFormat.Magic) || Providers.Sim.SystemTrace.Is(magic)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Creates (or truncates) the trace, readable and writable by its owner only: it holds what the
    /// program read, which may include the environment.
    /// </summary>
    public static FileStream Create(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var stream = new FileStream(path, options);
        // An existing trace keeps its mode when truncated; make it private as well.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(stream.SafeFileHandle, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return stream;
    }
}
