// The Crypto interface (WebCrypto §10): getRandomValues, randomUUID and the subtle attribute.
// All randomness comes from the runtime's entropy provider through entropyFill, so seeded and
// replayed runs draw the same bytes.
const { ops } = internals;
const wc = internals.webcrypto;
const transfer = internals.transfer;
const transferU8 = internals.transferU8;
const CONSTRUCT = Symbol("Crypto");
const MAX_BYTES = 65536;

/** Fills `target` (a Uint8Array) with provider entropy, in transfer-buffer-sized draws. */
function fillRandom(target) {
  const length = target.length;
  for (let offset = 0; offset < length; offset += wc.CAPACITY) {
    const chunk = Math.min(wc.CAPACITY, length - offset);
    ops.entropyFill(chunk);
    if (chunk <= 16) for (let i = 0; i < chunk; i++) target[offset + i] = transferU8[i];
    else target.set(new Uint8Array(transfer, 0, chunk), offset);
  }
}

let isCrypto;

class Crypto {
  #brand = true;

  constructor(token) {
    if (token !== CONSTRUCT) throw new TypeError("Illegal constructor");
  }

  static {
    isCrypto = (value) => value !== null && typeof value === "object" && #brand in value;
  }

  get subtle() {
    if (!isCrypto(this)) throw new TypeError("Illegal invocation");
    return wc.subtle;
  }

  getRandomValues(array) {
    if (!isCrypto(this)) throw new TypeError("Illegal invocation");
    if (arguments.length < 1) throw new TypeError("Crypto.getRandomValues requires 1 argument, but only 0 present");
    const bytes = wc.integerView(array);
    if (bytes === undefined) throw new TypeError("getRandomValues needs an ArrayBufferView");
    if (bytes === null) throw wc.error("TypeMismatchError", "getRandomValues needs an integer typed array");
    if (bytes.length > MAX_BYTES) {
      throw wc.error("QuotaExceededError", `getRandomValues can fill at most ${MAX_BYTES} bytes, not ${bytes.length}`);
    }
    fillRandom(bytes);
    return array;
  }

  randomUUID() {
    if (!isCrypto(this)) throw new TypeError("Illegal invocation");
    ops.entropyFill(16);
    const b = transferU8;
    // RFC 9562 §5.4: version 4, variant 10.
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let text = "";
    for (let i = 0; i < 16; i++) {
      if (i === 4 || i === 6 || i === 8 || i === 10) text += "-";
      text += HEX[b[i]];
    }
    return text;
  }
}

const HEX = [];
for (let i = 0; i < 256; i++) HEX.push((i < 16 ? "0" : "") + i.toString(16));

Object.defineProperty(Crypto.prototype, "subtle", { enumerable: true });
for (const name of ["getRandomValues", "randomUUID"]) Object.defineProperty(Crypto.prototype, name, { enumerable: true });
Object.defineProperty(Crypto.prototype, Symbol.toStringTag, { value: "Crypto", configurable: true });
// SubtleCrypto's methods are enumerable WebIDL operations too.
for (const name of Object.getOwnPropertyNames(wc.SubtleCrypto.prototype)) {
  if (name !== "constructor") Object.defineProperty(wc.SubtleCrypto.prototype, name, { enumerable: true });
}

internals.defineGlobal("Crypto", Crypto);
// `crypto` is a [Replaceable]-style read-only attribute of the global; a data property keeps it simple.
internals.defineGlobal("crypto", new Crypto(CONSTRUCT));
