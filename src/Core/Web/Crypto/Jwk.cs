using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using EsRuntime.Engine;

namespace EsRuntime.Web.Crypto;

/// <summary>
/// The key-material members of a JWK. The JS side checks kty/alg/use/key_ops/ext and hands over the
/// JSON of the dictionary it converted; this reads and writes only the base64url numbers.
/// </summary>
internal static class Jwk
{
    public static Dictionary<string, string> Members(string json)
    {
        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var doc = JsonDocument.Parse(json);
            foreach (var property in doc.RootElement.EnumerateObject())
                if (property.Value.ValueKind == JsonValueKind.String) members[property.Name] = property.Value.GetString()!;
        }
        catch (JsonException) { throw new OpException("DataError", "the JWK is not valid JSON"); }
        return members;
    }

    public static byte[] Required(Dictionary<string, string> jwk, string member) =>
        jwk.TryGetValue(member, out var text) ? Base64Url.Decode(text, member) : throw new OpException("DataError", $"the JWK has no \"{member}\" member");

    public static byte[] Secret(string json) => Required(Members(json), "k");

    public static RsaKey ImportRsa(string json)
    {
        var jwk = Members(json);
        var n = Required(jwk, "n").AsSpan().TrimStart((byte)0).ToArray();
        var e = Required(jwk, "e").AsSpan().TrimStart((byte)0).ToArray();
        if (n.Length == 0 || e.Length == 0) throw new OpException("DataError", "the JWK's RSA modulus or exponent is zero");
        var parameters = new RSAParameters { Modulus = n, Exponent = e };
        if (!jwk.ContainsKey("d")) return Rsa.FromParameters(parameters, isPrivate: false);
        if (jwk.ContainsKey("oth")) throw new OpException("NotSupportedError", "multi-prime RSA keys are not supported");
        foreach (var member in new[] { "p", "q", "dp", "dq", "qi" })
            if (!jwk.ContainsKey(member)) throw new OpException("DataError", $"a private RSA JWK needs \"{member}\" (CRT parameters are required)");
        var half = (n.Length + 1) / 2;
        parameters.D = Pad(Required(jwk, "d"), n.Length, "d");
        parameters.P = Pad(Required(jwk, "p"), half, "p");
        parameters.Q = Pad(Required(jwk, "q"), half, "q");
        parameters.DP = Pad(Required(jwk, "dp"), half, "dp");
        parameters.DQ = Pad(Required(jwk, "dq"), half, "dq");
        parameters.InverseQ = Pad(Required(jwk, "qi"), half, "qi");
        return Rsa.FromParameters(parameters, isPrivate: true);
    }

    public static EcKey ImportEc(EcCurveInfo curve, string json, bool ecdh)
    {
        var jwk = Members(json);
        var x = Required(jwk, "x");
        var y = Required(jwk, "y");
        if (x.Length != curve.Size || y.Length != curve.Size) throw new OpException("DataError", $"JWK coordinates must be {curve.Size} bytes for {curve.Name}");
        var parameters = new ECParameters { Curve = curve.Curve, Q = new ECPoint { X = x, Y = y } };
        var isPrivate = jwk.ContainsKey("d");
        if (isPrivate)
        {
            parameters.D = Required(jwk, "d");
            if (parameters.D.Length != curve.Size) throw new OpException("DataError", $"JWK \"d\" must be {curve.Size} bytes for {curve.Name}");
        }
        return Ec.FromParameters(curve, parameters, ecdh, isPrivate);
    }

    // .NET wants D as long as the modulus and the CRT values half that; JWK numbers drop leading zeros.
    private static byte[] Pad(byte[] value, int length, string member)
    {
        var trimmed = value.AsSpan().TrimStart((byte)0);
        if (trimmed.Length > length) throw new OpException("DataError", $"JWK \"{member}\" is too long for the modulus");
        var padded = new byte[length];
        trimmed.CopyTo(padded.AsSpan(length - trimmed.Length));
        return padded;
    }

    public static string ExportSecret(SecretKey key) => Write(w => w.WriteString("k", Base64Url.Encode(key.Bytes)), "oct");

    public static string ExportRsa(RsaKey key)
    {
        var p = key.Rsa.ExportParameters(key.IsPrivate);
        return Write(w =>
        {
            Number(w, "n", p.Modulus!);
            Number(w, "e", p.Exponent!);
            if (!key.IsPrivate) return;
            Number(w, "d", p.D!);
            Number(w, "p", p.P!);
            Number(w, "q", p.Q!);
            Number(w, "dp", p.DP!);
            Number(w, "dq", p.DQ!);
            Number(w, "qi", p.InverseQ!);
        }, "RSA");
    }

    public static string ExportEc(EcKey key)
    {
        var p = key.Export(key.IsPrivate);
        return Write(w =>
        {
            w.WriteString("crv", key.Curve.Name);
            w.WriteString("x", Base64Url.Encode(p.Q.X));
            w.WriteString("y", Base64Url.Encode(p.Q.Y));
            if (key.IsPrivate) w.WriteString("d", Base64Url.Encode(p.D));
        }, "EC");
    }

    public static string WriteOkp(string curve, byte[] x, byte[]? d) => Write(w =>
    {
        w.WriteString("crv", curve);
        w.WriteString("x", Base64Url.Encode(x));
        if (d is not null) w.WriteString("d", Base64Url.Encode(d));
    }, "OKP");

    // RSA numbers in JWK use the fewest octets (RFC 7518 §6.3).
    private static void Number(Utf8JsonWriter w, string name, byte[] value) => w.WriteString(name, Base64Url.Encode(value.AsSpan().TrimStart((byte)0)));

    private static string Write(Action<Utf8JsonWriter> members, string kty)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("kty", kty);
            members(w);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
