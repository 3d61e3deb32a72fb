// Ed25519, Ed448, X25519 and X448 (WebCrypto §25-§26 and the Secure Curves draft). The key bytes
// live in C#; the curve arithmetic is OpenSSL's (OpenSslOkp.cs).
const { ops } = internals;
const wc = internals.webcrypto;
const algorithms = wc.algorithms;

const FORMAT = { raw: 0, spki: 1, pkcs8: 2 };

function okp(name, publicUsages, privateUsages, use, bits) {
  const allUsages = [...publicUsages, ...privateUsages];
  const signing = use === "sig";
  const key = (id, type, extractable, usages) => wc.newKey(id, type, extractable, { name }, usages);
  return {
    bits,
    generateKey(algorithm, extractable, usages) {
      wc.checkUsages(usages, allUsages);
      const privateId = ops.cryptoOkpGenerate(name);
      const publicId = ops.cryptoPublicOf(privateId);
      return {
        publicKey: key(publicId, "public", true, wc.intersectUsages(usages, publicUsages)),
        privateKey: key(privateId, "private", extractable, wc.intersectUsages(usages, privateUsages)),
      };
    },
    importKey(format, keyData, algorithm, extractable, usages) {
      let id;
      let type;
      switch (format) {
        case "spki":
        case "raw":
          wc.checkUsages(usages, publicUsages);
          id = ops.cryptoOkpImport(name, FORMAT[format], wc.put(keyData));
          type = "public";
          break;
        case "pkcs8":
          wc.checkUsages(usages, privateUsages);
          id = ops.cryptoOkpImport(name, FORMAT.pkcs8, wc.put(keyData));
          type = "private";
          break;
        case "jwk": {
          type = keyData.d !== undefined ? "private" : "public";
          wc.checkUsages(usages, type === "private" ? privateUsages : publicUsages);
          wc.checkJwkKty(keyData, "OKP");
          if (keyData.crv !== name) throw wc.error("DataError", `the JWK "crv" member must be ${name}`);
          // The signature curves accept their own name or the generic "EdDSA"; the others ignore alg.
          if (signing && keyData.alg !== undefined && keyData.alg !== name && keyData.alg !== "EdDSA") {
            throw wc.error("DataError", `the JWK "alg" member must be ${name} or EdDSA`);
          }
          wc.checkJwkUse(keyData, usages, extractable, use);
          id = ops.cryptoOkpImportJwk(name, wc.jwkJson(keyData));
          break;
        }
        default:
          throw wc.error("NotSupportedError", `${name} keys cannot be imported as ${format}`);
      }
      return key(id, type, extractable, usages);
    },
    exportKey(format, record) {
      if (format === "jwk") return wc.exportJwk(ops.cryptoExportJwk(record.id), record, signing ? name : undefined);
      const code = FORMAT[format];
      if (code === undefined) throw wc.error("NotSupportedError", `${name} keys cannot be exported as ${format}`);
      if ((format === "pkcs8") !== (record.type === "private")) {
        throw wc.error("InvalidAccessError", `a ${record.type} key cannot be exported as ${format}`);
      }
      return wc.take(ops.cryptoExport(record.id, code));
    },
  };
}

function eddsa(name, bits) {
  const entry = (algorithms[name] = okp(name, ["verify"], ["sign"], "sig", bits));
  entry.sign = (algorithm, record, data) => {
    if (record.type !== "private") throw wc.error("InvalidAccessError", `${name} signing needs a private key`);
    if (algorithm.context !== undefined && algorithm.context.length !== 0) {
      throw wc.error("NotSupportedError", `${name} contexts are not supported`);
    }
    return wc.take(ops.cryptoOkpSign(record.id, wc.put(data)));
  };
  entry.verify = (algorithm, record, signature, data) => {
    if (record.type !== "public") throw wc.error("InvalidAccessError", `${name} verification needs a public key`);
    if (algorithm.context !== undefined && algorithm.context.length !== 0) {
      throw wc.error("NotSupportedError", `${name} contexts are not supported`);
    }
    wc.put(signature, data);
    return ops.cryptoOkpVerify(record.id, signature.length, data.length);
  };
}

function ecdh(name, bits) {
  const entry = (algorithms[name] = okp(name, [], ["deriveKey", "deriveBits"], "enc", bits));
  entry.deriveBits = (algorithm, record, length) => {
    if (record.type !== "private") throw wc.error("InvalidAccessError", `${name} needs a private base key`);
    const other = wc.keyRecord(algorithm.public);
    if (other.type !== "public") throw wc.error("InvalidAccessError", `the ${name} public member must be a public key`);
    if (other.algorithm.name !== name) throw wc.error("InvalidAccessError", `the ${name} public key is not an ${name} key`);
    const secretBytes = ops.cryptoOkpDerive(record.id, other.id);
    if (length === null) return wc.take(secretBytes);
    if (length > bits) throw wc.error("OperationError", `${name} yields at most ${bits} bits`);
    const bytes = wc.takeBytes(Math.ceil(length / 8));
    if (length % 8 !== 0) bytes[bytes.length - 1] &= 0xff << (8 - (length % 8));
    return bytes.buffer;
  };
}

eddsa("Ed25519", 256);
eddsa("Ed448", 456);
ecdh("X25519", 256);
ecdh("X448", 448);
