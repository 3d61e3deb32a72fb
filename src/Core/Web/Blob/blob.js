// Blob and File (W3C File API) and FormData (XHR §4.3). Prelude function body; needs
// event_target.js for the WebIDL helpers.
//
// A Blob holds its bytes in one Uint8Array that is never exposed (slices share it, reads copy), so
// a Blob is immutable. `stream()` belongs to the streams work: it calls the hook
// internals.installBlobStream(makeStream) installs, and is absent until then.
//
// Exports: internals.Blob, internals.File, internals.FormData, internals.isBlob(v), internals.isFile(v),
//   internals.blobBytes(blob) (the internal bytes: read, never write), internals.blobType(blob),
//   internals.createBlob(bytes, type) (takes ownership of `bytes`), internals.utf8Encode(string),
//   internals.utf8Decode(bytes), internals.installBlobStream(makeStream), internals.formDataEntries(fd),
//   internals.isFormData(v), internals.isBufferSource(v), internals.copyBufferSource(v) (a copy of its bytes)

const requireArgs = internals.requireArgs;
const toDOMString = internals.toDOMString;
const toUSVString = internals.toUSVString;
const illegalInvocation = internals.illegalInvocation;
const wallNow = internals.ops.wallNow;
const TypeErrorCtor = TypeError;
const Uint8ArrayCtor = Uint8Array;
const ArrayBufferCtor = ArrayBuffer;
const PromiseCtor = Promise;
const PromiseResolve = Promise.resolve;
const PromiseReject = Promise.reject;
const StringFromCharCode = String.fromCharCode;
const NumberCtor = Number;
const NumberIsNaN = Number.isNaN;
const NumberIsFinite = Number.isFinite;
const MathTrunc = Math.trunc;
const MathMax = Math.max;
const MathMin = Math.min;
const MathFloor = Math.floor;
const BigIntCtor = BigInt;
const BigIntAsIntN = BigInt.asIntN;
const ObjectGetPrototypeOf = Object.getPrototypeOf;
const ObjectDefineProperty = Object.defineProperty;
const ReflectApply = Reflect.apply;
const ArrayBufferIsView = ArrayBuffer.isView;
const SymbolIterator = Symbol.iterator;
const uncurryThis = Function.prototype.bind.bind(Function.prototype.call);
const getter = (proto, name) => uncurryThis(Object.getOwnPropertyDescriptor(proto, name).get);
const ArrayBufferByteLength = getter(ArrayBuffer.prototype, "byteLength");
const TypedArrayPrototype = ObjectGetPrototypeOf(Uint8Array.prototype);
const TypedArrayBuffer = getter(TypedArrayPrototype, "buffer");
const TypedArrayByteOffset = getter(TypedArrayPrototype, "byteOffset");
const TypedArrayByteLength = getter(TypedArrayPrototype, "byteLength");
const DataViewBuffer = getter(DataView.prototype, "buffer");
const DataViewByteOffset = getter(DataView.prototype, "byteOffset");
const DataViewByteLength = getter(DataView.prototype, "byteLength");
const TypedArrayToStringTag = getter(TypedArrayPrototype, Symbol.toStringTag);
const TypedArraySet = uncurryThis(TypedArrayPrototype.set);
const TypedArraySubarray = uncurryThis(TypedArrayPrototype.subarray);
const TypedArraySlice = uncurryThis(TypedArrayPrototype.slice);
const StringPrototypeReplace = uncurryThis(String.prototype.replace);
const StringPrototypeToLowerCase = uncurryThis(String.prototype.toLowerCase);
const RegExpPrototypeTest = uncurryThis(RegExp.prototype.test);
const ArrayPrototypePush = uncurryThis(Array.prototype.push);
const ArrayPrototypeSplice = uncurryThis(Array.prototype.splice);
const customInspect = Symbol.for("nodejs.util.inspect.custom");

const resolved = (value) => ReflectApply(PromiseResolve, PromiseCtor, [value]);
const rejected = (error) => ReflectApply(PromiseReject, PromiseCtor, [error]);

// ---------------------------------------------------------------------------
// UTF-8 (the WHATWG Encoding "UTF-8 encode" and "UTF-8 decode")

