using static EsRuntime.Tests.Crypto.CryptoJs;

namespace EsRuntime.Tests.Crypto;

/// <summary>HKDF against RFC 5869 and PBKDF2 against RFC 6070; deriveKey; length rules.</summary>
public class KdfTests
{
    [Theory]
    // RFC 5869 A.1, A.3 (empty salt and info), A.4 (SHA-1).
    [InlineData("SHA-256", "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "000102030405060708090a0b0c", "f0f1f2f3f4f5f6f7f8f9", 42, "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865")]
    [InlineData("SHA-256", "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "", "", 42, "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8")]
    [InlineData("SHA-1", "0b0b0b0b0b0b0b0b0b0b0b", "000102030405060708090a0b0c", "f0f1f2f3f4f5f6f7f8f9", 42, "085a01ea1b10f36933068b56efa5ad81a4f14b822f5b091568a9cdd4f155fda2c22e422478d305f3f896")]
    public void Hkdf_rfc5869(string hash, string ikm, string salt, string info, int length, string okm) => Expect($$"""
        const key = await subtle.importKey("raw", unhex("{{ikm}}"), "HKDF", false, ["deriveBits"]);
        console.log(hex(await subtle.deriveBits({ name: "HKDF", hash: "{{hash}}", salt: unhex("{{salt}}"), info: unhex("{{info}}") }, key, {{length * 8}})));
        """, okm + "\n");

    [Theory]
    // RFC 6070 (PBKDF2-HMAC-SHA1).
    [InlineData("password", "salt", 1, 20, "0c60c80f961f0e71f3a9b524af6012062fe037a6")]
    [InlineData("password", "salt", 2, 20, "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957")]
    [InlineData("password", "salt", 4096, 20, "4b007901b765489abead49d926f721d065a429c1")]
    [InlineData("passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, 25, "3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038")]
    [InlineData("pass\\0word", "sa\\0lt", 4096, 16, "56fa6aa75548099dcc37d7f03425e0c3")]
    public void Pbkdf2_rfc6070(string password, string salt, int iterations, int length, string dk) => Expect($$"""
        const key = await subtle.importKey("raw", ascii("{{password}}"), "PBKDF2", false, ["deriveBits"]);
        console.log(hex(await subtle.deriveBits({ name: "PBKDF2", hash: "SHA-1", salt: ascii("{{salt}}"), iterations: {{iterations}} }, key, {{length * 8}})));
        """, dk + "\n");

    [Fact]
    public void Length_rules() => Expect("""
        const hkdf = await subtle.importKey("raw", new Uint8Array(16), "HKDF", false, ["deriveBits"]);
        const pbkdf2 = await subtle.importKey("raw", new Uint8Array(16), "PBKDF2", false, ["deriveBits"]);
        const h = { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: new Uint8Array(0) };
        const p = { name: "PBKDF2", hash: "SHA-256", salt: new Uint8Array(8), iterations: 1 };
        console.log((await subtle.deriveBits(h, hkdf, 0)).byteLength, (await subtle.deriveBits(h, hkdf, 255 * 256)).byteLength);
        console.log(await errorName(subtle.deriveBits(h, hkdf, 255 * 256 + 8)), await errorName(subtle.deriveBits(h, hkdf, 12)), await errorName(subtle.deriveBits(h, hkdf)));
        console.log(await errorName(subtle.deriveBits(p, pbkdf2, 0)), await errorName(subtle.deriveBits(p, pbkdf2, 7)), await errorName(subtle.deriveBits(p, pbkdf2, null)));
        console.log(await errorName(subtle.deriveBits({ ...p, iterations: 0 }, pbkdf2, 256)));
        console.log(await errorName(subtle.deriveBits({ ...p, iterations: -1 }, pbkdf2, 256)));
        console.log(await errorName(subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0) }, hkdf, 256)));
        """, "0 8160\nOperationError OperationError OperationError\nresolved OperationError OperationError\nOperationError\nTypeError\nTypeError\n");

    [Fact]
    public void Kdf_keys_are_raw_only_and_never_extractable() => Expect("""
        console.log(await errorName(subtle.importKey("raw", new Uint8Array(16), "HKDF", true, ["deriveBits"])));
        console.log(await errorName(subtle.importKey("jwk", { kty: "oct", k: "AAAA" }, "PBKDF2", false, ["deriveBits"])));
        console.log(await errorName(subtle.importKey("raw", new Uint8Array(16), "PBKDF2", false, ["sign"])));
        console.log(await errorName(subtle.generateKey("HKDF", false, ["deriveBits"])));
        const key = await subtle.importKey("raw", new Uint8Array(16), "hkdf", false, ["deriveKey"]);
        console.log(key.algorithm.name, key.extractable, key.usages.join());
        console.log(await errorName(subtle.exportKey("raw", key)));
        console.log(await errorName(subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: new Uint8Array(0) }, key, 256)));
        """, "SyntaxError\nNotSupportedError\nSyntaxError\nNotSupportedError\nHKDF false deriveKey\nNotSupportedError\nInvalidAccessError\n");

    [Fact]
    public void DeriveKey_makes_usable_keys() => Expect("""
        const base = await subtle.importKey("raw", ascii("password"), "PBKDF2", false, ["deriveKey"]);
        const params = { name: "PBKDF2", hash: "SHA-256", salt: ascii("salt"), iterations: 1000 };
        const aes = await subtle.deriveKey(params, base, { name: "AES-GCM", length: 256 }, true, ["encrypt", "decrypt"]);
        const bits = await subtle.deriveBits(params, await subtle.importKey("raw", ascii("password"), "PBKDF2", false, ["deriveBits"]), 256);
        console.log(aes.algorithm.name, aes.algorithm.length, hex(await subtle.exportKey("raw", aes)) === hex(bits));
        const hmac = await subtle.deriveKey(params, base, { name: "HMAC", hash: "SHA-384" }, true, ["sign"]);
        console.log(hmac.algorithm.length, (await subtle.exportKey("raw", hmac)).byteLength);
        console.log(await errorName(subtle.deriveKey(params, base, { name: "AES-GCM", length: 100 }, true, ["encrypt"])));
        console.log(await errorName(subtle.deriveKey(params, base, { name: "HMAC", hash: "SHA-256", length: 0 }, true, ["sign"])));
        console.log(await errorName(subtle.deriveKey(params, base, { name: "AES-GCM", length: 128 }, true, [])));
        console.log(await errorName(subtle.deriveKey(params, base, "HKDF", false, ["deriveBits"])));
        console.log(await errorName(subtle.deriveKey(params, base, { name: "AES-GCM" }, true, ["encrypt"])));
        """, "AES-GCM 256 true\n1024 128\nOperationError\nTypeError\nSyntaxError\nOperationError\nTypeError\n");
}
