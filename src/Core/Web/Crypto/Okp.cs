using System.Formats.Asn1;
using System.Security.Cryptography;
using EsRuntime.Engine;
using EsRuntime.Providers;

namespace EsRuntime.Web.Crypto;

/// <summary>A curve of RFC 8410 (an "octet key pair" in JWK terms): its OpenSSL id, OID and sizes.</summary>
internal sealed class OkpCurve(string name, int nid, byte oidLast, int keySize, int signatureSize)
{
    public string Name { get; } = name;
    public int Nid { get; } = nid;
    /// <summary>The OID is 1.3.101.x; only x differs.</summary>
    public byte OidLast { get; } = oidLast;
    public string Oid { get; } = "1.3.101." + oidLast;
    public int KeySize { get; } = keySize;
    public int SignatureSize { get; } = signatureSize;

    public static readonly OkpCurve X25519 = new("X25519", 1034, 110, 32, 0);
    public static readonly OkpCurve X448 = new("X448", 1035, 111, 56, 0);
    public static readonly OkpCurve Ed25519 = new("Ed25519", 1087, 112, 32, 64);
    public static readonly OkpCurve Ed448 = new("Ed448", 1088, 113, 57, 114);

    public static OkpCurve Get(string name) => name switch
    {
        "X25519" => X25519,
        "X448" => X448,
        "Ed25519" => Ed25519,
        "Ed448" => Ed448,
        _ => throw new OpException("NotSupportedError", $"unsupported algorithm {name}"),
    };
}

/// <summary>An OKP key: the raw public key, and for a private CryptoKey the raw private key too.</summary>
internal sealed class OkpKey(OkpCurve curve, byte[]? privateKey, byte[] publicKey) : KeyMaterial
{
    public OkpCurve Curve { get; } = curve;
    public byte[]? PrivateKey { get; } = privateKey;
    public byte[] PublicKey { get; } = publicKey;
    public bool IsPrivate => PrivateKey is not null;
    public override void Dispose()
    {
        if (PrivateKey is not null) CryptographicOperations.ZeroMemory(PrivateKey);
    }
}

/// <summary>Generation, the four formats (RFC 8410 DER, raw, RFC 8037 JWK), sign/verify and derive for OKP keys.</summary>
internal static class Okp
{
    /// <summary>
    /// The private key is bytes from the entropy provider (RFC 7748 §5 and RFC 8032 §5.1.5 define a private
    /// key as any string of that length), so seeded and replayed runs generate the same keys; OpenSSL only
    /// computes the public half.
    /// </summary>
    public static OkpKey Generate(OkpCurve curve, IEntropy entropy)
    {
        var privateKey = new byte[curve.KeySize];
        entropy.Fill(privateKey);
        return new OkpKey(curve, privateKey, OpenSslOkp.PublicOf(curve, privateKey));
    }

    public static OkpKey PublicOf(OkpKey key) => new(key.Curve, null, key.PublicKey);

