namespace EsRuntime.Providers;

/// <summary>
/// Storage for V8 code caches of the embedded prelude. Purely a start-up speed-up: a script cannot
/// observe it, so it is not recorded.
/// </summary>
public interface ICodeCache
{
    byte[]? Load(string key);
    void Store(string key, byte[] data);
}

/// <summary>No cache: always compile.</summary>
public sealed class NoCodeCache : ICodeCache
{
    public static readonly NoCodeCache Instance = new();
    public byte[]? Load(string key) => null;
    public void Store(string key, byte[] data) { }
}
