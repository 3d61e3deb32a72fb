// META: title=WebCryptoAPI: generateKey()
// META: timeout=long
// META: script=webcrypto_util.js
// Restates upstream WebCryptoAPI/generateKey/{successes,failures}.js: every algorithm with every
// legal usage set (including repeats) and case variants of its name gives good keys; then, in the
// upstream order of checks, unknown algorithms (NotSupportedError) and empty ones (TypeError) fail at
// normalization, before any microtask; bad usages (SyntaxError) fail in the operation itself, after
// one; bad parameters give OperationError (NotSupportedError for unknown curves); empty usages for a
// secret or private key are a SyntaxError.

const subtle = crypto.subtle;
const specs = [
  { name: "AES-CTR", usages: ["encrypt", "decrypt", "wrapKey", "unwrapKey"], mandatory: [], params: [128, 192, 256].map((length) => ({ length })) },
  { name: "AES-CBC", usages: ["encrypt", "decrypt", "wrapKey", "unwrapKey"], mandatory: [], params: [128, 192, 256].map((length) => ({ length })) },
  { name: "AES-GCM", usages: ["encrypt", "decrypt", "wrapKey", "unwrapKey"], mandatory: [], params: [128, 192, 256].map((length) => ({ length })) },
  { name: "AES-KW", usages: ["wrapKey", "unwrapKey"], mandatory: [], params: [128, 192, 256].map((length) => ({ length })) },
  { name: "HMAC", usages: ["sign", "verify"], mandatory: [], params: [["SHA-1", 160], ["SHA-256", 256], ["SHA-384", 384], ["SHA-512", 512]].map(([hash, length]) => ({ hash, length })) },
  { name: "ECDSA", usages: ["sign", "verify"], mandatory: ["sign"], pair: true, params: ["P-256", "P-384", "P-521"].map((namedCurve) => ({ namedCurve })) },
  { name: "ECDH", usages: ["deriveKey", "deriveBits"], mandatory: ["deriveKey", "deriveBits"], pair: true, params: ["P-256", "P-384", "P-521"].map((namedCurve) => ({ namedCurve })) },
  ...["RSASSA-PKCS1-v1_5", "RSA-PSS", "RSA-OAEP"].map((name) => ({
    name,
    usages: name === "RSA-OAEP" ? ["encrypt", "decrypt", "wrapKey", "unwrapKey"] : ["sign", "verify"],
    mandatory: name === "RSA-OAEP" ? ["decrypt", "unwrapKey"] : ["sign"],
    pair: true,
    params: [[1024, [1, 0, 1]], [1024, [3]], [2048, [1, 0, 1]]].map(([modulusLength, e]) => ({ hash: "SHA-256", modulusLength, publicExponent: new Uint8Array(e) })),
  })),
];
const PUBLIC_USAGES = ["encrypt", "verify", "wrapKey"];
const describe = (value) => JSON.stringify(value, (k, v) => (v instanceof Uint8Array ? `[${[...v]}]` : v));

// Every usage set a key of this algorithm can be made with (and one with repeats).
function validUsages(spec) {
  const sets = subsetsOf(spec.usages).filter((u) => u.length > 0 && (spec.mandatory.length === 0 || u.some((x) => spec.mandatory.includes(x))));
  return sets.concat([spec.usages.concat(spec.mandatory, spec.usages)]);
}
const nameVariants = (name) => [name.toUpperCase(), name.toLowerCase(), name[0] + name.slice(1).toLowerCase()];

