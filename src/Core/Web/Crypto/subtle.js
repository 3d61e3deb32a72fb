// SubtleCrypto (WebCrypto §14). Argument conversion and algorithm normalization happen before the
// promise is returned, so their errors reject it at once. The rest of each method — the "in
// parallel" steps — also runs now (inputs were copied or are consumed synchronously), but its
// outcome is delivered a microtask later, as the spec's queued task would be; a failure there
// never rejects before the caller's own next microtask.
const wc = internals.webcrypto;
const algorithms = wc.algorithms;

const apply = Reflect.apply;
const PromiseCtor = Promise;
const promiseThen = Promise.prototype.then;
const resolved = PromiseCtor.resolve();
const promiseResolve = (value) => apply(PromiseCtor.resolve, PromiseCtor, [value]);
const promiseReject = (error) => apply(PromiseCtor.reject, PromiseCtor, [error]);
const rejectLater = (error) => apply(promiseThen, resolved, [() => { throw error; }]);

const FORMATS = ["raw", "spki", "pkcs8", "jwk"];
const CONSTRUCT = Symbol("SubtleCrypto");

function keyArgument(value, what) {
  const record = wc.keyRecord(value);
  if (record === undefined) throw new TypeError(`${what} is not a CryptoKey`);
  return record;
}
function algorithmArgument(value) {
  return typeof value === "object" && value !== null ? value : wc.domString(value);
}
function formatArgument(value) {
  const format = wc.domString(value);
  if (!FORMATS.includes(format)) throw new TypeError(`'${format}' is not a valid KeyFormat`);
  return format;
}
/**
 * The data argument. It is consumed before this call returns, so a view would do, but normalizing an
 * object algorithm runs script getters that could change the bytes first: copy in that case.
 */
function dataArgument(value, algorithm, what) {
  return typeof algorithm === "string" ? wc.view(value, what) : wc.copy(value, what);
}
function requireArguments(count, needed, method) {
  if (count < needed) throw new TypeError(`SubtleCrypto.${method} requires ${needed} arguments, but only ${count} present`);
}
function checkKeyFor(normalized, record, usage) {
  if (normalized.name !== record.algorithm.name) throw wc.error("InvalidAccessError", `the key is not a ${normalized.name} key`);
  if (!record.usages.includes(usage)) throw wc.error("InvalidAccessError", `the key does not allow ${usage}`);
}
/** The last step of import/generate/derive: secret and private keys need at least one usage. */
function checkResultUsages(result) {
  const key = wc.keyRecord(result) !== undefined ? result : result.privateKey;
  const record = wc.keyRecord(key);
  if ((record.type === "secret" || record.type === "private") && record.usages.length === 0) {
    throw wc.error("SyntaxError", "the key would have no usages");
  }
  return result;
}

function importKey(format, keyData, normalized, extractable, usages) {
  const entry = algorithms[normalized.name];
  return checkResultUsages(entry.importKey(format, keyData, normalized, extractable, usages));
}

function exportKey(format, record) {
  const entry = algorithms[record.algorithm.name];
  if (entry.exportKey === undefined) throw wc.error("NotSupportedError", `${record.algorithm.name} keys cannot be exported`);
  if (!record.extractable) throw wc.error("InvalidAccessError", "the key is not extractable");
  return entry.exportKey(format, record);
}

/** keyData for importKey: a JWK dictionary for "jwk", a copied BufferSource otherwise. */
function keyDataFor(format, keyData) {
  const isJwk = wc.isJwkData(keyData);
  if (format === "jwk") {
    if (!isJwk) throw new TypeError("keyData must be a JsonWebKey dictionary for the jwk format");
    return keyData;
  }
  if (isJwk) throw new TypeError(`keyData must be a BufferSource for the ${format} format`);
  return wc.copy(keyData, "keyData");
}

let isSubtle;

class SubtleCrypto {
  #brand = true;

  constructor(token) {
    if (token !== CONSTRUCT) throw new TypeError("Illegal constructor");
  }

  static {
    isSubtle = (value) => value !== null && typeof value === "object" && #brand in value;
  }

  encrypt(algorithm, key, data) {
    return cipher(this, arguments.length, "encrypt", algorithm, key, data);
  }

  decrypt(algorithm, key, data) {
    return cipher(this, arguments.length, "decrypt", algorithm, key, data);
  }

