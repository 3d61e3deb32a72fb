// META: title=WebCryptoAPI: importKey() and exportKey()
// META: script=webcrypto_vectors.js
// META: script=webcrypto_util.js
// Restates upstream WebCryptoAPI/import_export/{symmetric_importKey,ec_importKey,rsa_importKey,
// ec_importKey_failures,okp_importKey_failures}.js: every format an algorithm allows imports with every
// legal usage set and exports back to the same data; the key's attributes are right; bad data,
// formats and usages give DataError, NotSupportedError and SyntaxError.

const V = webcryptoVectors;
const subtle = crypto.subtle;

async function roundTrip(format, data, algorithm, usages, extractable = true) {
  const key = await subtle.importKey(format, data, algorithm, extractable, usages);
  const exported = await subtle.exportKey(format, key);
  return { key, exported };
}
const sameJwk = (a, b, members) => members.every((m) => a[m] === b[m]);

// Symmetric keys.
const symmetric = [
  ["AES-CTR", ["encrypt", "decrypt", "wrapKey", "unwrapKey"], "CTR"],
  ["AES-CBC", ["encrypt", "decrypt", "wrapKey", "unwrapKey"], "CBC"],
  ["AES-GCM", ["encrypt", "decrypt", "wrapKey", "unwrapKey"], "GCM"],
  ["AES-KW", ["wrapKey", "unwrapKey"], "KW"],
];
for (const [name, legal, suffix] of symmetric) {
  for (const bits of [128, 192, 256]) {
    const raw = unhex(V.aesKeys[bits]);
    for (const usages of subsetsOf(legal).filter((u) => u.length > 0)) {
      promise_test(async () => {
        const { key, exported } = await roundTrip("raw", raw, name, usages);
        assertGoodKey(key, { type: "secret", extractable: true, name, usages });
        assert_equals(key.algorithm.length, bits);
        assert_true(sameBytes(exported, raw));
        const jwk = await subtle.exportKey("jwk", key);
        assert_equals(jwk.kty, "oct");
        assert_equals(jwk.alg, `A${bits}${suffix}`);
        assert_array_equals(jwk.key_ops, key.usages);
        assert_equals(jwk.ext, true);
        const again = await subtle.importKey("jwk", jwk, name, true, usages);
        assert_true(sameBytes(await subtle.exportKey("raw", again), raw));
      }, `${name}-${bits} raw and jwk with [${usages.join(", ")}]`);
    }
    promise_test(async (t) => {
      await promise_rejects_dom(t, "SyntaxError", subtle.importKey("raw", raw, name, true, []), "empty usages");
      await promise_rejects_dom(t, "SyntaxError", subtle.importKey("raw", raw, name, true, ["sign"]), "a foreign usage");
      await promise_rejects_dom(t, "DataError", subtle.importKey("raw", raw.slice(1), name, true, legal), "a bad length");
      await promise_rejects_dom(t, "NotSupportedError", subtle.importKey("spki", raw, name, true, legal), "spki");
      const key = await subtle.importKey("raw", raw, name, false, legal);
      await promise_rejects_dom(t, "InvalidAccessError", subtle.exportKey("raw", key), "not extractable");
      const jwk = { kty: "oct", k: btoa(String.fromCharCode(...raw)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "") };
      await promise_rejects_dom(t, "DataError", subtle.importKey("jwk", { ...jwk, alg: "A999XYZ" }, name, true, legal), "a wrong alg");
      await promise_rejects_dom(t, "DataError", subtle.importKey("jwk", { ...jwk, kty: "EC" }, name, true, legal), "a wrong kty");
      await promise_rejects_dom(t, "DataError", subtle.importKey("jwk", { ...jwk, use: "sig" }, name, true, legal), "a wrong use");
      await promise_rejects_dom(t, "DataError", subtle.importKey("jwk", { ...jwk, key_ops: [] }, name, true, legal), "key_ops without the usages");
      await promise_rejects_dom(t, "DataError", subtle.importKey("jwk", { ...jwk, ext: false }, name, true, legal), "ext false but extractable");
    }, `${name}-${bits} import failures`);
  }
}

for (const hash of ["SHA-1", "SHA-256", "SHA-384", "SHA-512"]) {
  for (const usages of [["sign"], ["verify"], ["sign", "verify"]]) {
    promise_test(async () => {
      const raw = unhex(V.hmacKey);
      const { key, exported } = await roundTrip("raw", raw, { name: "HMAC", hash }, usages);
      assertGoodKey(key, { type: "secret", extractable: true, name: "HMAC", usages });
      assert_equals(key.algorithm.hash.name, hash);
      assert_equals(key.algorithm.length, 256);
      assert_true(sameBytes(exported, raw));
      const jwk = await subtle.exportKey("jwk", key);
      assert_equals(jwk.alg, { "SHA-1": "HS1", "SHA-256": "HS256", "SHA-384": "HS384", "SHA-512": "HS512" }[hash]);
    }, `HMAC ${hash} raw and jwk with [${usages.join(", ")}]`);
  }
}

