using static EsRuntime.Tests.Crypto.CryptoJs;

namespace EsRuntime.Tests.Crypto;

/// <summary>RSASSA-PKCS1-v1_5, RSA-PSS and RSA-OAEP: Node cross-checks on a fixed key, round trips, formats.</summary>
public class RsaTests
{
    private const string Setup = $$"""
        const pkcs8 = unhex("{{NodeVectors.RsaPkcs8}}");
        const spki = unhex("{{NodeVectors.RsaSpki}}");

        """;

    // PKCS#1 v1.5 and PSS with salt 0 are deterministic, so they must equal Node's bytes.
    [Fact]
    public void Deterministic_signatures_match_node() => Expect(Setup + $$"""
        const pkcs1 = await subtle.importKey("pkcs8", pkcs8, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["sign"]);
        console.log(hex(await subtle.sign("RSASSA-PKCS1-v1_5", pkcs1, ascii("hello"))) === "{{NodeVectors.Pkcs1Sig}}");
        const pss = await subtle.importKey("pkcs8", pkcs8, { name: "RSA-PSS", hash: "SHA-256" }, false, ["sign"]);
        console.log(hex(await subtle.sign({ name: "RSA-PSS", saltLength: 0 }, pss, ascii("hello"))) === "{{NodeVectors.Pss0Sig}}");
        const pssPub = await subtle.importKey("spki", spki, { name: "RSA-PSS", hash: "SHA-256" }, false, ["verify"]);
        console.log(await subtle.verify({ name: "RSA-PSS", saltLength: 20 }, pssPub, unhex("{{NodeVectors.Pss20Sig}}"), ascii("hello")));
        console.log(await subtle.verify({ name: "RSA-PSS", saltLength: 32 }, pssPub, unhex("{{NodeVectors.Pss20Sig}}"), ascii("hello")));
        const pkcs1Pub = await subtle.importKey("spki", spki, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["verify"]);
        console.log(await subtle.verify("RSASSA-PKCS1-v1_5", pkcs1Pub, unhex("{{NodeVectors.Pkcs1Sig}}"), ascii("hello")), await subtle.verify("RSASSA-PKCS1-v1_5", pkcs1Pub, unhex("{{NodeVectors.Pkcs1Sig}}"), ascii("hellO")));
        """, "true\ntrue\ntrue\nfalse\ntrue false\n");

    [Fact]
    public void Oaep_label_decrypts_node_ciphertext() => Expect(Setup + $$"""
        const key = await subtle.importKey("pkcs8", pkcs8, { name: "RSA-OAEP", hash: "SHA-1" }, false, ["decrypt"]);
        const plain = await subtle.decrypt({ name: "RSA-OAEP", label: ascii("label") }, key, unhex("{{NodeVectors.OaepLabelCt}}"));
        console.log(String.fromCharCode(...new Uint8Array(plain)));
        console.log(await errorName(subtle.decrypt({ name: "RSA-OAEP", label: ascii("other") }, key, unhex("{{NodeVectors.OaepLabelCt}}"))));
        console.log(await errorName(subtle.decrypt({ name: "RSA-OAEP" }, key, unhex("{{NodeVectors.OaepLabelCt}}"))));
        """, "message\nOperationError\nOperationError\n");

