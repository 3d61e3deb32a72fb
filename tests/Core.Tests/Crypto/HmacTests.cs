using static EsRuntime.Tests.Crypto.CryptoJs;

namespace EsRuntime.Tests.Crypto;

/// <summary>HMAC against RFC 4231, plus key generation, import/export and misuse.</summary>
public class HmacTests
{
    // RFC 4231 test cases 1, 2 and 6 (a key longer than the block size).
    [Theory]
    [InlineData("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265", "SHA-256", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")]
    [InlineData("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265", "SHA-384", "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59cfaea9ea9076ede7f4af152e8b2fa9cb6")]
    [InlineData("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265", "SHA-512", "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854")]
    [InlineData("4a656665", "7768617420646f2079612077616e7420666f72206e6f7468696e673f", "SHA-256", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")]
    [InlineData("4a656665", "7768617420646f2079612077616e7420666f72206e6f7468696e673f", "SHA-512", "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b6579202d2048617368204b6579204669727374", "SHA-256", "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")]
    public void Rfc4231(string key, string data, string hash, string mac) => Expect($$"""
        const key = await subtle.importKey("raw", unhex("{{key}}"), { name: "HMAC", hash: "{{hash}}" }, false, ["sign", "verify"]);
        const mac = await subtle.sign("HMAC", key, unhex("{{data}}"));
        console.log(hex(mac));
        console.log(await subtle.verify("hmac", key, mac, unhex("{{data}}")));
        const bad = new Uint8Array(mac); bad[0] ^= 1;
        console.log(await subtle.verify("HMAC", key, bad, unhex("{{data}}")), await subtle.verify("HMAC", key, mac.slice(1), unhex("{{data}}")));
        """, $"{mac}\ntrue\nfalse false\n");

    [Fact]
    public void Generated_keys_default_to_the_block_size_and_export() => Expect("""
        const k256 = await subtle.generateKey({ name: "HMAC", hash: "SHA-256" }, true, ["sign"]);
        const k512 = await subtle.generateKey({ name: "HMAC", hash: { name: "sha-512" } }, true, ["sign", "verify", "sign"]);
        const k12 = await subtle.generateKey({ name: "HMAC", hash: "SHA-1", length: 12 }, true, ["verify", "sign"]);
        console.log(k256.algorithm.length, k512.algorithm.length, k512.algorithm.hash.name, k512.usages.join());
        console.log((await subtle.exportKey("raw", k256)).byteLength, (await subtle.exportKey("raw", k512)).byteLength);
        const raw12 = new Uint8Array(await subtle.exportKey("raw", k12));
        console.log(raw12.length, raw12[1] & 0x0f, k12.usages.join());
        const jwk = await subtle.exportKey("jwk", k256);
        console.log(Object.keys(jwk).sort().join(), jwk.kty, jwk.alg, jwk.ext, jwk.key_ops.join());
        const back = await subtle.importKey("jwk", jwk, { name: "HMAC", hash: "SHA-256" }, true, ["sign"]);
        console.log(hex(await subtle.exportKey("raw", back)) === hex(await subtle.exportKey("raw", k256)));
        """, "512 1024 SHA-512 sign,verify\n64 128\n2 0 sign,verify\nalg,ext,k,key_ops,kty oct HS256 true sign\ntrue\n");

    [Fact]
    public void Import_length_and_jwk_checks() => Expect("""
        const alg = { name: "HMAC", hash: "SHA-256" };
        const key = await subtle.importKey("raw", new Uint8Array(20), { ...alg, length: 153 }, true, ["sign"]);
        console.log(key.algorithm.length);
        console.log(await errorName(subtle.importKey("raw", new Uint8Array(20), { ...alg, length: 161 }, true, ["sign"])));
        console.log(await errorName(subtle.importKey("raw", new Uint8Array(20), { ...alg, length: 152 }, true, ["sign"])));
        console.log(await errorName(subtle.importKey("raw", new Uint8Array(0), alg, true, ["sign"])));
        console.log(await errorName(subtle.importKey("raw", new Uint8Array(20), alg, true, ["encrypt"])));
        console.log(await errorName(subtle.importKey("raw", new Uint8Array(20), alg, true, [])));
        console.log(await errorName(subtle.importKey("spki", new Uint8Array(20), alg, true, ["sign"])));
        const k = "AAAAAAAAAAAAAAAAAAAAAAAAAAA";
        console.log(await errorName(subtle.importKey("jwk", { kty: "oct", k, alg: "HS512" }, alg, true, ["sign"])));
        console.log(await errorName(subtle.importKey("jwk", { kty: "oct", k, use: "enc" }, alg, true, ["sign"])));
        console.log(await errorName(subtle.importKey("jwk", { kty: "oct", k, key_ops: ["verify"] }, alg, true, ["sign"])));
        console.log(await errorName(subtle.importKey("jwk", { kty: "oct", k, ext: false }, alg, true, ["sign"])));
        console.log(await errorName(subtle.importKey("jwk", { kty: "RSA", k }, alg, true, ["sign"])));
        console.log(await errorName(subtle.importKey("jwk", { kty: "oct", k: "a+b/" }, alg, true, ["sign"])));
        console.log(await errorName(subtle.importKey("jwk", { kty: "oct" }, alg, true, ["sign"])));
        console.log((await subtle.importKey("jwk", { kty: "oct", k, alg: "HS256", use: "sig", key_ops: ["sign", "verify"], ext: false }, alg, false, ["sign"])).extractable);
        console.log(await errorName(subtle.generateKey({ name: "HMAC", hash: "SHA-256", length: 0 }, true, ["sign"])));
        console.log(await errorName(subtle.generateKey({ name: "HMAC" }, true, ["sign"])));
        console.log(await errorName(subtle.generateKey({ name: "HMAC", hash: "MD5" }, true, ["sign"])));
        """, "153\nDataError\nDataError\nDataError\nSyntaxError\nSyntaxError\nNotSupportedError\nDataError\nDataError\nDataError\nDataError\nDataError\nDataError\nDataError\nfalse\nOperationError\nTypeError\nNotSupportedError\n");

    [Fact]
    public void Key_misuse_is_InvalidAccessError() => Expect("""
        const key = await subtle.importKey("raw", new Uint8Array(20), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
        console.log(await errorName(subtle.sign("HMAC", key, new Uint8Array(1))));
        console.log(await errorName(subtle.exportKey("raw", key)));
        const aes = await subtle.importKey("raw", new Uint8Array(16), "AES-GCM", false, ["encrypt"]);
        console.log(await errorName(subtle.sign("HMAC", aes, new Uint8Array(1))));
        """, "InvalidAccessError\nInvalidAccessError\nInvalidAccessError\n");
}
