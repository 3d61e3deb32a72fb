using static EsRuntime.Tests.Crypto.CryptoJs;

namespace EsRuntime.Tests.Crypto;

/// <summary>CryptoKey's surface, wrapKey/unwrapKey in every combination, and promise timing.</summary>
public class KeyTests
{
    [Fact]
    public void CryptoKey_attributes_are_branded_and_cached() => Expect("""
        const key = await subtle.generateKey({ name: "AES-GCM", length: 128 }, false, ["decrypt", "encrypt", "decrypt"]);
        console.log(key.type, key.extractable, key.algorithm.name, key.usages.join(), key.algorithm === key.algorithm, key.usages === key.usages);
        key.algorithm.length = 99;
        key.usages.push("sign");
        console.log(await errorName(subtle.sign("HMAC", key, new Uint8Array(1))));
        const getter = Object.getOwnPropertyDescriptor(CryptoKey.prototype, "type").get;
        const fake = Object.create(CryptoKey.prototype);
        const name = (f) => { try { f(); return "ok"; } catch (e) { return e.name; } };
        console.log(name(() => getter.call({})), name(() => fake.type), fake instanceof CryptoKey);
        console.log(await errorName(subtle.encrypt({ name: "AES-GCM", iv: new Uint8Array(12) }, fake, new Uint8Array(1))));
        console.log(Object.keys(CryptoKey.prototype).join(), Object.keys(key).length, String(key));
        """, "secret false AES-GCM encrypt,decrypt true true\nInvalidAccessError\nTypeError TypeError true\nTypeError\ntype,extractable,algorithm,usages 0 [object CryptoKey]\n");

    [Fact]
    public void Wrap_and_unwrap_with_every_wrapping_algorithm() => Expect("""
        const secret = await subtle.importKey("raw", unhex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"), { name: "HMAC", hash: "SHA-256" }, true, ["sign"]);
        const expected = hex(await subtle.exportKey("raw", secret));
        const hmacAlg = { name: "HMAC", hash: "SHA-256" };
        const wrappers = [
          ["AES-KW", await subtle.generateKey({ name: "AES-KW", length: 256 }, false, ["wrapKey", "unwrapKey"]), "AES-KW"],
          ["AES-GCM", await subtle.generateKey({ name: "AES-GCM", length: 256 }, false, ["wrapKey", "unwrapKey"]), { name: "AES-GCM", iv: new Uint8Array(12) }],
          ["AES-CBC", await subtle.generateKey({ name: "AES-CBC", length: 128 }, false, ["wrapKey", "unwrapKey"]), { name: "AES-CBC", iv: new Uint8Array(16) }],
          ["AES-CTR", await subtle.generateKey({ name: "AES-CTR", length: 128 }, false, ["wrapKey", "unwrapKey"]), { name: "AES-CTR", counter: new Uint8Array(16), length: 64 }],
        ];
        const rsa = await subtle.generateKey({ name: "RSA-OAEP", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" }, false, ["wrapKey", "unwrapKey"]);
        for (const [label, key, alg] of wrappers) {
          for (const format of ["raw", "jwk"]) {
            let result;
            try {
              const wrapped = await subtle.wrapKey(format, secret, key, alg);
              const back = await subtle.unwrapKey(format, wrapped, key, alg, hmacAlg, true, ["sign"]);
              result = hex(await subtle.exportKey("raw", back)) === expected;
            } catch (e) { result = e.name; }
            console.log(label, format, result);
          }
        }
        const wrapped = await subtle.wrapKey("jwk", secret, rsa.publicKey, "RSA-OAEP");
        const back = await subtle.unwrapKey("jwk", wrapped, rsa.privateKey, "RSA-OAEP", hmacAlg, false, ["sign"]);
        console.log("RSA-OAEP jwk", back.extractable, back.algorithm.hash.name);
        """, """
        AES-KW raw true
        AES-KW jwk OperationError
        AES-GCM raw true
        AES-GCM jwk true
        AES-CBC raw true
        AES-CBC jwk true
        AES-CTR raw true
        AES-CTR jwk true
        RSA-OAEP jwk false SHA-256

        """);

