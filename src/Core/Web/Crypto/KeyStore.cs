using System.Security.Cryptography;
using EsRuntime.Engine;

namespace EsRuntime.Web.Crypto;

/// <summary>Key material a CryptoKey stands for. It never leaves C#; JS holds only the handle id.</summary>
internal abstract class KeyMaterial : IDisposable
{
    public virtual void Dispose() { }
}

/// <summary>Raw secret bytes (AES, HMAC, HKDF, PBKDF2). The AES objects are made on first use and reused.</summary>
internal sealed class SecretKey(byte[] bytes) : KeyMaterial
{
    private AesGcm? _gcm;
    private Aes? _aes;

    public byte[] Bytes { get; } = bytes;

    /// <summary>A 16-byte-tag GCM context: the full tag is computed and truncated when a shorter one is asked for.</summary>
    public AesGcm Gcm => _gcm ??= new AesGcm(Bytes, 16);

    /// <summary>The block cipher itself, for CBC, and for CTR/KW/general-GCM built over ECB.</summary>
    public Aes Aes
    {
        get
        {
            if (_aes is null)
            {
                _aes = Aes.Create();
                _aes.Key = Bytes;
            }
            return _aes;
        }
    }

    public override void Dispose()
    {
        _gcm?.Dispose();
        _aes?.Dispose();
        CryptographicOperations.ZeroMemory(Bytes);
    }
}

/// <summary>An RSA key; <see cref="IsPrivate"/> says which half the CryptoKey is.</summary>
internal sealed class RsaKey(RSA rsa, bool isPrivate) : KeyMaterial
{
    public RSA Rsa { get; } = rsa;
    public bool IsPrivate { get; } = isPrivate;
    public override void Dispose() => Rsa.Dispose();
}

/// <summary>An EC key on a NIST curve, as ECDSA or ECDH (exactly one of the two is set).</summary>
internal sealed class EcKey(EcCurveInfo curve, ECDsa? dsa, ECDiffieHellman? dh, bool isPrivate) : KeyMaterial
{
    public EcCurveInfo Curve { get; } = curve;
    public ECDsa? Dsa { get; } = dsa;
    public ECDiffieHellman? Dh { get; } = dh;
    public bool IsPrivate { get; } = isPrivate;
    public AsymmetricAlgorithm Algorithm => (AsymmetricAlgorithm?)Dsa ?? Dh!;
    public ECParameters Export(bool includePrivate) => Dsa is not null ? Dsa.ExportParameters(includePrivate) : Dh!.ExportParameters(includePrivate);
    public override void Dispose() => Algorithm.Dispose();
}

/// <summary>
/// The per-runtime handle table. Ids are never reused, so a stale id (after a drop) can only miss,
/// never alias another key.
/// </summary>
internal sealed class KeyStore
{
    private readonly Dictionary<int, KeyMaterial> _keys = [];
    private int _next;

    public int Add(KeyMaterial key)
    {
        _keys.Add(++_next, key);
        return _next;
    }

    public T Get<T>(int id) where T : KeyMaterial =>
        _keys.TryGetValue(id, out var key) && key is T typed ? typed : throw new OpException("InvalidAccessError", "the key does not fit this operation");

    public KeyMaterial Get(int id) => Get<KeyMaterial>(id);

    public void Drop(int id)
    {
        if (_keys.Remove(id, out var key)) key.Dispose();
    }
}
