// RSASSA-PKCS1-v1_5, RSA-PSS and RSA-OAEP (WebCrypto §20-§22).
const { ops } = internals;
const wc = internals.webcrypto;
const algorithms = wc.algorithms;

const JWK_ALG = {
  "RSASSA-PKCS1-v1_5": { "SHA-1": "RS1", "SHA-256": "RS256", "SHA-384": "RS384", "SHA-512": "RS512" },
  "RSA-PSS": { "SHA-1": "PS1", "SHA-256": "PS256", "SHA-384": "PS384", "SHA-512": "PS512" },
  "RSA-OAEP": { "SHA-1": "RSA-OAEP", "SHA-256": "RSA-OAEP-256", "SHA-384": "RSA-OAEP-384", "SHA-512": "RSA-OAEP-512" },
};
const FORMAT = { spki: 1, pkcs8: 2 };

function rsa(name, publicUsages, privateUsages, use) {
  const allUsages = [...publicUsages, ...privateUsages];
  // The key algorithm dictionary; modulus length and exponent are read back from the key itself.
  const describe = (id, hash) => {
    const modulusLength = ops.cryptoRsaBits(id);
    const publicExponent = wc.takeBytes(ops.cryptoRsaExponent(id));
    return { name, modulusLength, publicExponent, hash };
  };
  return {
    generateKey(algorithm, extractable, usages) {
      wc.checkUsages(usages, allUsages);
      const privateId = ops.cryptoRsaGenerate(algorithm.modulusLength, wc.put(algorithm.publicExponent));
      const publicId = ops.cryptoPublicOf(privateId);
      const keyAlgorithm = describe(privateId, algorithm.hash);
      return {
        publicKey: wc.newKey(publicId, "public", true, keyAlgorithm, wc.intersectUsages(usages, publicUsages)),
        privateKey: wc.newKey(privateId, "private", extractable, keyAlgorithm, wc.intersectUsages(usages, privateUsages)),
      };
    },
    importKey(format, keyData, algorithm, extractable, usages) {
      let id;
      let type;
      if (format === "spki" || format === "pkcs8") {
        type = format === "spki" ? "public" : "private";
        wc.checkUsages(usages, type === "public" ? publicUsages : privateUsages);
        id = ops.cryptoImportDer(0, "", type === "private", wc.put(keyData));
      } else if (format === "jwk") {
        type = keyData.d !== undefined ? "private" : "public";
        wc.checkUsages(usages, type === "public" ? publicUsages : privateUsages);
        wc.checkJwkKty(keyData, "RSA");
        wc.checkJwkUse(keyData, usages, extractable, use);
        const expected = JWK_ALG[name][algorithm.hash.name];
        if (keyData.alg !== undefined && keyData.alg !== expected) throw wc.error("DataError", `the JWK "alg" member must be ${expected}`);
        id = ops.cryptoImportJwk(0, "", wc.jwkJson(keyData));
      } else {
        throw wc.error("NotSupportedError", `${name} keys cannot be imported as ${format}`);
      }
      return wc.newKey(id, type, extractable, describe(id, algorithm.hash), usages);
    },
    exportKey(format, record) {
      if (format === "jwk") return wc.exportJwk(ops.cryptoExportJwk(record.id), record, JWK_ALG[name][record.algorithm.hash.name]);
      const code = FORMAT[format];
      if (code === undefined) throw wc.error("NotSupportedError", `${name} keys cannot be exported as ${format}`);
      if ((format === "pkcs8") !== (record.type === "private")) {
        throw wc.error("InvalidAccessError", `a ${record.type} key cannot be exported as ${format}`);
      }
      return wc.take(ops.cryptoExport(record.id, code));
    },
  };
}

function signer(entry, pss) {
  entry.sign = (algorithm, record, data) => {
    if (record.type !== "private") throw wc.error("InvalidAccessError", "signing needs a private key");
    const salt = pss ? algorithm.saltLength : 0;
    return wc.take(ops.cryptoRsaSign(record.id, pss, wc.hashCode(record.algorithm.hash), salt, wc.put(data)));
  };
  entry.verify = (algorithm, record, signature, data) => {
    if (record.type !== "public") throw wc.error("InvalidAccessError", "verification needs a public key");
    const salt = pss ? algorithm.saltLength : 0;
    wc.put(signature, data);
    return ops.cryptoRsaVerify(record.id, pss, wc.hashCode(record.algorithm.hash), salt, signature.length, data.length);
  };
  return entry;
}

algorithms["RSASSA-PKCS1-v1_5"] = signer(rsa("RSASSA-PKCS1-v1_5", ["verify"], ["sign"], "sig"), false);
algorithms["RSA-PSS"] = signer(rsa("RSA-PSS", ["verify"], ["sign"], "sig"), true);

const oaep = (algorithms["RSA-OAEP"] = rsa("RSA-OAEP", ["encrypt", "wrapKey"], ["decrypt", "unwrapKey"], "enc"));
const EMPTY = new Uint8Array(0);
function oaepCipher(encrypt) {
  return (algorithm, record, data) => {
    if (record.type !== (encrypt ? "public" : "private")) {
      throw wc.error("InvalidAccessError", encrypt ? "RSA-OAEP encryption needs a public key" : "RSA-OAEP decryption needs a private key");
    }
    const label = algorithm.label ?? EMPTY;
    wc.put(label, data);
    return wc.take(ops.cryptoRsaOaep(record.id, encrypt, wc.hashCode(record.algorithm.hash), label.length, data.length));
  };
}
oaep.encrypt = oaepCipher(true);
oaep.decrypt = oaepCipher(false);
