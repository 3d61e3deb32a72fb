using System.Collections.Concurrent;
using EsRuntime.Providers;

namespace EsRuntime.Providers.Sim;

/// <summary>
/// The prelude's V8 code cache kept in memory for the process, shared by every host of every seed a
/// fuzzing campaign or a test runs: each runtime after the first starts without compiling the prelude.
/// </summary>
public sealed class MemoryCodeCache : ICodeCache
{
    public static readonly MemoryCodeCache Shared = new();

    private readonly ConcurrentDictionary<string, byte[]> _entries = new();

    public byte[]? Load(string key) => _entries.GetValueOrDefault(key);

    public void Store(string key, byte[] data) => _entries[key] = data;
}
