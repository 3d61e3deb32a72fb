// JsonWebKey: the WebIDL dictionary conversion and the checks every algorithm's JWK import shares
// (use, key_ops, ext). Key material members are decoded in C#.
const wc = internals.webcrypto;
const JSONStringify = JSON.stringify;
const JSONParse = JSON.parse;

// Dictionary members in WebIDL order (lexicographic).
const STRING_MEMBERS = ["alg", "crv", "d", "dp", "dq", "e", "k", "kty", "n", "p", "q", "qi", "use", "x", "y"];
const ORDER = ["alg", "crv", "d", "dp", "dq", "e", "ext", "k", "key_ops", "kty", "n", "oth", "p", "q", "qi", "use", "x", "y"];

/** Converts a value to a JsonWebKey dictionary (a null-prototype object of the present members). */
wc.toJwk = (value) => {
  const jwk = Object.create(null);
  if (value === undefined || value === null) return jwk;
  if (typeof value !== "object" && typeof value !== "function") throw new TypeError("keyData must be a JsonWebKey dictionary");
  for (const member of ORDER) {
    const raw = value[member];
    if (raw === undefined) continue;
    if (member === "ext") jwk.ext = !!raw;
    else if (member === "key_ops") jwk.key_ops = toStringSequence(raw, "key_ops");
    else if (member === "oth") jwk.oth = toSequence(raw, "oth");
    else jwk[member] = wc.domString(raw);
  }
  return jwk;
};

function toSequence(value, what) {
  if (value === null || typeof value !== "object" || typeof value[Symbol.iterator] !== "function") {
    throw new TypeError(`JWK ${what} must be a sequence`);
  }
  return [...value];
}
const toStringSequence = (value, what) => toSequence(value, what).map((item) => wc.domString(item));

/** Whether keyData is something importKey should treat as a JWK rather than a BufferSource. */
wc.isJwkData = (value) => !(ArrayBuffer.isView(value) || (typeof value === "object" && value !== null && wc.isArrayBuffer(value)));

/** The JSON C# reads key material from: only the string members. */
wc.jwkJson = (jwk) => {
  const members = Object.create(null);
  for (const member of STRING_MEMBERS) if (jwk[member] !== undefined) members[member] = jwk[member];
  if (jwk.oth !== undefined) members.oth = "present";
  return JSONStringify(members);
};

/** The use / key_ops / ext checks (RFC 7517 §4.2-4.3 and WebCrypto's import steps). */
wc.checkJwkUse = (jwk, usages, extractable, use) => {
  if (usages.length > 0 && jwk.use !== undefined && jwk.use !== use) {
    throw wc.error("DataError", `the JWK "use" member must be "${use}"`);
  }
  const keyOps = jwk.key_ops;
  if (keyOps !== undefined) {
    for (let i = 0; i < keyOps.length; i++) {
      if (keyOps.indexOf(keyOps[i]) !== i) throw wc.error("DataError", "the JWK key_ops member has duplicates");
    }
    for (const usage of usages) {
      if (!keyOps.includes(usage)) throw wc.error("DataError", `the JWK key_ops member does not allow ${usage}`);
    }
  }
  if (jwk.ext === false && extractable) throw wc.error("DataError", "the JWK is not extractable (ext is false)");
};

wc.checkJwkKty = (jwk, kty) => {
  if (jwk.kty !== kty) throw wc.error("DataError", `the JWK "kty" member must be "${kty}"`);
};

/** C#'s key-material JSON plus the members every exported JWK carries. */
wc.exportJwk = (json, record, alg) => {
  const jwk = JSONParse(json);
  if (alg !== undefined) jwk.alg = alg;
  jwk.key_ops = record.usages.slice();
  jwk.ext = record.extractable;
  return jwk;
};

/** unwrapKey's "parse a JWK": UTF-8 JSON that must be an object. */
wc.parseJwk = (bytes) => {
  let value;
  try {
    value = JSONParse(wc.utf8Decode(bytes));
  } catch {
    throw wc.error("DataError", "the unwrapped key is not valid JWK JSON");
  }
  if (value === null || typeof value !== "object") throw wc.error("DataError", "the unwrapped key is not a JWK object");
  return wc.toJwk(value);
};
wc.jwkBytes = (jwk) => wc.utf8Encode(JSONStringify(jwk));