    [Theory]
    [InlineData("SHA-1", 86)]
    [InlineData("SHA-256", 62)]
    [InlineData("SHA-384", 30)]
    public void Oaep_round_trips(string hash, int max) => Expect(Setup + $$"""
        const alg = { name: "RSA-OAEP", hash: "{{hash}}" };
        const pub = await subtle.importKey("spki", spki, alg, false, ["encrypt", "wrapKey"]);
        const priv = await subtle.importKey("pkcs8", pkcs8, alg, false, ["decrypt", "unwrapKey"]);
        for (const label of [undefined, new Uint8Array(0), ascii("a label")]) {
          const c = await subtle.encrypt({ name: "RSA-OAEP", label }, pub, ascii("secret"));
          console.log(c.byteLength, String.fromCharCode(...new Uint8Array(await subtle.decrypt({ name: "RSA-OAEP", label }, priv, c))));
        }
        // A 1024-bit key takes at most k - 2*hLen - 2 bytes.
        console.log((await subtle.encrypt("RSA-OAEP", pub, new Uint8Array({{max}}))).byteLength, await errorName(subtle.encrypt("RSA-OAEP", pub, new Uint8Array({{max + 1}}))));
        console.log(await errorName(subtle.encrypt("RSA-OAEP", priv, new Uint8Array(1))), await errorName(subtle.decrypt("RSA-OAEP", pub, new Uint8Array(128))));
        """, "128 secret\n128 secret\n128 secret\n128 OperationError\nInvalidAccessError InvalidAccessError\n");

    [Fact]
    public void Generated_keys_every_format_and_jwk_shape() => Expect("""
        const alg = { name: "RSA-PSS", modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-384" };
        const { publicKey, privateKey } = await subtle.generateKey(alg, true, ["sign", "verify"]);
        console.log(JSON.stringify(publicKey.algorithm), publicKey.algorithm.publicExponent instanceof Uint8Array);
        console.log(publicKey.usages.join(), privateKey.usages.join(), publicKey.extractable);
        const jwk = await subtle.exportKey("jwk", privateKey);
        console.log(Object.keys(jwk).sort().join(), jwk.alg, jwk.e, jwk.n.length);
        const pubJwk = await subtle.exportKey("jwk", publicKey);
        console.log(Object.keys(pubJwk).sort().join(), pubJwk.alg);
        const keys = [
          await subtle.importKey("jwk", jwk, { name: "RSA-PSS", hash: "SHA-384" }, true, ["sign"]),
          await subtle.importKey("pkcs8", await subtle.exportKey("pkcs8", privateKey), { name: "RSA-PSS", hash: "SHA-384" }, true, ["sign"]),
        ];
        const pubs = [
          await subtle.importKey("jwk", pubJwk, { name: "RSA-PSS", hash: "SHA-384" }, true, ["verify"]),
          await subtle.importKey("spki", await subtle.exportKey("spki", publicKey), { name: "RSA-PSS", hash: "SHA-384" }, true, ["verify"]),
        ];
        for (const key of keys) {
          const sig = await subtle.sign({ name: "RSA-PSS", saltLength: 48 }, key, ascii("m"));
          console.log(key.algorithm.modulusLength, await subtle.verify({ name: "RSA-PSS", saltLength: 48 }, pubs[0], sig, ascii("m")), await subtle.verify({ name: "RSA-PSS", saltLength: 48 }, pubs[1], sig, ascii("m")));
        }
        console.log(await errorName(subtle.exportKey("raw", publicKey)), await errorName(subtle.exportKey("spki", privateKey)), await errorName(subtle.exportKey("pkcs8", publicKey)));
        """, """
        {"name":"RSA-PSS","modulusLength":1024,"publicExponent":{"0":1,"1":0,"2":1},"hash":{"name":"SHA-384"}} true
        verify sign true
        alg,d,dp,dq,e,ext,key_ops,kty,n,p,q,qi PS384 AQAB 171
        alg,e,ext,key_ops,kty,n PS384
        1024 true true
        1024 true true
        NotSupportedError InvalidAccessError InvalidAccessError

        """);

