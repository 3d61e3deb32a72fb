using System.Security.Cryptography;
using EsRuntime.Engine;
using EsRuntime.Runtime;

namespace EsRuntime.Web.Crypto;

/// <summary>
/// The ops behind crypto.subtle. Inputs are laid out back to back at the start of the transfer
/// buffer (or staged, when larger) and described by the lengths passed as arguments; results come
/// back the same way (see <see cref="CryptoIo"/>). Keys are ids into a per-runtime <see cref="KeyStore"/>.
/// </summary>
internal static class CryptoOps
{
    private delegate int Body(ReadOnlySpan<byte> input);

    public static void Register(RuntimeContext ctx)
    {
        var io = new CryptoIo(ctx.Engine);
        var keys = new KeyStore();
        // Every op fails as a WebCrypto error: a platform failure is the spec's OperationError.
        var ops = new OpRegistrar(ctx.Engine);

        // Runs an op over its input and always releases staged bytes.
        int With(int total, Body body)
        {
            try { return body(io.Input(total)); }
            finally { io.EndInput(); }
        }

        ops.RegisterOp("cryptoStage", (a, r) => io.Stage(a.Int32(0)));
        ops.RegisterOp("cryptoTake", (a, r) => io.Take(a.Int32(0), a.Int32(1)));
        ops.RegisterOp("cryptoDrop", (a, r) => keys.Drop(a.Int32(0)));
        ops.RegisterOp("cryptoUtf8Encode", (a, r) => r.Set(io.Output(System.Text.Encoding.UTF8.GetBytes(a.String(0)))));
        ops.RegisterOp("cryptoUtf8Decode", (a, r) =>
        {
            var length = a.Int32(0);
            string text = "";
            With(length, input => { text = System.Text.Encoding.UTF8.GetString(input); return 0; });
            r.Set(text);
        });

        // cryptoDigest(hash, length) -> digest length
        ops.RegisterOp("cryptoDigest", (a, r) =>
        {
            var hash = a.Int32(0);
            // The digest lands at the start of the scratch buffer; publish that many bytes of it.
            r.Set(With(a.Int32(1), input => io.Output(io.Scratch(Hashes.Digest(hash, input, io.Scratch(64))))));
        });

        // ---- keys: creation, import, export ----
        ops.RegisterOp("cryptoSecretImport", (a, r) => r.Set(With(a.Int32(0), input => keys.Add(new SecretKey(input.ToArray())))));
        ops.RegisterOp("cryptoSecretImportJwk", (a, r) => r.Set(keys.Add(new SecretKey(Jwk.Secret(a.String(0))))));
        ops.RegisterOp("cryptoSecretLength", (a, r) => r.Set(keys.Get<SecretKey>(a.Int32(0)).Bytes.Length));
        // cryptoSecretGenerate(bits): provider entropy, unused low bits of the last byte cleared.
        ops.RegisterOp("cryptoSecretGenerate", (a, r) =>
        {
            var bits = a.Int32(0);
            var bytes = new byte[(bits + 7) / 8];
            ctx.Providers.Entropy.Fill(bytes);
            if (bits % 8 != 0) bytes[^1] &= (byte)(0xFF << (8 - bits % 8));
            r.Set(keys.Add(new SecretKey(bytes)));
        });
        ops.RegisterOp("cryptoPublicOf", (a, r) => r.Set(keys.Add(keys.Get(a.Int32(0)) switch
        {
            RsaKey rsa => Rsa.PublicOf(rsa),
            EcKey ec => Ec.PublicOf(ec),
            OkpKey okp => Okp.PublicOf(okp),
            _ => throw new OpException("InvalidAccessError", "not an asymmetric key"),
        })));
        // cryptoImportDer(kind, curve, isPrivate, length): kind 0 RSA, 1 ECDSA, 2 ECDH; spki or pkcs8.
        ops.RegisterOp("cryptoImportDer", (a, r) =>
        {
            var kind = a.Int32(0);
            var curve = kind == 0 ? null : EcCurveInfo.Get(a.String(1));
            var isPrivate = a.IsTruthy(2);
            r.Set(With(a.Int32(3), der => keys.Add(kind == 0
                ? Rsa.ImportDer(der, isPrivate)
                : isPrivate ? Ec.ImportPkcs8(curve!, der, kind == 2) : Ec.ImportSpki(curve!, der, kind == 2))));
        });
        ops.RegisterOp("cryptoImportEcRaw", (a, r) =>
        {
            var ecdh = a.Int32(0) == 2;
            var curve = EcCurveInfo.Get(a.String(1));
            r.Set(With(a.Int32(2), point => keys.Add(Ec.ImportRaw(curve, point, ecdh))));
        });
        // cryptoImportJwk(kind, curve, json): kind 0 RSA, 1 ECDSA, 2 ECDH.
        ops.RegisterOp("cryptoImportJwk", (a, r) =>
        {
            var kind = a.Int32(0);
            r.Set(keys.Add(kind == 0 ? Jwk.ImportRsa(a.String(2)) : Jwk.ImportEc(EcCurveInfo.Get(a.String(1)), a.String(2), kind == 2)));
        });
        // cryptoExport(id, format): 0 raw, 1 spki, 2 pkcs8.
        ops.RegisterOp("cryptoExport", (a, r) =>
        {
            var key = keys.Get(a.Int32(0));
            var format = a.Int32(1);
            byte[] bytes = (key, format) switch
            {
                (SecretKey s, 0) => s.Bytes,
                (EcKey ec, 0) when !ec.IsPrivate => Ec.ExportRaw(ec),
                (EcKey ec, 1) when !ec.IsPrivate => ec.Algorithm.ExportSubjectPublicKeyInfo(),
                (EcKey ec, 2) when ec.IsPrivate => ec.Algorithm.ExportPkcs8PrivateKey(),
                (RsaKey rsa, 1) when !rsa.IsPrivate => rsa.Rsa.ExportSubjectPublicKeyInfo(),
                (RsaKey rsa, 2) when rsa.IsPrivate => rsa.Rsa.ExportPkcs8PrivateKey(),
                (OkpKey okp, 0) => Okp.ExportRaw(okp),
                (OkpKey okp, 1) when !okp.IsPrivate => Okp.ExportSpki(okp),
                (OkpKey okp, 2) => Okp.ExportPkcs8(okp),
                _ => throw new OpException("InvalidAccessError", "the key cannot be exported in that format"),
            };
            r.Set(io.Output(bytes));
        });
        ops.RegisterOp("cryptoExportJwk", (a, r) => r.Set(keys.Get(a.Int32(0)) switch
        {
            SecretKey s => Jwk.ExportSecret(s),
            RsaKey rsa => Jwk.ExportRsa(rsa),
            EcKey ec => Jwk.ExportEc(ec),
            OkpKey okp => Okp.ExportJwk(okp),
            _ => throw new OpException("NotSupportedError", "the key cannot be exported as a JWK"),
        }));
        ops.RegisterOp("cryptoEcGenerate", (a, r) =>
            r.Set(keys.Add(Ec.Generate(EcCurveInfo.Get(a.String(1)), a.Int32(0) == 2, ctx.Providers.Entropy))));
        // cryptoRsaGenerate(bits, exponentLength): the exponent bytes are in the transfer buffer.
        ops.RegisterOp("cryptoRsaGenerate", (a, r) =>
        {
            var bits = a.Int32(0);
            r.Set(With(a.Int32(1), exponent => keys.Add(Rsa.Generate(bits, exponent))));
        });
        ops.RegisterOp("cryptoRsaBits", (a, r) => r.Set(Rsa.ModulusBits(keys.Get<RsaKey>(a.Int32(0)))));
        ops.RegisterOp("cryptoRsaExponent", (a, r) => r.Set(io.Output(Rsa.Exponent(keys.Get<RsaKey>(a.Int32(0))))));

        // ---- Ed25519, Ed448, X25519, X448 (OpenSSL) ----
        ops.RegisterOp("cryptoOkpGenerate", (a, r) => r.Set(keys.Add(Okp.Generate(OkpCurve.Get(a.String(0)), ctx.Providers.Entropy))));
        // cryptoOkpImport(name, format, length): format 0 raw, 1 spki, 2 pkcs8.
        ops.RegisterOp("cryptoOkpImport", (a, r) =>
        {
            var curve = OkpCurve.Get(a.String(0));
            var format = a.Int32(1);
            r.Set(With(a.Int32(2), data => keys.Add(format switch
            {
                0 => Okp.ImportRaw(curve, data),
                1 => Okp.ImportSpki(curve, data),
                _ => Okp.ImportPkcs8(curve, data),
            })));
        });
        ops.RegisterOp("cryptoOkpImportJwk", (a, r) => r.Set(keys.Add(Okp.ImportJwk(OkpCurve.Get(a.String(0)), a.String(1)))));
        ops.RegisterOp("cryptoOkpSign", (a, r) =>
        {
            var key = keys.Get<OkpKey>(a.Int32(0));
            r.Set(With(a.Int32(1), data =>
            {
                var output = io.Scratch(key.Curve.SignatureSize);
                return io.Output(output[..Okp.Sign(key, data, output)]);
            }));
        });
        // cryptoOkpVerify(id, signatureLength, dataLength): the signature comes first.
        ops.RegisterOp("cryptoOkpVerify", (a, r) =>
        {
            var key = keys.Get<OkpKey>(a.Int32(0));
            var sigLength = a.Int32(1);
            r.Set(With(sigLength + a.Int32(2), input => Okp.Verify(key, input[..sigLength], input[sigLength..]) ? 1 : 0) == 1);
        });
        ops.RegisterOp("cryptoOkpDerive", (a, r) =>
            r.Set(io.Output(Okp.Derive(keys.Get<OkpKey>(a.Int32(0)), keys.Get<OkpKey>(a.Int32(1))))));

        // ---- HMAC ----
        // cryptoHmacSign(id, hash, length) -> mac length
        ops.RegisterOp("cryptoHmacSign", (a, r) =>
        {
            var key = keys.Get<SecretKey>(a.Int32(0));
            var hash = a.Int32(1);
            r.Set(With(a.Int32(2), data => io.Output(io.Scratch(Hashes.Hmac(hash, key.Bytes, data, io.Scratch(64))))));
        });
        // cryptoHmacVerify(id, hash, signatureLength, dataLength): the signature comes first.
        ops.RegisterOp("cryptoHmacVerify", (a, r) =>
        {
            var key = keys.Get<SecretKey>(a.Int32(0));
            var hash = a.Int32(1);
            var sigLength = a.Int32(2);
            r.Set(With(sigLength + a.Int32(3), input =>
            {
                Span<byte> mac = stackalloc byte[64];
                mac = mac[..Hashes.Hmac(hash, key.Bytes, input[sigLength..], mac)];
                return CryptographicOperations.FixedTimeEquals(mac, input[..sigLength]) ? 1 : 0;
            }) == 1);
        });

        // ---- AES ----
        // cryptoAesGcm(id, encrypt, ivLength, aadLength, dataLength, tagBytes): iv, aad, data in that order.
        ops.RegisterOp("cryptoAesGcm", (a, r) =>
        {
            var key = keys.Get<SecretKey>(a.Int32(0));
            var encrypt = a.IsTruthy(1);
            int ivLength = a.Int32(2), aadLength = a.Int32(3), dataLength = a.Int32(4), tagBytes = a.Int32(5);
            r.Set(With(ivLength + aadLength + dataLength, input =>
            {
                var iv = input[..ivLength];
                var aad = input.Slice(ivLength, aadLength);
                var data = input.Slice(ivLength + aadLength, dataLength);
                var output = io.Scratch(dataLength + tagBytes);
                var n = encrypt ? AesGcmMode.Encrypt(key, iv, aad, data, tagBytes, output) : AesGcmMode.Decrypt(key, iv, aad, data, tagBytes, output);
                return io.Output(output[..n]);
            }));
        });
        // cryptoAesCbc(id, encrypt, ivLength, dataLength)
        ops.RegisterOp("cryptoAesCbc", (a, r) =>
        {
            var key = keys.Get<SecretKey>(a.Int32(0));
            var encrypt = a.IsTruthy(1);
            int ivLength = a.Int32(2), dataLength = a.Int32(3);
            r.Set(With(ivLength + dataLength, input =>
            {
                var output = io.Scratch(dataLength + 16);
                return io.Output(output[..AesModes.Cbc(key, encrypt, input[..ivLength], input[ivLength..], output)]);
            }));
        });
        // cryptoAesCtr(id, counterLength, counterBits, dataLength)
        ops.RegisterOp("cryptoAesCtr", (a, r) =>
        {
            var key = keys.Get<SecretKey>(a.Int32(0));
            int counterLength = a.Int32(1), bits = a.Int32(2), dataLength = a.Int32(3);
            r.Set(With(counterLength + dataLength, input =>
            {
                var output = io.Scratch(dataLength);
                AesModes.Ctr(key, input[..counterLength], bits, input[counterLength..], output);
                return io.Output(output);
            }));
        });
        // cryptoAesKw(id, wrap, dataLength)
        ops.RegisterOp("cryptoAesKw", (a, r) =>
        {
            var key = keys.Get<SecretKey>(a.Int32(0));
            var wrap = a.IsTruthy(1);
            r.Set(With(a.Int32(2), input =>
            {
                var output = io.Scratch(input.Length + 8);
                return io.Output(output[..(wrap ? AesModes.Wrap(key, input, output) : AesModes.Unwrap(key, input, output))]);
            }));
        });

        // ---- key derivation ----
        // cryptoHkdf(id, hash, saltLength, infoLength, bytes)
        ops.RegisterOp("cryptoHkdf", (a, r) =>
        {
            var key = keys.Get<SecretKey>(a.Int32(0));
            int hash = a.Int32(1), saltLength = a.Int32(2), infoLength = a.Int32(3), bytes = a.Int32(4);
            if (bytes > 255 * Hashes.Size(hash)) throw new OpException("OperationError", "HKDF cannot derive that many bits with this hash");
            r.Set(With(saltLength + infoLength, input =>
            {
                var output = io.Scratch(bytes);
                Kdf.Hkdf(hash, key.Bytes, input[..saltLength], input[saltLength..], output);
                return io.Output(output);
            }));
        });
        // cryptoPbkdf2(id, hash, iterations, saltLength, bytes)
        ops.RegisterOp("cryptoPbkdf2", (a, r) =>
        {
            var key = keys.Get<SecretKey>(a.Int32(0));
            int hash = a.Int32(1), iterations = a.Int32(2), saltLength = a.Int32(3), bytes = a.Int32(4);
            r.Set(With(saltLength, salt =>
            {
                var output = io.Scratch(bytes);
                Kdf.Pbkdf2(hash, key.Bytes, salt, iterations, output);
                return io.Output(output);
            }));
        });
        // cryptoEcdh(privateId, publicId) -> secret length (the full X coordinate)
        ops.RegisterOp("cryptoEcdh", (a, r) =>
            r.Set(io.Output(Ec.Derive(keys.Get<EcKey>(a.Int32(0)), keys.Get<EcKey>(a.Int32(1))))));

        // ---- signatures and RSA encryption ----
        ops.RegisterOp("cryptoEcdsaSign", (a, r) =>
        {
            ctx.Touched("crypto.ecdsa");
            var key = keys.Get<EcKey>(a.Int32(0));
            var hash = a.Int32(1);
            r.Set(With(a.Int32(2), data =>
            {
                var output = io.Scratch(2 * key.Curve.Size);
                return io.Output(output[..Ec.Sign(key, hash, data, output)]);
            }));
        });
        ops.RegisterOp("cryptoEcdsaVerify", (a, r) =>
        {
            var key = keys.Get<EcKey>(a.Int32(0));
            var hash = a.Int32(1);
            var sigLength = a.Int32(2);
            r.Set(With(sigLength + a.Int32(3), input => Ec.Verify(key, hash, input[..sigLength], input[sigLength..]) ? 1 : 0) == 1);
        });
        // cryptoRsaSign(id, pss, hash, saltLength, dataLength)
        ops.RegisterOp("cryptoRsaSign", (a, r) =>
        {
            var key = keys.Get<RsaKey>(a.Int32(0));
            var pss = a.IsTruthy(1);
            if (pss) ctx.Touched("crypto.rsa-pss");
            int hash = a.Int32(2), saltLength = a.Int32(3);
            r.Set(With(a.Int32(4), data =>
            {
                var output = io.Scratch(key.Rsa.KeySize / 8 + 1);
                return io.Output(output[..Rsa.Sign(key, pss, hash, saltLength, data, output)]);
            }));
        });
        // cryptoRsaVerify(id, pss, hash, saltLength, signatureLength, dataLength)
        ops.RegisterOp("cryptoRsaVerify", (a, r) =>
        {
            var key = keys.Get<RsaKey>(a.Int32(0));
            var pss = a.IsTruthy(1);
            int hash = a.Int32(2), saltLength = a.Int32(3), sigLength = a.Int32(4);
            r.Set(With(sigLength + a.Int32(5), input => Rsa.Verify(key, pss, hash, saltLength, input[..sigLength], input[sigLength..]) ? 1 : 0) == 1);
        });
        // cryptoRsaOaep(id, encrypt, hash, labelLength, dataLength)
        ops.RegisterOp("cryptoRsaOaep", (a, r) =>
        {
            var key = keys.Get<RsaKey>(a.Int32(0));
            var encrypt = a.IsTruthy(1);
            if (encrypt) ctx.Touched("crypto.rsa-oaep");
            int hash = a.Int32(2), labelLength = a.Int32(3);
            r.Set(With(labelLength + a.Int32(4), input =>
            {
                var output = io.Scratch(key.Rsa.KeySize / 8 + 1);
                return io.Output(output[..Rsa.Oaep(key, encrypt, hash, input[..labelLength], input[labelLength..], output)]);
            }));
        });
    }

    private sealed class OpRegistrar(V8Engine engine)
    {
        public void RegisterOp(string name, Op body) => engine.RegisterOp(name, (a, r) =>
        {
            try { body(a, r); }
            catch (CryptographicException e) { throw new OpException("OperationError", e.Message); }
        });
    }
}
