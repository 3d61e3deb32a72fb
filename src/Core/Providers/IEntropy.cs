namespace EsRuntime.Providers;

/// <summary>Random bytes: Math.random's seed, crypto.getRandomValues, randomUUID, keys and IVs.</summary>
public interface IEntropy
{
    void Fill(Span<byte> destination);
}
