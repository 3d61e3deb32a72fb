using System.Security.Cryptography;
using EsRuntime.Engine;

namespace EsRuntime.Web.Crypto;

/// <summary>
/// AES-GCM as WebCrypto allows it: any IV length above zero and tags of 32..128 bits. The common case
/// (96-bit IV, tag of 96 bits or more) is the platform's <see cref="AesGcm"/>. The rest is built from
/// the same primitive without writing GHASH by hand: with a fixed nonce N, AesGcm's tag over
/// (aad A, ciphertext C) is GHASH(A, C) ^ E(J0_N), and its tag over empty input is E(J0_N) alone,
/// so GHASH(A, C) = tag(A, C) ^ tag(empty). Any ciphertext C can be had from AesGcm by encrypting
/// C ^ keystream(N). That gives J0 for any IV (J0 = GHASH(empty, IV)) and the tag for any J0; the
/// payload is CTR with a 32-bit counter from inc32(J0).
/// </summary>
internal static class AesGcmMode
{
    public static int Encrypt(SecretKey key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> plain, int tagBytes, Span<byte> output)
    {
        Check(iv, tagBytes);
        var cipher = output[..plain.Length];
        Span<byte> tag = stackalloc byte[16];
        if (iv.Length == 12)
        {
            key.Gcm.Encrypt(iv, plain, cipher, tag, aad);
        }
        else
        {
            Span<byte> j0 = stackalloc byte[16];
            General.J0(key, iv, j0);
            AesModes.Ctr(key, General.Inc32(j0), 32, plain, cipher);
            General.Tag(key, j0, aad, cipher, tag);
        }
        // A shorter GCM tag is the leading bytes of the full one (SP 800-38D §7.1 step 6).
        tag[..tagBytes].CopyTo(output[plain.Length..]);
        return plain.Length + tagBytes;
    }

    public static int Decrypt(SecretKey key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> data, int tagBytes, Span<byte> output)
    {
        Check(iv, tagBytes);
        if (data.Length < tagBytes) throw new OpException("OperationError", "AES-GCM data is shorter than the tag");
        var cipher = data[..^tagBytes];
        var tag = data[^tagBytes..];
        var plain = output[..cipher.Length];
        if (iv.Length == 12 && tagBytes >= 12)
        {
            try
            {
                if (tagBytes == 16) key.Gcm.Decrypt(iv, cipher, tag, plain, aad);
                else
                {
                    using var gcm = new AesGcm(key.Bytes, tagBytes);
                    gcm.Decrypt(iv, cipher, tag, plain, aad);
                }
            }
            catch (CryptographicException) { throw Failed(); }
            return cipher.Length;
        }
        Span<byte> j0 = stackalloc byte[16];
        Span<byte> expected = stackalloc byte[16];
        if (iv.Length == 12) General.J0From96(iv, j0);
        else General.J0(key, iv, j0);
        General.Tag(key, j0, aad, cipher, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected[..tagBytes], tag)) throw Failed();
        AesModes.Ctr(key, General.Inc32(j0), 32, cipher, plain);
        return cipher.Length;
    }

    private static void Check(ReadOnlySpan<byte> iv, int tagBytes)
    {
        if (iv.Length == 0) throw new OpException("OperationError", "AES-GCM iv must not be empty");
        if (tagBytes is not (4 or 8 or 12 or 13 or 14 or 15 or 16)) throw new OpException("OperationError", "AES-GCM tagLength must be 32, 64, 96, 104, 112, 120 or 128");
    }

    private static OpException Failed() => new("OperationError", "AES-GCM decryption failed (authentication tag mismatch)");

    /// <summary>The non-96-bit-IV / short-tag path (see the class comment).</summary>
    private static class General
    {
        private static readonly byte[] Nonce = new byte[12];

        public static void J0From96(ReadOnlySpan<byte> iv, Span<byte> j0)
        {
            iv.CopyTo(j0);
            j0[12] = 0; j0[13] = 0; j0[14] = 0; j0[15] = 1;
        }

        public static void J0(SecretKey key, ReadOnlySpan<byte> iv, Span<byte> j0)
        {
            if (iv.Length == 12) { J0From96(iv, j0); return; }
            // J0 = GHASH(IV || 0^s || 0^64 || [len(IV)]64): exactly GHASH over an empty aad and C = IV.
            Ghash(key, [], iv, j0);
        }

        public static byte[] Inc32(ReadOnlySpan<byte> j0)
        {
            var counter = j0.ToArray();
            for (var i = 15; i >= 12; i--)
                if (++counter[i] != 0) break;
            return counter;
        }

        /// <summary>The full tag for counter block J0: GHASH(A, C) ^ E(J0).</summary>
        public static void Tag(SecretKey key, ReadOnlySpan<byte> j0, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> cipher, Span<byte> tag)
        {
            Ghash(key, aad, cipher, tag);
            Span<byte> ej0 = stackalloc byte[16];
            key.Aes.EncryptEcb(j0, ej0, PaddingMode.None);
            for (var i = 0; i < 16; i++) tag[i] ^= ej0[i];
        }

        /// <summary>GHASH_H(A || pad || C || pad || [len A]64 || [len C]64) through the platform GCM.</summary>
        private static void Ghash(SecretKey key, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> cipher, Span<byte> result)
        {
            var gcm = key.Gcm;
            var stream = new byte[cipher.Length];
            var plain = new byte[cipher.Length];
            Span<byte> tag = stackalloc byte[16];
            Span<byte> empty = stackalloc byte[16];
            // keystream(N): the encryption of zeros.
            gcm.Encrypt(Nonce, plain, stream, tag);
            for (var i = 0; i < plain.Length; i++) plain[i] = (byte)(cipher[i] ^ stream[i]);
            gcm.Encrypt(Nonce, plain, stream, tag, aad);
            gcm.Encrypt(Nonce, [], [], empty);
            for (var i = 0; i < 16; i++) result[i] = (byte)(tag[i] ^ empty[i]);
        }
    }
}
