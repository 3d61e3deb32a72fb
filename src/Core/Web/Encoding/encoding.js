// TextEncoder and TextDecoder (WHATWG Encoding Standard). Encoding and decoding run in C#
// (EncodingOps), except short well-formed UTF-8 work, which a JS loop does faster (JS_MAX); bytes
// cross through the transfer buffer in chunks of at most LIMIT bytes.
const { ops } = internals;
const u8 = internals.transferU8;
const LIMIT = internals.transferLimit;
const ENCODE_CHUNK = Math.floor(LIMIT / 3); // one UTF-16 unit encodes to at most 3 UTF-8 bytes

const opLookup = ops.encodingLookup;
const opName = ops.encodingName;
const opEncode = ops.textEncode;
const opEncodeInto = ops.textEncodeInto;
const opDecode = ops.textDecode;
const opOpen = ops.textDecoderOpen;
const opRun = ops.textDecoderRun;

const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayTag = Object.getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get;
const arrayBufferByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "byteLength").get;
const sharedByteLength = typeof SharedArrayBuffer === "function"
  ? Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, "byteLength").get
  : undefined;
const isView = ArrayBuffer.isView;
const dataViewBuffer = Object.getOwnPropertyDescriptor(DataView.prototype, "buffer").get;
const dataViewOffset = Object.getOwnPropertyDescriptor(DataView.prototype, "byteOffset").get;
const dataViewLength = Object.getOwnPropertyDescriptor(DataView.prototype, "byteLength").get;
const typedBuffer = Object.getOwnPropertyDescriptor(TypedArrayPrototype, "buffer").get;
const typedOffset = Object.getOwnPropertyDescriptor(TypedArrayPrototype, "byteOffset").get;
const typedLength = Object.getOwnPropertyDescriptor(TypedArrayPrototype, "byteLength").get;

const illegal = () => {
  throw new TypeError("Illegal invocation");
};

/** WebIDL dictionary conversion: undefined/null → {}, other non-objects are a TypeError. */
const dictionary = (value, what) => {
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" && typeof value !== "function") {
    throw new TypeError(`${what}: the options argument is not an object`);
  }
  return value;
};

/** A Uint8Array over the bytes of a BufferSource (ArrayBuffer, SharedArrayBuffer or a view). */
const bytesOf = (input) => {
  if (isView(input)) {
    if (typedArrayTag.call(input) !== undefined) {
      return new Uint8Array(typedBuffer.call(input), typedOffset.call(input), typedLength.call(input));
    }
    return new Uint8Array(dataViewBuffer.call(input), dataViewOffset.call(input), dataViewLength.call(input));
  }
  if (input !== null && typeof input === "object") {
    try {
      arrayBufferByteLength.call(input);
      return new Uint8Array(input);
    } catch {}
    if (sharedByteLength !== undefined) {
      try {
        sharedByteLength.call(input);
        return new Uint8Array(input);
      } catch {}
    }
  }
  throw new TypeError("TextDecoder.decode: the input is not an ArrayBuffer or ArrayBufferView");
};

/** Where a chunk of `s` starting at `start` may end without splitting a surrogate pair. */
const chunkEnd = (s, start, size) => {
  let end = start + size;
  if (end >= s.length) return s.length;
  const unit = s.charCodeAt(end - 1);
  if (unit >= 0xd800 && unit <= 0xdbff) end--;
  return end;
};

// Short inputs stay in JS: below about this many UTF-16 units or bytes a JS loop beats the op
// crossing, whose string marshalling dominates there (bench/encoding: a 34-char round trip takes
// 0.16 us this way against 1.5 us through the ops; at 1 KiB the ops win, 1.9 us against 4.5 us).
const JS_MAX = 128;

/** UTF-8 encodes a short string into the transfer buffer (used as scratch); the byte count. */
const encodeShort = (s) => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      u8[n++] = c;
      continue;
    }
    if (c < 0x800) {
      u8[n++] = 0xc0 | (c >> 6);
      u8[n++] = 0x80 | (c & 63);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        u8[n++] = 0xf0 | (cp >> 18);
        u8[n++] = 0x80 | ((cp >> 12) & 63);
        u8[n++] = 0x80 | ((cp >> 6) & 63);
        u8[n++] = 0x80 | (cp & 63);
        i++;
        continue;
      }
      c = 0xfffd; // a lone surrogate (USVString conversion)
    }
    u8[n++] = 0xe0 | (c >> 12);
    u8[n++] = 0x80 | ((c >> 6) & 63);
    u8[n++] = 0x80 | (c & 63);
  }
  return n;
};

