// runtime:fs — Blob-like file handles and whole-value writes, all asynchronous, confined to the
// root jail. Reads need FileRead, changes FileWrite (checked by each op in C#). Errors are
// DOMExceptions named after what went wrong (NotFoundError, AlreadyExistsError, NotADirectoryError,
// IsADirectoryError, NotEmptyError, NotAllowedError, QuotaExceededError, IOError) whose message names
// the operation and the path as the script wrote it; a bad argument is a TypeError.
const internals = import.meta.internals;
const { ops } = internals;
const call = internals.call;
const opPromise = internals.opPromise;
const CHUNK = 64 * 1024 - 64;        // fits the transfer buffer (its last 32 bytes are the dispatch slots)
const VIEW_CHUNK = 1024 * 1024;      // larger writes are copied from the view, a MiB per op
const kInternal = Symbol("FsFile");

// ---- paths ----

function describe(value) {
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "object" || typeof value === "function") return value.constructor?.name ?? "an object";
  return String(value);
}

/** A file: URL's path, percent-decoded; encoded separators and NUL are refused. */
function fromFileUrl(url, what) {
  if (url.protocol !== "file:") throw new TypeError(`${what}: only file: URLs are paths, received ${url.href}`);
  if (url.hostname !== "" && url.hostname !== "localhost") throw new TypeError(`${what}: a file: URL with a host is not a local path: ${url.href}`);
  if (/%(2f|5c|00)/i.test(url.pathname)) throw new TypeError(`${what}: a file: URL must not encode "/", "\\" or NUL: ${url.href}`);
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    throw new TypeError(`${what}: the file: URL is not valid percent-encoded UTF-8: ${url.href}`);
  }
}

/** [host path, path as the script wrote it] from a string, a file: URL (string or URL) or an FsFile. */
function toPath(value, what) {
  if (value instanceof FsFile) return [value.path, value.path];
  if (value instanceof URL) return [fromFileUrl(value, what), value.href];
  if (typeof value === "string") {
    if (value.startsWith("file:")) return [fromFileUrl(new URL(value), what), value];
    if (value === "") throw new TypeError(`${what}: the path is empty`);
    return [value, value];
  }
  throw new TypeError(`${what}: the path must be a string, a file: URL or a file() handle, received ${describe(value)}`);
}

// ---- answers ----

const decodeNumber = (number) => number;
const decodeStat = (size, bytes) => {
  const flags = bytes[0];
  const mtimeMs = new DataView(bytes.buffer, bytes.byteOffset + 1, 8).getFloat64(0, true);
  return { size, isFile: (flags & 1) !== 0, isDir: (flags & 2) !== 0, isSymlink: (flags & 4) !== 0, mtimeMs };
};
const decodeEntries = (count, bytes) => {
  const entries = [];
  if (count === 0) return entries;
  for (const item of internals.utf8Decode(bytes).split("\0")) {
    if (item === "") continue;
    const kind = item[0];
    entries.push({ name: item.slice(1), isFile: kind === "f", isDir: kind === "d", isSymlink: kind === "l" });
  }
  return entries;
};
const decodeBytes = (number, bytes) => bytes.slice();
const decodeSize = (number, bytes) => new DataView(bytes.buffer, bytes.byteOffset, 8).getFloat64(0, true);

function op(name, ...args) {
  return call(ops[name], ...args);
}

// ---- reading ----

/** The whole file as bytes: inline when small, else into one buffer of the file's size. */
async function readBytes(path, shown) {
  let handle = -1;
  let size = 0;
  const inline = await opPromise(op("fsReadFile", path, shown), (number, bytes) => {
    if (number >= 0) return bytes.slice();
    handle = -1 - number;
    size = decodeSize(number, bytes);
    return undefined;
  });
  if (inline !== undefined) return inline;
  const target = new Uint8Array(size);
  const read = await opPromise(op("fsReadInto", handle, target, shown), decodeNumber);
  return read === size ? target : target.subarray(0, read);
}

function readStream(path, shown) {
  let handle = -1;
  return new ReadableStream({
    type: "bytes",
    async pull(controller) {
      if (handle < 0) handle = await opPromise(op("fsOpen", path, shown), decodeNumber);
      const chunk = await opPromise(op("fsRead", handle, shown), decodeBytes);
      if (chunk.byteLength === 0) {
        ops.fsClose(handle);
        handle = -2;
        controller.close();
        if (controller.byobRequest) controller.byobRequest.respond(0);
        return;
      }
      controller.enqueue(chunk);
    },
    cancel() {
      if (handle >= 0) ops.fsClose(handle);
      handle = -2;
    },
  });
}

// ---- writing ----

function asBytes(value) {
  if (value instanceof Uint8Array) return value;
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer === "function" && value instanceof SharedArrayBuffer)) return new Uint8Array(value);
  return undefined;
}

async function writeChunk(handle, bytes, shown) {
  if (bytes.byteLength <= CHUNK) {
    internals.transferU8.set(bytes);
    await opPromise(op("fsWrite", handle, shown, bytes.byteLength, null), decodeNumber);
    return;
  }
  for (let offset = 0; offset < bytes.byteLength; offset += VIEW_CHUNK) {
    const length = Math.min(bytes.byteLength - offset, VIEW_CHUNK);
    await opPromise(op("fsWrite", handle, shown, length, bytes, offset), decodeNumber);
  }
}