for (const name of ["HKDF", "PBKDF2"]) {
  promise_test(async (t) => {
    const key = await subtle.importKey("raw", unhex(V.kdfKey), name, false, ["deriveBits", "deriveKey"]);
    assertGoodKey(key, { type: "secret", extractable: false, name, usages: ["deriveBits", "deriveKey"] });
    await promise_rejects_dom(t, "SyntaxError", subtle.importKey("raw", unhex(V.kdfKey), name, true, ["deriveBits"]), "extractable");
    await promise_rejects_dom(t, "NotSupportedError", subtle.importKey("jwk", { kty: "oct", k: "AAAA" }, name, false, ["deriveBits"]), "jwk");
    await promise_rejects_dom(t, "NotSupportedError", subtle.exportKey("raw", key), "export");
  }, `${name} import rules`);
}

// EC keys.
for (const name of ["ECDSA", "ECDH"]) {
  const publicUsages = name === "ECDSA" ? ["verify"] : [];
  const privateUsages = name === "ECDSA" ? ["sign"] : ["deriveKey", "deriveBits"];
  for (const curve of ["P-256", "P-384", "P-521"]) {
    const vector = V.ecdsa[curve];
    const algorithm = { name, namedCurve: curve };
    for (const format of ["spki", "raw", "jwk"]) {
      promise_test(async () => {
        const data = format === "jwk" ? { kty: "EC", crv: curve, x: vector.jwk.x, y: vector.jwk.y } : unhex(vector[format]);
        const { key, exported } = await roundTrip(format, data, algorithm, publicUsages);
        assertGoodKey(key, { type: "public", extractable: true, name, usages: publicUsages });
        assert_equals(key.algorithm.namedCurve, curve);
        if (format === "jwk") assert_true(sameJwk(exported, data, ["kty", "crv", "x", "y"]));
        else assert_true(sameBytes(exported, data));
      }, `${name} ${curve} public key as ${format}`);
    }
    for (const format of ["pkcs8", "jwk"]) {
      for (const usages of subsetsOf(privateUsages).filter((u) => u.length > 0)) {
        promise_test(async () => {
          const data = format === "jwk" ? { ...vector.jwk, key_ops: undefined, ext: undefined } : unhex(vector.pkcs8);
          const { key, exported } = await roundTrip(format, data, algorithm, usages);
          assertGoodKey(key, { type: "private", extractable: true, name, usages });
          if (format === "jwk") assert_true(sameJwk(exported, vector.jwk, ["kty", "crv", "x", "y", "d"]));
          else {
            // A PKCS#8 export may differ in optional fields; it must import back to the same JWK.
            const again = await subtle.importKey("pkcs8", exported, algorithm, true, usages);
            assert_true(sameJwk(await subtle.exportKey("jwk", again), vector.jwk, ["x", "y", "d"]));
          }
        }, `${name} ${curve} private key as ${format} with [${usages.join(", ")}]`);
      }
    }
    promise_test(async (t) => {
      const privateJwk = { ...vector.jwk, key_ops: undefined, ext: undefined };
      await promise_rejects_dom(t, "SyntaxError", subtle.importKey("pkcs8", unhex(vector.pkcs8), algorithm, true, []), "empty usages");
      await promise_rejects_dom(t, "SyntaxError", subtle.importKey("spki", unhex(vector.spki), algorithm, true, ["encrypt"]), "a foreign usage");
      await promise_rejects_dom(t, "DataError", subtle.importKey("spki", unhex(vector.spki).slice(0, 40), algorithm, true, publicUsages), "truncated spki");
      await promise_rejects_dom(t, "DataError", subtle.importKey("pkcs8", unhex(vector.spki), algorithm, true, privateUsages), "spki as pkcs8");
      await promise_rejects_dom(t, "DataError", subtle.importKey("raw", unhex(vector.raw).slice(1), algorithm, true, publicUsages), "a raw point without its prefix");
      const otherCurve = curve === "P-256" ? "P-384" : "P-256";
      await promise_rejects_dom(t, "DataError", subtle.importKey("spki", unhex(vector.spki), { name, namedCurve: otherCurve }, true, publicUsages), "another curve");
      await promise_rejects_dom(t, "DataError", subtle.importKey("jwk", { ...privateJwk, crv: otherCurve }, algorithm, true, privateUsages), "a jwk of another curve");
      await promise_rejects_dom(t, "DataError", subtle.importKey("jwk", { ...privateJwk, d: vector.jwk.x.slice(4) }, algorithm, true, privateUsages), "a short d");
      await promise_rejects_dom(t, "DataError", subtle.importKey("jwk", { ...privateJwk, y: vector.jwk.x }, algorithm, true, privateUsages), "a point off the curve");
      await promise_rejects_dom(t, "NotSupportedError", subtle.importKey("spki", unhex(vector.spki), { name, namedCurve: "P-512" }, true, publicUsages), "an unknown curve");
      const key = await subtle.importKey("pkcs8", unhex(vector.pkcs8), algorithm, true, privateUsages);
      await promise_rejects_dom(t, "InvalidAccessError", subtle.exportKey("spki", key), "a private key as spki");
      await promise_rejects_dom(t, "InvalidAccessError", subtle.exportKey("raw", key), "a private key as raw");
    }, `${name} ${curve} import and export failures`);
  }
}