// A string built by concatenation is a rope (V8 ConsString). The op boundary copies a flat version
// of it on every call without keeping it, so flatten it in place first: charCodeAt does that, and is
// free on a flat string. (Measured: 1 KiB rope, 2.5 us per encode before, 1.0 us after.)
const flatten = (s) => {
  s.charCodeAt(0);
  return s;
};
internals.flatten = flatten;

const units = [];
/** Decodes short, well-formed UTF-8; null on anything else (errors and their replacement stay in C#). */
const decodeShortUtf8 = (b, i) => {
  const end = b.length;
  let k = 0;
  while (i < end) {
    const x = b[i];
    if (x < 0x80) {
      units[k++] = x;
      i++;
    } else if (x >= 0xc2 && x <= 0xdf && i + 1 < end) {
      const y = b[i + 1];
      if ((y & 0xc0) !== 0x80) return null;
      units[k++] = ((x & 31) << 6) | (y & 63);
      i += 2;
    } else if (x >= 0xe0 && x <= 0xef && i + 2 < end) {
      const y = b[i + 1], z = b[i + 2];
      if ((y & 0xc0) !== 0x80 || (z & 0xc0) !== 0x80 || (x === 0xe0 && y < 0xa0) || (x === 0xed && y > 0x9f)) return null;
      units[k++] = ((x & 15) << 12) | ((y & 63) << 6) | (z & 63);
      i += 3;
    } else if (x >= 0xf0 && x <= 0xf4 && i + 3 < end) {
      const y = b[i + 1], z = b[i + 2], w = b[i + 3];
      if ((y & 0xc0) !== 0x80 || (z & 0xc0) !== 0x80 || (w & 0xc0) !== 0x80 ||
        (x === 0xf0 && y < 0x90) || (x === 0xf4 && y > 0x8f)) return null;
      const cp = (((x & 7) << 18) | ((y & 63) << 12) | ((z & 63) << 6) | (w & 63)) - 0x10000;
      units[k++] = 0xd800 + (cp >> 10);
      units[k++] = 0xdc00 + (cp & 1023);
      i += 4;
    } else {
      return null;
    }
  }
  units.length = k;
  return String.fromCharCode.apply(null, units);
};

// Web IDL: operations and attributes are enumerable; the class carries a @@toStringTag.
const webidl = (ctor, name) => {
  const proto = ctor.prototype;
  for (const key of Object.getOwnPropertyNames(proto)) {
    if (key === "constructor") continue;
    Object.defineProperty(proto, key, { enumerable: true });
  }
  Object.defineProperty(proto, Symbol.toStringTag, { value: name, configurable: true });
};

class TextEncoder {
  #brand = true;

