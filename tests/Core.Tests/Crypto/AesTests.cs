using static EsRuntime.Tests.Crypto.CryptoJs;

namespace EsRuntime.Tests.Crypto;

/// <summary>AES-CBC/CTR (NIST SP 800-38A), AES-GCM (the GCM specification's test cases), AES-KW (RFC 3394).</summary>
public class AesTests
{
    private const string Sp80038aPlain = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710";

    [Theory]
    // F.2.1 CBC-AES128 and F.2.5 CBC-AES256 (WebCrypto appends one block of PKCS#7 padding).
    [InlineData("2b7e151628aed2a6abf7158809cf4f3c", "7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b273bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7")]
    [InlineData("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4", "f58c4c04d6e5f1ba779eabfb5f7bfbd69cfc4e967edb808d679f777bc6702c7d39f23369a9d9bacfa530e26304231461b2eb05e2c39be9fcda6c19078c6a9d1b")]
    public void Cbc_sp800_38a(string key, string cipher) => Expect($$"""
        const key = await subtle.importKey("raw", unhex("{{key}}"), "AES-CBC", false, ["encrypt", "decrypt"]);
        const alg = { name: "AES-CBC", iv: unhex("000102030405060708090a0b0c0d0e0f") };
        const c = await subtle.encrypt(alg, key, unhex("{{Sp80038aPlain}}"));
        console.log(c.byteLength, hex(c).slice(0, 128));
        console.log(hex(await subtle.decrypt(alg, key, c)));
        const bad = new Uint8Array(c); bad[70] ^= 0xff;
        console.log(await errorName(subtle.decrypt(alg, key, bad)), await errorName(subtle.decrypt(alg, key, c.slice(0, 70))));
        console.log(await errorName(subtle.encrypt({ name: "AES-CBC", iv: new Uint8Array(12) }, key, new Uint8Array(1))));
        """, $"80 {cipher}\n{Sp80038aPlain}\nOperationError OperationError\nOperationError\n");

    [Theory]
    // F.5.1 CTR-AES128 and F.5.5 CTR-AES256.
    [InlineData("2b7e151628aed2a6abf7158809cf4f3c", "874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff5ae4df3edbd5d35e5b4f09020db03eab1e031dda2fbe03d1792170a0f3009cee")]
    [InlineData("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4", "601ec313775789a5b7a7f504bbf3d228f443e3ca4d62b59aca84e990cacaf5c52b0930daa23de94ce87017ba2d84988ddfc9c58db67aada613c2dd08457941a6")]
    public void Ctr_sp800_38a(string key, string cipher) => Expect($$"""
        const key = await subtle.importKey("raw", unhex("{{key}}"), "AES-CTR", false, ["encrypt", "decrypt"]);
        for (const length of [64, 128]) {
          const alg = { name: "AES-CTR", counter: unhex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"), length };
          const c = await subtle.encrypt(alg, key, unhex("{{Sp80038aPlain}}"));
          console.log(hex(c));
          console.log(hex(await subtle.decrypt(alg, key, c)) === "{{Sp80038aPlain}}");
        }
        """, $"{cipher}\ntrue\n{cipher}\ntrue\n");

    [Fact]
    public void Ctr_counter_wraps_within_its_width() => Expect($$"""
        const key = await subtle.importKey("raw", new Uint8Array(16).fill(7), "AES-CTR", false, ["encrypt"]);
        const counter = new Uint8Array(16).fill(0xff);
        console.log(hex(await subtle.encrypt({ name: "AES-CTR", counter, length: 8 }, key, new Uint8Array(40))));
        console.log(hex(await subtle.encrypt({ name: "AES-CTR", counter, length: 128 }, key, new Uint8Array(40))));
        // length 1 allows two blocks; a third would reuse a counter value.
        console.log((await subtle.encrypt({ name: "AES-CTR", counter, length: 1 }, key, new Uint8Array(32))).byteLength);
        console.log(await errorName(subtle.encrypt({ name: "AES-CTR", counter, length: 1 }, key, new Uint8Array(33))));
        console.log(await errorName(subtle.encrypt({ name: "AES-CTR", counter, length: 0 }, key, new Uint8Array(1))));
        console.log(await errorName(subtle.encrypt({ name: "AES-CTR", counter, length: 129 }, key, new Uint8Array(1))));
        console.log(await errorName(subtle.encrypt({ name: "AES-CTR", counter: new Uint8Array(15), length: 64 }, key, new Uint8Array(1))));
        console.log(await errorName(subtle.encrypt({ name: "AES-CTR", counter, length: 256 }, key, new Uint8Array(1))));
        """, $"{NodeVectors.CtrWrap8}\n{NodeVectors.CtrWrap128}\n32\nOperationError\nOperationError\nOperationError\nOperationError\nTypeError\n");

    private const string GcmKey = "feffe9928665731c6d6a8f9467308308";
    private const string GcmPlain = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39";
    private const string GcmAad = "feedfacedeadbeeffeedfacedeadbeefabaddad2";

