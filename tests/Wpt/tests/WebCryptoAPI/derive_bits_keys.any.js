// META: title=WebCryptoAPI: deriveBits() and deriveKey()
// META: script=webcrypto_vectors.js
// META: script=webcrypto_util.js
// Restates upstream WebCryptoAPI/derive_bits_keys/{hkdf,pbkdf2,ecdh_bits,ecdh_keys,derived_bits_length}.js:
// known derivations, deriveKey into every derivable key type, length rules (zero, odd, too long,
// missing), and the key checks (usage, algorithm, ECDH public key type and curve).

const V = webcryptoVectors;
const subtle = crypto.subtle;
const hashes = ["SHA-1", "SHA-256", "SHA-384", "SHA-512"];
const hkdfParams = (hash) => ({ name: "HKDF", hash, salt: unhex(V.salt), info: unhex(V.info) });
const pbkdf2Params = (hash) => ({ name: "PBKDF2", hash, salt: unhex(V.salt), iterations: 1000 });
const derivedTypes = [
  [{ name: "AES-CBC", length: 128 }, ["encrypt", "decrypt"], 128],
  [{ name: "AES-CTR", length: 192 }, ["encrypt"], 192],
  [{ name: "AES-GCM", length: 256 }, ["decrypt"], 256],
  [{ name: "AES-KW", length: 128 }, ["wrapKey", "unwrapKey"], 128],
  [{ name: "HMAC", hash: "SHA-256", length: 256 }, ["sign", "verify"], 256],
];

for (const [name, params, vectors] of [["HKDF", hkdfParams, V.hkdf], ["PBKDF2", pbkdf2Params, V.pbkdf2]]) {
  for (const hash of hashes) {
    const label = `${name} with ${hash}`;
    promise_test(async () => {
      const key = await subtle.importKey("raw", unhex(V.kdfKey), name, false, ["deriveBits"]);
      assert_equals(toHex(await subtle.deriveBits(params(hash), key, 256)), vectors[hash]);
      assert_equals(toHex(await subtle.deriveBits(params(hash), key, 128)), vectors[hash].slice(0, 32), "a shorter length is a prefix");
    }, `${label} deriveBits`);
    for (const [type, usages, bits] of derivedTypes) {
      promise_test(async () => {
        const key = await subtle.importKey("raw", unhex(V.kdfKey), name, false, ["deriveKey"]);
        const derived = await subtle.deriveKey(params(hash), key, type, true, usages);
        assertGoodKey(derived, { type: "secret", extractable: true, name: type.name, usages });
        assert_equals(toHex(await subtle.exportKey("raw", derived)), vectors[hash].slice(0, bits / 4));
      }, `${label} deriveKey as ${type.name}-${bits}`);
    }
    promise_test(async (t) => {
      const bitsOnly = await subtle.importKey("raw", unhex(V.kdfKey), name, false, ["deriveBits"]);
      const keyOnly = await subtle.importKey("raw", unhex(V.kdfKey), name, false, ["deriveKey"]);
      await promise_rejects_dom(t, "InvalidAccessError", subtle.deriveKey(params(hash), bitsOnly, { name: "AES-GCM", length: 128 }, true, ["encrypt"]), "deriveKey without the usage");
      await promise_rejects_dom(t, "InvalidAccessError", subtle.deriveBits(params(hash), keyOnly, 256), "deriveBits without the usage");
      await promise_rejects_dom(t, "OperationError", subtle.deriveBits(params(hash), bitsOnly, null), "no length");
      await promise_rejects_dom(t, "OperationError", subtle.deriveBits(params(hash), bitsOnly, 255), "not a multiple of 8");
      await promise_rejects_dom(t, "OperationError", subtle.deriveKey(params(hash), keyOnly, { name: "AES-GCM", length: 100 }, true, ["encrypt"]), "a bad AES length");
      await promise_rejects_dom(t, "SyntaxError", subtle.deriveKey(params(hash), keyOnly, { name: "AES-GCM", length: 128 }, true, []), "empty usages");
      const other = await subtle.importKey("raw", unhex(V.kdfKey), name === "HKDF" ? "PBKDF2" : "HKDF", false, ["deriveBits"]);
      await promise_rejects_dom(t, "InvalidAccessError", subtle.deriveBits(params(hash), other, 256), "a key of the other KDF");
    }, `${label} errors`);
  }
}