/** `string` must be well-formed (a USVString). */
function utf8Encode(string) {
  const length = string.length;
  let size = 0;
  for (let i = 0; i < length; i++) {
    const c = string.charCodeAt(i);
    if (c < 0x80) size += 1;
    else if (c < 0x800) size += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { size += 4; i++; }
    else size += 3;
  }
  const out = new Uint8ArrayCtor(size);
  let j = 0;
  for (let i = 0; i < length; i++) {
    const c = string.charCodeAt(i);
    if (c < 0x80) {
      out[j++] = c;
    } else if (c < 0x800) {
      out[j++] = 0xc0 | (c >> 6);
      out[j++] = 0x80 | (c & 0x3f);
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const cp = ((c - 0xd800) << 10) + (string.charCodeAt(++i) - 0xdc00) + 0x10000;
      out[j++] = 0xf0 | (cp >> 18);
      out[j++] = 0x80 | ((cp >> 12) & 0x3f);
      out[j++] = 0x80 | ((cp >> 6) & 0x3f);
      out[j++] = 0x80 | (cp & 0x3f);
    } else {
      out[j++] = 0xe0 | (c >> 12);
      out[j++] = 0x80 | ((c >> 6) & 0x3f);
      out[j++] = 0x80 | (c & 0x3f);
    }
  }
  return out;
}

/** UTF-8 decode: a leading BOM is dropped, each maximal invalid subpart becomes U+FFFD. */
function utf8Decode(bytes) {
  const n = bytes.length;
  let i = n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let result = "";
  const units = [];
  let needed = 0, seen = 0, cp = 0, lower = 0x80, upper = 0xbf;
  const flush = () => {
    result += ReflectApply(StringFromCharCode, null, units);
    units.length = 0;
  };
  while (i < n) {
    const b = bytes[i++];
    if (needed === 0) {
      if (b < 0x80) {
        units[units.length] = b;
      } else if (b >= 0xc2 && b <= 0xdf) {
        needed = 1; cp = b & 0x1f;
      } else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) lower = 0xa0;
        if (b === 0xed) upper = 0x9f;
        needed = 2; cp = b & 0xf;
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) lower = 0x90;
        if (b === 0xf4) upper = 0x8f;
        needed = 3; cp = b & 0x7;
      } else {
        units[units.length] = 0xfffd;
      }
    } else if (b < lower || b > upper) {
      // The sequence ends here; the byte is looked at again as the start of the next one.
      needed = seen = cp = 0; lower = 0x80; upper = 0xbf;
      units[units.length] = 0xfffd;
      i--;
    } else {
      lower = 0x80; upper = 0xbf;
      cp = (cp << 6) | (b & 0x3f);
      if (++seen === needed) {
        if (cp > 0xffff) {
          cp -= 0x10000;
          units[units.length] = 0xd800 + (cp >> 10);
          units[units.length] = 0xdc00 + (cp & 0x3ff);
        } else {
          units[units.length] = cp;
        }
        needed = seen = cp = 0;
      }
    }
    if (units.length >= 8192) flush();
  }
  if (needed !== 0) units[units.length] = 0xfffd;
  flush();
  return result;
}

// The Encoding prelude's codec (C# ops for long inputs) when it is there, captured at load so user
// code cannot swap it; the JS functions above otherwise.
const encodingEncode = typeof internals.TextEncoder === "function" ? uncurryThis(internals.TextEncoder.prototype.encode) : undefined;
const encodingDecode = typeof internals.TextDecoder === "function" ? uncurryThis(internals.TextDecoder.prototype.decode) : undefined;
const sharedEncoder = encodingEncode === undefined ? undefined : new internals.TextEncoder();
const sharedDecoder = encodingDecode === undefined ? undefined : new internals.TextDecoder();
const encodeUtf8 = (string) => (sharedEncoder === undefined ? utf8Encode(string) : encodingEncode(sharedEncoder, string));
const decodeUtf8 = (bytes) => (sharedDecoder === undefined ? utf8Decode(bytes) : encodingDecode(sharedDecoder, bytes));

// ---------------------------------------------------------------------------
// Conversions

const isObject = (value) => value !== null && (typeof value === "object" || typeof value === "function");

function isArrayBuffer(value) {
  try {
    ArrayBufferByteLength(value);
    return true;
  } catch {
    return false;
  }
}

