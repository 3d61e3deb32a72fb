using EsRuntime.Engine;

namespace EsRuntime.Web.Crypto;

/// <summary>Unpadded base64url for JWK members (RFC 7515 §2); anything else is a DataError.</summary>
internal static class Base64Url
{
    public static string Encode(ReadOnlySpan<byte> bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    public static byte[] Decode(string text, string member)
    {
        foreach (var c in text)
        {
            if (!(c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_'))
                throw new OpException("DataError", $"JWK member \"{member}\" is not base64url");
        }
        if (text.Length % 4 == 1) throw new OpException("DataError", $"JWK member \"{member}\" is not base64url");
        // Non-zero bits after the last whole byte are malformed input too, not a platform failure.
        try { return System.Buffers.Text.Base64Url.DecodeFromChars(text); }
        catch (FormatException) { throw new OpException("DataError", $"JWK member \"{member}\" is not base64url"); }
    }
}