    [Theory]
    // The GCM specification's test cases 4 (96-bit IV), 5 (64-bit IV) and 6 (480-bit IV).
    [InlineData("cafebabefacedbaddecaf888", "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091", "5bc94fbc3221a5db94fae95ae7121a47")]
    [InlineData("cafebabefacedbad", "61353b4c2806934a777ff51fa22a4755699b2a714fcdc6f83766e5f97b6c742373806900e49f24b22b097544d4896b424989b5e1ebac0f07c23f4598", "3612d2e79e3b0785561be14aaca2fccb")]
    [InlineData("9313225df88406e555909c5aff5269aa6a7a9538534f7da1e4c303d2a318a728c3c0c95156809539fcf0e2429a6b525416aedbf5a0de6a57a637b39b", "8ce24998625615b603a033aca13fb894be9112a5c3a211a8ba262a3cca7e2ca701e4a9a4fba43c90ccdcb281d48c7c6fd62875d2aca417034c34aee5", "619cc5aefffe0bfa462af43c1699d050")]
    public void Gcm_vectors_for_every_tag_length(string iv, string cipher, string tag) => Expect($$"""
        const key = await subtle.importKey("raw", unhex("{{GcmKey}}"), "AES-GCM", false, ["encrypt", "decrypt"]);
        const out = [];
        for (const tagLength of [32, 64, 96, 104, 112, 120, 128]) {
          const alg = { name: "AES-GCM", iv: unhex("{{iv}}"), additionalData: unhex("{{GcmAad}}"), tagLength };
          const c = await subtle.encrypt(alg, key, unhex("{{GcmPlain}}"));
          const ok = hex(c) === "{{cipher}}" + "{{tag}}".slice(0, tagLength / 4);
          const back = hex(await subtle.decrypt(alg, key, c)) === "{{GcmPlain}}";
          const flipped = new Uint8Array(c); flipped[flipped.length - 1] ^= 0x80;
          const flippedData = new Uint8Array(c); flippedData[0] ^= 1;
          out.push(`${tagLength}:${ok}/${back}/${await errorName(subtle.decrypt(alg, key, flipped))}/${await errorName(subtle.decrypt(alg, key, flippedData))}`);
        }
        console.log(out.join(" "));
        """, string.Join(" ", new[] { 32, 64, 96, 104, 112, 120, 128 }.Select(t => $"{t}:true/true/OperationError/OperationError")) + "\n");

    [Fact]
    public void Gcm_argument_rules() => Expect("""
        const key = await subtle.importKey("raw", new Uint8Array(32), "AES-GCM", false, ["encrypt", "decrypt"]);
        console.log(hex(await subtle.encrypt({ name: "AES-GCM", iv: new Uint8Array(12) }, key, new Uint8Array(0))));
        console.log(await errorName(subtle.encrypt({ name: "AES-GCM", iv: new Uint8Array(0) }, key, new Uint8Array(1))));
        console.log(await errorName(subtle.encrypt({ name: "AES-GCM", iv: new Uint8Array(12), tagLength: 100 }, key, new Uint8Array(1))));
        console.log(await errorName(subtle.encrypt({ name: "AES-GCM", iv: new Uint8Array(12), tagLength: 256 }, key, new Uint8Array(1))));
        console.log(await errorName(subtle.decrypt({ name: "AES-GCM", iv: new Uint8Array(12) }, key, new Uint8Array(15))));
        console.log(await errorName(subtle.encrypt({ name: "AES-GCM" }, key, new Uint8Array(1))));
        console.log(await errorName(subtle.encrypt({ name: "AES-GCM", iv: "nope" }, key, new Uint8Array(1))));
        """, "530f8afbc74536b9a963b4f1c4cb738b\nOperationError\nOperationError\nTypeError\nOperationError\nTypeError\nTypeError\n");

    // Larger than the transfer buffer both ways: the input is staged and the result pulled in chunks.
    [Fact]
    public void Large_payloads_round_trip() => Expect("""
        const key = await subtle.generateKey({ name: "AES-GCM", length: 128 }, false, ["encrypt", "decrypt"]);
        const data = new Uint8Array(300000);
        for (let i = 0; i < data.length; i++) data[i] = (i * 31) & 0xff;
        const alg = { name: "AES-GCM", iv: new Uint8Array(12), additionalData: new Uint8Array(70000) };
        const c = await subtle.encrypt(alg, key, data);
        const p = new Uint8Array(await subtle.decrypt(alg, key, c));
        console.log(c.byteLength, p.length, p.every((b, i) => b === data[i]));
        const cbc = await subtle.generateKey({ name: "AES-CBC", length: 256 }, false, ["encrypt", "decrypt"]);
        const c2 = await subtle.encrypt({ name: "AES-CBC", iv: new Uint8Array(16) }, cbc, data);
        const p2 = new Uint8Array(await subtle.decrypt({ name: "AES-CBC", iv: new Uint8Array(16) }, cbc, c2));
        console.log(c2.byteLength, p2.every((b, i) => b === data[i]));
        """, "300016 300000 true\n300016 true\n");

