namespace EsRuntime.Providers;

/// <summary>
/// Read-only access to module files for the resolver. Paths are absolute host paths; the
/// resolver enforces the jail on <see cref="RealPath"/> results.
/// </summary>
public interface IModuleSource
{
    /// <summary>The canonical path with every symlink resolved, or null if nothing exists there.</summary>
    string? RealPath(string path);

    bool IsFile(string path);

    bool IsDirectory(string path);

    /// <summary>The file's text (UTF-8), or null if it cannot be read.</summary>
    string? ReadText(string path);
}
