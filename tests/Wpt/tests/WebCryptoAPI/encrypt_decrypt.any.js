// META: title=WebCryptoAPI: encrypt() and decrypt()
// META: script=webcrypto_vectors.js
// META: script=webcrypto_util.js
// Restates upstream WebCryptoAPI/encrypt_decrypt/{aes,rsa}.js over their vector files: known
// ciphertexts for every AES key size, decryption back to the plaintext, plaintext altered after the
// call, wrong usages and algorithms, bad parameters (iv, counter, tagLength), tampered ciphertexts,
// and RSA-OAEP with and without a label.

const V = webcryptoVectors;
const subtle = crypto.subtle;
const plaintext = unhex(V.plaintext);

const modes = [
  ["AES-CBC", "cbc", { name: "AES-CBC", iv: unhex(V.iv16) }],
  ["AES-CTR", "ctr", { name: "AES-CTR", counter: unhex(V.iv16), length: 64 }],
  ["AES-GCM", "gcm", { name: "AES-GCM", iv: unhex(V.iv12) }],
  ["AES-GCM", "gcmAad", { name: "AES-GCM", iv: unhex(V.iv12), additionalData: unhex(V.aad) }],
  ["AES-GCM", "gcm64", { name: "AES-GCM", iv: unhex(V.iv12), tagLength: 64 }],
  ["AES-GCM", "gcmIv16", { name: "AES-GCM", iv: unhex(V.iv16), additionalData: unhex(V.aad) }],
];
const importAes = (name, bits, usages) => subtle.importKey("raw", unhex(V.aesKeys[bits]), name, false, usages);

for (const [name, vector, algorithm] of modes) {
  for (const bits of [128, 192, 256]) {
    const label = `${name} ${bits}-bit key (${vector})`;
    const expected = V.aes[vector][bits];
    promise_test(async () => {
      const key = await importAes(name, bits, ["encrypt"]);
      assert_equals(toHex(await subtle.encrypt(algorithm, key, plaintext)), expected);
    }, `${label} encryption`);
    promise_test(async () => {
      const key = await importAes(name, bits, ["encrypt"]);
      const data = plaintext.slice();
      const promise = subtle.encrypt(algorithm, key, data);
      data[0] ^= 0xff;
      assert_equals(toHex(await promise), expected);
    }, `${label} encryption with altered plaintext after call`);
    promise_test(async () => {
      const key = await importAes(name, bits, ["decrypt"]);
      assert_equals(toHex(await subtle.decrypt(algorithm, key, unhex(expected))), V.plaintext);
    }, `${label} decryption`);
    promise_test(async (t) => {
      const key = await importAes(name, bits, ["decrypt"]);
      await promise_rejects_dom(t, "InvalidAccessError", subtle.encrypt(algorithm, key, plaintext));
    }, `${label} without encrypt usage`);
    promise_test(async (t) => {
      const key = await importAes(name === "AES-CBC" ? "AES-CTR" : "AES-CBC", bits, ["encrypt"]);
      await promise_rejects_dom(t, "InvalidAccessError", subtle.encrypt(algorithm, key, plaintext));
    }, `${label} with mismatched key and algorithm`);
    if (name === "AES-GCM") {
      promise_test(async (t) => {
        const key = await importAes(name, bits, ["decrypt"]);
        const tampered = unhex(expected);
        tampered[tampered.length - 1] ^= 1;
        await promise_rejects_dom(t, "OperationError", subtle.decrypt(algorithm, key, tampered), "tag");
        const tamperedData = unhex(expected);
        tamperedData[0] ^= 1;
        await promise_rejects_dom(t, "OperationError", subtle.decrypt(algorithm, key, tamperedData), "data");
      }, `${label} decryption of a tampered ciphertext`);
    }
  }
}

promise_test(async (t) => {
  const key = await importAes("AES-CBC", 128, ["encrypt", "decrypt"]);
  for (const length of [0, 8, 15, 17, 32]) {
    await promise_rejects_dom(t, "OperationError", subtle.encrypt({ name: "AES-CBC", iv: new Uint8Array(length) }, key, plaintext), `iv of ${length} bytes`);
  }
  await promise_rejects_dom(t, "OperationError", subtle.decrypt({ name: "AES-CBC", iv: unhex(V.iv16) }, key, unhex(V.aes.cbc[128]).slice(0, 40)), "not a whole block");
  // Flipping bits of the next-to-last block flips the same bits of the last padding byte (0x0c here).
  const badPadding = unhex(V.aes.cbc[128]);
  badPadding[badPadding.length - 17] ^= 0x55;
  await promise_rejects_dom(t, "OperationError", subtle.decrypt({ name: "AES-CBC", iv: unhex(V.iv16) }, key, badPadding), "bad padding");
}, "AES-CBC iv and padding errors");