  sign(algorithm, key, data) {
    let normalized, record, bytes;
    try {
      brand(this);
      requireArguments(arguments.length, 3, "sign");
      algorithm = algorithmArgument(algorithm);
      record = keyArgument(key, "key");
      bytes = dataArgument(data, algorithm, "data");
      normalized = wc.normalize("sign", algorithm);
    } catch (error) {
      return promiseReject(error);
    }
    try {
      checkKeyFor(normalized, record, "sign");
      return promiseResolve(algorithms[normalized.name].sign(normalized, record, bytes));
    } catch (error) {
      return rejectLater(wc.retype(error));
    }
  }

  verify(algorithm, key, signature, data) {
    let normalized, record, signatureBytes, bytes;
    try {
      brand(this);
      requireArguments(arguments.length, 4, "verify");
      algorithm = algorithmArgument(algorithm);
      record = keyArgument(key, "key");
      signatureBytes = wc.copy(signature, "signature");
      bytes = dataArgument(data, algorithm, "data");
      normalized = wc.normalize("verify", algorithm);
    } catch (error) {
      return promiseReject(error);
    }
    try {
      checkKeyFor(normalized, record, "verify");
      return promiseResolve(algorithms[normalized.name].verify(normalized, record, signatureBytes, bytes));
    } catch (error) {
      return rejectLater(wc.retype(error));
    }
  }

  digest(algorithm, data) {
    let normalized, bytes;
    try {
      brand(this);
      requireArguments(arguments.length, 2, "digest");
      algorithm = algorithmArgument(algorithm);
      bytes = dataArgument(data, algorithm, "data");
      normalized = wc.normalize("digest", algorithm);
    } catch (error) {
      return promiseReject(error);
    }
    try {
      return promiseResolve(wc.take(internals.ops.cryptoDigest(wc.hashCode(normalized), wc.put(bytes))));
    } catch (error) {
      return rejectLater(wc.retype(error));
    }
  }

  generateKey(algorithm, extractable, keyUsages) {
    let normalized, usages;
    try {
      brand(this);
      requireArguments(arguments.length, 3, "generateKey");
      algorithm = algorithmArgument(algorithm);
      extractable = !!extractable;
      usages = wc.toUsages(keyUsages);
      normalized = wc.normalize("generateKey", algorithm);
    } catch (error) {
      return promiseReject(error);
    }
    try {
      return promiseResolve(checkResultUsages(algorithms[normalized.name].generateKey(normalized, extractable, usages)));
    } catch (error) {
      return rejectLater(wc.retype(error));
    }
  }

  deriveKey(algorithm, baseKey, derivedKeyType, extractable, keyUsages) {
    let normalized, record, importAlgorithm, lengthAlgorithm, usages;
    try {
      brand(this);
      requireArguments(arguments.length, 5, "deriveKey");
      algorithm = algorithmArgument(algorithm);
      record = keyArgument(baseKey, "baseKey");
      derivedKeyType = algorithmArgument(derivedKeyType);
      extractable = !!extractable;
      usages = wc.toUsages(keyUsages);
      normalized = wc.normalize("deriveBits", algorithm);
      importAlgorithm = wc.normalize("importKey", derivedKeyType);
      lengthAlgorithm = wc.normalize("get key length", derivedKeyType);
    } catch (error) {
      return promiseReject(error);
    }
    try {
      checkKeyFor(normalized, record, "deriveKey");
      const length = algorithms[lengthAlgorithm.name].getKeyLength(lengthAlgorithm);
      const secret = new Uint8Array(algorithms[normalized.name].deriveBits(normalized, record, length));
      return promiseResolve(importKey("raw", secret, importAlgorithm, extractable, usages));
    } catch (error) {
      return rejectLater(wc.retype(error));
    }
  }

  deriveBits(algorithm, baseKey, length = null) {
    let normalized, record;
    try {
      brand(this);
      requireArguments(arguments.length, 2, "deriveBits");
      algorithm = algorithmArgument(algorithm);
      record = keyArgument(baseKey, "baseKey");
      length = length === null || length === undefined ? null : wc.unsignedLong(length);
      normalized = wc.normalize("deriveBits", algorithm);
    } catch (error) {
      return promiseReject(error);
    }
    try {
      checkKeyFor(normalized, record, "deriveBits");
      return promiseResolve(algorithms[normalized.name].deriveBits(normalized, record, length));
    } catch (error) {
      return rejectLater(wc.retype(error));
    }
  }

  importKey(format, keyData, algorithm, extractable, keyUsages) {
    let normalized, usages, data;
    try {
      brand(this);
      requireArguments(arguments.length, 5, "importKey");
      format = formatArgument(format);
      data = wc.isJwkData(keyData) ? wc.toJwk(keyData) : keyData;
      algorithm = algorithmArgument(algorithm);
      extractable = !!extractable;
      usages = wc.toUsages(keyUsages);
      normalized = wc.normalize("importKey", algorithm);
      data = keyDataFor(format, data);
    } catch (error) {
      return promiseReject(error);
    }
    try {
      return promiseResolve(importKey(format, data, normalized, extractable, usages));
    } catch (error) {
      return rejectLater(wc.retype(error));
    }
  }

