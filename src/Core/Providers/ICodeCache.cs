namespace EsRuntime.Providers;

/// <summary>
/// Storage for V8 code caches of the embedded prelude. Purely a start-up speed-up: a script cannot
/// observe it, so it is not recorded.
/// </summary>
public interface ICodeCache
{
    /// <summary>The cache stored under <paramref name="key"/>, or null if there is none.</summary>
    byte[]? Load(string key);

    /// <summary>Keeps <paramref name="data"/> under <paramref name="key"/>; failing to is not an error.</summary>
    void Store(string key, byte[] data);
}

/// <summary>No cache: always compile.</summary>
public sealed class NoCodeCache : ICodeCache
{
    /// <summary>The one instance.</summary>
    public static readonly NoCodeCache Instance = new();

    /// <summary>Always null: nothing is cached.</summary>
    public byte[]? Load(string key) => null;

    /// <summary>Does nothing.</summary>
    public void Store(string key, byte[] data) { }
}
