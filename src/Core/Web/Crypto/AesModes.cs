using System.Buffers.Binary;
using System.Security.Cryptography;
using EsRuntime.Engine;

namespace EsRuntime.Web.Crypto;

/// <summary>
/// AES-CBC, AES-CTR, AES-KW and AES-GCM. CBC and 96-bit-IV GCM are the platform's modes; CTR (with
/// WebCrypto's counter width), KW (RFC 3394) and GCM with other IV or tag sizes are modes built here
/// over the platform's AES block operation — no cipher is written by hand.
/// </summary>
internal static class AesModes
{
    public static int Cbc(SecretKey key, bool encrypt, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> data, Span<byte> output)
    {
        if (iv.Length != 16) throw new OpException("OperationError", "AES-CBC iv must be 16 bytes");
        if (encrypt) return key.Aes.EncryptCbc(data, iv, output, PaddingMode.PKCS7);
        if (data.Length == 0 || data.Length % 16 != 0) throw new OpException("OperationError", "AES-CBC ciphertext length must be a non-zero multiple of 16");
        try { return key.Aes.DecryptCbc(data, iv, output, PaddingMode.PKCS7); }
        catch (CryptographicException) { throw new OpException("OperationError", "AES-CBC decryption failed (bad padding)"); }
    }

    /// <summary>
    /// SP 800-38A CTR with the rightmost <paramref name="bits"/> of the counter block incrementing modulo
    /// 2^bits; asking for more blocks than the counter has values would repeat keystream, so it fails.
    /// </summary>
    public static void Ctr(SecretKey key, ReadOnlySpan<byte> counter, int bits, ReadOnlySpan<byte> data, Span<byte> output)
    {
        if (counter.Length != 16) throw new OpException("OperationError", "AES-CTR counter must be 16 bytes");
        if (bits is < 1 or > 128) throw new OpException("OperationError", "AES-CTR length must be between 1 and 128");
        var blocks = ((long)data.Length + 15) / 16;
        if (bits < 63 && blocks > 1L << bits) throw new OpException("OperationError", "AES-CTR counter would wrap and repeat");

        var start = BinaryPrimitives.ReadUInt128BigEndian(counter);
        var mask = bits == 128 ? UInt128.MaxValue : (UInt128.One << bits) - 1;
        var fixedPart = start & ~mask;
        var low = start & mask;

        const int ChunkBlocks = 256;
        Span<byte> counters = stackalloc byte[ChunkBlocks * 16];
        Span<byte> stream = stackalloc byte[ChunkBlocks * 16];
        for (var offset = 0; offset < data.Length; offset += ChunkBlocks * 16)
        {
            var length = Math.Min(ChunkBlocks * 16, data.Length - offset);
            var n = (length + 15) / 16;
            for (var i = 0; i < n; i++)
            {
                BinaryPrimitives.WriteUInt128BigEndian(counters.Slice(i * 16, 16), fixedPart | low);
                low = (low + 1) & mask;
            }
            key.Aes.EncryptEcb(counters[..(n * 16)], stream, PaddingMode.None);
            var chunk = data.Slice(offset, length);
            var target = output.Slice(offset, length);
            for (var i = 0; i < length; i++) target[i] = (byte)(chunk[i] ^ stream[i]);
        }
    }

    private static readonly byte[] KwIv = [0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6];

    /// <summary>RFC 3394 key wrap (the index-based form of §2.2.1).</summary>
    public static int Wrap(SecretKey key, ReadOnlySpan<byte> plain, Span<byte> output)
    {
        if (plain.Length < 16 || plain.Length % 8 != 0) throw new OpException("OperationError", "AES-KW data must be a multiple of 8 bytes, at least 16");
        var n = plain.Length / 8;
        var a = BinaryPrimitives.ReadUInt64BigEndian(KwIv);
        var r = output.Slice(8, plain.Length);
        plain.CopyTo(r);
        Span<byte> block = stackalloc byte[16];
        for (var j = 0; j < 6; j++)
        {
            for (var i = 0; i < n; i++)
            {
                BinaryPrimitives.WriteUInt64BigEndian(block, a);
                r.Slice(i * 8, 8).CopyTo(block[8..]);
                key.Aes.EncryptEcb(block, block, PaddingMode.None);
                a = BinaryPrimitives.ReadUInt64BigEndian(block) ^ (ulong)(n * j + i + 1);
                block[8..].CopyTo(r.Slice(i * 8, 8));
            }
        }
        BinaryPrimitives.WriteUInt64BigEndian(output, a);
        return plain.Length + 8;
    }

    public static int Unwrap(SecretKey key, ReadOnlySpan<byte> wrapped, Span<byte> output)
    {
        if (wrapped.Length < 24 || wrapped.Length % 8 != 0) throw new OpException("OperationError", "AES-KW wrapped data must be a multiple of 8 bytes, at least 24");
        var n = wrapped.Length / 8 - 1;
        var a = BinaryPrimitives.ReadUInt64BigEndian(wrapped);
        var r = output[..(n * 8)];
        wrapped[8..].CopyTo(r);
        Span<byte> block = stackalloc byte[16];
        for (var j = 5; j >= 0; j--)
        {
            for (var i = n - 1; i >= 0; i--)
            {
                BinaryPrimitives.WriteUInt64BigEndian(block, a ^ (ulong)(n * j + i + 1));
                r.Slice(i * 8, 8).CopyTo(block[8..]);
                key.Aes.DecryptEcb(block, block, PaddingMode.None);
                a = BinaryPrimitives.ReadUInt64BigEndian(block);
                block[8..].CopyTo(r.Slice(i * 8, 8));
            }
        }
        Span<byte> check = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(check, a);
        if (!CryptographicOperations.FixedTimeEquals(check, KwIv))
        {
            CryptographicOperations.ZeroMemory(r);
            throw new OpException("OperationError", "AES-KW integrity check failed");
        }
        return n * 8;
    }
}