    public static OkpKey ImportRaw(OkpCurve curve, ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != curve.KeySize) throw new OpException("DataError", $"a raw {curve.Name} public key is {curve.KeySize} bytes");
        return new OkpKey(curve, null, publicKey.ToArray());
    }

    public static OkpKey ImportSpki(OkpCurve curve, ReadOnlySpan<byte> der)
    {
        try
        {
            var outer = new AsnReader(der.ToArray(), AsnEncodingRules.DER);
            var spki = outer.ReadSequence();
            outer.ThrowIfNotEmpty();
            ReadAlgorithm(spki, curve);
            var key = spki.ReadBitString(out var unused);
            spki.ThrowIfNotEmpty();
            if (unused != 0) throw new OpException("DataError", "the SPKI key is not a whole number of bytes");
            return ImportRaw(curve, key);
        }
        catch (AsnContentException e) { throw new OpException("DataError", "invalid SPKI: " + e.Message); }
    }

    public static OkpKey ImportPkcs8(OkpCurve curve, ReadOnlySpan<byte> der)
    {
        try
        {
            var outer = new AsnReader(der.ToArray(), AsnEncodingRules.DER);
            var info = outer.ReadSequence();
            outer.ThrowIfNotEmpty();
            if (!info.TryReadInt32(out var version) || version is not (0 or 1)) throw new OpException("DataError", "unsupported PKCS #8 version");
            ReadAlgorithm(info, curve);
            // privateKey OCTET STRING holding CurvePrivateKey ::= OCTET STRING (RFC 8410 §7).
            var inner = new AsnReader(info.ReadOctetString(), AsnEncodingRules.DER);
            var privateKey = inner.ReadOctetString();
            inner.ThrowIfNotEmpty();
            // attributes [0] and, in version 2, publicKey [1] may follow; they are not needed.
            if (info.HasData && info.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0))) info.ReadEncodedValue();
            if (info.HasData && info.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 1))) info.ReadEncodedValue();
            info.ThrowIfNotEmpty();
            return FromPrivate(curve, privateKey);
        }
        catch (AsnContentException e) { throw new OpException("DataError", "invalid PKCS #8: " + e.Message); }
    }

    private static void ReadAlgorithm(AsnReader reader, OkpCurve curve)
    {
        var algorithm = reader.ReadSequence();
        if (algorithm.ReadObjectIdentifier() != curve.Oid) throw new OpException("DataError", $"the key is not an {curve.Name} key");
        // RFC 8410 §3: the parameters must be absent.
        if (algorithm.HasData) throw new OpException("DataError", $"{curve.Name} key parameters must be absent");
    }

    public static OkpKey FromPrivate(OkpCurve curve, ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != curve.KeySize) throw new OpException("DataError", $"an {curve.Name} private key is {curve.KeySize} bytes");
        return new OkpKey(curve, privateKey.ToArray(), OpenSslOkp.PublicOf(curve, privateKey));
    }

    /// <summary>RFC 8037: x is required; with d, x must be d's public key (else DataError).</summary>
    public static OkpKey ImportJwk(OkpCurve curve, string json)
    {
        var jwk = Jwk.Members(json);
        var x = Jwk.Required(jwk, "x");
        if (x.Length != curve.KeySize) throw new OpException("DataError", $"JWK \"x\" must be {curve.KeySize} bytes for {curve.Name}");
        if (!jwk.ContainsKey("d")) return new OkpKey(curve, null, x);
        var key = FromPrivate(curve, Jwk.Required(jwk, "d"));
        if (!CryptographicOperations.FixedTimeEquals(key.PublicKey, x))
        {
            key.Dispose();
            throw new OpException("DataError", "the JWK \"x\" is not the public key of \"d\"");
        }
        return key;
    }

    public static string ExportJwk(OkpKey key) => Jwk.WriteOkp(key.Curve.Name, key.PublicKey, key.PrivateKey);

    public static byte[] ExportRaw(OkpKey key) => key.IsPrivate
        ? throw new OpException("InvalidAccessError", "only public keys can be exported as raw")
        : key.PublicKey.ToArray();

    // The DER of both structures is fixed apart from the key bytes, and every length is below 128.
    public static byte[] ExportSpki(OkpKey key)
    {
        var n = key.PublicKey.Length;
        byte[] head = [0x30, (byte)(n + 10), 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, key.Curve.OidLast, 0x03, (byte)(n + 1), 0x00];
        return [.. head, .. key.PublicKey];
    }

    public static byte[] ExportPkcs8(OkpKey key)
    {
        var d = key.PrivateKey ?? throw new OpException("InvalidAccessError", "only private keys can be exported as pkcs8");
        var n = d.Length;
        byte[] head = [0x30, (byte)(n + 14), 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, key.Curve.OidLast, 0x04, (byte)(n + 2), 0x04, (byte)n];
        return [.. head, .. d];
    }

    public static int Sign(OkpKey key, ReadOnlySpan<byte> data, Span<byte> output)
    {
        var d = key.PrivateKey ?? throw new OpException("InvalidAccessError", "signing needs a private key");
        return OpenSslOkp.Sign(key.Curve, d, data, output);
    }

    /// <summary>
    /// WebCrypto asks verification to fail when the public key or R is a small-order point, which
    /// OpenSSL 3.0 accepts for Ed25519 (a cofactored equation could then pass for many messages).
    /// </summary>
    public static bool Verify(OkpKey key, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> data)
    {
        if (key.Curve == OkpCurve.Ed25519 && signature.Length == 64 && (HasSmallOrder(key.PublicKey) || HasSmallOrder(signature[..32])))
            return false;
        return OpenSslOkp.Verify(key.Curve, key.PublicKey, signature, data);
    }

    // The encodings of the Ed25519 points of order 1, 2, 4 and 8, canonical and not (y = p, p + 1),
    // compared without the x sign bit.
    private static readonly byte[][] SmallOrder =
    [
        [0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00],
        [0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00],
        [0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4, 0x89, 0xf2, 0xef, 0x98, 0xf0, 0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6, 0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53, 0xfc, 0x05],
        [0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b, 0x76, 0x0d, 0x10, 0x67, 0x0f, 0x2a, 0x20, 0x53, 0xfa, 0x2c, 0x39, 0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac, 0x03, 0x7a],
        [0xec, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f],
        [0xed, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f],
        [0xee, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f],
    ];

    private static bool HasSmallOrder(ReadOnlySpan<byte> point)
    {
        foreach (var candidate in SmallOrder)
            if (point[..31].SequenceEqual(candidate.AsSpan(0, 31)) && (point[31] & 0x7f) == candidate[31]) return true;
        return false;
    }

    public static byte[] Derive(OkpKey privateKey, OkpKey publicKey)
    {
        var d = privateKey.PrivateKey ?? throw new OpException("InvalidAccessError", "key agreement needs a private key");
        if (privateKey.Curve != publicKey.Curve) throw new OpException("InvalidAccessError", "the keys are on different curves");
        return OpenSslOkp.Derive(privateKey.Curve, d, publicKey.PublicKey);
    }
}
