// META: title=WebCryptoAPI: digest()
// META: script=webcrypto_vectors.js
// META: script=webcrypto_util.js
// Restates upstream WebCryptoAPI/digest/digest.https.any.js: each SHA variant over empty, short,
// medium and long inputs (as every BufferSource kind, and with case variants of the name), the
// results cross-checked with another implementation, then bad names and non-digest algorithms.

const V = webcryptoVectors;
const subtle = crypto.subtle;
const inputs = {
  empty: unhex(V.digestInputs.empty),
  short: unhex(V.digestInputs.short),
  medium: unhex(V.digestInputs.medium),
  long: (() => { const a = new Uint8Array(100000); for (let i = 0; i < a.length; i++) a[i] = (i * 131 + 2 * 17 + (i >> 8)) & 0xff; return a; })(),
};
const variants = (name) => [name, name.toLowerCase(), name[0] + name.slice(1).toLowerCase()];

for (const hash of ["SHA-1", "SHA-256", "SHA-384", "SHA-512"]) {
  for (const [size, data] of Object.entries(inputs)) {
    for (const name of variants(hash)) {
      promise_test(async () => {
        const result = await subtle.digest({ name }, data);
        assert_true(result instanceof ArrayBuffer, "an ArrayBuffer");
        assert_equals(toHex(result), V.digest[hash][size]);
      }, `${name} with ${size} source data`);
    }
    promise_test(async () => {
      assert_equals(toHex(await subtle.digest(hash, data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength))), V.digest[hash][size], "ArrayBuffer");
      assert_equals(toHex(await subtle.digest(hash, new DataView(data.buffer, data.byteOffset, data.byteLength))), V.digest[hash][size], "DataView");
    }, `${hash} with ${size} source data as ArrayBuffer and DataView`);
    promise_test(async () => {
      const copy = data.slice();
      const promise = subtle.digest(hash, copy);
      copy.fill(0xaa);
      assert_equals(toHex(await promise), V.digest[hash][size]);
    }, `${hash} with ${size} source data and altered buffer after call`);
  }
}

for (const name of ["AES-GCM", "RSA-OAEP", "PBKDF2", "AES-KW", "HMAC", "SHA-3", "MD5", "SHA256"]) {
  for (const [size, data] of Object.entries(inputs)) {
    promise_test((t) => promise_rejects_dom(t, "NotSupportedError", subtle.digest({ name }, data)),
      `${name} with ${size} (not a digest algorithm)`);
  }
}

promise_test((t) => promise_rejects_js(t, TypeError, subtle.digest({}, inputs.short)), "digest with an algorithm that has no name");
promise_test((t) => promise_rejects_js(t, TypeError, subtle.digest("SHA-256", "abc")), "digest of a string is a TypeError");
promise_test((t) => promise_rejects_js(t, TypeError, subtle.digest("SHA-256")), "digest with no data is a TypeError");
