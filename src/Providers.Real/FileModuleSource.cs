using EsRuntime.Providers;

namespace EsRuntime.Providers.Real;

/// <summary>Module files from the real filesystem. The resolver, not this class, enforces the jail.</summary>
public sealed class FileModuleSource : IModuleSource
{
    public string? RealPath(string path)
    {
        try
        {
            var full = Path.GetFullPath(path);
            if (!File.Exists(full) && !Directory.Exists(full)) return null;
            // Resolve every component, so a symlinked directory anywhere on the way is followed.
            var root = Path.GetPathRoot(full)!;
            var current = root;
            foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
            {
                var next = Path.Combine(current, part);
                FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
                var target = info.LinkTarget is null ? null : info.ResolveLinkTarget(returnFinalTarget: true);
                current = target is null ? next : Path.GetFullPath(target.FullName);
            }
            return current;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    public bool IsFile(string path) => File.Exists(path);

    public bool IsDirectory(string path) => Directory.Exists(path);

    public string? ReadText(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }
}
