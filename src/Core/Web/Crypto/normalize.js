// "Normalize an algorithm" (WebCrypto §18.4.4): resolve the name case-insensitively among the
// algorithms registered for an operation, then convert the object to that algorithm's parameter
// dictionary (members read in WebIDL order: inherited first, then lexicographic).
const wc = internals.webcrypto;

const BUFFER = 1, OCTET = 2, USHORT = 3, ULONG = 4, HASH = 5, BIGINT = 6, KEY = 7, STRING = 8;

// [member, type, required]
const NONE = [];
const D = {
  RsaHashedKeyGenParams: [["modulusLength", ULONG, true], ["publicExponent", BIGINT, true], ["hash", HASH, true]],
  RsaHashedImportParams: [["hash", HASH, true]],
  RsaPssParams: [["saltLength", ULONG, true]],
  RsaOaepParams: [["label", BUFFER, false]],
  EcdsaParams: [["hash", HASH, true]],
  EcKeyGenParams: [["namedCurve", STRING, true]],
  EcKeyImportParams: [["namedCurve", STRING, true]],
  EcdhKeyDeriveParams: [["public", KEY, true]],
  AesCtrParams: [["counter", BUFFER, true], ["length", OCTET, true]],
  AesKeyGenParams: [["length", USHORT, true]],
  AesDerivedKeyParams: [["length", USHORT, true]],
  AesCbcParams: [["iv", BUFFER, true]],
  AesGcmParams: [["additionalData", BUFFER, false], ["iv", BUFFER, true], ["tagLength", OCTET, false]],
  HmacImportParams: [["hash", HASH, true], ["length", ULONG, false]],
  HmacKeyGenParams: [["hash", HASH, true], ["length", ULONG, false]],
  HkdfParams: [["hash", HASH, true], ["info", BUFFER, true], ["salt", BUFFER, true]],
  Pbkdf2Params: [["hash", HASH, true], ["iterations", ULONG, true], ["salt", BUFFER, true]],
  Ed448Params: [["context", BUFFER, false]],
};

const RSA = ["RSASSA-PKCS1-v1_5", "RSA-PSS", "RSA-OAEP"];
const AES = ["AES-CTR", "AES-CBC", "AES-GCM", "AES-KW"];
const cipherParams = { "RSA-OAEP": D.RsaOaepParams, "AES-CTR": D.AesCtrParams, "AES-CBC": D.AesCbcParams, "AES-GCM": D.AesGcmParams };
const OKP = ["Ed25519", "Ed448", "X25519", "X448"];
const signParams = { "RSASSA-PKCS1-v1_5": NONE, "RSA-PSS": D.RsaPssParams, ECDSA: D.EcdsaParams, HMAC: NONE, Ed25519: NONE, Ed448: D.Ed448Params };
const registry = {
  digest: { "SHA-1": NONE, "SHA-256": NONE, "SHA-384": NONE, "SHA-512": NONE },
  encrypt: cipherParams,
  decrypt: cipherParams,
  sign: signParams,
  verify: signParams,
  generateKey: {
    ...Object.fromEntries(RSA.map((name) => [name, D.RsaHashedKeyGenParams])),
    ECDSA: D.EcKeyGenParams, ECDH: D.EcKeyGenParams,
    ...Object.fromEntries(AES.map((name) => [name, D.AesKeyGenParams])),
    HMAC: D.HmacKeyGenParams,
    ...Object.fromEntries(OKP.map((name) => [name, NONE])),
  },
  deriveBits: { ECDH: D.EcdhKeyDeriveParams, X25519: D.EcdhKeyDeriveParams, X448: D.EcdhKeyDeriveParams, HKDF: D.HkdfParams, PBKDF2: D.Pbkdf2Params },
  importKey: {
    ...Object.fromEntries(RSA.map((name) => [name, D.RsaHashedImportParams])),
    ECDSA: D.EcKeyImportParams, ECDH: D.EcKeyImportParams,
    HMAC: D.HmacImportParams,
    ...Object.fromEntries(AES.map((name) => [name, NONE])),
    HKDF: NONE, PBKDF2: NONE,
    ...Object.fromEntries(OKP.map((name) => [name, NONE])),
  },
  "get key length": {
    ...Object.fromEntries(AES.map((name) => [name, D.AesDerivedKeyParams])),
    HMAC: D.HmacImportParams, HKDF: NONE, PBKDF2: NONE,
  },
  wrapKey: { "AES-KW": NONE },
  unwrapKey: { "AES-KW": NONE },
};

