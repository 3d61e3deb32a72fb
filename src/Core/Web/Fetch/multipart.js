// multipart/form-data (RFC 7578): the HTML "multipart/form-data encoding algorithm" that turns a
// FormData into a body, and the Fetch "multipart/form-data parser" behind body.formData().
// Prelude function body; needs blob.js (File, FormData internals).
//
// The boundary is drawn from the entropy provider (like crypto.getRandomValues), so a seeded or
// replayed run writes the same bytes.
//
// Exports:
//   internals.serializeMultipart(formData) → { bytes: Uint8Array, boundary: string }
//   internals.parseMultipart(bytes, boundary) → [[name, string | File], ...] or null (failure)

const { ops } = internals;
const transferU8 = internals.transferU8;
const encode = internals.utf8Encode;
const decode = internals.utf8Decode;
const Uint8ArrayCtor = Uint8Array;
const uncurryThis = Function.prototype.bind.bind(Function.prototype.call);
const TypedArraySet = uncurryThis(Object.getPrototypeOf(Uint8Array.prototype).set);
const TypedArraySubarray = uncurryThis(Object.getPrototypeOf(Uint8Array.prototype).subarray);
const TypedArraySlice = uncurryThis(Object.getPrototypeOf(Uint8Array.prototype).slice);
const StringPrototypeReplace = uncurryThis(String.prototype.replace);
const StringFromCharCode = String.fromCharCode;
const ArrayPrototypePush = uncurryThis(Array.prototype.push);
const ReflectApply = Reflect.apply;
const File = internals.File;

const HEX = "0123456789abcdef";

/** "----esrun-formdata-" and 32 hex digits of provider entropy. */
function newBoundary() {
  ops.entropyFill(16);
  let out = "----esrun-formdata-";
  for (let i = 0; i < 16; i++) out += HEX[transferU8[i] >> 4] + HEX[transferU8[i] & 15];
  return out;
}

// ---------------------------------------------------------------------------
// Serializing (HTML §4.10.21.8)

const lonelyNewlines = /\r(?!\n)|(?<!\r)\n/g;
const normalizeNewlines = (s) => StringPrototypeReplace(s, lonelyNewlines, "\r\n");
const escapeRe = /[\n\r"]/g;
const escapes = { "\n": "%0A", "\r": "%0D", '"': "%22" };
const escapeName = (s) => StringPrototypeReplace(s, escapeRe, (c) => escapes[c]);

function serializeMultipart(formData) {
  const entries = internals.formDataEntries(formData);
  const boundary = newBoundary();
  // No entries, no bytes (not even the closing delimiter), as browsers send.
  if (entries.length === 0) return { bytes: new Uint8ArrayCtor(0), boundary };
  const parts = [];
  let total = 0;
  const add = (bytes) => {
    ArrayPrototypePush(parts, bytes);
    total += bytes.length;
  };
  for (let i = 0; i < entries.length; i++) {
    const [name, value] = entries[i];
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(normalizeNewlines(name))}"`;
    if (typeof value === "string") {
      add(encode(`${head}\r\n\r\n${normalizeNewlines(value)}\r\n`));
      continue;
    }
    const type = internals.blobType(value);
    head += `; filename="${escapeName(value.name)}"\r\nContent-Type: ${type === "" ? "application/octet-stream" : type}\r\n\r\n`;
    add(encode(head));
    add(internals.blobBytes(value));
    add(encode("\r\n"));
  }
  add(encode(`--${boundary}--\r\n`));
  const bytes = new Uint8ArrayCtor(total);
  let offset = 0;
  for (let i = 0; i < parts.length; i++) {
    TypedArraySet(bytes, parts[i], offset);
    offset += parts[i].length;
  }
  return { bytes, boundary };
}

// ---------------------------------------------------------------------------
// Parsing (Fetch "multipart/form-data parser")

const CR = 0x0d, LF = 0x0a, DASH = 0x2d, QUOTE = 0x22;

function startsWith(bytes, at, pattern) {
  if (at + pattern.length > bytes.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    if (bytes[at + i] !== pattern[i]) return false;
  }
  return true;
}

function indexOf(bytes, pattern, from) {
  const first = pattern[0];
  const last = bytes.length - pattern.length;
  for (let i = from; i <= last; i++) {
    if (bytes[i] === first && startsWith(bytes, i, pattern)) return i;
  }
  return -1;
}