// derived_bits_length: zero is an empty result for HKDF and ECDH, an error for PBKDF2.
promise_test(async () => {
  const key = await subtle.importKey("raw", unhex(V.kdfKey), "HKDF", false, ["deriveBits"]);
  assert_equals((await subtle.deriveBits(hkdfParams("SHA-256"), key, 0)).byteLength, 0);
  assert_equals((await subtle.deriveBits(hkdfParams("SHA-256"), key, 255 * 256)).byteLength, 255 * 32, "the longest HKDF-SHA-256 output");
}, "HKDF derivation with 0 and the maximum as 'length'");
promise_test(async (t) => {
  const key = await subtle.importKey("raw", unhex(V.kdfKey), "HKDF", false, ["deriveBits"]);
  await promise_rejects_dom(t, "OperationError", subtle.deriveBits(hkdfParams("SHA-256"), key, 255 * 256 + 8));
}, "HKDF derivation beyond 255 hash lengths");
promise_test(async (t) => {
  const key = await subtle.importKey("raw", unhex(V.kdfKey), "PBKDF2", false, ["deriveBits"]);
  await promise_rejects_dom(t, "OperationError", subtle.deriveBits(pbkdf2Params("SHA-256"), key, 0));
  await promise_rejects_dom(t, "OperationError", subtle.deriveBits({ ...pbkdf2Params("SHA-256"), iterations: 0 }, key, 256), "zero iterations");
}, "PBKDF2 derivation with 0 as 'length' or zero iterations");

for (const curve of ["P-256", "P-384", "P-521"]) {
  const vector = V.ecdh[curve];
  const algorithm = { name: "ECDH", namedCurve: curve };
  const keys = async (usages = ["deriveBits", "deriveKey"]) => ({
    privateKey: await subtle.importKey("pkcs8", unhex(vector.privateKey), algorithm, false, usages),
    publicKey: await subtle.importKey("spki", unhex(vector.publicKey), algorithm, true, []),
  });
  const secretBits = vector.secret.length * 4;
  promise_test(async () => {
    const { privateKey, publicKey } = await keys();
    assert_equals(toHex(await subtle.deriveBits({ name: "ECDH", public: publicKey }, privateKey, secretBits)), vector.secret);
    assert_equals(toHex(await subtle.deriveBits({ name: "ECDH", public: publicKey }, privateKey, null)), vector.secret, "null length");
    assert_equals(toHex(await subtle.deriveBits({ name: "ECDH", public: publicKey }, privateKey, 128)), vector.secret.slice(0, 32), "a shorter length");
    assert_equals((await subtle.deriveBits({ name: "ECDH", public: publicKey }, privateKey, 0)).byteLength, 0, "zero length");
    const odd = new Uint8Array(await subtle.deriveBits({ name: "ECDH", public: publicKey }, privateKey, 12));
    assert_equals(odd.length, 2);
    assert_equals(odd[1] & 0x0f, 0, "bits past the length are zero");
  }, `ECDH ${curve} deriveBits`);
  promise_test(async () => {
    const { privateKey, publicKey } = await keys();
    const derived = await subtle.deriveKey({ name: "ECDH", public: publicKey }, privateKey, { name: "HMAC", hash: "SHA-1", length: 128 }, true, ["sign"]);
    assert_equals(toHex(await subtle.exportKey("raw", derived)), vector.secret.slice(0, 32));
  }, `ECDH ${curve} deriveKey`);
  promise_test(async (t) => {
    const { privateKey, publicKey } = await keys();
    await promise_rejects_dom(t, "OperationError", subtle.deriveBits({ name: "ECDH", public: publicKey }, privateKey, secretBits + 8), "longer than the secret");
    await promise_rejects_dom(t, "InvalidAccessError", subtle.deriveBits({ name: "ECDH", public: privateKey }, privateKey, 128), "a private key as public");
    await promise_rejects_js(t, TypeError, subtle.deriveBits({ name: "ECDH", public: { type: "public" } }, privateKey, 128), "not a key");
    await promise_rejects_js(t, TypeError, subtle.deriveBits({ name: "ECDH" }, privateKey, 128), "no public member");
    const otherCurve = curve === "P-256" ? "P-384" : "P-256";
    const other = await subtle.generateKey({ name: "ECDH", namedCurve: otherCurve }, false, ["deriveBits"]);
    await promise_rejects_dom(t, "InvalidAccessError", subtle.deriveBits({ name: "ECDH", public: other.publicKey }, privateKey, 128), "a key on another curve");
    const ecdsa = await subtle.generateKey({ name: "ECDSA", namedCurve: curve }, false, ["sign"]);
    await promise_rejects_dom(t, "InvalidAccessError", subtle.deriveBits({ name: "ECDH", public: ecdsa.publicKey }, privateKey, 128), "an ECDSA public key");
    const { privateKey: bitsOnly } = await keys(["deriveBits"]);
    await promise_rejects_dom(t, "InvalidAccessError", subtle.deriveKey({ name: "ECDH", public: publicKey }, bitsOnly, { name: "AES-GCM", length: 128 }, true, ["encrypt"]), "no deriveKey usage");
  }, `ECDH ${curve} errors`);
}