  exportKey(format, key) {
    let record;
    try {
      brand(this);
      requireArguments(arguments.length, 2, "exportKey");
      format = formatArgument(format);
      record = keyArgument(key, "key");
    } catch (error) {
      return promiseReject(error);
    }
    try {
      return promiseResolve(exportKey(format, record));
    } catch (error) {
      return rejectLater(wc.retype(error));
    }
  }

  wrapKey(format, key, wrappingKey, wrapAlgorithm) {
    let record, wrappingRecord, normalized;
    try {
      brand(this);
      requireArguments(arguments.length, 4, "wrapKey");
      format = formatArgument(format);
      record = keyArgument(key, "key");
      wrappingRecord = keyArgument(wrappingKey, "wrappingKey");
      wrapAlgorithm = algorithmArgument(wrapAlgorithm);
      normalized = normalizeEither("wrapKey", "encrypt", wrapAlgorithm);
    } catch (error) {
      return promiseReject(error);
    }
    try {
      checkKeyFor(normalized, wrappingRecord, "wrapKey");
      const exported = exportKey(format, record);
      const bytes = format === "jwk" ? wc.jwkBytes(exported) : new Uint8Array(exported);
      const entry = algorithms[normalized.name];
      const result = entry.wrapKey !== undefined
        ? entry.wrapKey(normalized, wrappingRecord, bytes)
        : entry.encrypt(normalized, wrappingRecord, bytes);
      return promiseResolve(result);
    } catch (error) {
      return rejectLater(wc.retype(error));
    }
  }

  unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgorithm, unwrappedKeyAlgorithm, extractable, keyUsages) {
    let record, bytes, normalized, importAlgorithm, usages;
    try {
      brand(this);
      requireArguments(arguments.length, 7, "unwrapKey");
      format = formatArgument(format);
      bytes = wc.copy(wrappedKey, "wrappedKey");
      record = keyArgument(unwrappingKey, "unwrappingKey");
      unwrapAlgorithm = algorithmArgument(unwrapAlgorithm);
      unwrappedKeyAlgorithm = algorithmArgument(unwrappedKeyAlgorithm);
      extractable = !!extractable;
      usages = wc.toUsages(keyUsages);
      normalized = normalizeEither("unwrapKey", "decrypt", unwrapAlgorithm);
      importAlgorithm = wc.normalize("importKey", unwrappedKeyAlgorithm);
    } catch (error) {
      return promiseReject(error);
    }
    try {
      checkKeyFor(normalized, record, "unwrapKey");
      const entry = algorithms[normalized.name];
      const keyBytes = new Uint8Array(entry.unwrapKey !== undefined
        ? entry.unwrapKey(normalized, record, bytes)
        : entry.decrypt(normalized, record, bytes));
      const keyData = format === "jwk" ? wc.parseJwk(keyBytes) : keyBytes;
      return promiseResolve(importKey(format, keyData, importAlgorithm, extractable, usages));
    } catch (error) {
      return rejectLater(wc.retype(error));
    }
  }
}

function brand(value) {
  if (!isSubtle(value)) throw new TypeError("Illegal invocation");
}

// wrapKey/unwrapKey accept a dedicated wrapping algorithm or any encryption algorithm.
function normalizeEither(op, fallback, algorithm) {
  try {
    return wc.normalize(op, algorithm);
  } catch {
    return wc.normalize(fallback, algorithm);
  }
}

function cipher(self, count, op, algorithm, key, data) {
  let normalized, record, bytes;
  try {
    brand(self);
    requireArguments(count, 3, op);
    algorithm = algorithmArgument(algorithm);
    record = keyArgument(key, "key");
    bytes = dataArgument(data, algorithm, "data");
    normalized = wc.normalize(op, algorithm);
  } catch (error) {
    return promiseReject(error);
  }
  try {
    checkKeyFor(normalized, record, op);
    return promiseResolve(algorithms[normalized.name][op](normalized, record, bytes));
  } catch (error) {
    return rejectLater(wc.retype(error));
  }
}

Object.defineProperty(SubtleCrypto.prototype, Symbol.toStringTag, { value: "SubtleCrypto", configurable: true });
wc.subtle = new SubtleCrypto(CONSTRUCT);
wc.SubtleCrypto = SubtleCrypto;
internals.defineGlobal("SubtleCrypto", SubtleCrypto);