// RSA keys.
for (const [name, publicUsages, privateUsages, jwkAlg] of [
  ["RSASSA-PKCS1-v1_5", ["verify"], ["sign"], "RS256"],
  ["RSA-PSS", ["verify"], ["sign"], "PS256"],
  ["RSA-OAEP", ["encrypt", "wrapKey"], ["decrypt", "unwrapKey"], "RSA-OAEP-256"],
]) {
  const algorithm = { name, hash: "SHA-256" };
  promise_test(async () => {
    const { key, exported } = await roundTrip("spki", unhex(V.rsa.spki), algorithm, publicUsages);
    assertGoodKey(key, { type: "public", extractable: true, name, usages: publicUsages });
    assert_equals(key.algorithm.modulusLength, 2048);
    assert_array_equals(key.algorithm.publicExponent, [1, 0, 1]);
    assert_equals(key.algorithm.hash.name, "SHA-256");
    assert_true(sameBytes(exported, unhex(V.rsa.spki)));
    const jwk = await subtle.exportKey("jwk", key);
    assert_equals(jwk.alg, jwkAlg);
    assert_true(sameJwk(jwk, V.rsa.jwk, ["kty", "n", "e"]));
  }, `${name} public key as spki and jwk`);
  promise_test(async () => {
    const { key, exported } = await roundTrip("jwk", V.rsa.jwk, algorithm, privateUsages);
    assertGoodKey(key, { type: "private", extractable: true, name, usages: privateUsages });
    assert_true(sameJwk(exported, V.rsa.jwk, ["kty", "n", "e", "d", "p", "q", "dp", "dq", "qi"]));
    const fromPkcs8 = await subtle.importKey("pkcs8", unhex(V.rsa.pkcs8), algorithm, true, privateUsages);
    assert_true(sameJwk(await subtle.exportKey("jwk", fromPkcs8), V.rsa.jwk, ["n", "d", "p", "q"]));
  }, `${name} private key as jwk and pkcs8`);
  promise_test(async (t) => {
    await promise_rejects_dom(t, "NotSupportedError", subtle.importKey("raw", unhex(V.rsa.spki), algorithm, true, publicUsages), "raw");
    await promise_rejects_dom(t, "SyntaxError", subtle.importKey("pkcs8", unhex(V.rsa.pkcs8), algorithm, true, []), "empty usages");
    await promise_rejects_dom(t, "SyntaxError", subtle.importKey("spki", unhex(V.rsa.spki), algorithm, true, privateUsages), "private usages on a public key");
    await promise_rejects_dom(t, "DataError", subtle.importKey("spki", unhex(V.ecdsa["P-256"].spki), algorithm, true, publicUsages), "an EC spki");
    await promise_rejects_dom(t, "DataError", subtle.importKey("jwk", { ...V.rsa.jwk, alg: "RS1" }, algorithm, true, privateUsages), "a mismatched alg");
    await promise_rejects_dom(t, "DataError", subtle.importKey("jwk", { ...V.rsa.jwk, kty: "EC" }, algorithm, true, privateUsages), "a wrong kty");
  }, `${name} import failures`);
}

promise_test(async (t) => {
  await promise_rejects_js(t, TypeError, subtle.importKey("raw", { kty: "oct" }, "AES-GCM", true, ["encrypt"]), "a dictionary for raw");
  await promise_rejects_js(t, TypeError, subtle.importKey("jwk", new Uint8Array(16), "AES-GCM", true, ["encrypt"]), "bytes for jwk");
  await promise_rejects_js(t, TypeError, subtle.importKey("der", new Uint8Array(16), "AES-GCM", true, ["encrypt"]), "an unknown format");
  await promise_rejects_js(t, TypeError, subtle.importKey("raw", new Uint8Array(16), "AES-GCM", true, ["encrypt", "frobnicate"]), "an unknown usage");
  await promise_rejects_dom(t, "NotSupportedError", subtle.importKey("raw", new Uint8Array(32), "Ed25519", true, ["verify"]), "Ed25519");
  await promise_rejects_dom(t, "NotSupportedError", subtle.importKey("raw", new Uint8Array(32), "X25519", true, []), "X25519");
}, "importKey argument errors");
