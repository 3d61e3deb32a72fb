using System.Numerics;
using System.Security.Cryptography;
using EsRuntime.Engine;
using EsRuntime.Providers;

namespace EsRuntime.Web.Crypto;

/// <summary>A NIST curve WebCrypto names: its .NET curve, OID, field size in bytes and group order.</summary>
internal sealed class EcCurveInfo(string name, ECCurve curve, int size)
{
    public string Name { get; } = name;
    public ECCurve Curve { get; } = curve;
    public string Oid { get; } = curve.Oid.Value!;
    public int Size { get; } = size;

    // The group order, asked of the platform once rather than written down here.
    private readonly Lazy<BigInteger> _order = new(() =>
    {
        using var probe = ECDsa.Create(curve);
        return new BigInteger(probe.ExportExplicitParameters(false).Curve.Order, isUnsigned: true, isBigEndian: true);
    });
    public BigInteger Order => _order.Value;

    public static readonly EcCurveInfo P256 = new("P-256", ECCurve.NamedCurves.nistP256, 32);
    public static readonly EcCurveInfo P384 = new("P-384", ECCurve.NamedCurves.nistP384, 48);
    public static readonly EcCurveInfo P521 = new("P-521", ECCurve.NamedCurves.nistP521, 66);

    public static EcCurveInfo Get(string name) => name switch
    {
        "P-256" => P256,
        "P-384" => P384,
        "P-521" => P521,
        _ => throw new OpException("NotSupportedError", $"unsupported curve {name}"),
    };
}

/// <summary>ECDSA and ECDH keys: generation from provider entropy, the four formats, sign/verify, derive.</summary>
internal static class Ec
{
    /// <summary>
    /// The private scalar is drawn from the entropy provider (so seeded and replayed runs give the same
    /// key): 64 extra bits, reduced into [1, n-1] as in FIPS 186-5 A.2.1; .NET computes Q from D.
    /// </summary>
    public static EcKey Generate(EcCurveInfo curve, bool ecdh, IEntropy entropy)
    {
        var raw = new byte[curve.Size + 8];
        entropy.Fill(raw);
        var d = new BigInteger(raw, isUnsigned: true, isBigEndian: true) % (curve.Order - 1) + 1;
        CryptographicOperations.ZeroMemory(raw);
        var scalar = new byte[curve.Size];
        d.TryWriteBytes(scalar.AsSpan(curve.Size - d.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        try { return FromParameters(curve, new ECParameters { Curve = curve.Curve, D = scalar }, ecdh, isPrivate: true); }
        finally { CryptographicOperations.ZeroMemory(scalar); }
    }

    public static EcKey FromParameters(EcCurveInfo curve, ECParameters parameters, bool ecdh, bool isPrivate)
    {
        try
        {
            if (ecdh)
            {
                var dh = ECDiffieHellman.Create();
                dh.ImportParameters(parameters);
                return new EcKey(curve, null, dh, isPrivate);
            }
            var dsa = ECDsa.Create();
            dsa.ImportParameters(parameters);
            return new EcKey(curve, dsa, null, isPrivate);
        }
        catch (CryptographicException e) { throw new OpException("DataError", "invalid EC key: " + e.Message); }
    }

    public static EcKey PublicOf(EcKey key) => FromParameters(key.Curve, key.Export(false), key.Dh is not null, isPrivate: false);

    public static EcKey ImportSpki(EcCurveInfo curve, ReadOnlySpan<byte> der, bool ecdh) => ImportDer(curve, der, ecdh, isPrivate: false);

    public static EcKey ImportPkcs8(EcCurveInfo curve, ReadOnlySpan<byte> der, bool ecdh) => ImportDer(curve, der, ecdh, isPrivate: true);

    private static EcKey ImportDer(EcCurveInfo curve, ReadOnlySpan<byte> der, bool ecdh, bool isPrivate)
    {
        AsymmetricAlgorithm alg = ecdh ? ECDiffieHellman.Create() : ECDsa.Create();
        try
        {
            int read;
            if (isPrivate) alg.ImportPkcs8PrivateKey(der, out read);
            else alg.ImportSubjectPublicKeyInfo(der, out read);
            if (read != der.Length) throw new OpException("DataError", "trailing bytes after the key");
            var p = ecdh ? ((ECDiffieHellman)alg).ExportParameters(false) : ((ECDsa)alg).ExportParameters(false);
            if (!p.Curve.IsNamed || p.Curve.Oid.Value != curve.Oid) throw new OpException("DataError", $"the key is not on {curve.Name}");
        }
        catch (CryptographicException e)
        {
            alg.Dispose();
            throw new OpException("DataError", "invalid EC key data: " + e.Message);
        }
        catch
        {
            alg.Dispose();
            throw;
        }
        return ecdh ? new EcKey(curve, null, (ECDiffieHellman)alg, isPrivate) : new EcKey(curve, (ECDsa)alg, null, isPrivate);
    }

    /// <summary>An uncompressed SEC1 point (0x04 || X || Y); compressed points are not supported.</summary>
    public static EcKey ImportRaw(EcCurveInfo curve, ReadOnlySpan<byte> point, bool ecdh)
    {
        if (point.Length != 1 + 2 * curve.Size || point[0] != 4)
            throw new OpException("DataError", "raw EC public keys must be uncompressed points of the curve's size");
        var q = new ECPoint { X = point.Slice(1, curve.Size).ToArray(), Y = point.Slice(1 + curve.Size).ToArray() };
        return FromParameters(curve, new ECParameters { Curve = curve.Curve, Q = q }, ecdh, isPrivate: false);
    }

    public static byte[] ExportRaw(EcKey key)
    {
        var p = key.Export(false);
        var size = key.Curve.Size;
        var point = new byte[1 + 2 * size];
        point[0] = 4;
        p.Q.X!.CopyTo(point, 1);
        p.Q.Y!.CopyTo(point, 1 + size);
        return point;
    }

    public static int Sign(EcKey key, int hash, ReadOnlySpan<byte> data, Span<byte> output)
    {
        var dsa = key.Dsa ?? throw new OpException("InvalidAccessError", "not an ECDSA key");
        if (!dsa.TrySignData(data, output, Hashes.Name(hash), DSASignatureFormat.IeeeP1363FixedFieldConcatenation, out var written))
            throw new OpException("OperationError", "ECDSA signing failed");
        return written;
    }

    public static bool Verify(EcKey key, int hash, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> data)
    {
        var dsa = key.Dsa ?? throw new OpException("InvalidAccessError", "not an ECDSA key");
        if (signature.Length != 2 * key.Curve.Size) return false;
        try { return dsa.VerifyData(data, signature, Hashes.Name(hash), DSASignatureFormat.IeeeP1363FixedFieldConcatenation); }
        catch (CryptographicException) { return false; }
    }

    /// <summary>The shared secret is the X coordinate of d·Q (SEC1 ECDH primitive), as WebCrypto asks.</summary>
    public static byte[] Derive(EcKey privateKey, EcKey publicKey)
    {
        var dh = privateKey.Dh ?? throw new OpException("InvalidAccessError", "not an ECDH key");
        var other = publicKey.Dh ?? throw new OpException("InvalidAccessError", "not an ECDH key");
        try { return dh.DeriveRawSecretAgreement(other.PublicKey); }
        catch (CryptographicException e) { throw new OpException("OperationError", "ECDH failed: " + e.Message); }
    }
}
