// ECDSA and ECDH on P-256, P-384 and P-521 (WebCrypto §23-§24). Signatures are IEEE P1363 (r || s).
const { ops } = internals;
const wc = internals.webcrypto;
const algorithms = wc.algorithms;

const CURVES = ["P-256", "P-384", "P-521"];
const CURVE_BITS = { "P-256": 256, "P-384": 384, "P-521": 528 };
const ECDSA_JWK_ALG = { "P-256": "ES256", "P-384": "ES384", "P-521": "ES512" };
const FORMAT = { raw: 0, spki: 1, pkcs8: 2 };

function ec(name, kind, publicUsages, privateUsages, use) {
  const allUsages = [...publicUsages, ...privateUsages];
  const checkCurve = (curve) => {
    if (!CURVES.includes(curve)) throw wc.error("NotSupportedError", `${curve} is not a supported curve`);
  };
  const key = (id, type, extractable, namedCurve, usages) => wc.newKey(id, type, extractable, { name, namedCurve }, usages);
  return {
    generateKey(algorithm, extractable, usages) {
      wc.checkUsages(usages, allUsages);
      checkCurve(algorithm.namedCurve);
      const curve = algorithm.namedCurve;
      const privateId = ops.cryptoEcGenerate(kind, curve);
      const publicId = ops.cryptoPublicOf(privateId);
      return {
        publicKey: key(publicId, "public", true, curve, wc.intersectUsages(usages, publicUsages)),
        privateKey: key(privateId, "private", extractable, curve, wc.intersectUsages(usages, privateUsages)),
      };
    },
    importKey(format, keyData, algorithm, extractable, usages) {
      const curve = algorithm.namedCurve;
      let id;
      let type;
      switch (format) {
        case "spki":
        case "raw":
          wc.checkUsages(usages, publicUsages);
          checkCurve(curve);
          id = format === "raw"
            ? ops.cryptoImportEcRaw(kind, curve, wc.put(keyData))
            : ops.cryptoImportDer(kind, curve, false, wc.put(keyData));
          type = "public";
          break;
        case "pkcs8":
          wc.checkUsages(usages, privateUsages);
          checkCurve(curve);
          id = ops.cryptoImportDer(kind, curve, true, wc.put(keyData));
          type = "private";
          break;
        case "jwk": {
          type = keyData.d !== undefined ? "private" : "public";
          wc.checkUsages(usages, type === "private" ? privateUsages : publicUsages);
          wc.checkJwkKty(keyData, "EC");
          wc.checkJwkUse(keyData, usages, extractable, use);
          checkCurve(curve);
          if (keyData.crv !== curve) throw wc.error("DataError", `the JWK "crv" member must be ${curve}`);
          if (kind === 1 && keyData.alg !== undefined && keyData.alg !== ECDSA_JWK_ALG[curve]) {
            throw wc.error("DataError", `the JWK "alg" member must be ${ECDSA_JWK_ALG[curve]}`);
          }
          id = ops.cryptoImportJwk(kind, curve, wc.jwkJson(keyData));
          break;
        }
        default:
          throw wc.error("NotSupportedError", `${name} keys cannot be imported as ${format}`);
      }
      return key(id, type, extractable, curve, usages);
    },
    exportKey(format, record) {
      if (format === "jwk") return wc.exportJwk(ops.cryptoExportJwk(record.id), record, undefined);
      const code = FORMAT[format];
      if (code === undefined) throw wc.error("NotSupportedError", `${name} keys cannot be exported as ${format}`);
      if ((format === "pkcs8") !== (record.type === "private")) {
        throw wc.error("InvalidAccessError", `a ${record.type} key cannot be exported as ${format}`);
      }
      return wc.take(ops.cryptoExport(record.id, code));
    },
  };
}

const ecdsa = (algorithms.ECDSA = ec("ECDSA", 1, ["verify"], ["sign"], "sig"));
ecdsa.sign = (algorithm, record, data) => {
  if (record.type !== "private") throw wc.error("InvalidAccessError", "ECDSA signing needs a private key");
  return wc.take(ops.cryptoEcdsaSign(record.id, wc.hashCode(algorithm.hash), wc.put(data)));
};
ecdsa.verify = (algorithm, record, signature, data) => {
  if (record.type !== "public") throw wc.error("InvalidAccessError", "ECDSA verification needs a public key");
  wc.put(signature, data);
  return ops.cryptoEcdsaVerify(record.id, wc.hashCode(algorithm.hash), signature.length, data.length);
};

const ecdh = (algorithms.ECDH = ec("ECDH", 2, [], ["deriveKey", "deriveBits"], "enc"));
ecdh.deriveBits = (algorithm, record, length) => {
  if (record.type !== "private") throw wc.error("InvalidAccessError", "ECDH needs a private base key");
  const other = wc.keyRecord(algorithm.public);
  if (other.type !== "public") throw wc.error("InvalidAccessError", "the ECDH public member must be a public key");
  if (other.algorithm.name !== record.algorithm.name) throw wc.error("InvalidAccessError", "the ECDH public key is not an ECDH key");
  if (other.algorithm.namedCurve !== record.algorithm.namedCurve) throw wc.error("InvalidAccessError", "the ECDH keys are on different curves");
  const secretBytes = ops.cryptoEcdh(record.id, other.id);
  if (length === null) return wc.take(secretBytes);
  if (length > secretBytes * 8) throw wc.error("OperationError", `ECDH on ${record.algorithm.namedCurve} yields at most ${CURVE_BITS[record.algorithm.namedCurve]} bits`);
  const bytes = wc.takeBytes(Math.ceil(length / 8));
  if (length % 8 !== 0) bytes[bytes.length - 1] &= 0xff << (8 - (length % 8));
  return bytes.buffer;
};
