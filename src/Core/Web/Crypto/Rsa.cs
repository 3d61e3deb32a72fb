using System.Security.Cryptography;
using EsRuntime.Engine;

namespace EsRuntime.Web.Crypto;

/// <summary>RSASSA-PKCS1-v1_5, RSA-PSS and RSA-OAEP keys and operations on the platform's RSA.</summary>
internal static class Rsa
{
    /// <summary>
    /// Both generators draw their primes from OS randomness, not the entropy provider (a determinism
    /// gap: seeded and replayed runs get different RSA keys). .NET's own generator only makes e = 65537;
    /// other exponents go to OpenSSL's keygen directly.
    /// </summary>
    public static RsaKey Generate(int modulusBits, ReadOnlySpan<byte> exponent)
    {
        if (modulusBits < 512 || modulusBits > 16384 || modulusBits % 8 != 0)
            throw new OpException("OperationError", "RSA modulusLength must be a multiple of 8 between 512 and 16384");
        var e = exponent.TrimStart((byte)0);
        if (e.Length == 0 || e.Length > 8 || (e[^1] & 1) == 0 || (e.Length == 1 && e[0] == 1))
            throw new OpException("OperationError", "the RSA public exponent must be odd and greater than 1");
        if (e.SequenceEqual(stackalloc byte[] { 1, 0, 1 })) return new RsaKey(RSA.Create(modulusBits), isPrivate: true);
        return new RsaKey(OpenSslRsa.Generate(modulusBits, e), isPrivate: true);
    }

    public static RsaKey PublicOf(RsaKey key)
    {
        var rsa = RSA.Create();
        rsa.ImportParameters(key.Rsa.ExportParameters(false));
        return new RsaKey(rsa, isPrivate: false);
    }

    public static RsaKey ImportDer(ReadOnlySpan<byte> der, bool isPrivate)
    {
        var rsa = RSA.Create();
        try
        {
            int read;
            if (isPrivate) rsa.ImportPkcs8PrivateKey(der, out read);
            else rsa.ImportSubjectPublicKeyInfo(der, out read);
            if (read != der.Length) throw new OpException("DataError", "trailing bytes after the key");
            return new RsaKey(rsa, isPrivate);
        }
        catch (CryptographicException e)
        {
            rsa.Dispose();
            throw new OpException("DataError", "invalid RSA key data: " + e.Message);
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    public static RsaKey FromParameters(RSAParameters parameters, bool isPrivate)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportParameters(parameters);
            return new RsaKey(rsa, isPrivate);
        }
        catch (CryptographicException e)
        {
            rsa.Dispose();
            throw new OpException("DataError", "invalid RSA key: " + e.Message);
        }
    }

    /// <summary>The modulus length in bits (not bytes: a JWK modulus need not fill its top byte).</summary>
    public static int ModulusBits(RsaKey key)
    {
        var n = key.Rsa.ExportParameters(false).Modulus!.AsSpan().TrimStart((byte)0);
        return n.Length == 0 ? 0 : (n.Length - 1) * 8 + 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)n[0]);
    }

    public static byte[] Exponent(RsaKey key) => key.Rsa.ExportParameters(false).Exponent!.AsSpan().TrimStart((byte)0).ToArray();

    public static int Sign(RsaKey key, bool pss, int hash, int saltLength, ReadOnlySpan<byte> data, Span<byte> output)
    {
        if (!key.IsPrivate) throw new OpException("InvalidAccessError", "signing needs a private key");
        if (pss && saltLength != Hashes.Size(hash)) return OpenSslRsa.SignPss(key, hash, saltLength, data, output);
        if (!key.Rsa.TrySignData(data, output, Hashes.Name(hash), pss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1, out var written))
            throw new OpException("OperationError", "RSA signing failed");
        return written;
    }

    public static bool Verify(RsaKey key, bool pss, int hash, int saltLength, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> data)
    {
        if (key.IsPrivate) throw new OpException("InvalidAccessError", "verifying needs a public key");
        if (pss && saltLength != Hashes.Size(hash)) return OpenSslRsa.VerifyPss(key, hash, saltLength, signature, data);
        try { return key.Rsa.VerifyData(data, signature, Hashes.Name(hash), pss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1); }
        catch (CryptographicException) { return false; }
    }

    public static int Oaep(RsaKey key, bool encrypt, int hash, ReadOnlySpan<byte> label, ReadOnlySpan<byte> data, Span<byte> output)
    {
        if (encrypt == key.IsPrivate) throw new OpException("InvalidAccessError", encrypt ? "encrypting needs a public key" : "decrypting needs a private key");
        if (label.Length > 0) return OpenSslRsa.OaepWithLabel(key, encrypt, hash, label, data, output);
        var padding = RSAEncryptionPadding.CreateOaep(Hashes.Name(hash));
        try
        {
            int written;
            var ok = encrypt ? key.Rsa.TryEncrypt(data, output, padding, out written) : key.Rsa.TryDecrypt(data, output, padding, out written);
            if (!ok) throw new OpException("OperationError", "RSA-OAEP output does not fit");
            return written;
        }
        catch (CryptographicException)
        {
            throw new OpException("OperationError", encrypt ? "RSA-OAEP encryption failed (message too long?)" : "RSA-OAEP decryption failed");
        }
    }
}
