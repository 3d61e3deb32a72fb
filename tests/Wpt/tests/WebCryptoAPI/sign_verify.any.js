// META: title=WebCryptoAPI: sign() and verify()
// META: script=webcrypto_vectors.js
// META: script=webcrypto_util.js
// Restates upstream WebCryptoAPI/sign_verify/{hmac,ecdsa,rsa}.js: known signatures verify; altered
// signatures or data do not; signing and verifying round-trip; data altered after the call does not
// matter; the wrong key type, usage or algorithm is an InvalidAccessError.

const V = webcryptoVectors;
const subtle = crypto.subtle;
const message = unhex(V.message);
const flipped = (bytes) => { const copy = new Uint8Array(bytes); copy[0] ^= 0x01; return copy; };

// Each case: the algorithm to sign with, the keys, and the known signature (null when signing is randomized).
const cases = [];
for (const hash of ["SHA-1", "SHA-256", "SHA-384", "SHA-512"]) {
  cases.push({
    label: `HMAC with ${hash}`, algorithm: { name: "HMAC" }, deterministic: true, signature: V.hmac[hash],
    keys: async () => {
      const key = await subtle.importKey("raw", unhex(V.hmacKey), { name: "HMAC", hash }, false, ["sign", "verify"]);
      return { signKey: key, verifyKey: key };
    },
  });
  cases.push({
    label: `RSASSA-PKCS1-v1_5 with ${hash}`, algorithm: { name: "RSASSA-PKCS1-v1_5" }, deterministic: true, signature: V.rsa.pkcs1[hash],
    keys: async () => ({
      signKey: await subtle.importKey("pkcs8", unhex(V.rsa.pkcs8), { name: "RSASSA-PKCS1-v1_5", hash }, false, ["sign"]),
      verifyKey: await subtle.importKey("spki", unhex(V.rsa.spki), { name: "RSASSA-PKCS1-v1_5", hash }, false, ["verify"]),
    }),
  });
  for (const saltLength of [0, 32]) {
    cases.push({
      label: `RSA-PSS with ${hash} and a salt of ${saltLength}`, algorithm: { name: "RSA-PSS", saltLength }, deterministic: saltLength === 0,
      signature: saltLength === 0 ? V.rsa.pss0[hash] : V.rsa.pss32[hash],
      keys: async () => ({
        signKey: await subtle.importKey("pkcs8", unhex(V.rsa.pkcs8), { name: "RSA-PSS", hash }, false, ["sign"]),
        verifyKey: await subtle.importKey("jwk", { kty: "RSA", n: V.rsa.jwk.n, e: V.rsa.jwk.e }, { name: "RSA-PSS", hash }, false, ["verify"]),
      }),
    });
  }
}
for (const curve of ["P-256", "P-384", "P-521"]) {
  const vector = V.ecdsa[curve];
  cases.push({
    label: `ECDSA ${curve} with ${vector.hash}`, algorithm: { name: "ECDSA", hash: vector.hash }, deterministic: false, signature: vector.signature,
    keys: async () => ({
      signKey: await subtle.importKey("pkcs8", unhex(vector.pkcs8), { name: "ECDSA", namedCurve: curve }, false, ["sign"]),
      verifyKey: await subtle.importKey("spki", unhex(vector.spki), { name: "ECDSA", namedCurve: curve }, false, ["verify"]),
    }),
  });
}

for (const c of cases) {
  promise_test(async () => {
    const { verifyKey } = await c.keys();
    assert_true(await subtle.verify(c.algorithm, verifyKey, unhex(c.signature), message));
  }, `${c.label} verification`);

  promise_test(async () => {
    const { verifyKey } = await c.keys();
    const signature = unhex(c.signature);
    const promise = subtle.verify(c.algorithm, verifyKey, signature, message);
    signature[0] ^= 0xff;
    assert_true(await promise, "the signature was copied at call time");
  }, `${c.label} verification with altered signature after call`);

  promise_test(async () => {
    const { verifyKey } = await c.keys();
    const data = message.slice();
    const promise = subtle.verify(c.algorithm, verifyKey, unhex(c.signature), data);
    data[0] ^= 0xff;
    assert_true(await promise, "the data was copied at call time");
  }, `${c.label} verification with altered plaintext after call`);

  promise_test(async () => {
    const { verifyKey } = await c.keys();
    assert_false(await subtle.verify(c.algorithm, verifyKey, flipped(unhex(c.signature)), message), "altered signature");
    assert_false(await subtle.verify(c.algorithm, verifyKey, unhex(c.signature), flipped(message)), "altered data");
    assert_false(await subtle.verify(c.algorithm, verifyKey, unhex(c.signature).slice(1), message), "shortened signature");
  }, `${c.label} verification failures`);

  promise_test(async () => {
    const { signKey, verifyKey } = await c.keys();
    const signature = await subtle.sign(c.algorithm, signKey, message);
    if (c.deterministic) assert_equals(toHex(signature), c.signature, "the same signature as the other implementation");
    assert_true(await subtle.verify(c.algorithm, verifyKey, signature, message));
  }, `${c.label} round trip`);

  promise_test(async (t) => {
    const { signKey, verifyKey } = await c.keys();
    if (signKey !== verifyKey) {
      await promise_rejects_dom(t, "InvalidAccessError", subtle.sign(c.algorithm, verifyKey, message), "signing with the verification key");
      await promise_rejects_dom(t, "InvalidAccessError", subtle.verify(c.algorithm, signKey, unhex(c.signature), message), "verifying with the signing key");
    }
    const other = await subtle.generateKey({ name: "AES-GCM", length: 128 }, false, ["encrypt"]);
    await promise_rejects_dom(t, "InvalidAccessError", subtle.sign(c.algorithm, other, message), "a key of another algorithm");
  }, `${c.label} with the wrong key`);
}

promise_test(async (t) => {
  const key = await subtle.importKey("raw", unhex(V.hmacKey), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
  await promise_rejects_dom(t, "InvalidAccessError", subtle.sign("HMAC", key, message));
}, "HMAC signing without the sign usage");

promise_test(async (t) => {
  const key = await subtle.importKey("spki", unhex(V.ecdsa["P-256"].spki), { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
  await promise_rejects_js(t, TypeError, subtle.verify({ name: "ECDSA" }, key, new Uint8Array(64), message), "ECDSA without a hash");
  await promise_rejects_dom(t, "NotSupportedError", subtle.verify({ name: "ECDSA", hash: "SHA-3" }, key, new Uint8Array(64), message));
  await promise_rejects_js(t, TypeError, subtle.verify("ECDSA", key, new Uint8Array(64)), "too few arguments");
}, "ECDSA parameter errors");
