// META: title=WebCryptoAPI: wrapKey() and unwrapKey()
// META: script=webcrypto_vectors.js
// META: script=webcrypto_util.js
// Restates upstream WebCryptoAPI/wrapKey_unwrapKey/wrapKey_unwrapKey.https.any.js: every wrapping
// algorithm (AES-KW, AES-GCM, AES-CBC, AES-CTR, RSA-OAEP) wraps every extractable key in every format
// it can export, and unwrapping gives back a key that exports the same; plus known AES-KW outputs
// and the error cases (usages, extractability, integrity).

const V = webcryptoVectors;
const subtle = crypto.subtle;

async function wrappers() {
  const rsa = await subtle.importKey("spki", unhex(V.rsa.spki), { name: "RSA-OAEP", hash: "SHA-256" }, false, ["wrapKey"]);
  const rsaPrivate = await subtle.importKey("pkcs8", unhex(V.rsa.pkcs8), { name: "RSA-OAEP", hash: "SHA-256" }, false, ["unwrapKey"]);
  const aes = async (name, bits) => subtle.importKey("raw", unhex(V.aesKeys[bits]), name, false, ["wrapKey", "unwrapKey"]);
  return [
    { label: "AES-KW", wrap: await aes("AES-KW", 256), algorithm: "AES-KW", blockMultiple: 8 },
    { label: "AES-GCM", wrap: await aes("AES-GCM", 128), algorithm: { name: "AES-GCM", iv: unhex(V.iv12), additionalData: unhex(V.aad) } },
    { label: "AES-CBC", wrap: await aes("AES-CBC", 192), algorithm: { name: "AES-CBC", iv: unhex(V.iv16) } },
    { label: "AES-CTR", wrap: await aes("AES-CTR", 256), algorithm: { name: "AES-CTR", counter: unhex(V.iv16), length: 64 } },
    { label: "RSA-OAEP", wrap: rsa, unwrap: rsaPrivate, algorithm: { name: "RSA-OAEP", label: unhex(V.aad) }, maxBytes: 256 - 66 },
  ];
}

// Keys to wrap: [label, format, import arguments, usages]. Exported bytes are compared after the round trip.
const keysToWrap = [
  ["AES-GCM-256", "raw", ["raw", unhex(V.aesKeys[256]), "AES-GCM"], ["encrypt"]],
  ["AES-GCM-256", "jwk", ["raw", unhex(V.aesKeys[256]), "AES-GCM"], ["encrypt"]],
  ["HMAC-SHA-384", "raw", ["raw", unhex(V.hmacKey), { name: "HMAC", hash: "SHA-384" }], ["sign"]],
  ["HMAC-SHA-384", "jwk", ["raw", unhex(V.hmacKey), { name: "HMAC", hash: "SHA-384" }], ["sign"]],
  ["ECDSA-P-256 public", "spki", ["spki", unhex(V.ecdsa["P-256"].spki), { name: "ECDSA", namedCurve: "P-256" }], ["verify"]],
  ["ECDSA-P-256 public", "raw", ["spki", unhex(V.ecdsa["P-256"].spki), { name: "ECDSA", namedCurve: "P-256" }], ["verify"]],
  ["ECDSA-P-384 private", "pkcs8", ["pkcs8", unhex(V.ecdsa["P-384"].pkcs8), { name: "ECDSA", namedCurve: "P-384" }], ["sign"]],
  ["ECDSA-P-384 private", "jwk", ["pkcs8", unhex(V.ecdsa["P-384"].pkcs8), { name: "ECDSA", namedCurve: "P-384" }], ["sign"]],
  ["RSA-PSS public", "spki", ["spki", unhex(V.rsa.spki), { name: "RSA-PSS", hash: "SHA-256" }], ["verify"]],
  ["RSA-PSS private", "pkcs8", ["pkcs8", unhex(V.rsa.pkcs8), { name: "RSA-PSS", hash: "SHA-256" }], ["sign"]],
  ["RSA-PSS private", "jwk", ["pkcs8", unhex(V.rsa.pkcs8), { name: "RSA-PSS", hash: "SHA-256" }], ["sign"]],
];

const canonical = (format, exported) => (format === "jwk" ? JSON.stringify(Object.entries(exported).sort()) : toHex(exported));
const sizeOf = (format, exported) => (format === "jwk" ? new TextEncoder().encode(JSON.stringify(exported)).length : exported.byteLength);

promise_setup(async () => { globalThis.wrapping = await wrappers(); });