for (const spec of specs) {
  for (const params of spec.params) {
    const usageSets = spec.name.startsWith("RSA") ? [spec.usages] : validUsages(spec);
    for (const usages of usageSets) {
      for (const name of spec.name.startsWith("RSA") ? [spec.name] : nameVariants(spec.name)) {
        for (const extractable of [false, true]) {
          const algorithm = { name, ...params };
          promise_test(async () => {
            const result = await subtle.generateKey(algorithm, extractable, usages);
            if (!spec.pair) {
              assertGoodKey(result, { type: "secret", extractable, name: spec.name, usages });
              assert_equals(result.algorithm.length, params.length);
              if (params.hash) assert_equals(result.algorithm.hash.name, params.hash);
              return;
            }
            assert_equals(Object.getPrototypeOf(result), Object.prototype, "a CryptoKeyPair dictionary");
            assertGoodKey(result.publicKey, { type: "public", extractable: true, name: spec.name, usages: usages.filter((u) => PUBLIC_USAGES.includes(u)) });
            assertGoodKey(result.privateKey, { type: "private", extractable, name: spec.name, usages: usages.filter((u) => !PUBLIC_USAGES.includes(u)) });
            if (params.namedCurve) assert_equals(result.privateKey.algorithm.namedCurve, params.namedCurve);
            if (params.modulusLength) {
              assert_equals(result.publicKey.algorithm.modulusLength, params.modulusLength);
              assert_array_equals(result.publicKey.algorithm.publicExponent, params.publicExponent);
            }
          }, `Success: generateKey(${describe(algorithm)}, ${extractable}, [${usages.join(", ")}])`);
        }
      }
    }
  }
}

// Failures. `timing` is "early" when normalization rejects, "late" when the operation does.
function testError(algorithm, extractable, usages, expected, tag, timing) {
  promise_test(() => {
    let ticked = false;
    const promise = subtle.generateKey(algorithm, extractable, usages).then(
      () => assert_unreached("generateKey succeeded"),
      (error) => {
        if (timing === "late") assert_true(ticked, "rejected too early");
        if (timing === "early") assert_false(ticked, "rejected too late");
        assert_equals(error.name, expected, `${tag}: ${error.message}`);
      });
    Promise.resolve().then(() => { ticked = true; });
    return promise;
  }, `${tag}: generateKey(${describe(algorithm)}, ${describe(extractable)}, [${usages.join(", ")}])`);
}

const badNames = ["AES", { name: "AES" }, { name: "AES", length: 128 }, { name: "AES-CMAC", length: 128 }, { name: "AES-CFB", length: 128 },
  { name: "HMAC", hash: "MD5" }, { name: "RSA", hash: "SHA-256", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
  { name: "RSA-PSS", hash: "SHA", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) }, { name: "EC", namedCurve: "P521" }];
for (const algorithm of badNames) {
  for (const extractable of [false, true, "RED", 7]) {
    testError(algorithm, extractable, ["sign"], "NotSupportedError", "Bad algorithm", "early");
  }
}
for (const extractable of [false, true]) testError({}, extractable, ["sign"], "TypeError", "Empty algorithm", "early");

for (const spec of specs) {
  const algorithm = { name: spec.name, ...spec.params[0] };
  const illegal = ALL_USAGES.filter((u) => !spec.usages.includes(u));
  for (const bad of illegal) {
    testError(algorithm, true, [bad], "SyntaxError", "Bad usages", "late");
    testError(algorithm, true, [...spec.usages, bad], "SyntaxError", "Bad usages", "late");
  }
  const badParams = spec.name.startsWith("AES") ? [64, 127, 129, 255, 257, 512].map((length) => ({ name: spec.name, length }))
    : spec.name.startsWith("RSA") ? [[1], [1, 0, 0]].map((e) => ({ name: spec.name, hash: "SHA-256", modulusLength: 1024, publicExponent: new Uint8Array(e) }))
    : spec.name.startsWith("EC") ? ["P-512", "Curve25519"].map((namedCurve) => ({ name: spec.name, namedCurve }))
    : [];
  for (const params of badParams) {
    testError(params, true, spec.usages, spec.name.startsWith("EC") ? "NotSupportedError" : "OperationError", "Bad algorithm property");
  }
  testError(algorithm, false, [], "SyntaxError", "Empty usages", "late");
}
