using static EsRuntime.Tests.Crypto.CryptoJs;

namespace EsRuntime.Tests.Crypto;

/// <summary>ECDSA and ECDH on the three NIST curves: round trips, every format, cross-checks with Node.</summary>
public class EcTests
{
    [Theory]
    [InlineData("P-256", "SHA-256", 64)]
    [InlineData("P-384", "SHA-384", 96)]
    [InlineData("P-521", "SHA-512", 132)]
    public void Ecdsa_sign_verify_and_every_format(string curve, string hash, int sigLength) => Expect($$"""
        const alg = { name: "ECDSA", namedCurve: "{{curve}}" };
        const { publicKey, privateKey } = await subtle.generateKey(alg, false, ["sign", "verify"]);
        console.log(publicKey.type, publicKey.extractable, publicKey.usages.join(), privateKey.type, privateKey.extractable, privateKey.usages.join(), privateKey.algorithm.namedCurve);
        const sign = { name: "ECDSA", hash: "{{hash}}" };
        const sig = await subtle.sign(sign, privateKey, ascii("message"));
        console.log(sig.byteLength === {{sigLength}}, await subtle.verify(sign, publicKey, sig, ascii("message")), await subtle.verify(sign, publicKey, sig, ascii("massage")));
        console.log(await subtle.verify(sign, publicKey, sig.slice(1), ascii("message")), await subtle.verify({ name: "ECDSA", hash: "SHA-1" }, publicKey, sig, ascii("message")));
        // The public key through raw, spki and jwk verifies the same signature.
        for (const format of ["raw", "spki", "jwk"]) {
          const data = await subtle.exportKey(format, publicKey);
          const back = await subtle.importKey(format, data, alg, true, ["verify"]);
          console.log(format, back.type, await subtle.verify(sign, back, sig, ascii("message")));
        }
        console.log(await errorName(subtle.exportKey("pkcs8", privateKey)));
        """, $"public true verify private false sign {curve}\ntrue true false\nfalse false\nraw public true\nspki public true\njwk public true\nInvalidAccessError\n");

    [Fact]
    public void Ecdsa_private_key_formats_and_jwk_shape() => Expect("""
        const alg = { name: "ECDSA", namedCurve: "P-256" };
        const { publicKey, privateKey } = await subtle.generateKey(alg, true, ["sign", "verify"]);
        const jwk = await subtle.exportKey("jwk", privateKey);
        console.log(Object.keys(jwk).sort().join(), jwk.kty, jwk.crv, jwk.d.length, jwk.x.length, jwk.key_ops.join(), jwk.ext);
        const pub = await subtle.exportKey("jwk", publicKey);
        console.log(Object.keys(pub).sort().join(), pub.x === jwk.x, pub.y === jwk.y);
        const fromPkcs8 = await subtle.importKey("pkcs8", await subtle.exportKey("pkcs8", privateKey), alg, true, ["sign"]);
        const fromJwk = await subtle.importKey("jwk", jwk, alg, false, ["sign"]);
        for (const key of [fromPkcs8, fromJwk]) {
          const sig = await subtle.sign({ name: "ECDSA", hash: "SHA-256" }, key, ascii("m"));
          console.log(key.type, await subtle.verify({ name: "ECDSA", hash: "SHA-256" }, publicKey, sig, ascii("m")));
        }
        console.log(await errorName(subtle.exportKey("spki", privateKey)), await errorName(subtle.exportKey("raw", privateKey)));
        console.log(await errorName(subtle.sign({ name: "ECDSA", hash: "SHA-256" }, publicKey, ascii("m"))));
        """, "crv,d,ext,key_ops,kty,x,y EC P-256 43 43 sign true\ncrv,ext,key_ops,kty,x,y true true\nprivate true\nprivate true\nInvalidAccessError InvalidAccessError\nInvalidAccessError\n");

    [Fact]
    public void Ecdsa_verifies_a_node_signature() => Expect($$"""
        const jwk = JSON.parse('{{NodeVectors.EcdsaJwk}}');
        const key = await subtle.importKey("jwk", jwk, { name: "ECDSA", namedCurve: "P-521" }, true, ["verify"]);
        console.log(await subtle.verify({ name: "ECDSA", hash: "SHA-512" }, key, unhex("{{NodeVectors.EcdsaSig}}"), ascii("hello")));
        console.log(await subtle.verify({ name: "ECDSA", hash: "SHA-512" }, key, unhex("{{NodeVectors.EcdsaSig}}"), ascii("hellO")));
        """, "true\nfalse\n");

    [Fact]
    public void Ecdh_matches_node() => Expect($$"""
        const alg = { name: "ECDH", namedCurve: "P-384" };
        const a = await subtle.importKey("pkcs8", unhex("{{NodeVectors.EcdhAPkcs8}}"), alg, true, ["deriveBits"]);
        const b = await subtle.importKey("raw", unhex("{{NodeVectors.EcdhBRaw}}"), alg, true, []);
        console.log(hex(await subtle.deriveBits({ name: "ECDH", public: b }, a, 384)));
        console.log(hex(await subtle.deriveBits({ name: "ECDH", public: b }, a, null)) === "{{NodeVectors.EcdhSecret}}");
        console.log(hex(await subtle.deriveBits({ name: "ECDH", public: b }, a, 12)), (await subtle.deriveBits({ name: "ECDH", public: b }, a, 0)).byteLength);
        console.log(await errorName(subtle.deriveBits({ name: "ECDH", public: b }, a, 392)));
        """, $"{NodeVectors.EcdhSecret}\ntrue\n{NodeVectors.EcdhSecret[..2]}{NodeVectors.EcdhSecret[2]}0 0\nOperationError\n");

