// Shared plumbing of crypto.getRandomValues and crypto.subtle: WebIDL conversions for buffers and
// numbers, the byte transport to the crypto ops, and error helpers. Exported as internals.webcrypto.
const { ops, DOMException } = internals;
const wc = Object.create(null);
internals.webcrypto = wc;

const transfer = internals.transfer;
const transferU8 = internals.transferU8;
const CAPACITY = internals.transferLimit;
wc.CAPACITY = CAPACITY;

const apply = Reflect.apply;
const getter = (proto, name) => Object.getOwnPropertyDescriptor(proto, name).get;
const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayBuffer = getter(TypedArrayPrototype, "buffer");
const typedArrayOffset = getter(TypedArrayPrototype, "byteOffset");
const typedArrayLength = getter(TypedArrayPrototype, "byteLength");
const typedArrayTag = getter(TypedArrayPrototype, Symbol.toStringTag);
const dataViewBuffer = getter(DataView.prototype, "buffer");
const dataViewOffset = getter(DataView.prototype, "byteOffset");
const dataViewLength = getter(DataView.prototype, "byteLength");
const arrayBufferLength = getter(ArrayBuffer.prototype, "byteLength");
const arrayBufferResizable = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "resizable")?.get;
const isView = ArrayBuffer.isView;
const Uint8ArrayCtor = Uint8Array;

wc.error = (name, message) => new DOMException(message, name);

/** Whether value is a (non-shared) ArrayBuffer: the intrinsic getter is the brand check. */
function isArrayBuffer(value) {
  try {
    apply(arrayBufferLength, value, []);
    return true;
  } catch {
    return false;
  }
}
wc.isArrayBuffer = isArrayBuffer;

function checkBuffer(buffer, what) {
  // WebIDL BufferSource without [AllowShared]/[AllowResizable].
  if (!isArrayBuffer(buffer)) throw new TypeError(`${what} must not be backed by a SharedArrayBuffer`);
  if (arrayBufferResizable !== undefined && apply(arrayBufferResizable, buffer, [])) {
    throw new TypeError(`${what} must not be backed by a resizable ArrayBuffer`);
  }
}

/** A Uint8Array over the bytes of a BufferSource (no copy), or a TypeError. */
function view(value, what) {
  if (isView(value)) {
    if (apply(typedArrayTag, value, []) !== undefined) {
      const buffer = apply(typedArrayBuffer, value, []);
      checkBuffer(buffer, what);
      return new Uint8ArrayCtor(buffer, apply(typedArrayOffset, value, []), apply(typedArrayLength, value, []));
    }
    const buffer = apply(dataViewBuffer, value, []);
    checkBuffer(buffer, what);
    return new Uint8ArrayCtor(buffer, apply(dataViewOffset, value, []), apply(dataViewLength, value, []));
  }
  if (typeof value === "object" && value !== null && isArrayBuffer(value)) {
    checkBuffer(value, what);
    return new Uint8ArrayCtor(value);
  }
  throw new TypeError(`${what} is not a BufferSource (an ArrayBuffer or an ArrayBufferView)`);
}
wc.view = view;

/** "Get a copy of the bytes held by the buffer source". */
wc.copy = (value, what) => {
  const source = view(value, what);
  const copy = new Uint8ArrayCtor(source.length);
  copy.set(source);
  return copy;
};

const typedArrayKinds = Object.create(null);
for (const name of ["Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array",
  "Uint32Array", "BigInt64Array", "BigUint64Array"]) typedArrayKinds[name] = true;
/** For getRandomValues: the byte view of an integer typed array, or null for float arrays and DataView. */
wc.typedArrayTag = (value) => (isView(value) ? apply(typedArrayTag, value, []) : undefined);
wc.integerView = (value) => {
  if (!isView(value)) return undefined;
  const tag = apply(typedArrayTag, value, []);
  if (tag === undefined || typedArrayKinds[tag] !== true) return null;
  return new Uint8ArrayCtor(apply(typedArrayBuffer, value, []), apply(typedArrayOffset, value, []), apply(typedArrayLength, value, []));
};

// WebIDL integer conversions with [EnforceRange].
wc.enforceRange = (value, max, what) => {
  const number = +value;
  if (!Number.isFinite(number)) throw new TypeError(`${what} must be a finite number`);
  const integer = Math.trunc(number);
  if (integer < 0 || integer > max) throw new TypeError(`${what} is out of range`);
  return integer;
};
// unsigned long without [EnforceRange]: modulo 2^32.
wc.unsignedLong = (value) => {
  const number = +value;
  if (!Number.isFinite(number)) return 0;
  const integer = Math.trunc(number) % 4294967296;
  return integer < 0 ? integer + 4294967296 : integer;
};
wc.domString = (value) => {
  if (typeof value === "symbol") throw new TypeError("Cannot convert a Symbol value to a string");
  return `${value}`;
};

// ---- transport ----

function stage(part) {
  for (let offset = 0; offset < part.length; offset += CAPACITY) {
    const length = Math.min(CAPACITY, part.length - offset);
    transferU8.set(new Uint8ArrayCtor(part.buffer, part.byteOffset + offset, length));
    ops.cryptoStage(length);
  }
}

/**
 * Lays up to three byte arrays out back to back for the next op and returns their total length.
 * The op reads them from the transfer buffer, or from its staged copy when they do not fit.
 */
wc.put = (a, b, c) => {
  const total = (a === undefined ? 0 : a.length) + (b === undefined ? 0 : b.length) + (c === undefined ? 0 : c.length);
  if (total <= CAPACITY) {
    let offset = 0;
    if (a !== undefined) { transferU8.set(a, offset); offset += a.length; }
    if (b !== undefined) { transferU8.set(b, offset); offset += b.length; }
    if (c !== undefined) transferU8.set(c, offset);
  } else {
    if (a !== undefined) stage(a);
    if (b !== undefined) stage(b);
    if (c !== undefined) stage(c);
  }
  return total;
};

/** The op's result of `length` bytes as a fresh Uint8Array (pulled in chunks when it is large). */
wc.takeBytes = (length) => {
  const out = new Uint8ArrayCtor(length);
  if (length <= CAPACITY) {
    if (length <= 64) for (let i = 0; i < length; i++) out[i] = transferU8[i];
    else out.set(new Uint8ArrayCtor(transfer, 0, length));
    return out;
  }
  for (let offset = 0; offset < length; offset += CAPACITY) {
    const chunk = Math.min(CAPACITY, length - offset);
    ops.cryptoTake(offset, chunk);
    out.set(new Uint8ArrayCtor(transfer, 0, chunk), offset);
  }
  return out;
};
wc.take = (length) => wc.takeBytes(length).buffer;

// ---- errors ----

// Ops fail with plain Errors whose message is "Kind: message"; give them their WebCrypto type.
const ErrorPrototype = Error.prototype;
wc.retype = (error) => (error !== null && typeof error === "object" && Object.getPrototypeOf(error) === ErrorPrototype
  ? internals.retype(error) : error);

wc.utf8Encode = (text) => wc.takeBytes(ops.cryptoUtf8Encode(text));
wc.utf8Decode = (bytes) => ops.cryptoUtf8Decode(wc.put(bytes));
