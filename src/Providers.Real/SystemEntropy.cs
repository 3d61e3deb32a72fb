using System.Security.Cryptography;
using EsRuntime.Providers;

namespace EsRuntime.Providers.Real;

/// <summary>Cryptographically secure random bytes from the OS.</summary>
public sealed class SystemEntropy : IEntropy
{
    public void Fill(Span<byte> destination) => RandomNumberGenerator.Fill(destination);
}
