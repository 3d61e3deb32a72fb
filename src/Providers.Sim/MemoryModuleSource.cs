using EsRuntime.Providers;

namespace EsRuntime.Providers.Sim;

/// <summary>Module files held in memory by absolute path (no symlinks): a disk for tests and simulation.</summary>
public sealed class MemoryModuleSource : IModuleSource
{
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);

    public MemoryModuleSource Add(string path, string text)
    {
        _files[Normalize(path)] = text;
        return this;
    }

    private static string Normalize(string path) => Path.GetFullPath(path);

    public string? RealPath(string path)
    {
        var full = Normalize(path);
        return IsFile(full) || IsDirectory(full) ? full : null;
    }

    public bool IsFile(string path) => _files.ContainsKey(Normalize(path));

    public bool IsDirectory(string path)
    {
        var prefix = Normalize(path).TrimEnd('/') + "/";
        return _files.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal));
    }

    public string? ReadText(string path) => _files.GetValueOrDefault(Normalize(path));
}
