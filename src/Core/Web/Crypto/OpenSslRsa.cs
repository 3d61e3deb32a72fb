using System.Runtime.InteropServices;
using System.Security.Cryptography;
using EsRuntime.Engine;

namespace EsRuntime.Web.Crypto;

/// <summary>
/// The RSA knobs WebCrypto has and .NET does not expose: an OAEP label, a PSS salt length other than
/// the hash length, and a public exponent other than 65537 at generation. .NET on Linux runs RSA on
/// OpenSSL 3; this calls the same library's EVP interface (on a duplicate of the key's EVP_PKEY, or
/// its keygen). Elsewhere (or without libcrypto.so.3) these cases are NotSupportedError.
/// </summary>
internal static unsafe class OpenSslRsa
{
    private const string Lib = "libcrypto.so.3";
    private const int OaepPadding = 4;  // RSA_PKCS1_OAEP_PADDING
    private const int PssPadding = 6;   // RSA_PKCS1_PSS_PADDING

    public static int OaepWithLabel(RsaKey key, bool encrypt, int hash, ReadOnlySpan<byte> label, ReadOnlySpan<byte> data, Span<byte> output)
    {
        using var context = Open(key);
        var ctx = context.Ctx;
        try
        {
            Check(encrypt ? EVP_PKEY_encrypt_init(ctx) : EVP_PKEY_decrypt_init(ctx));
            Check(EVP_PKEY_CTX_set_rsa_padding(ctx, OaepPadding));
            var md = Md(hash);
            Check(EVP_PKEY_CTX_set_rsa_oaep_md(ctx, md));
            Check(EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, md));
            // set0 takes ownership of the label, so it must come from OpenSSL's allocator.
            var copy = CRYPTO_malloc((nuint)label.Length, null, 0);
            if (copy == null) throw new CryptographicException();
            label.CopyTo(new Span<byte>(copy, label.Length));
            if (EVP_PKEY_CTX_set0_rsa_oaep_label(ctx, copy, label.Length) <= 0)
            {
                CRYPTO_free(copy, null, 0);
                throw new CryptographicException();
            }
        }
        catch (CryptographicException) { throw new OpException("OperationError", "the RSA operation failed"); }
        fixed (byte* input = data)
        fixed (byte* result = output)
        {
            var length = (nuint)output.Length;
            var rc = encrypt ? EVP_PKEY_encrypt(ctx, result, &length, input, (nuint)data.Length) : EVP_PKEY_decrypt(ctx, result, &length, input, (nuint)data.Length);
            if (rc <= 0) throw new OpException("OperationError", encrypt ? "RSA-OAEP encryption failed (message too long?)" : "RSA-OAEP decryption failed");
            return (int)length;
        }
    }

    public static int SignPss(RsaKey key, int hash, int saltLength, ReadOnlySpan<byte> data, Span<byte> output)
    {
        Span<byte> digest = stackalloc byte[64];
        digest = digest[..Hashes.Digest(hash, data, digest)];
        using var context = Open(key);
        var ctx = context.Ctx;
        try
        {
            Check(EVP_PKEY_sign_init(ctx));
            SetPss(ctx, hash, saltLength);
        }
        catch (CryptographicException) { throw new OpException("OperationError", "the RSA operation failed"); }
        fixed (byte* tbs = digest)
        fixed (byte* sig = output)
        {
            var length = (nuint)output.Length;
            if (EVP_PKEY_sign(ctx, sig, &length, tbs, (nuint)digest.Length) <= 0)
                throw new OpException("OperationError", "RSA-PSS signing failed (salt too long for the key?)");
            return (int)length;
        }
    }

    public static bool VerifyPss(RsaKey key, int hash, int saltLength, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[64];
        digest = digest[..Hashes.Digest(hash, data, digest)];
        using var context = Open(key);
        var ctx = context.Ctx;
        try
        {
            Check(EVP_PKEY_verify_init(ctx));
            SetPss(ctx, hash, saltLength);
        }
        catch (CryptographicException) { return false; }
        fixed (byte* tbs = digest)
        fixed (byte* sig = signature)
            return EVP_PKEY_verify(ctx, sig, (nuint)signature.Length, tbs, (nuint)digest.Length) == 1;
    }

    /// <summary>An RSA key pair with any odd public exponent (OpenSSL draws the primes from its own RNG).</summary>
    public static RSA Generate(int bits, ReadOnlySpan<byte> exponent)
    {
        if (!OperatingSystem.IsLinux()) throw new OpException("NotSupportedError", "RSA exponents other than 65537 need OpenSSL (Linux)");
        nint ctx = 0, e = 0, pkey = 0;
        try
        {
            ctx = EVP_PKEY_CTX_new_id(6 /* EVP_PKEY_RSA */, 0);
            if (ctx == 0 || EVP_PKEY_keygen_init(ctx) <= 0 || EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, bits) <= 0) throw new CryptographicException();
            fixed (byte* bytes = exponent) e = BN_bin2bn(bytes, exponent.Length, 0);
            if (e == 0 || EVP_PKEY_CTX_set1_rsa_keygen_pubexp(ctx, e) <= 0 || EVP_PKEY_keygen(ctx, &pkey) <= 0 || pkey == 0)
                throw new OpException("OperationError", "RSA key generation failed (is the public exponent odd and greater than 1?)");
            using var handle = new SafeEvpPKeyHandle(pkey, ownsHandle: true);
            pkey = 0;
            return new RSAOpenSsl(handle);
        }
        catch (CryptographicException) { throw new OpException("OperationError", "RSA key generation failed"); }
        catch (DllNotFoundException) { throw new OpException("NotSupportedError", "RSA exponents other than 65537 need libcrypto.so.3"); }
        catch (EntryPointNotFoundException) { throw new OpException("NotSupportedError", "RSA exponents other than 65537 need OpenSSL 3"); }
        finally
        {
            if (pkey != 0) EVP_PKEY_free(pkey);
            if (e != 0) BN_free(e);
            if (ctx != 0) EVP_PKEY_CTX_free(ctx);
        }
    }

    private static void SetPss(nint ctx, int hash, int saltLength)
    {
        Check(EVP_PKEY_CTX_set_rsa_padding(ctx, PssPadding));
        var md = Md(hash);
        Check(EVP_PKEY_CTX_set_signature_md(ctx, md));
        Check(EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, md));
        Check(EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, saltLength));
    }

    /// <summary>An EVP_PKEY_CTX over a private copy of the key, freed on dispose.</summary>
    private sealed class Context(RSA rsa, SafeHandle handle, nint ctx) : IDisposable
    {
        public nint Ctx { get; } = ctx;
        public void Dispose()
        {
            EVP_PKEY_CTX_free(Ctx);
            handle.Dispose();
            rsa.Dispose();
        }
    }

    private static Context Open(RsaKey key)
    {
        if (!OperatingSystem.IsLinux()) throw new OpException("NotSupportedError", "this RSA option needs OpenSSL (Linux)");
        var openSsl = new RSAOpenSsl();
        SafeHandle? handle = null;
        try
        {
            openSsl.ImportParameters(key.Rsa.ExportParameters(key.IsPrivate));
            handle = openSsl.DuplicateKeyHandle();
            var ctx = EVP_PKEY_CTX_new(handle.DangerousGetHandle(), 0);
            if (ctx == 0) throw new CryptographicException();
            return new Context(openSsl, handle, ctx);
        }
        catch (Exception e)
        {
            handle?.Dispose();
            openSsl.Dispose();
            throw e switch
            {
                DllNotFoundException => new OpException("NotSupportedError", "this RSA option needs libcrypto.so.3"),
                EntryPointNotFoundException => new OpException("NotSupportedError", "this RSA option needs OpenSSL 3"),
                OpException op => op,
                _ => new OpException("OperationError", "the RSA operation failed"),
            };
        }
    }

    private static nint Md(int hash) => hash switch
    {
        1 => EVP_sha1(),
        256 => EVP_sha256(),
        384 => EVP_sha384(),
        512 => EVP_sha512(),
        _ => throw new OpException("NotSupportedError", "unsupported hash"),
    };

    private static void Check(int rc)
    {
        if (rc <= 0) throw new CryptographicException();
    }

    [DllImport(Lib, ExactSpelling = true)] private static extern nint EVP_PKEY_CTX_new(nint pkey, nint engine);
    [DllImport(Lib, ExactSpelling = true)] private static extern void EVP_PKEY_CTX_free(nint ctx);
    [DllImport(Lib, ExactSpelling = true)] private static extern nint EVP_PKEY_CTX_new_id(int id, nint engine);
    [DllImport(Lib, ExactSpelling = true)] private static extern int EVP_PKEY_keygen_init(nint ctx);
    [DllImport(Lib, ExactSpelling = true)] private static extern int EVP_PKEY_keygen(nint ctx, nint* pkey);
    [DllImport(Lib, ExactSpelling = true)] private static extern void EVP_PKEY_free(nint pkey);
    [DllImport(Lib, ExactSpelling = true)] private static extern int EVP_PKEY_CTX_set_rsa_keygen_bits(nint ctx, int bits);
    [DllImport(Lib, ExactSpelling = true)] private static extern int EVP_PKEY_CTX_set1_rsa_keygen_pubexp(nint ctx, nint exponent);
    [DllImport(Lib, ExactSpelling = true)] private static extern nint BN_bin2bn(byte* bytes, int length, nint result);
    [DllImport(Lib, ExactSpelling = true)] private static extern void BN_free(nint bn);
    [DllImport(Lib, ExactSpelling = true)] private static extern int EVP_PKEY_encrypt_init(nint ctx);
    [DllImport(Lib, ExactSpelling = true)] private static extern int EVP_PKEY_decrypt_init(nint ctx);
    [DllImport(Lib, ExactSpelling = true)] private static extern int EVP_PKEY_sign_init(nint ctx);
    [DllImport(Lib, ExactSpelling = true)] private static extern int EVP_PKEY_verify_init(nint ctx);
    [DllImport(Lib, ExactSpelling = true)] private static extern int EVP_PKEY_CTX_set_rsa_padding(nint ctx, int padding);
    [DllImport(Lib, ExactSpelling = true)] private static extern int EVP_PKEY_CTX_set_rsa_oaep_md(nint ctx, nint md);
    [DllImport(Lib, ExactSpelling = true)] private static extern int EVP_PKEY_CTX_set_rsa_mgf1_md(nint ctx, nint md);
    [DllImport(Lib, ExactSpelling = true)] private static extern int EVP_PKEY_CTX_set0_rsa_oaep_label(nint ctx, void* label, int length);
    [DllImport(Lib, ExactSpelling = true)] private static extern int EVP_PKEY_CTX_set_signature_md(nint ctx, nint md);
    [DllImport(Lib, ExactSpelling = true)] private static extern int EVP_PKEY_CTX_set_rsa_pss_saltlen(nint ctx, int length);
    [DllImport(Lib, ExactSpelling = true)] private static extern int EVP_PKEY_encrypt(nint ctx, byte* output, nuint* outputLength, byte* input, nuint inputLength);
    [DllImport(Lib, ExactSpelling = true)] private static extern int EVP_PKEY_decrypt(nint ctx, byte* output, nuint* outputLength, byte* input, nuint inputLength);
    [DllImport(Lib, ExactSpelling = true)] private static extern int EVP_PKEY_sign(nint ctx, byte* signature, nuint* signatureLength, byte* digest, nuint digestLength);
    [DllImport(Lib, ExactSpelling = true)] private static extern int EVP_PKEY_verify(nint ctx, byte* signature, nuint signatureLength, byte* digest, nuint digestLength);
    [DllImport(Lib, ExactSpelling = true)] private static extern nint EVP_sha1();
    [DllImport(Lib, ExactSpelling = true)] private static extern nint EVP_sha256();
    [DllImport(Lib, ExactSpelling = true)] private static extern nint EVP_sha384();
    [DllImport(Lib, ExactSpelling = true)] private static extern nint EVP_sha512();
    [DllImport(Lib, ExactSpelling = true)] private static extern void* CRYPTO_malloc(nuint size, byte* file, int line);
    [DllImport(Lib, ExactSpelling = true)] private static extern void CRYPTO_free(void* pointer, byte* file, int line);
}
