// AES-CTR/CBC/GCM/KW, HMAC, HKDF and PBKDF2 (WebCrypto §27-§31). Each entry implements the
// algorithm-specific steps; crypto.subtle has already normalized parameters, checked the key's
// algorithm name and usage, and copied the data.
const { ops } = internals;
const wc = internals.webcrypto;
const algorithms = (wc.algorithms = Object.create(null));

const AES_LENGTHS = [128, 192, 256];
const JWK_AES_SUFFIX = { "AES-CTR": "CTR", "AES-CBC": "CBC", "AES-GCM": "GCM", "AES-KW": "KW" };
const GCM_TAG_LENGTHS = [32, 64, 96, 104, 112, 120, 128];
const EMPTY = new Uint8Array(0);

function secretKey(id, extractable, algorithm, usages) {
  return wc.newKey(id, "secret", extractable, algorithm, usages);
}

/** Imports raw bytes or a JWK "k" as a secret; returns [id, byteLength]. */
function importSecret(format, keyData) {
  if (format === "raw") return [ops.cryptoSecretImport(wc.put(keyData)), keyData.length];
  if (keyData.k === undefined) throw wc.error("DataError", "the JWK has no \"k\" member");
  const id = ops.cryptoSecretImportJwk(wc.jwkJson(keyData));
  return [id, ops.cryptoSecretLength(id)];
}

function aes(name) {
  const allowed = name === "AES-KW" ? ["wrapKey", "unwrapKey"] : ["encrypt", "decrypt", "wrapKey", "unwrapKey"];
  const jwkAlg = (bits) => `A${bits}${JWK_AES_SUFFIX[name]}`;
  const entry = {
    generateKey(algorithm, extractable, usages) {
      wc.checkUsages(usages, allowed);
      if (!AES_LENGTHS.includes(algorithm.length)) throw wc.error("OperationError", "AES key length must be 128, 192 or 256");
      return secretKey(ops.cryptoSecretGenerate(algorithm.length), extractable, { name, length: algorithm.length }, usages);
    },
    importKey(format, keyData, algorithm, extractable, usages) {
      wc.checkUsages(usages, allowed);
      if (format !== "raw" && format !== "jwk") throw wc.error("NotSupportedError", `${name} keys cannot be imported as ${format}`);
      if (format === "jwk") wc.checkJwkKty(keyData, "oct");
      else if (!AES_LENGTHS.includes(keyData.length * 8)) throw wc.error("DataError", "AES key data must be 16, 24 or 32 bytes");
      const [id, bytes] = importSecret(format, keyData);
      try {
        if (!AES_LENGTHS.includes(bytes * 8)) throw wc.error("DataError", "AES key data must be 16, 24 or 32 bytes");
        if (format === "jwk") {
          if (keyData.alg !== undefined && keyData.alg !== jwkAlg(bytes * 8)) throw wc.error("DataError", `the JWK "alg" member must be ${jwkAlg(bytes * 8)}`);
          wc.checkJwkUse(keyData, usages, extractable, "enc");
        }
      } catch (error) {
        ops.cryptoDrop(id);
        throw error;
      }
      return secretKey(id, extractable, { name, length: bytes * 8 }, usages);
    },
    exportKey(format, record) {
      if (format === "raw") return wc.take(ops.cryptoExport(record.id, 0));
      if (format === "jwk") return wc.exportJwk(ops.cryptoExportJwk(record.id), record, jwkAlg(record.algorithm.length));
      throw wc.error("NotSupportedError", `${name} keys cannot be exported as ${format}`);
    },
    getKeyLength(algorithm) {
      if (!AES_LENGTHS.includes(algorithm.length)) throw wc.error("OperationError", "AES key length must be 128, 192 or 256");
      return algorithm.length;
    },
  };
  return entry;
}

const aesCtr = (algorithms["AES-CTR"] = aes("AES-CTR"));
aesCtr.encrypt = aesCtr.decrypt = (algorithm, record, data) => {
  const { counter, length } = algorithm;
  if (counter.length !== 16) throw wc.error("OperationError", "AES-CTR counter must be 16 bytes");
  if (length === 0 || length > 128) throw wc.error("OperationError", "AES-CTR length must be between 1 and 128");
  wc.put(counter, data);
  return wc.take(ops.cryptoAesCtr(record.id, 16, length, data.length));
};

const aesCbc = (algorithms["AES-CBC"] = aes("AES-CBC"));
function cbc(encrypt) {
  return (algorithm, record, data) => {
    const { iv } = algorithm;
    if (iv.length !== 16) throw wc.error("OperationError", "AES-CBC iv must be 16 bytes");
    wc.put(iv, data);
    return wc.take(ops.cryptoAesCbc(record.id, encrypt, 16, data.length));
  };
}
aesCbc.encrypt = cbc(true);
aesCbc.decrypt = cbc(false);

const aesGcm = (algorithms["AES-GCM"] = aes("AES-GCM"));
function gcm(encrypt) {
  return (algorithm, record, data) => {
    const { iv } = algorithm;
    const aad = algorithm.additionalData ?? EMPTY;
    const tagLength = algorithm.tagLength ?? 128;
    if (!GCM_TAG_LENGTHS.includes(tagLength)) throw wc.error("OperationError", "AES-GCM tagLength must be 32, 64, 96, 104, 112, 120 or 128");
    if (iv.length === 0) throw wc.error("OperationError", "AES-GCM iv must not be empty");
    if (!encrypt && data.length < tagLength / 8) throw wc.error("OperationError", "AES-GCM data is shorter than the tag");
    wc.put(iv, aad, data);
    return wc.take(ops.cryptoAesGcm(record.id, encrypt, iv.length, aad.length, data.length, tagLength / 8));
  };
}
aesGcm.encrypt = gcm(true);
aesGcm.decrypt = gcm(false);

