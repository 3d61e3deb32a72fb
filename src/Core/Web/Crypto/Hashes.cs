using System.Security.Cryptography;
using EsRuntime.Engine;

namespace EsRuntime.Web.Crypto;

/// <summary>The SHA family as WebCrypto names it; JS passes 1, 256, 384 or 512.</summary>
internal static class Hashes
{
    public static HashAlgorithmName Name(int code) => code switch
    {
        1 => HashAlgorithmName.SHA1,
        256 => HashAlgorithmName.SHA256,
        384 => HashAlgorithmName.SHA384,
        512 => HashAlgorithmName.SHA512,
        _ => throw new OpException("NotSupportedError", "unsupported hash"),
    };

    public static int Size(int code) => code switch
    {
        1 => 20,
        256 => 32,
        384 => 48,
        512 => 64,
        _ => throw new OpException("NotSupportedError", "unsupported hash"),
    };

    public static int Digest(int code, ReadOnlySpan<byte> data, Span<byte> destination) => code switch
    {
        1 => SHA1.HashData(data, destination),
        256 => SHA256.HashData(data, destination),
        384 => SHA384.HashData(data, destination),
        512 => SHA512.HashData(data, destination),
        _ => throw new OpException("NotSupportedError", "unsupported hash"),
    };

    public static int Hmac(int code, ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> destination) => code switch
    {
        1 => HMACSHA1.HashData(key, data, destination),
        256 => HMACSHA256.HashData(key, data, destination),
        384 => HMACSHA384.HashData(key, data, destination),
        512 => HMACSHA512.HashData(key, data, destination),
        _ => throw new OpException("NotSupportedError", "unsupported hash"),
    };
}
