using System.Runtime.InteropServices;
using EsRuntime.Engine;

namespace EsRuntime.Web.Crypto;

/// <summary>
/// Ed25519, Ed448, X25519 and X448 on the libcrypto .NET already loads (OpenSSL 3), which .NET itself
/// does not expose. Every call builds a short-lived EVP_PKEY from the raw key bytes the key holds
/// and frees it before returning, so no native handle outlives an op. None of these operations draws
/// randomness: key generation feeds OpenSSL a private key drawn from the entropy provider (see
/// <see cref="Okp.Generate"/>), EdDSA signing is deterministic (RFC 8032) and X25519/X448 are functions
/// of their inputs.
/// </summary>
internal static unsafe class OpenSslOkp
{
    private const string Lib = "libcrypto.so.3";

    /// <summary>The public key of a private key (the RFC 7748/8032 derivation, done by OpenSSL).</summary>
    public static byte[] PublicOf(OkpCurve curve, ReadOnlySpan<byte> privateKey)
    {
        var pkey = Private(curve, privateKey);
        try
        {
            var output = new byte[curve.KeySize];
            var length = (nuint)output.Length;
            fixed (byte* p = output)
                if (EVP_PKEY_get_raw_public_key(pkey, p, &length) <= 0 || (int)length != output.Length)
                    throw new OpException("DataError", $"invalid {curve.Name} private key");
            return output;
        }
        finally { EVP_PKEY_free(pkey); }
    }

    public static int Sign(OkpCurve curve, ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> data, Span<byte> output)
    {
        var pkey = Private(curve, privateKey);
        var md = EVP_MD_CTX_new();
        try
        {
            if (md == 0 || EVP_DigestSignInit(md, null, 0, 0, pkey) <= 0) throw new OpException("OperationError", $"{curve.Name} signing failed");
            fixed (byte* tbs = data)
            fixed (byte* sig = output)
            {
                var length = (nuint)output.Length;
                // A zero-length span may give a null pointer, which OpenSSL reads as "no buffer".
                byte one = 0;
                var input = data.Length == 0 ? &one : tbs;
                if (EVP_DigestSign(md, sig, &length, input, (nuint)data.Length) <= 0) throw new OpException("OperationError", $"{curve.Name} signing failed");
                return (int)length;
            }
        }
        finally
        {
            if (md != 0) EVP_MD_CTX_free(md);
            EVP_PKEY_free(pkey);
        }
    }

    public static bool Verify(OkpCurve curve, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> data)
    {
        if (signature.Length != curve.SignatureSize) return false;
        var pkey = Public(curve, publicKey);
        var md = EVP_MD_CTX_new();
        try
        {
            if (md == 0 || EVP_DigestVerifyInit(md, null, 0, 0, pkey) <= 0) return false;
            byte one = 0;
            fixed (byte* tbs = data)
            fixed (byte* sig = signature)
                return EVP_DigestVerify(md, sig, (nuint)signature.Length, data.Length == 0 ? &one : tbs, (nuint)data.Length) == 1;
        }
        finally
        {
            if (md != 0) EVP_MD_CTX_free(md);
            EVP_PKEY_free(pkey);
            ERR_clear_error();
        }
    }

    /// <summary>X25519/X448: the shared secret; an all-zero one (a small-order peer) is an OperationError.</summary>
    public static byte[] Derive(OkpCurve curve, ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> peerPublic)
    {
        var mine = Private(curve, privateKey);
        nint peer = 0, ctx = 0;
        try
        {
            peer = Public(curve, peerPublic);
            ctx = EVP_PKEY_CTX_new(mine, 0);
            var secret = new byte[curve.KeySize];
            var length = (nuint)secret.Length;
            fixed (byte* s = secret)
            {
                if (ctx == 0 || EVP_PKEY_derive_init(ctx) <= 0 || EVP_PKEY_derive_set_peer(ctx, peer) <= 0 || EVP_PKEY_derive(ctx, s, &length) <= 0)
                    throw new OpException("OperationError", $"{curve.Name} key agreement failed (a small-order public key?)");
            }
            if (secret.AsSpan().IndexOfAnyExcept((byte)0) < 0) throw new OpException("OperationError", $"{curve.Name} gave an all-zero secret");
            return secret;
        }
        finally
        {
            if (ctx != 0) EVP_PKEY_CTX_free(ctx);
            if (peer != 0) EVP_PKEY_free(peer);
            EVP_PKEY_free(mine);
            ERR_clear_error();
        }
    }