const aesKw = (algorithms["AES-KW"] = aes("AES-KW"));
aesKw.wrapKey = (algorithm, record, data) => {
  if (data.length % 8 !== 0) throw wc.error("OperationError", "AES-KW can only wrap a multiple of 8 bytes");
  return wc.take(ops.cryptoAesKw(record.id, true, wc.put(data)));
};
aesKw.unwrapKey = (algorithm, record, data) => wc.take(ops.cryptoAesKw(record.id, false, wc.put(data)));

// ---- HMAC ----
const HMAC_USAGES = ["sign", "verify"];
const hmacJwkAlg = { "SHA-1": "HS1", "SHA-256": "HS256", "SHA-384": "HS384", "SHA-512": "HS512" };
algorithms.HMAC = {
  generateKey(algorithm, extractable, usages) {
    wc.checkUsages(usages, HMAC_USAGES);
    let length = algorithm.length;
    if (length === undefined) length = wc.hashBlockBits(algorithm.hash);
    else if (length === 0) throw wc.error("OperationError", "HMAC key length must not be zero");
    return secretKey(ops.cryptoSecretGenerate(length), extractable, { name: "HMAC", length, hash: algorithm.hash }, usages);
  },
  importKey(format, keyData, algorithm, extractable, usages) {
    wc.checkUsages(usages, HMAC_USAGES);
    if (format !== "raw" && format !== "jwk") throw wc.error("NotSupportedError", `HMAC keys cannot be imported as ${format}`);
    const hash = algorithm.hash;
    if (format === "jwk") wc.checkJwkKty(keyData, "oct");
    const [id, bytes] = importSecret(format, keyData);
    let length = bytes * 8;
    try {
      if (format === "jwk") {
        if (keyData.alg !== undefined && keyData.alg !== hmacJwkAlg[hash.name]) throw wc.error("DataError", `the JWK "alg" member must be ${hmacJwkAlg[hash.name]}`);
        wc.checkJwkUse(keyData, usages, extractable, "sig");
      }
      if (length === 0) throw wc.error("DataError", "HMAC key data must not be empty");
      if (algorithm.length !== undefined) {
        if (algorithm.length > length || algorithm.length <= length - 8) throw wc.error("DataError", "HMAC length does not match the key data");
        length = algorithm.length;
      }
    } catch (error) {
      ops.cryptoDrop(id);
      throw error;
    }
    return secretKey(id, extractable, { name: "HMAC", length, hash }, usages);
  },
  exportKey(format, record) {
    if (format === "raw") return wc.take(ops.cryptoExport(record.id, 0));
    if (format === "jwk") return wc.exportJwk(ops.cryptoExportJwk(record.id), record, hmacJwkAlg[record.algorithm.hash.name]);
    throw wc.error("NotSupportedError", `HMAC keys cannot be exported as ${format}`);
  },
  sign(algorithm, record, data) {
    return wc.take(ops.cryptoHmacSign(record.id, wc.hashCode(record.algorithm.hash), wc.put(data)));
  },
  verify(algorithm, record, signature, data) {
    wc.put(signature, data);
    return ops.cryptoHmacVerify(record.id, wc.hashCode(record.algorithm.hash), signature.length, data.length);
  },
  getKeyLength(algorithm) {
    if (algorithm.length === undefined) return wc.hashBlockBits(algorithm.hash);
    if (algorithm.length !== 0) return algorithm.length;
    throw new TypeError("HMAC length must not be zero");
  },
};

// ---- HKDF and PBKDF2: import raw, never extractable, derive ----
function kdf(name, derive) {
  return {
    importKey(format, keyData, algorithm, extractable, usages) {
      if (format !== "raw") throw wc.error("NotSupportedError", `${name} keys can only be imported as raw`);
      wc.checkUsages(usages, ["deriveKey", "deriveBits"]);
      if (extractable) throw wc.error("SyntaxError", `${name} keys cannot be extractable`);
      return secretKey(ops.cryptoSecretImport(wc.put(keyData)), false, { name }, usages);
    },
    deriveBits: derive,
    getKeyLength: () => null,
  };
}

algorithms.HKDF = kdf("HKDF", (algorithm, record, length) => {
  if (length === null) throw wc.error("OperationError", "HKDF needs a length");
  if (length % 8 !== 0) throw wc.error("OperationError", "HKDF length must be a multiple of 8");
  const { salt, info } = algorithm;
  wc.put(salt, info);
  return wc.take(ops.cryptoHkdf(record.id, wc.hashCode(algorithm.hash), salt.length, info.length, length / 8));
});

algorithms.PBKDF2 = kdf("PBKDF2", (algorithm, record, length) => {
  if (length === null || length % 8 !== 0) throw wc.error("OperationError", "PBKDF2 length must be a multiple of 8");
  if (algorithm.iterations === 0) throw wc.error("OperationError", "PBKDF2 iterations must not be zero");
  if (length === 0) return new ArrayBuffer(0);
  const { salt } = algorithm;
  return wc.take(ops.cryptoPbkdf2(record.id, wc.hashCode(algorithm.hash), algorithm.iterations, wc.put(salt), length / 8));
});
