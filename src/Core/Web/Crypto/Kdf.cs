using System.Security.Cryptography;
using EsRuntime.Engine;

namespace EsRuntime.Web.Crypto;

/// <summary>HKDF (RFC 5869) and PBKDF2 (RFC 8018) from the platform; lengths come in whole bytes.</summary>
internal static class Kdf
{
    public static void Hkdf(int hash, ReadOnlySpan<byte> ikm, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info, Span<byte> output)
    {
        if (output.Length == 0) return;
        if (output.Length > 255 * Hashes.Size(hash)) throw new OpException("OperationError", "HKDF cannot derive that many bits with this hash");
        HKDF.DeriveKey(Hashes.Name(hash), ikm, output, salt, info);
    }

    public static void Pbkdf2(int hash, ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int iterations, Span<byte> output)
    {
        if (iterations <= 0) throw new OpException("OperationError", "PBKDF2 iterations must be greater than zero");
        if (output.Length == 0) throw new OpException("OperationError", "PBKDF2 length must be a non-zero multiple of 8");
        Rfc2898DeriveBytes.Pbkdf2(password, salt, output, iterations, Hashes.Name(hash));
    }
}