  static #check(self) {
    if (self === null || typeof self !== "object" || !(#brand in self)) illegal();
  }

  get encoding() {
    TextEncoder.#check(this);
    return "utf-8";
  }

  encode(input = "") {
    TextEncoder.#check(this);
    const s = `${input}`;
    if (s.length <= JS_MAX) return u8.slice(0, encodeShort(s));
    if (s.length <= ENCODE_CHUNK) return u8.slice(0, opEncode(flatten(s)));
    const parts = [];
    let total = 0;
    for (let start = 0; start < s.length;) {
      const end = chunkEnd(s, start, ENCODE_CHUNK);
      const part = u8.slice(0, opEncode(s.slice(start, end)));
      parts.push(part);
      total += part.length;
      start = end;
    }
    const out = new Uint8Array(total);
    let offset = 0;
    for (const part of parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }

  encodeInto(source, destination) {
    TextEncoder.#check(this);
    if (arguments.length < 2) {
      throw new TypeError(`TextEncoder.encodeInto: 2 arguments required, but only ${arguments.length} present.`);
    }
    const s = `${source}`;
    if (!isView(destination) || typedArrayTag.call(destination) !== "Uint8Array") {
      throw new TypeError("TextEncoder.encodeInto: destination is not a Uint8Array");
    }
    const capacity = destination.length;
    if (s.length <= JS_MAX && s.length * 3 <= capacity) {
      const n = encodeShort(s);
      if (n > 0) destination.set(u8.subarray(0, n));
      return { read: s.length, written: n };
    }
    let read = 0;
    let written = 0;
    while (read < s.length && written < capacity) {
      const end = chunkEnd(s, read, ENCODE_CHUNK);
      const chunk = read === 0 && end === s.length ? flatten(s) : s.slice(read, end);
      const packed = opEncodeInto(chunk, capacity - written);
      const chunkWritten = packed % 131072;
      const chunkRead = (packed - chunkWritten) / 131072;
      if (chunkWritten > 0) destination.set(u8.subarray(0, chunkWritten), written);
      read += chunkRead;
      written += chunkWritten;
      if (chunkRead < chunk.length) break; // the destination is full
    }
    return { read, written };
  }
}
webidl(TextEncoder, "TextEncoder");

// label → [id, name], so a repeated label costs no op call. UTF-8 is id 0 (EncodingRegistry.Utf8Id).
const UTF8 = 0;
const labels = new Map([["utf-8", [UTF8, "utf-8"]]]);
const REPLACEMENT = "replacement";

class TextDecoder {
  #id;
  #encoding;
  #fatal;
  #ignoreBOM;
  #session = 0; // C# decoder stream between stream:true calls; 0 when none

  constructor(label = "utf-8", options = undefined) {
    const text = `${label}`;
    const dict = dictionary(options, "TextDecoder constructor");
    const fatal = !!dict.fatal;
    const ignoreBOM = !!dict.ignoreBOM;
    let entry = labels.get(text);
    if (entry === undefined) {
      const id = opLookup(text);
      entry = id < 0 ? null : [id, opName(id)];
      if (labels.size < 256) labels.set(text, entry);
    }
    if (entry === null || entry[1] === REPLACEMENT) {
      throw new RangeError(`TextDecoder constructor: the encoding label provided ('${text}') is invalid.`);
    }
    this.#id = entry[0];
    this.#encoding = entry[1];
    this.#fatal = fatal;
    this.#ignoreBOM = ignoreBOM;
  }

  static #check(self) {
    if (self === null || typeof self !== "object" || !(#id in self)) illegal();
  }

  get encoding() {
    TextDecoder.#check(this);
    return this.#encoding;
  }

  get fatal() {
    TextDecoder.#check(this);
    return this.#fatal;
  }

  get ignoreBOM() {
    TextDecoder.#check(this);
    return this.#ignoreBOM;
  }

  decode(input = undefined, options = undefined) {
    TextDecoder.#check(this);
    const bytes = input === undefined ? undefined
      : isView(input) && typedArrayTag.call(input) === "Uint8Array" ? input : bytesOf(input);
    const stream = options === undefined ? false : !!dictionary(options, "TextDecoder.decode").stream;
    const length = bytes === undefined ? 0 : bytes.length;

    // A whole stream that fits one chunk: no state to keep.
    if (!stream && this.#session === 0 && length <= LIMIT) {
      if (length === 0) return "";
      if (this.#id === UTF8 && length <= JS_MAX) {
        const bom = !this.#ignoreBOM && length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
        const text = decodeShortUtf8(bytes, bom ? 3 : 0);
        if (text !== null) return text;
      }
      u8.set(bytes);
      try {
        return opDecode(this.#id, length, this.#fatal, this.#ignoreBOM);
      } catch (error) {
        throw internals.retype(error);
      }
    }

    if (this.#session === 0) this.#session = opOpen(this.#id, this.#fatal, this.#ignoreBOM);
    const session = this.#session;
    let out = "";
    let offset = 0;
    try {
      do {
        const n = Math.min(LIMIT, length - offset);
        if (n > 0) u8.set(offset === 0 && n === length ? bytes : bytes.subarray(offset, offset + n));
        offset += n;
        const last = offset >= length;
        out += opRun(session, n, !stream && last);
      } while (offset < length);
    } catch (error) {
      this.#session = 0; // C# ended the stream with the error
      throw internals.retype(error);
    }
    if (!stream) this.#session = 0;
    return out;
  }
}
webidl(TextDecoder, "TextDecoder");

internals.TextEncoder = TextEncoder;
internals.TextDecoder = TextDecoder;
internals.defineGlobal("TextEncoder", TextEncoder);
internals.defineGlobal("TextDecoder", TextDecoder);