    [Fact]
    public void Wrap_errors() => Expect("""
        const kw = await subtle.generateKey({ name: "AES-KW", length: 128 }, false, ["wrapKey"]);
        const gcm = await subtle.generateKey({ name: "AES-GCM", length: 128 }, false, ["encrypt"]);
        const hidden = await subtle.generateKey({ name: "AES-GCM", length: 128 }, false, ["encrypt"]);
        const open = await subtle.generateKey({ name: "AES-GCM", length: 128 }, true, ["encrypt"]);
        const hkdf = await subtle.importKey("raw", new Uint8Array(16), "HKDF", false, ["deriveKey"]);
        console.log(await errorName(subtle.wrapKey("raw", hidden, kw, "AES-KW")));
        console.log(await errorName(subtle.wrapKey("raw", open, gcm, { name: "AES-GCM", iv: new Uint8Array(12) })));
        console.log(await errorName(subtle.wrapKey("raw", open, kw, { name: "AES-GCM", iv: new Uint8Array(12) })));
        console.log(await errorName(subtle.wrapKey("raw", open, kw, "AES-GCM")));
        console.log(await errorName(subtle.wrapKey("raw", hkdf, kw, "AES-KW")));
        console.log(await errorName(subtle.wrapKey("raw", open, kw, "HMAC")));
        console.log(await errorName(subtle.wrapKey("spki", open, kw, "AES-KW")));
        console.log(await errorName(subtle.unwrapKey("raw", new Uint8Array(24), kw, "AES-KW", "AES-GCM", true, ["encrypt"])));
        const gcmWrap = await subtle.generateKey({ name: "AES-GCM", length: 128 }, false, ["wrapKey", "unwrapKey"]);
        const notJson = await subtle.wrapKey("raw", open, gcmWrap, { name: "AES-GCM", iv: new Uint8Array(12) });
        console.log(await errorName(subtle.unwrapKey("jwk", notJson, gcmWrap, { name: "AES-GCM", iv: new Uint8Array(12) }, "AES-GCM", true, ["encrypt"])));
        """, "InvalidAccessError\nInvalidAccessError\nInvalidAccessError\nTypeError\nNotSupportedError\nNotSupportedError\nNotSupportedError\nInvalidAccessError\nDataError\n");

    // Normalization errors reject at once; errors of the operation itself only after the caller's
    // next microtask (WebCrypto runs them "in parallel" and settles the promise from a task).
    [Fact]
    public void Rejection_timing() => Expect("""
        // As WPT does: the handler is attached before the caller's own microtask is queued.
        function timing(make) {
          let ticked = false;
          const p = make().then(() => "resolved", (e) => `${e.name}:${ticked ? "late" : "early"}`);
          Promise.resolve().then(() => { ticked = true; });
          return p;
        }
        console.log(await timing(() => subtle.generateKey({ name: "AES" }, true, ["encrypt"])));
        console.log(await timing(() => subtle.generateKey({ name: "AES-GCM", length: 128 }, true, ["sign"])));
        console.log(await timing(() => subtle.generateKey({ name: "AES-GCM", length: 128 }, true, [])));
        console.log(await timing(() => subtle.digest({ name: "SHA-256" })));
        """, "NotSupportedError:early\nSyntaxError:late\nSyntaxError:late\nTypeError:early\n");

    // Keys are swept from the C# table once collected; live keys must survive every sweep.
    [Fact]
    public void Many_short_lived_keys_do_not_disturb_live_ones() => Expect("""
        const kept = [];
        for (let i = 0; i < 5000; i++) {
          const raw = new Uint8Array(16).fill(i & 0xff);
          const key = await subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, true, ["sign"]);
          if (i % 250 === 0) kept.push([key, raw]);
          const junk = new Array(200).fill(i);
        }
        let ok = 0;
        for (const [key, raw] of kept) {
          const again = await subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
          if (hex(await subtle.sign("HMAC", key, raw)) === hex(await subtle.sign("HMAC", again, raw))) ok++;
          if (hex(await subtle.exportKey("raw", key)) === hex(raw)) ok++;
        }
        console.log(ok, kept.length * 2);
        """, "40 40\n");

    [Fact]
    public void Algorithm_names_are_ascii_case_insensitive() => Expect("""
        console.log((await subtle.generateKey({ name: "aes-gcm", length: 128 }, true, ["encrypt"])).algorithm.name);
        console.log((await subtle.generateKey({ name: "Hmac", hash: { name: "sha-384" } }, true, ["sign"])).algorithm.hash.name);
        console.log(await errorName(subtle.digest("ſha-1", new Uint8Array(0))));
        let reads = 0;
        const alg = { get name() { reads++; return "SHA-256"; } };
        await subtle.digest(alg, new Uint8Array(0));
        console.log(reads > 0);
        """, "AES-GCM\nSHA-384\nNotSupportedError\ntrue\n");
}