/** What `write` accepts, as bytes (all at hand) or a stream of chunks. */
function source(input, what) {
  if (typeof input === "string") return { bytes: internals.utf8Encode(input) };
  const bytes = asBytes(input);
  if (bytes !== undefined) return { bytes };
  if (internals.isBlob?.(input)) return { bytes: internals.blobBytes(input) };
  if (input instanceof FsFile) return { stream: input.stream() };
  if (internals.isReadableStream(input)) return { stream: input };
  if (internals.isResponse(input)) {
    if (input.bodyUsed) throw new TypeError(`${what}: the Response's body was already read`);
    const body = input.body;
    return body === null ? { bytes: new Uint8Array(0) } : { stream: body };
  }
  throw new TypeError(`${what}: the data must be a string, a Blob, an ArrayBuffer, a typed array, a DataView, a Response, a ReadableStream or a file() handle, received ${describe(input)}`);
}

async function writeTo(path, shown, input) {
  const data = source(input, "write");
  const handle = await opPromise(op("fsCreate", path, shown), decodeNumber);
  let total = 0;
  try {
    if (data.bytes !== undefined) {
      if (data.bytes.byteLength > 0) await writeChunk(handle, data.bytes, shown);
      total = data.bytes.byteLength;
    } else {
      const reader = data.stream.getReader();
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          const bytes = typeof value === "string" ? internals.utf8Encode(value) : asBytes(value);
          if (bytes === undefined) throw new TypeError(`write '${shown}': the stream gave a chunk that is not bytes (${describe(value)})`);
          if (bytes.byteLength === 0) continue;
          await writeChunk(handle, bytes, shown);
          total += bytes.byteLength;
        }
      } finally {
        reader.releaseLock();
      }
    }
    await opPromise(op("fsCommit", handle, shown), decodeNumber);
  } catch (error) {
    ops.fsAbort(handle);
    throw error;
  }
  return total;
}

// ---- FsFile ----

const mimeTypes = {
  txt: "text/plain;charset=utf-8", html: "text/html;charset=utf-8", htm: "text/html;charset=utf-8", css: "text/css;charset=utf-8",
  js: "text/javascript;charset=utf-8", mjs: "text/javascript;charset=utf-8", json: "application/json;charset=utf-8",
  md: "text/markdown;charset=utf-8", csv: "text/csv;charset=utf-8", xml: "application/xml", svg: "image/svg+xml",
  png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif", webp: "image/webp", ico: "image/x-icon",
  wasm: "application/wasm", pdf: "application/pdf", zip: "application/zip", gz: "application/gzip", mp3: "audio/mpeg",
  mp4: "video/mp4", woff: "font/woff", woff2: "font/woff2",
};

function typeOf(path) {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot > 0 ? mimeTypes[name.slice(dot + 1).toLowerCase()] ?? "application/octet-stream" : "application/octet-stream";
}

/** A lazy, Blob-like handle: nothing is read until a read method is called. */
export class FsFile {
  #path;
  #shown;

  constructor(key, path, shown) {
    if (key !== kInternal) throw new TypeError("Illegal constructor: use file(path) from runtime:fs");
    this.#path = path;
    this.#shown = shown;
  }

  /** The path this handle points at, as it was given. */
  get path() { return this.#shown; }
  get name() { return this.#path.slice(this.#path.lastIndexOf("/") + 1); }
  get type() { return typeOf(this.#path); }
  /** The file's size now (0 when there is no file). */
  get size() { return call(ops.fsSize, this.#path, this.#shown); }

  async bytes() { return readBytes(this.#path, this.#shown); }
  async arrayBuffer() {
    const bytes = await readBytes(this.#path, this.#shown);
    return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
  }
  async text() { return internals.utf8Decode(await readBytes(this.#path, this.#shown)); }
  async json() { return JSON.parse(await this.text()); }
  stream() { return readStream(this.#path, this.#shown); }
  exists() { return exists(this); }
  stat() { return stat(this); }
  write(data) { return writeTo(this.#path, this.#shown, data); }
  delete() { return remove(this); }

  get [Symbol.toStringTag]() { return "FsFile"; }
}

// ---- module functions ----

export function file(path) {
  const [host, shown] = toPath(path, "file");
  return new FsFile(kInternal, host, shown);
}

export async function write(dest, input) {
  const [path, shown] = toPath(dest, "write");
  return writeTo(path, shown, input);
}

export async function readDir(path) {
  const [host, shown] = toPath(path, "readDir");
  return opPromise(op("fsReadDir", host, shown), decodeEntries);
}

export async function stat(path) {
  const [host, shown] = toPath(path, "stat");
  return opPromise(op("fsStat", host, shown), decodeStat);
}

export async function exists(path) {
  const [host, shown] = toPath(path, "exists");
  return (await opPromise(op("fsExists", host, shown), decodeNumber)) === 1;
}

export async function mkdir(path, options = undefined) {
  const [host, shown] = toPath(path, "mkdir");
  await opPromise(op("fsMkdir", host, shown, Boolean(options?.recursive)), decodeNumber);
}

export async function remove(path, options = undefined) {
  const [host, shown] = toPath(path, "remove");
  await opPromise(op("fsRemove", host, shown, Boolean(options?.recursive)), decodeNumber);
}

export async function rename(from, to) {
  const [source, shownFrom] = toPath(from, "rename");
  const [target, shownTo] = toPath(to, "rename");
  await opPromise(op("fsRename", source, target, `${shownFrom}' -> '${shownTo}`), decodeNumber);
}

internals.isFsFile = (value) => value instanceof FsFile;
// A file() handle is a fetch/Response body, streamed from disk when the body is read or sent.
internals.registerBodySource((value) => value instanceof FsFile, (value) => ({ stream: value.stream(), length: value.size, type: value.type || null }));

export default Object.freeze({ file, write, readDir, stat, exists, mkdir, remove, rename, FsFile });