    [Theory]
    // RFC 3394 §4.1 and §4.6.
    [InlineData("000102030405060708090a0b0c0d0e0f", "00112233445566778899aabbccddeeff", "1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5")]
    [InlineData("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "00112233445566778899aabbccddeeff000102030405060708090a0b0c0d0e0f", "28c9f404c4b810f4cbccb35cfb87f8263f5786e2d80ed326cbc7f0e71a99f43bfb988b9b7a02dd21")]
    public void Kw_rfc3394(string kek, string keyData, string wrapped) => Expect($$"""
        const kek = await subtle.importKey("raw", unhex("{{kek}}"), "AES-KW", false, ["wrapKey", "unwrapKey"]);
        const key = await subtle.importKey("raw", unhex("{{keyData}}"), "AES-CBC", true, ["encrypt"]);
        const w = await subtle.wrapKey("raw", key, kek, "AES-KW");
        console.log(hex(w));
        const back = await subtle.unwrapKey("raw", w, kek, { name: "AES-KW" }, "AES-CBC", true, ["decrypt"]);
        console.log(hex(await subtle.exportKey("raw", back)), back.algorithm.length, back.usages.join());
        const bad = new Uint8Array(w); bad[5] ^= 1;
        console.log(await errorName(subtle.unwrapKey("raw", bad, kek, "AES-KW", "AES-CBC", true, ["decrypt"])));
        """, $"{wrapped}\n{keyData} {keyData.Length * 4} decrypt\nOperationError\n");

    [Fact]
    public void Generate_import_export() => Expect("""
        for (const name of ["AES-CTR", "AES-CBC", "AES-GCM", "AES-KW"]) {
          const usages = name === "AES-KW" ? ["wrapKey", "unwrapKey"] : ["encrypt", "decrypt", "wrapKey"];
          const key = await subtle.generateKey({ name: name.toLowerCase(), length: 192 }, true, usages);
          const jwk = await subtle.exportKey("jwk", key);
          const back = await subtle.importKey("jwk", jwk, name, true, usages);
          console.log(key.algorithm.name, key.algorithm.length, jwk.alg, jwk.kty, hex(await subtle.exportKey("raw", back)) === hex(await subtle.exportKey("raw", key)));
        }
        console.log(await errorName(subtle.generateKey({ name: "AES-GCM", length: 64 }, true, ["encrypt"])));
        console.log(await errorName(subtle.generateKey({ name: "AES-GCM", length: 128 }, true, ["sign"])));
        console.log(await errorName(subtle.generateKey({ name: "AES-KW", length: 128 }, true, ["encrypt"])));
        console.log(await errorName(subtle.generateKey({ name: "AES-GCM", length: 128 }, true, [])));
        console.log(await errorName(subtle.importKey("raw", new Uint8Array(20), "AES-GCM", true, ["encrypt"])));
        console.log(await errorName(subtle.importKey("jwk", { kty: "oct", k: "AAAAAAAAAAAAAAAAAAAAAA", alg: "A256GCM" }, "AES-GCM", true, ["encrypt"])));
        console.log(await errorName(subtle.importKey("jwk", { kty: "oct", k: "AAAAAAAAAAAAAAAAAAAAAA", alg: "A128CBC" }, "AES-GCM", true, ["encrypt"])));
        console.log((await subtle.importKey("jwk", { kty: "oct", k: "AAAAAAAAAAAAAAAAAAAAAA", alg: "A128GCM" }, "AES-GCM", true, ["encrypt"])).algorithm.length);
        console.log(await errorName(subtle.importKey("pkcs8", new Uint8Array(16), "AES-GCM", true, ["encrypt"])));
        console.log(await errorName(subtle.importKey("raw", { kty: "oct" }, "AES-GCM", true, ["encrypt"])));
        console.log(await errorName(subtle.importKey("jwk", new Uint8Array(16), "AES-GCM", true, ["encrypt"])));
        console.log(await errorName(subtle.importKey("raw", new Uint8Array(16), "AES-GCM", true, ["encrypt", "bogus"])));
        console.log(await errorName(subtle.importKey("bogus", new Uint8Array(16), "AES-GCM", true, ["encrypt"])));
        """, """
        AES-CTR 192 A192CTR oct true
        AES-CBC 192 A192CBC oct true
        AES-GCM 192 A192GCM oct true
        AES-KW 192 A192KW oct true
        OperationError
        SyntaxError
        SyntaxError
        SyntaxError
        DataError
        DataError
        DataError
        128
        NotSupportedError
        TypeError
        TypeError
        TypeError
        TypeError

        """);

    [Fact]
    public void Wrong_key_or_usage_is_InvalidAccessError() => Expect("""
        const gcm = await subtle.generateKey({ name: "AES-GCM", length: 128 }, false, ["encrypt"]);
        console.log(await errorName(subtle.decrypt({ name: "AES-GCM", iv: new Uint8Array(12) }, gcm, new Uint8Array(16))));
        console.log(await errorName(subtle.encrypt({ name: "AES-CBC", iv: new Uint8Array(16) }, gcm, new Uint8Array(16))));
        console.log(await errorName(subtle.encrypt({ name: "AES-CBC", iv: new Uint8Array(16) }, {}, new Uint8Array(16))));
        """, "InvalidAccessError\nInvalidAccessError\nTypeError\n");
}