// A copy of the bytes of an ArrayBuffer or a view (a detached buffer has none).
function copyBufferSource(value) {
  let buffer, offset, length;
  if (isArrayBuffer(value)) {
    buffer = value; offset = 0; length = ArrayBufferByteLength(value);
  } else if (TypedArrayToStringTag(value) !== undefined) {
    buffer = TypedArrayBuffer(value); offset = TypedArrayByteOffset(value); length = TypedArrayByteLength(value);
  } else {
    buffer = DataViewBuffer(value); offset = DataViewByteOffset(value); length = DataViewByteLength(value);
  }
  if (length === 0) return new Uint8ArrayCtor(0);
  return TypedArraySlice(new Uint8ArrayCtor(buffer, offset, length));
}

// sequence<BlobPart>, BlobPart = (BufferSource or Blob or USVString): each part is converted now,
// its bytes are read later (as "process blob parts" does, after all conversions).
function readBlobParts(value, what) {
  return internals.webidlSequence(value, (element) => {
    if (isBlob(element)) return { kind: 0, value: element };
    if (isObject(element) && (isArrayBuffer(element) || ArrayBufferIsView(element))) return { kind: 1, value: element };
    return { kind: 2, value: toUSVString(element) };
  }, what);
}

// BlobPropertyBag: endings, then type.
function readBlobPropertyBag(value, what) {
  const result = { endings: "transparent", type: "" };
  if (value === undefined || value === null) return result;
  if (!isObject(value)) throw new TypeErrorCtor(`${what}: The provided value is not of type 'BlobPropertyBag'.`);
  const endings = value.endings;
  if (endings !== undefined) {
    const e = toDOMString(endings);
    if (e !== "transparent" && e !== "native") {
      throw new TypeErrorCtor(`${what}: Failed to read the 'endings' property from 'BlobPropertyBag': The provided value '${e}' is not a valid enum value of type EndingType.`);
    }
    result.endings = e;
  }
  const type = value.type;
  if (type !== undefined) result.type = toDOMString(type);
  return result;
}

// A type with anything outside U+0020–U+007E is "", otherwise it is lowercased.
const printableAscii = /^[\x20-\x7e]*$/;
function normalizeType(type) {
  return RegExpPrototypeTest(printableAscii, type) ? StringPrototypeToLowerCase(type) : "";
}

// "native" line endings are "\n": the platform of this runtime's strings is POSIX-like everywhere,
// so a Blob's bytes do not depend on the host OS.
const lineBreaks = /\r\n|\r|\n/g;
function convertLineEndings(string) {
  return StringPrototypeReplace(string, lineBreaks, "\n");
}

function processBlobParts(parts, endings) {
  const chunks = [];
  let total = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    let bytes;
    if (part.kind === 0) bytes = blobState(part.value).bytes;
    else if (part.kind === 1) bytes = copyBufferSource(part.value);
    else bytes = encodeUtf8(endings === "native" ? convertLineEndings(part.value) : part.value);
    ArrayPrototypePush(chunks, bytes);
    total += bytes.length;
  }
  // One part: keep it (a Blob's bytes are immutable, a copied buffer is ours).
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8ArrayCtor(total);
  let offset = 0;
  for (let i = 0; i < chunks.length; i++) {
    TypedArraySet(out, chunks[i], offset);
    offset += chunks[i].length;
  }
  return out;
}