promise_test(async (t) => {
  const key = await importAes("AES-CTR", 256, ["encrypt"]);
  for (const length of [0, 129]) {
    await promise_rejects_dom(t, "OperationError", subtle.encrypt({ name: "AES-CTR", counter: unhex(V.iv16), length }, key, plaintext), `length ${length}`);
  }
  await promise_rejects_dom(t, "OperationError", subtle.encrypt({ name: "AES-CTR", counter: new Uint8Array(8), length: 64 }, key, plaintext), "short counter");
}, "AES-CTR counter errors");

promise_test(async (t) => {
  const key = await importAes("AES-GCM", 128, ["encrypt", "decrypt"]);
  for (const tagLength of [0, 24, 48, 72, 95, 129]) {
    const result = subtle.encrypt({ name: "AES-GCM", iv: unhex(V.iv12), tagLength }, key, plaintext);
    if (tagLength > 255) await promise_rejects_js(t, TypeError, result);
    else await promise_rejects_dom(t, "OperationError", result, `tagLength ${tagLength}`);
  }
  await promise_rejects_js(t, TypeError, subtle.encrypt({ name: "AES-GCM", iv: unhex(V.iv12), tagLength: 256 }, key, plaintext), "tagLength beyond an octet");
  await promise_rejects_dom(t, "OperationError", subtle.decrypt({ name: "AES-GCM", iv: unhex(V.iv12) }, key, new Uint8Array(15)), "shorter than the tag");
}, "AES-GCM tagLength errors");

for (const hash of ["SHA-1", "SHA-256", "SHA-384", "SHA-512"]) {
  for (const withLabel of [false, true]) {
    const algorithm = withLabel ? { name: "RSA-OAEP", label: new TextEncoder().encode("a label") } : { name: "RSA-OAEP" };
    const ciphertext = withLabel ? V.rsa.oaepLabel[hash] : V.rsa.oaep[hash];
    const label = `RSA-OAEP with ${hash}${withLabel ? " and a label" : ""}`;
    promise_test(async () => {
      const key = await subtle.importKey("pkcs8", unhex(V.rsa.pkcs8), { name: "RSA-OAEP", hash }, false, ["decrypt"]);
      assert_equals(toHex(await subtle.decrypt(algorithm, key, unhex(ciphertext))), V.message);
    }, `${label} decryption`);
    promise_test(async () => {
      const publicKey = await subtle.importKey("spki", unhex(V.rsa.spki), { name: "RSA-OAEP", hash }, false, ["encrypt"]);
      const privateKey = await subtle.importKey("jwk", V.rsa.jwk, { name: "RSA-OAEP", hash }, false, ["decrypt"]);
      const c = await subtle.encrypt(algorithm, publicKey, unhex(V.message));
      assert_equals(c.byteLength, 256);
      assert_equals(toHex(await subtle.decrypt(algorithm, privateKey, c)), V.message);
    }, `${label} round trip`);
    promise_test(async (t) => {
      const publicKey = await subtle.importKey("spki", unhex(V.rsa.spki), { name: "RSA-OAEP", hash }, false, ["encrypt"]);
      const privateKey = await subtle.importKey("pkcs8", unhex(V.rsa.pkcs8), { name: "RSA-OAEP", hash }, false, ["decrypt"]);
      await promise_rejects_dom(t, "InvalidAccessError", subtle.decrypt(algorithm, publicKey, unhex(ciphertext)), "decrypt with the public key");
      await promise_rejects_dom(t, "InvalidAccessError", subtle.encrypt(algorithm, privateKey, unhex(V.message)), "encrypt with the private key");
      const tampered = unhex(ciphertext);
      tampered[10] ^= 1;
      await promise_rejects_dom(t, "OperationError", subtle.decrypt(algorithm, privateKey, tampered), "tampered ciphertext");
      const hashLength = { "SHA-1": 20, "SHA-256": 32, "SHA-384": 48, "SHA-512": 64 }[hash];
      await promise_rejects_dom(t, "OperationError", subtle.encrypt(algorithm, publicKey, new Uint8Array(256 - 2 * hashLength - 1)), "message too long");
    }, `${label} errors`);
  }
}