function latin1(bytes, start, end) {
  let s = "";
  for (let i = start; i < end; i += 8192) {
    s += ReflectApply(StringFromCharCode, null, TypedArraySubarray(bytes, i, Math.min(end, i + 8192)));
  }
  return s;
}

const latin1Bytes = (s) => {
  const out = new Uint8ArrayCtor(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
};

const DISPOSITION = latin1Bytes('form-data; name="');
const FILENAME = latin1Bytes('; filename="');

/** "parse a multipart/form-data name": bytes up to '"' (no CR/LF), %0A/%0D/%22 undone, UTF-8 decoded. */
function parseName(bytes, state) {
  const start = state.position;
  while (state.position < bytes.length) {
    const b = bytes[state.position];
    if (b === LF || b === CR || b === QUOTE) break;
    state.position++;
  }
  if (bytes[state.position] !== QUOTE) return null;
  const raw = latin1(bytes, start, state.position);
  state.position++;
  const unescaped = StringPrototypeReplace(StringPrototypeReplace(StringPrototypeReplace(raw, /%0A/g, "\n"), /%0D/g, "\r"), /%22/g, '"');
  return decode(latin1Bytes(unescaped));
}

const isWhitespaceByte = (b) => b === 0x20 || b === 0x09;

/** "parse multipart/form-data headers": { name, filename, contentType } or null. */
function parseHeaders(bytes, state) {
  let name = null;
  let filename = null;
  let contentType = null;
  for (;;) {
    if (bytes[state.position] === CR && bytes[state.position + 1] === LF) {
      if (name === null) return null;
      return { name, filename, contentType };
    }
    const start = state.position;
    while (state.position < bytes.length && bytes[state.position] !== LF && bytes[state.position] !== CR && bytes[state.position] !== 0x3a) {
      state.position++;
    }
    const headerName = latin1(bytes, start, state.position);
    if (headerName === "" || !internals.isHeaderName(headerName) || bytes[state.position] !== 0x3a) return null;
    state.position++;
    while (state.position < bytes.length && isWhitespaceByte(bytes[state.position])) state.position++;
    switch (headerName.toLowerCase()) {
      case "content-disposition":
        name = filename = null;
        if (!startsWith(bytes, state.position, DISPOSITION)) return null;
        state.position += DISPOSITION.length;
        name = parseName(bytes, state);
        if (name === null) return null;
        if (startsWith(bytes, state.position, FILENAME)) {
          state.position += FILENAME.length;
          filename = parseName(bytes, state);
          if (filename === null) return null;
        }
        break;
      case "content-type": {
        const valueStart = state.position;
        while (state.position < bytes.length && bytes[state.position] !== LF && bytes[state.position] !== CR) state.position++;
        contentType = latin1(bytes, valueStart, state.position).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, "");
        break;
      }
      default:
        while (state.position < bytes.length && bytes[state.position] !== LF && bytes[state.position] !== CR) state.position++;
    }
    if (bytes[state.position] !== CR || bytes[state.position + 1] !== LF) return null;
    state.position += 2;
  }
}

function parseMultipart(bytes, boundary) {
  const delimiter = latin1Bytes(`--${boundary}`);
  const separator = latin1Bytes(`\r\n--${boundary}`);
  const entries = [];
  const state = { position: 0 };
  if (!startsWith(bytes, 0, delimiter)) return null;
  state.position = delimiter.length;
  for (;;) {
    if (bytes[state.position] === DASH && bytes[state.position + 1] === DASH) return entries;
    if (bytes[state.position] !== CR || bytes[state.position + 1] !== LF) return null;
    state.position += 2;
    const headers = parseHeaders(bytes, state);
    if (headers === null) return null;
    state.position += 2;
    const end = indexOf(bytes, separator, state.position);
    if (end < 0) return null;
    const body = TypedArraySlice(bytes, state.position, end);
    state.position = end + separator.length;
    let value;
    if (headers.filename === null) {
      value = decode(body);
    } else {
      let type = headers.contentType ?? "text/plain";
      if (/[^\x00-\x7f]/.test(type)) type = "";
      value = new File([body], headers.filename, { type });
    }
    ArrayPrototypePush(entries, [headers.name, value]);
  }
}

internals.serializeMultipart = serializeMultipart;
internals.parseMultipart = parseMultipart;