// WebIDL [Clamp] long long.
function clampLongLong(value) {
  const n = NumberCtor(value);
  if (NumberIsNaN(n)) return 0;
  const clamped = MathMin(MathMax(n, -9223372036854775808), 9223372036854775807);
  // Round to nearest, ties to even.
  const floor = MathFloor(clamped);
  const diff = clamped - floor;
  if (diff < 0.5) return floor + 0;
  if (diff > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor + 0 : floor + 1;
}

// WebIDL long long (modulo 2^64, signed).
function toLongLong(value) {
  const n = NumberCtor(value);
  if (!NumberIsFinite(n)) return 0;
  const x = MathTrunc(n);
  if (x >= -9007199254740991 && x <= 9007199254740991) return x + 0;
  return NumberCtor(BigIntAsIntN(64, BigIntCtor(x)));
}

// ---------------------------------------------------------------------------
// Blob

const kInternal = Symbol("Blob.internal");
let blobState;
let isBlob;

class Blob {
  #s;

  constructor(blobParts = undefined, options = undefined) {
    if (blobParts === kInternal) {
      // From File, slice() and internals.createBlob: options is { bytes, type }.
      this.#s = options;
      return;
    }
    const what = "Failed to construct 'Blob'";
    const parts = blobParts === undefined ? [] : readBlobParts(blobParts, what);
    const bag = readBlobPropertyBag(options, what);
    this.#s = { bytes: processBlobParts(parts, bag.endings), type: normalizeType(bag.type) };
  }

  get size() {
    return blobState(this).bytes.length;
  }

  get type() {
    return blobState(this).type;
  }

  slice(start = undefined, end = undefined, contentType = undefined) {
    const s = blobState(this);
    const size = s.bytes.length;
    let relativeStart = 0;
    if (start !== undefined) {
      const v = clampLongLong(start);
      relativeStart = v < 0 ? MathMax(size + v, 0) : MathMin(v, size);
    }
    let relativeEnd = size;
    if (end !== undefined) {
      const v = clampLongLong(end);
      relativeEnd = v < 0 ? MathMax(size + v, 0) : MathMin(v, size);
    }
    const type = contentType === undefined ? "" : normalizeType(toDOMString(contentType));
    const span = MathMax(relativeEnd - relativeStart, 0);
    return new Blob(kInternal, { bytes: TypedArraySubarray(s.bytes, relativeStart, relativeStart + span), type });
  }

  text() {
    let s;
    try {
      s = blobState(this);
    } catch (error) {
      return rejected(error);
    }
    return resolved(decodeUtf8(s.bytes));
  }

  arrayBuffer() {
    let s;
    try {
      s = blobState(this);
    } catch (error) {
      return rejected(error);
    }
    const copy = new ArrayBufferCtor(s.bytes.length);
    TypedArraySet(new Uint8ArrayCtor(copy), s.bytes, 0);
    return resolved(copy);
  }

  bytes() {
    let s;
    try {
      s = blobState(this);
    } catch (error) {
      return rejected(error);
    }
    return resolved(TypedArraySlice(s.bytes));
  }

  [customInspect](depth, options, inspect) {
    const s = blobState(this);
    if (isFile(this)) {
      return internals.inspectObject("File", { name: this.name, lastModified: this.lastModified, size: s.bytes.length, type: s.type }, depth, options, inspect);
    }
    return internals.inspectObject("Blob", { size: s.bytes.length, type: s.type }, depth, options, inspect);
  }

  static {
    blobState = (value) => {
      if (isObject(value) && #s in value) return value.#s;
      return illegalInvocation();
    };
    isBlob = (value) => isObject(value) && #s in value;
  }
}
internals.webidlInterface(Blob);

// ---------------------------------------------------------------------------
// File

let fileState;
let isFile;

class File extends Blob {
  #f;

  constructor(fileBits, fileName, options = undefined) {
    requireArgs(arguments.length, 2, "File");
    const what = "Failed to construct 'File'";
    const parts = readBlobParts(fileBits, what);
    const name = toUSVString(fileName);
    // FilePropertyBag: BlobPropertyBag's members (endings, type), then lastModified.
    const bag = readBlobPropertyBag(options, what);
    let lastModified;
    if (isObject(options)) {
      const value = options.lastModified;
      if (value !== undefined) lastModified = toLongLong(value);
    }
    if (lastModified === undefined) lastModified = wallNow();
    super(kInternal, { bytes: processBlobParts(parts, bag.endings), type: normalizeType(bag.type) });
    this.#f = { name, lastModified };
  }

  get name() {
    return fileState(this).name;
  }

  get lastModified() {
    return fileState(this).lastModified;
  }

  static {
    fileState = (value) => {
      if (isObject(value) && #f in value) return value.#f;
      return illegalInvocation();
    };
    isFile = (value) => isObject(value) && #f in value;
  }
}
internals.webidlInterface(File);

// A File with the given bytes, without copying them.
function makeFile(bytes, name, type, lastModified) {
  const file = new File([], name, { type, lastModified });
  blobState(file).bytes = bytes;
  blobState(file).type = type;
  return file;
}

// ---------------------------------------------------------------------------
// FormData

let formDataEntries;

// XHR "create an entry".
function createEntry(name, value, filename, hasFilename) {
  if (!isBlob(value)) return [name, value];
  const s = blobState(value);
  if (hasFilename) {
    const lastModified = isFile(value) ? fileState(value).lastModified : wallNow();
    return [name, makeFile(s.bytes, filename, s.type, lastModified)];
  }
  if (!isFile(value)) return [name, makeFile(s.bytes, "blob", s.type, wallNow())];
  return [name, value];
}

// (name, value) or (name, blobValue, filename): the conversions of both overloads.
function readEntryArgs(count, name, value, filename, method) {
  requireArgs(count, 2, method, "FormData");
  const nameString = toUSVString(name);
  if (count > 2) {
    if (!isBlob(value)) throw new TypeErrorCtor(`Failed to execute '${method}' on 'FormData': parameter 2 is not of type 'Blob'.`);
    // An undefined optional argument counts as not passed.
    if (filename === undefined) return createEntry(nameString, value, undefined, false);
    return createEntry(nameString, value, toUSVString(filename), true);
  }
  if (isBlob(value)) return createEntry(nameString, value, undefined, false);
  return createEntry(nameString, toUSVString(value), undefined, false);
}

let isFormData;

class FormData {
  #entries = [];

  constructor(form = undefined, submitter = undefined) {
    if (form !== undefined) {
      throw new TypeErrorCtor("Failed to construct 'FormData': parameter 1 is not of type 'HTMLFormElement' (there are no forms in this runtime).");
    }
  }

  append(name, value, filename = undefined) {
    const entries = formDataEntries(this);
    ArrayPrototypePush(entries, readEntryArgs(arguments.length, name, value, filename, "append"));
  }

  delete(name) {
    const entries = formDataEntries(this);
    requireArgs(arguments.length, 1, "delete", "FormData");
    const key = toUSVString(name);
    for (let i = entries.length - 1; i >= 0; i--) {
      if (entries[i][0] === key) ArrayPrototypeSplice(entries, i, 1);
    }
  }

  get(name) {
    const entries = formDataEntries(this);
    requireArgs(arguments.length, 1, "get", "FormData");
    const key = toUSVString(name);
    for (let i = 0; i < entries.length; i++) {
      if (entries[i][0] === key) return entries[i][1];
    }
    return null;
  }

  getAll(name) {
    const entries = formDataEntries(this);
    requireArgs(arguments.length, 1, "getAll", "FormData");
    const key = toUSVString(name);
    const values = [];
    for (let i = 0; i < entries.length; i++) {
      if (entries[i][0] === key) ArrayPrototypePush(values, entries[i][1]);
    }
    return values;
  }

  has(name) {
    const entries = formDataEntries(this);
    requireArgs(arguments.length, 1, "has", "FormData");
    const key = toUSVString(name);
    for (let i = 0; i < entries.length; i++) {
      if (entries[i][0] === key) return true;
    }
    return false;
  }

  set(name, value, filename = undefined) {
    const entries = formDataEntries(this);
    const entry = readEntryArgs(arguments.length, name, value, filename, "set");
    let found = false;
    for (let i = 0; i < entries.length; i++) {
      if (entries[i][0] !== entry[0]) continue;
      if (!found) {
        entries[i] = entry;
        found = true;
      } else {
        ArrayPrototypeSplice(entries, i, 1);
        i--;
      }
    }
    if (!found) ArrayPrototypePush(entries, entry);
  }

  entries() {
    return new FormDataIterator(formDataEntries(this), 2);
  }

  keys() {
    return new FormDataIterator(formDataEntries(this), 0);
  }

  values() {
    return new FormDataIterator(formDataEntries(this), 1);
  }

  forEach(callback, thisArg = undefined) {
    const entries = formDataEntries(this);
    requireArgs(arguments.length, 1, "forEach", "FormData");
    if (typeof callback !== "function") {
      throw new TypeErrorCtor("Failed to execute 'forEach' on 'FormData': The callback provided as parameter 1 is not a function.");
    }
    for (let i = 0; i < entries.length; i++) {
      ReflectApply(callback, thisArg, [entries[i][1], entries[i][0], this]);
    }
  }

  [customInspect](depth, options, inspect) {
    const entries = formDataEntries(this);
    if (typeof depth === "number" && depth < 0) return "[FormData]";
    if (entries.length === 0) return "FormData {}";
    const parts = [];
    for (let i = 0; i < entries.length; i++) {
      ArrayPrototypePush(parts, `${inspect(entries[i][0], options)} => ${inspect(entries[i][1], options)}`);
    }
    return `FormData { ${parts.join(", ")} }`;
  }

  static {
    formDataEntries = (value) => {
      if (isObject(value) && #entries in value) return value.#entries;
      return illegalInvocation();
    };
    isFormData = (value) => isObject(value) && #entries in value;
  }
}
internals.webidlInterface(FormData);
ObjectDefineProperty(FormData.prototype, SymbolIterator, {
  value: FormData.prototype.entries, writable: true, enumerable: false, configurable: true,
});

// Live iterators, as WebIDL's default iterators are.
const IteratorPrototype = ObjectGetPrototypeOf(ObjectGetPrototypeOf([][SymbolIterator]()));
let iteratorState;

class FormDataIterator {
  #entries;
  #kind;
  #index = 0;

  constructor(entries, kind) {
    this.#entries = entries;
    this.#kind = kind;
  }

  next() {
    const it = iteratorState(this);
    const entries = it.#entries;
    if (it.#index >= entries.length) return { value: undefined, done: true };
    const entry = entries[it.#index++];
    const kind = it.#kind;
    return { value: kind === 0 ? entry[0] : kind === 1 ? entry[1] : [entry[0], entry[1]], done: false };
  }

  static {
    iteratorState = (value) => {
      if (isObject(value) && #entries in value) return value;
      return illegalInvocation();
    };
  }
}
const iteratorProto = FormDataIterator.prototype;
Object.setPrototypeOf(iteratorProto, IteratorPrototype);
ObjectDefineProperty(iteratorProto, "next", { enumerable: true });
ObjectDefineProperty(iteratorProto, Symbol.toStringTag, { value: "FormData Iterator", configurable: true });
delete iteratorProto.constructor;

// ---------------------------------------------------------------------------

internals.Blob = Blob;
internals.File = File;
internals.FormData = FormData;
internals.isBlob = isBlob;
internals.isFile = isFile;
internals.blobBytes = (blob) => blobState(blob).bytes;
internals.blobType = (blob) => blobState(blob).type;
internals.createBlob = (bytes, type = "") => new Blob(kInternal, { bytes, type: normalizeType(type) });
internals.formDataEntries = (formData) => formDataEntries(formData);
internals.isFormData = isFormData;
internals.isBufferSource = (value) => isObject(value) && (isArrayBuffer(value) || ArrayBufferIsView(value));
internals.copyBufferSource = copyBufferSource;
internals.utf8Encode = (string) => encodeUtf8(toUSVString(string));
internals.utf8Decode = decodeUtf8;

/** The streams work calls this once: makeStream(bytes) returns a ReadableStream of the blob's bytes. */
internals.installBlobStream = (makeStream) => {
  ObjectDefineProperty(Blob.prototype, "stream", {
    value: function stream() {
      return makeStream(blobState(this).bytes);
    },
    writable: true, enumerable: true, configurable: true,
  });
};

// Blob and File are serializable (HTML "serialization steps"): their bytes are immutable, so a
// clone shares them.
internals.registerPlatformObject(File.prototype, isFile,
  (file) => ({ bytes: blobState(file).bytes, type: blobState(file).type, name: fileState(file).name, lastModified: fileState(file).lastModified }),
  (data) => makeFile(data.bytes, data.name, data.type, data.lastModified));
internals.registerPlatformObject(Blob.prototype, isBlob,
  (blob) => ({ bytes: blobState(blob).bytes, type: blobState(blob).type }),
  (data) => new Blob(kInternal, { bytes: data.bytes, type: data.type }));
// FormData is not serializable.
internals.registerPlatformObject(FormData.prototype, (value) => isFormData(value));

internals.defineGlobal("Blob", Blob);
internals.defineGlobal("File", File);
internals.defineGlobal("FormData", FormData);
