using EsRuntime.Providers;

namespace EsRuntime.Providers.Real;

/// <summary>V8 code caches in the user's cache directory ($XDG_CACHE_HOME/esrun or ~/.cache/esrun).</summary>
public sealed class FileCodeCache : ICodeCache
{
    private readonly string _directory;

    public FileCodeCache(string? directory = null)
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        _directory = directory ?? Path.Combine(string.IsNullOrEmpty(xdg) ? Path.Combine(home, ".cache") : xdg, "esrun");
    }

    public byte[]? Load(string key)
    {
        try { return File.ReadAllBytes(Path.Combine(_directory, key + ".bin")); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    public void Store(string key, byte[] data)
    {
        try
        {
            Directory.CreateDirectory(_directory);
            var target = Path.Combine(_directory, key + ".bin");
            var temp = target + "." + Environment.ProcessId + ".tmp";
            File.WriteAllBytes(temp, data);
            File.Move(temp, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs compile time.
        }
    }
}
