using static EsRuntime.Tests.Crypto.CryptoJs;

namespace EsRuntime.Tests.Crypto;

/// <summary>Ed25519, Ed448, X25519 and X448 over OpenSSL: RFC vectors, formats, errors, determinism.</summary>
public class OkpTests
{
    private const string Pkcs8Prefix25519 = "302e020100300506032b657004220420";

    [Theory]
    // RFC 8032 §7.1, TEST 1 (empty message) and TEST 2 (one byte).
    [InlineData("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", "",
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")]
    [InlineData("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb", "72",
        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00")]
    public void Ed25519_matches_rfc8032(string secret, string message, string publicKey, string signature) => Expect($$"""
        const priv = await subtle.importKey("pkcs8", unhex("{{Pkcs8Prefix25519}}{{secret}}"), "Ed25519", true, ["sign"]);
        const jwk = await subtle.exportKey("jwk", priv);
        const pub = await subtle.importKey("jwk", { kty: "OKP", crv: "Ed25519", x: jwk.x }, "Ed25519", true, ["verify"]);
        console.log(hex(await subtle.exportKey("raw", pub)));
        const sig = await subtle.sign("Ed25519", priv, unhex("{{message}}"));
        console.log(hex(sig));
        console.log(await subtle.verify("Ed25519", pub, sig, unhex("{{message}}")), await subtle.verify("Ed25519", pub, sig, ascii("x")));
        """, $"{publicKey}\n{signature}\ntrue false\n");

    [Fact]
    public void X25519_matches_rfc7748() => Expect("""
        const prefix = "302e020100300506032b656e04220420";
        const alice = await subtle.importKey("pkcs8", unhex(prefix + "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"), "X25519", true, ["deriveBits"]);
        const bob = await subtle.importKey("raw", unhex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"), "X25519", true, []);
        console.log(hex(await subtle.deriveBits({ name: "X25519", public: bob }, alice, 256)));
        console.log(hex(await subtle.deriveBits({ name: "X25519", public: bob }, alice, 12)));
        console.log(await errorName(subtle.deriveBits({ name: "X25519", public: bob }, alice, 264)));
        const zero = await subtle.importKey("raw", new Uint8Array(32), "X25519", true, []);
        console.log(await errorName(subtle.deriveBits({ name: "X25519", public: zero }, alice, null)));
        """, "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742\n4a50\nOperationError\nOperationError\n");

    [Theory]
    [InlineData("Ed25519", "sign", "verify", 44, 48)]
    [InlineData("Ed448", "sign", "verify", 69, 73)]
    [InlineData("X25519", "deriveBits", "", 44, 48)]
    [InlineData("X448", "deriveBits", "", 68, 72)]
    public void Every_format_round_trips(string name, string privateUsage, string publicUsage, int spki, int pkcs8) => Expect($$"""
        const pubUsages = "{{publicUsage}}" ? ["{{publicUsage}}"] : [];
        const { publicKey, privateKey } = await subtle.generateKey("{{name}}", true, ["{{privateUsage}}", ...pubUsages]);
        console.log(publicKey.algorithm.name, publicKey.usages.join(), privateKey.usages.join());
        const s = await subtle.exportKey("spki", publicKey), p = await subtle.exportKey("pkcs8", privateKey);
        console.log(s.byteLength, p.byteLength);
        const raw = hex(await subtle.exportKey("raw", publicKey));
        const back = await subtle.importKey("spki", s, "{{name}}", true, pubUsages);
        const jwk = await subtle.exportKey("jwk", privateKey);
        const fromJwk = await subtle.importKey("jwk", jwk, "{{name}}", true, ["{{privateUsage}}"]);
        const again = await subtle.importKey("pkcs8", p, "{{name}}", true, ["{{privateUsage}}"]);
        console.log(hex(await subtle.exportKey("raw", back)) === raw, hex(await subtle.exportKey("pkcs8", fromJwk)) === hex(p), hex(await subtle.exportKey("pkcs8", again)) === hex(p));
        console.log(jwk.kty, jwk.crv, jwk.alg);
        console.log(await errorName(subtle.importKey("raw", new Uint8Array(5), "{{name}}", true, [])),
          await errorName(subtle.importKey("raw", unhex(raw), "{{name}}", true, ["encrypt"])),
          await errorName(subtle.importKey("jwk", { ...jwk, x: jwk.x.slice(0, -4) + "AAAA" }, "{{name}}", true, ["{{privateUsage}}"])),
          await errorName(subtle.exportKey("spki", privateKey)),
          await errorName(subtle.generateKey("{{name}}", true, [])));
        """, $"{name} {publicUsage} {privateUsage}\n{spki} {pkcs8}\ntrue true true\nOKP {name} {(name.StartsWith("Ed", StringComparison.Ordinal) ? name : "undefined")}\nDataError SyntaxError DataError InvalidAccessError SyntaxError\n");

    private const string Generate = """
        const { publicKey, privateKey } = await subtle.generateKey("Ed25519", true, ["sign", "verify"]);
        console.log(hex(await subtle.exportKey("raw", publicKey)), hex(await subtle.sign("Ed25519", privateKey, ascii("m"))));
        const x = await subtle.generateKey("X448", true, ["deriveBits"]);
        console.log(hex(await subtle.exportKey("raw", x.publicKey)));
        """;

    [Fact]
    public void Generated_keys_and_signatures_follow_the_seed()
    {
        var a = Output(Generate, seed: 5);
        Assert.Equal(a, Output(Generate, seed: 5));
        Assert.NotEqual(a, Output(Generate, seed: 6));
    }

    [Fact]
    public void Ed25519_rejects_small_order_keys_and_r() => Expect("""
        // The identity point as the public key: any S = 0 signature with R = identity would pass a
        // cofactored check; WebCrypto says verification must fail.
        const identity = unhex("0100000000000000000000000000000000000000000000000000000000000000");
        const key = await subtle.importKey("raw", identity, "Ed25519", false, ["verify"]);
        const sig = new Uint8Array(64); sig.set(identity);
        console.log(await subtle.verify("Ed25519", key, sig, ascii("anything")));
        """, "false\n");

    [Fact]
    public void Pbkdf2_length_zero_is_empty() => Expect("""
        const key = await subtle.importKey("raw", ascii("pw"), "PBKDF2", false, ["deriveBits"]);
        const bits = await subtle.deriveBits({ name: "PBKDF2", salt: ascii("salt"), iterations: 1, hash: "SHA-256" }, key, 0);
        console.log(bits.byteLength, await errorName(subtle.deriveBits({ name: "PBKDF2", salt: ascii("salt"), iterations: 1, hash: "SHA-256" }, key, 12)));
        """, "0 OperationError\n");
}