    // .NET only generates e = 65537; other exponents go through OpenSSL's keygen.
    [Fact]
    public void Other_public_exponents_generate_working_keys() => Expect("""
        const { publicKey, privateKey } = await subtle.generateKey({ name: "RSASSA-PKCS1-v1_5", modulusLength: 1024, publicExponent: new Uint8Array([3]), hash: "SHA-1" }, true, ["sign", "verify"]);
        console.log(publicKey.algorithm.publicExponent.join(), publicKey.algorithm.modulusLength, (await subtle.exportKey("jwk", publicKey)).e);
        const sig = await subtle.sign("RSASSA-PKCS1-v1_5", privateKey, ascii("m"));
        console.log(await subtle.verify("RSASSA-PKCS1-v1_5", publicKey, sig, ascii("m")));
        const big = await subtle.generateKey({ name: "RSA-OAEP", modulusLength: 1024, publicExponent: new Uint8Array([0, 1, 0, 0, 0, 1]), hash: "SHA-1" }, true, ["encrypt", "decrypt"]);
        console.log(big.publicKey.algorithm.publicExponent.join());
        console.log(await errorName(subtle.generateKey({ name: "RSA-OAEP", modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 0]), hash: "SHA-1" }, true, ["decrypt"])));
        console.log(await errorName(subtle.generateKey({ name: "RSA-OAEP", modulusLength: 1001, publicExponent: new Uint8Array([3]), hash: "SHA-1" }, true, ["decrypt"])));
        """, "3 1024 Aw\ntrue\n1,0,0,0,1\nOperationError\nOperationError\n");

    [Fact]
    public void Argument_and_data_errors() => Expect(Setup + """
        const e = new Uint8Array([1, 0, 1]);
        console.log(await errorName(subtle.generateKey({ name: "RSA-OAEP", modulusLength: 1024, publicExponent: e, hash: "SHA-256" }, true, ["sign"])));
        console.log(await errorName(subtle.generateKey({ name: "RSA-OAEP", modulusLength: 1024, publicExponent: [1, 0, 1], hash: "SHA-256" }, true, ["encrypt"])));
        console.log(await errorName(subtle.generateKey({ name: "RSA-OAEP", modulusLength: 1024, publicExponent: new Uint8Array([1]), hash: "SHA-256" }, true, ["decrypt"])));
        console.log(await errorName(subtle.generateKey({ name: "RSASSA-PKCS1-v1_5", modulusLength: 1024, publicExponent: e, hash: "SHA-256" }, true, ["verify"])));
        console.log(await errorName(subtle.importKey("raw", spki, { name: "RSA-OAEP", hash: "SHA-256" }, true, ["encrypt"])));
        console.log(await errorName(subtle.importKey("spki", spki, { name: "RSA-OAEP", hash: "SHA-256" }, true, ["decrypt"])));
        console.log(await errorName(subtle.importKey("spki", pkcs8, { name: "RSA-OAEP", hash: "SHA-256" }, true, ["encrypt"])));
        console.log(await errorName(subtle.importKey("spki", spki, { name: "RSA-OAEP" }, true, ["encrypt"])));
        const pub = await subtle.importKey("spki", spki, { name: "RSA-OAEP", hash: "SHA-256" }, true, ["encrypt"]);
        const jwk = await subtle.exportKey("jwk", pub);
        console.log(jwk.alg, await errorName(subtle.importKey("jwk", jwk, { name: "RSA-OAEP", hash: "SHA-1" }, true, ["encrypt"])));
        console.log(await errorName(subtle.importKey("jwk", { ...jwk, n: undefined }, { name: "RSA-OAEP", hash: "SHA-256" }, true, ["encrypt"])));
        const signer = await subtle.importKey("pkcs8", pkcs8, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, true, ["sign"]);
        const priv = await subtle.exportKey("jwk", signer);
        console.log(await errorName(subtle.importKey("jwk", { ...priv, p: undefined }, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, true, ["sign"])));
        console.log(await errorName(subtle.importKey("jwk", { ...priv, use: "enc" }, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, true, ["sign"])));
        console.log(await errorName(subtle.sign({ name: "RSA-PSS", saltLength: 0 }, signer, ascii("m"))));
        console.log(await errorName(subtle.sign({ name: "RSA-PSS" }, signer, ascii("m"))));
        """, "SyntaxError\nTypeError\nOperationError\nSyntaxError\nNotSupportedError\nSyntaxError\nDataError\nTypeError\nRSA-OAEP-256 DataError\nDataError\nDataError\nDataError\nInvalidAccessError\nTypeError\n");
}
