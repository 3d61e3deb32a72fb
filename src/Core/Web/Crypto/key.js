// CryptoKey (WebCrypto §13). The key material lives in C#; a key holds only its handle id, in a
// private field, so script can neither read the material nor forge a key. Keys are made only by
// wc.newKey; the global constructor throws.
const { ops } = internals;
const wc = internals.webcrypto;

const CONSTRUCT = Symbol("CryptoKey");
// Releasing key material: each key is tracked by a WeakRef, and when the table has doubled since the
// last sweep, the ids of collected keys are dropped in C#. The sweep runs synchronously when a key is
// made, so nothing happens at a time garbage collection chooses (a FinalizationRegistry callback was
// tried first: an op called from it crashed the host process when many runtimes ran in one process).
// The WeakRef is the engine's own, taken before deterministic runs replace the global; dropping an
// unreachable key is not observable. A key's id is only used during the operation that reads it, and
// every operation that makes keys has finished with other keys' ids by then.
const NativeWeakRef = WeakRef;
const weakRefDeref = WeakRef.prototype.deref;
let tracked = [];
let sweepAt = 512;
function track(key, id) {
  tracked[tracked.length] = new NativeWeakRef(key);
  tracked[tracked.length] = id;
  if (tracked.length >= sweepAt) sweep();
}
function sweep() {
  const live = [];
  for (let i = 0; i < tracked.length; i += 2) {
    if (Reflect.apply(weakRefDeref, tracked[i], []) === undefined) ops.cryptoDrop(tracked[i + 1]);
    else { live[live.length] = tracked[i]; live[live.length] = tracked[i + 1]; }
  }
  tracked = live;
  sweepAt = Math.max(512, live.length * 2);
}

// KeyUsage in the order usages are reported.
const USAGES = ["encrypt", "decrypt", "sign", "verify", "deriveKey", "deriveBits", "wrapKey", "unwrapKey"];
const usageRank = Object.create(null);
USAGES.forEach((usage, i) => { usageRank[usage] = i; });

/** sequence<KeyUsage>: iterable of valid enum strings; duplicates dropped, canonical order. */
wc.toUsages = (value) => {
  if (value === null || (typeof value !== "object" && typeof value !== "function") || typeof value[Symbol.iterator] !== "function") {
    throw new TypeError("keyUsages must be a sequence of KeyUsage strings");
  }
  const seen = [false, false, false, false, false, false, false, false];
  for (const item of value) {
    const usage = wc.domString(item);
    const rank = usageRank[usage];
    if (rank === undefined) throw new TypeError(`'${usage}' is not a valid KeyUsage`);
    seen[rank] = true;
  }
  const usages = [];
  for (let i = 0; i < USAGES.length; i++) if (seen[i]) usages.push(USAGES[i]);
  return usages;
};

/** Whether every usage is among `allowed`. */
wc.usagesWithin = (usages, allowed) => {
  for (let i = 0; i < usages.length; i++) if (!allowed.includes(usages[i])) return false;
  return true;
};
wc.checkUsages = (usages, allowed) => {
  if (!wc.usagesWithin(usages, allowed)) throw wc.error("SyntaxError", `usages must be among ${allowed.join(", ")}`);
};
wc.intersectUsages = (usages, allowed) => usages.filter((usage) => allowed.includes(usage));

// The script-visible copy of a key algorithm dictionary (hash as {name}, publicExponent as a Uint8Array).
function exposeAlgorithm(algorithm) {
  const out = {};
  for (const key of Object.keys(algorithm)) {
    const value = algorithm[key];
    if (key === "hash") out.hash = { name: value.name };
    else if (key === "publicExponent") out.publicExponent = new Uint8Array(value);
    else out[key] = value;
  }
  return out;
}

let recordOf;

class CryptoKey {
  // One record: { id, type, extractable, algorithm, usages } (internal copies, never exposed).
  #record;
  #algorithm;
  #usages;

  constructor(token, record) {
    if (token !== CONSTRUCT) throw new TypeError("Illegal constructor");
    this.#record = record;
  }

  get type() { return recordOf(this).type; }

  get extractable() { return recordOf(this).extractable; }

  // Both return the same object on every read, as the spec's [[algorithm_cached]]/[[usages_cached]].
  get algorithm() {
    const record = recordOf(this);
    return (this.#algorithm ??= exposeAlgorithm(record.algorithm));
  }

  get usages() {
    const record = recordOf(this);
    return (this.#usages ??= record.usages.slice());
  }

  static {
    recordOf = (key) => {
      if (key === null || typeof key !== "object" || !(#record in key)) throw new TypeError("Illegal invocation");
      return key.#record;
    };
    wc.keyRecord = (key) => (key !== null && typeof key === "object" && #record in key ? key.#record : undefined);
  }
}

for (const name of ["type", "extractable", "algorithm", "usages"]) {
  Object.defineProperty(CryptoKey.prototype, name, { enumerable: true });
}
Object.defineProperty(CryptoKey.prototype, Symbol.toStringTag, { value: "CryptoKey", configurable: true });

/** A new key over C# handle `id`. type: "secret" | "public" | "private". */
wc.newKey = (id, type, extractable, algorithm, usages) => {
  const key = new CryptoKey(CONSTRUCT, { id, type, extractable, algorithm, usages });
  track(key, id);
  return key;
};

wc.CryptoKey = CryptoKey;
internals.defineGlobal("CryptoKey", CryptoKey);
