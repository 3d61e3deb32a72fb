namespace EsRuntime.Providers;

/// <summary>Random bytes: Math.random's seed, crypto.getRandomValues, randomUUID, keys and IVs.</summary>
public interface IEntropy
{
    /// <summary>Fills all of <paramref name="destination"/> with random bytes.</summary>
    void Fill(Span<byte> destination);
}