    [Fact]
    public void Ecdh_agreement_and_deriveKey() => Expect("""
        const alg = { name: "ECDH", namedCurve: "P-256" };
        const a = await subtle.generateKey(alg, true, ["deriveBits", "deriveKey"]);
        const b = await subtle.generateKey(alg, true, ["deriveBits"]);
        console.log(a.publicKey.usages.length, a.privateKey.usages.join());
        const ab = await subtle.deriveBits({ name: "ECDH", public: b.publicKey }, a.privateKey, 256);
        const ba = await subtle.deriveBits({ name: "ECDH", public: a.publicKey }, b.privateKey, 256);
        console.log(hex(ab) === hex(ba), ab.byteLength);
        const key = await subtle.deriveKey({ name: "ECDH", public: b.publicKey }, a.privateKey, { name: "AES-GCM", length: 128 }, true, ["encrypt"]);
        console.log(hex(await subtle.exportKey("raw", key)) === hex(ab).slice(0, 32));
        const other = await subtle.generateKey({ name: "ECDH", namedCurve: "P-384" }, true, ["deriveBits"]);
        const dsa = await subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign"]);
        console.log(await errorName(subtle.deriveBits({ name: "ECDH", public: other.publicKey }, a.privateKey, 128)));
        console.log(await errorName(subtle.deriveBits({ name: "ECDH", public: dsa.publicKey }, a.privateKey, 128)));
        console.log(await errorName(subtle.deriveBits({ name: "ECDH", public: b.privateKey }, a.privateKey, 128)));
        console.log(await errorName(subtle.deriveBits({ name: "ECDH", public: "key" }, a.privateKey, 128)));
        console.log(await errorName(subtle.deriveBits({ name: "ECDH", public: b.publicKey }, b.privateKey.usages && a.publicKey, 128)));
        console.log(await errorName(subtle.importKey("spki", await subtle.exportKey("spki", b.publicKey), alg, true, ["deriveBits"])));
        """, "0 deriveKey,deriveBits\ntrue 32\ntrue\nInvalidAccessError\nInvalidAccessError\nInvalidAccessError\nTypeError\nInvalidAccessError\nSyntaxError\n");

    [Fact]
    public void Import_rejects_bad_or_mismatched_data() => Expect("""
        const p256 = await subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
        const spki = await subtle.exportKey("spki", p256.publicKey);
        const jwk = await subtle.exportKey("jwk", p256.publicKey);
        const as384 = { name: "ECDSA", namedCurve: "P-384" };
        console.log(await errorName(subtle.importKey("spki", spki, as384, true, ["verify"])));
        console.log(await errorName(subtle.importKey("jwk", jwk, as384, true, ["verify"])));
        console.log(await errorName(subtle.importKey("spki", new Uint8Array(10), { name: "ECDSA", namedCurve: "P-256" }, true, ["verify"])));
        console.log(await errorName(subtle.importKey("raw", new Uint8Array(65), { name: "ECDSA", namedCurve: "P-256" }, true, ["verify"])));
        const offCurve = { ...jwk, y: jwk.x };
        console.log(await errorName(subtle.importKey("jwk", offCurve, { name: "ECDSA", namedCurve: "P-256" }, true, ["verify"])));
        console.log(await errorName(subtle.importKey("jwk", { ...jwk, alg: "ES384" }, { name: "ECDSA", namedCurve: "P-256" }, true, ["verify"])));
        console.log(await errorName(subtle.importKey("jwk", { ...jwk, kty: "RSA" }, { name: "ECDSA", namedCurve: "P-256" }, true, ["verify"])));
        console.log(await errorName(subtle.importKey("jwk", jwk, { name: "ECDSA", namedCurve: "P-256" }, true, ["sign"])));
        console.log(await errorName(subtle.importKey("spki", spki, { name: "ECDSA", namedCurve: "P-512" }, true, ["verify"])));
        console.log(await errorName(subtle.importKey("pkcs8", spki, { name: "ECDSA", namedCurve: "P-256" }, true, ["sign"])));
        console.log(await errorName(subtle.generateKey({ name: "ECDSA", namedCurve: "P-512" }, true, ["sign"])));
        console.log(await errorName(subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["verify"])));
        console.log(await errorName(subtle.generateKey({ name: "ECDSA" }, true, ["sign"])));
        console.log(await errorName(subtle.generateKey({ name: "ECDSA", namedCurve: "Ed25519" }, true, ["sign"])));
        console.log(await errorName(subtle.generateKey({ name: "ECDH", namedCurve: "X25519" }, true, ["deriveBits"])));
        """, "DataError\nDataError\nDataError\nDataError\nDataError\nDataError\nDataError\nSyntaxError\nNotSupportedError\nDataError\nNotSupportedError\nSyntaxError\nTypeError\nNotSupportedError\nNotSupportedError\n");

    // The private scalar comes from the entropy provider: the same seed gives the same key pair.
    [Fact]
    public void Ec_key_generation_is_deterministic_per_seed()
    {
        const string code = """
            for (const namedCurve of ["P-256", "P-384", "P-521"]) {
              const { privateKey } = await subtle.generateKey({ name: "ECDH", namedCurve }, true, ["deriveBits"]);
              console.log((await subtle.exportKey("jwk", privateKey)).d);
            }
            """;
        var first = Output(code, seed: 7);
        Assert.Equal(first, Output(code, seed: 7));
        Assert.NotEqual(first, Output(code, seed: 8));
    }
}