    private static nint Private(OkpCurve curve, ReadOnlySpan<byte> key)
    {
        nint pkey;
        try
        {
            fixed (byte* p = key) pkey = EVP_PKEY_new_raw_private_key(curve.Nid, 0, p, (nuint)key.Length);
        }
        catch (DllNotFoundException) { throw new OpException("NotSupportedError", $"{curve.Name} needs libcrypto.so.3"); }
        catch (EntryPointNotFoundException) { throw new OpException("NotSupportedError", $"{curve.Name} needs OpenSSL 3"); }
        if (pkey == 0)
        {
            ERR_clear_error();
            throw new OpException("DataError", $"invalid {curve.Name} private key");
        }
        return pkey;
    }

    private static nint Public(OkpCurve curve, ReadOnlySpan<byte> key)
    {
        nint pkey;
        try
        {
            fixed (byte* p = key) pkey = EVP_PKEY_new_raw_public_key(curve.Nid, 0, p, (nuint)key.Length);
        }
        catch (DllNotFoundException) { throw new OpException("NotSupportedError", $"{curve.Name} needs libcrypto.so.3"); }
        catch (EntryPointNotFoundException) { throw new OpException("NotSupportedError", $"{curve.Name} needs OpenSSL 3"); }
        if (pkey == 0)
        {
            ERR_clear_error();
            throw new OpException("DataError", $"invalid {curve.Name} public key");
        }
        return pkey;
    }

    [DllImport(Lib, ExactSpelling = true)] private static extern nint EVP_PKEY_new_raw_private_key(int type, nint engine, byte* key, nuint length);
    [DllImport(Lib, ExactSpelling = true)] private static extern nint EVP_PKEY_new_raw_public_key(int type, nint engine, byte* key, nuint length);
    [DllImport(Lib, ExactSpelling = true)] private static extern int EVP_PKEY_get_raw_public_key(nint pkey, byte* key, nuint* length);
    [DllImport(Lib, ExactSpelling = true)] private static extern void EVP_PKEY_free(nint pkey);
    [DllImport(Lib, ExactSpelling = true)] private static extern nint EVP_MD_CTX_new();
    [DllImport(Lib, ExactSpelling = true)] private static extern void EVP_MD_CTX_free(nint ctx);
    [DllImport(Lib, ExactSpelling = true)] private static extern int EVP_DigestSignInit(nint ctx, nint* pctx, nint md, nint engine, nint pkey);
    [DllImport(Lib, ExactSpelling = true)] private static extern int EVP_DigestSign(nint ctx, byte* signature, nuint* signatureLength, byte* data, nuint dataLength);
    [DllImport(Lib, ExactSpelling = true)] private static extern int EVP_DigestVerifyInit(nint ctx, nint* pctx, nint md, nint engine, nint pkey);
    [DllImport(Lib, ExactSpelling = true)] private static extern int EVP_DigestVerify(nint ctx, byte* signature, nuint signatureLength, byte* data, nuint dataLength);
    [DllImport(Lib, ExactSpelling = true)] private static extern nint EVP_PKEY_CTX_new(nint pkey, nint engine);
    [DllImport(Lib, ExactSpelling = true)] private static extern void EVP_PKEY_CTX_free(nint ctx);
    [DllImport(Lib, ExactSpelling = true)] private static extern int EVP_PKEY_derive_init(nint ctx);
    [DllImport(Lib, ExactSpelling = true)] private static extern int EVP_PKEY_derive_set_peer(nint ctx, nint peer);
    [DllImport(Lib, ExactSpelling = true)] private static extern int EVP_PKEY_derive(nint ctx, byte* key, nuint* length);
    [DllImport(Lib, ExactSpelling = true)] private static extern void ERR_clear_error();
}