// Upper-cased name -> canonical name, per operation. ASCII-only case folding, as the spec asks.
const asciiUpper = (s) => s.replace(/[a-z]+/g, (m) => m.toUpperCase());
const canonical = Object.create(null);
for (const op of Object.keys(registry)) {
  const names = Object.create(null);
  for (const name of Object.keys(registry[op])) names[asciiUpper(name)] = name;
  canonical[op] = names;
}

// Normalized results for string identifiers of parameterless algorithms never change: cache them.
const stringCache = Object.create(null);

/**
 * Returns the normalized algorithm (a plain object with `name` and converted members) or throws
 * TypeError / NotSupportedError. Buffer members are copied; hash members are normalized digests.
 */
function normalize(op, algorithm) {
  if (typeof algorithm !== "object" || algorithm === null) {
    if (typeof algorithm === "function") return normalizeObject(op, algorithm);
    const name = wc.domString(algorithm);
    const key = op + "\0" + name;
    const cached = stringCache[key];
    if (cached !== undefined) return cached;
    const result = normalizeObject(op, { name });
    if (registry[op][result.name] === NONE) stringCache[key] = Object.freeze(result);
    return result;
  }
  return normalizeObject(op, algorithm);
}
wc.normalize = normalize;

function normalizeObject(op, algorithm) {
  // Convert to the Algorithm dictionary first: only `name` is read.
  const rawName = algorithm.name;
  if (rawName === undefined) throw new TypeError("the algorithm has no name");
  const name = wc.domString(rawName);
  const table = registry[op];
  let registered = table[name] !== undefined ? name : canonical[op][asciiUpper(name)];
  if (registered === undefined) throw wc.error("NotSupportedError", `${name} is not supported for ${op}`);
  const members = table[registered];
  const result = { name: registered };
  if (members === NONE) return result;
  // The desired dictionary re-reads name (an inherited member) before its own members.
  wc.domString(algorithm.name);
  for (let i = 0; i < members.length; i++) {
    const [member, type, required] = members[i];
    const value = algorithm[member];
    if (value === undefined) {
      if (required) throw new TypeError(`${registered}: the ${member} member is required`);
      continue;
    }
    result[member] = convert(value, type, `${registered} ${member}`);
  }
  return result;
}

function convert(value, type, what) {
  switch (type) {
    case BUFFER: return wc.copy(value, what);
    case OCTET: return wc.enforceRange(value, 255, what);
    case USHORT: return wc.enforceRange(value, 65535, what);
    case ULONG: return wc.enforceRange(value, 4294967295, what);
    case HASH: return normalize("digest", value);
    case STRING: return wc.domString(value);
    case BIGINT: {
      // typedef Uint8Array BigInteger
      if (wc.typedArrayTag(value) !== "Uint8Array") {
        throw new TypeError(`${what} must be a Uint8Array`);
      }
      return wc.copy(value, what);
    }
    case KEY:
      if (wc.keyRecord(value) === undefined) throw new TypeError(`${what} must be a CryptoKey`);
      return value;
  }
  throw new TypeError(`unknown member type for ${what}`);
}

const hashCodes = { "SHA-1": 1, "SHA-256": 256, "SHA-384": 384, "SHA-512": 512 };
/** The op code of a normalized hash algorithm. */
wc.hashCode = (hash) => hashCodes[hash.name];
// HMAC's default key length is the hash's block size.
wc.hashBlockBits = (hash) => (hash.name === "SHA-384" || hash.name === "SHA-512" ? 1024 : 512);
wc.hashBits = (hash) => (hash.name === "SHA-1" ? 160 : hashCodes[hash.name]);