for (const wrapperLabel of ["AES-KW", "AES-GCM", "AES-CBC", "AES-CTR", "RSA-OAEP"]) {
  for (const [keyLabel, format, importArgs, usages] of keysToWrap) {
    promise_test(async () => {
      const w = globalThis.wrapping.find((x) => x.label === wrapperLabel);
      const [importFormat, data, algorithm] = importArgs;
      const key = await subtle.importKey(importFormat, data, algorithm, true, usages);
      const exported = await subtle.exportKey(format, key);
      const size = sizeOf(format, exported);
      if ((w.blockMultiple && size % w.blockMultiple !== 0) || (w.maxBytes && size > w.maxBytes)) {
        // Upstream skips what the wrapping algorithm cannot take; here it must fail cleanly.
        let failed = false;
        try { await subtle.wrapKey(format, key, w.wrap, w.algorithm); } catch (e) { failed = e.name === "OperationError"; }
        assert_true(failed, "wrapping data the algorithm cannot take is an OperationError");
        return;
      }
      const wrapped = await subtle.wrapKey(format, key, w.wrap, w.algorithm);
      assert_true(wrapped instanceof ArrayBuffer);
      const back = await subtle.unwrapKey(format, wrapped, w.unwrap ?? w.wrap, w.algorithm, algorithm, true, usages);
      assert_equals(back.type, key.type);
      assert_equals(canonical(format, await subtle.exportKey(format, back)), canonical(format, exported));
    }, `${wrapperLabel} wraps and unwraps ${keyLabel} as ${format}`);
  }
}

for (const bits of [128, 192, 256]) {
  promise_test(async () => {
    const kek = await subtle.importKey("raw", unhex(V.aesKeys[bits]), "AES-KW", false, ["wrapKey", "unwrapKey"]);
    const inner = await subtle.importKey("raw", unhex(V.kwInner), { name: "HMAC", hash: "SHA-256" }, true, ["sign"]);
    assert_equals(toHex(await subtle.wrapKey("raw", inner, kek, "AES-KW")), V.aes.kw[bits]);
    const back = await subtle.unwrapKey("raw", unhex(V.aes.kw[bits]), kek, "AES-KW", { name: "HMAC", hash: "SHA-256" }, true, ["sign"]);
    assert_equals(toHex(await subtle.exportKey("raw", back)), V.kwInner);
  }, `AES-KW-${bits} known wrapping`);
}

promise_test(async (t) => {
  const kek = await subtle.importKey("raw", unhex(V.aesKeys[128]), "AES-KW", false, ["wrapKey", "unwrapKey"]);
  const encryptOnly = await subtle.importKey("raw", unhex(V.aesKeys[128]), "AES-GCM", false, ["encrypt"]);
  const hidden = await subtle.importKey("raw", unhex(V.kwInner), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const open = await subtle.importKey("raw", unhex(V.kwInner), { name: "HMAC", hash: "SHA-256" }, true, ["sign"]);
  await promise_rejects_dom(t, "InvalidAccessError", subtle.wrapKey("raw", hidden, kek, "AES-KW"), "a non-extractable key");
  await promise_rejects_dom(t, "InvalidAccessError", subtle.wrapKey("raw", open, encryptOnly, { name: "AES-GCM", iv: unhex(V.iv12) }), "no wrapKey usage");
  await promise_rejects_dom(t, "InvalidAccessError", subtle.wrapKey("raw", open, kek, { name: "AES-GCM", iv: unhex(V.iv12) }), "a mismatched wrapping key");
  await promise_rejects_dom(t, "NotSupportedError", subtle.wrapKey("raw", open, kek, "HMAC"), "a non-wrapping algorithm");
  await promise_rejects_dom(t, "NotSupportedError", subtle.wrapKey("spki", open, kek, "AES-KW"), "a format the key does not have");
  const corrupt = unhex(V.aes.kw[128]);
  corrupt[3] ^= 1;
  await promise_rejects_dom(t, "OperationError", subtle.unwrapKey("raw", corrupt, kek, "AES-KW", { name: "HMAC", hash: "SHA-256" }, true, ["sign"]), "a corrupt AES-KW blob");
  await promise_rejects_dom(t, "SyntaxError", subtle.unwrapKey("raw", unhex(V.aes.kw[128]), kek, "AES-KW", { name: "HMAC", hash: "SHA-256" }, true, []), "empty usages");
}, "wrapKey and unwrapKey errors");
