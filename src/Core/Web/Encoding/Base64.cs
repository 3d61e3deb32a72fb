using System.Buffers;
using Base64Text = System.Buffers.Text.Base64;

namespace EsRuntime.Web.Encoding;

/// <summary>
/// btoa and atob (HTML "forgiving-base64"). Strings are Latin-1: each char is one byte. Errors are
/// <c>InvalidCharacterError</c> DOMExceptions.
/// </summary>
internal static class Base64
{
    private static readonly sbyte[] Values = BuildValues();

    /// <summary>The base64 of Latin-1 <paramref name="data"/>, in a char array rented from <see cref="ArrayPool{T}.Shared"/> for the caller to return.</summary>
    public static char[] Encode(ReadOnlySpan<char> data, out int length)
    {
        // The Latin-1 bytes, then base64 straight into chars (vectorized; the InPlace encoder is not).
        var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(1, data.Length));
        try
        {
            Latin1Bytes(data, bytes);
            var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, Base64Text.GetMaxEncodedToUtf8Length(data.Length)));
            Convert.TryToBase64Chars(bytes.AsSpan(0, data.Length), chars, out length);
            return chars;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>The Latin-1 bytes of <paramref name="data"/> written to <paramref name="output"/>: their count, or −1 when they do not fit.</summary>
    public static int Latin1Bytes(ReadOnlySpan<char> data, Span<byte> output)
    {
        if (data.IndexOfAnyExceptInRange('\0', '\u00FF') >= 0) throw NotLatin1();
        if (data.Length > output.Length) return -1;
        return System.Text.Encoding.Latin1.GetBytes(data, output);
    }

    private static Engine.OpException NotLatin1() =>
        new("InvalidCharacterError", "The string to be encoded contains characters outside of the Latin1 range.");

    /// <summary>The Latin-1 string forgiving-base64 <paramref name="data"/> decodes to, as <see cref="Encode"/> returns it.</summary>
    public static char[] Decode(ReadOnlySpan<char> data, out int length)
    {
        var rented = ArrayPool<byte>.Shared.Rent(data.Length + 3);
        try
        {
            length = DecodeFast(data, rented);
            if (length < 0) length = DecodeInto(data, rented);
            if (length < 0) throw new Engine.OpException("InvalidCharacterError", "The string to be decoded is not correctly encoded.");
            return Latin1Chars(rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The Latin-1 string of <paramref name="bytes"/>, in a char array rented as <see cref="Encode"/> returns it.</summary>
    public static char[] Latin1Chars(ReadOnlySpan<byte> bytes)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, bytes.Length));
        System.Text.Encoding.Latin1.GetChars(bytes, chars);
        return chars;
    }

    /// <summary>
    /// Strict, vectorized decode for the common case (padded). Whatever it accepts, forgiving-base64
    /// accepts with the same bytes; anything else (−1) goes through <see cref="DecodeInto"/>, which decides.
    /// </summary>
    private static int DecodeFast(ReadOnlySpan<char> data, byte[] output) =>
        // Convert's decoder is strict (padding required) but skips only ASCII whitespace, so what it
        // accepts, forgiving-base64 accepts with the same bytes.
        Convert.TryFromBase64Chars(data, output, out var written) ? written : -1;

    /// <summary>Forgiving-base64 decode; the byte count, or −1 on failure.</summary>
    private static int DecodeInto(ReadOnlySpan<char> data, Span<byte> output)
    {
        // Count the significant chars (ASCII whitespace is skipped anywhere) and find where '=' padding starts.
        var count = 0;
        var padding = 0;
        foreach (var c in data)
        {
            if (c is '\t' or '\n' or '\f' or '\r' or ' ') continue;
            if (c == '=')
            {
                padding++;
                continue;
            }
            if (padding > 0 || c >= 128 || Values[c] < 0) return -1; // a data char after '=' or outside the alphabet
            count++;
        }
        // '=' is allowed only as one or two final chars making the total length a multiple of 4.
        if (padding > 0 && (padding > 2 || (count + padding) % 4 != 0)) return -1;
        if (count % 4 == 1) return -1;

        int buffer = 0, bits = 0, n = 0;
        foreach (var c in data)
        {
            if (c >= 128) continue;
            var v = Values[c];
            if (v < 0) continue;
            buffer = (buffer << 6) | (byte)v;
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                output[n++] = (byte)(buffer >> bits);
            }
        }
        return n;
    }

    private static sbyte[] BuildValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (var i = 0; i < alphabet.Length; i++) values[alphabet[i]] = (sbyte)i;
        return values;
    }
}
