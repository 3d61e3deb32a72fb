// CompressionStream and DecompressionStream (WHATWG Compression Standard). Prelude function body;
// needs streams.js (internals.createTransformStream).
//
// The state of each stream lives in C# (CompressionOps: a session per stream, by id, made at the
// first chunk and freed on flush, on error or when the stream is canceled or aborted). Bytes cross
// only through the transfer buffer, in pieces of at most LIMIT bytes each way.

const { ops } = internals;
const opCreate = ops.compressionCreate;
const opPush = ops.compressionPush;
const opPull = ops.compressionPull;
const opFree = ops.compressionFree;
const transferBuffer = internals.transfer;
const LIMIT = internals.transferLimit;
const retype = internals.retype;
const createTransformStream = internals.createTransformStream;

const TypeErrorCtor = TypeError;
const Uint8ArrayCtor = Uint8Array;
const MathMin = Math.min;
const ObjectDefineProperty = Object.defineProperty;
const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
const ObjectGetPrototypeOf = Object.getPrototypeOf;
const ReflectOwnKeys = Reflect.ownKeys;
const ArrayBufferIsView = ArrayBuffer.isView;
const uncurryThis = Function.prototype.bind.bind(Function.prototype.call);
const getter = (proto, name) => uncurryThis(ObjectGetOwnPropertyDescriptor(proto, name).get);
const ArrayBufferByteLength = getter(ArrayBuffer.prototype, "byteLength");
const TypedArrayPrototype = ObjectGetPrototypeOf(Uint8Array.prototype);
const TypedArrayName = getter(TypedArrayPrototype, Symbol.toStringTag);
const TypedArrayBuffer = getter(TypedArrayPrototype, "buffer");
const TypedArrayByteOffset = getter(TypedArrayPrototype, "byteOffset");
const TypedArrayByteLength = getter(TypedArrayPrototype, "byteLength");
const TypedArraySet = uncurryThis(TypedArrayPrototype.set);
const DataViewBuffer = getter(DataView.prototype, "buffer");
const DataViewByteOffset = getter(DataView.prototype, "byteOffset");
const DataViewByteLength = getter(DataView.prototype, "byteLength");
const TransformStreamReadable = getter(internals.TransformStream.prototype, "readable");
const TransformStreamWritable = getter(internals.TransformStream.prototype, "writable");

const FORMATS = { __proto__: null, gzip: 0, deflate: 1, "deflate-raw": 2 };

function isArrayBuffer(value) {
  try {
    ArrayBufferByteLength(value);
    return true;
  } catch {
    return false;
  }
}

/** The bytes of a BufferSource (ArrayBuffer or a view on one), or a TypeError. */
function bufferSourceBytes(chunk) {
  if (ArrayBufferIsView(chunk)) {
    let buffer, offset, length;
    if (TypedArrayName(chunk) !== undefined) {
      buffer = TypedArrayBuffer(chunk); offset = TypedArrayByteOffset(chunk); length = TypedArrayByteLength(chunk);
    } else {
      buffer = DataViewBuffer(chunk); offset = DataViewByteOffset(chunk); length = DataViewByteLength(chunk);
    }
    if (isArrayBuffer(buffer)) return new Uint8ArrayCtor(buffer, offset, length);
  } else if (chunk !== null && typeof chunk === "object" && isArrayBuffer(chunk)) {
    return new Uint8ArrayCtor(chunk);
  }
  throw new TypeErrorCtor("The chunk is not a BufferSource (an ArrayBuffer or an ArrayBufferView).");
}

/** One stream's algorithms over its C# session. */
function sessionTransform(format, decompress) {
  let id = 0; // 0: no session yet; -1: ended (flushed or failed)

  function run(bytes, final, enqueue) {
    const length = bytes.length;
    if (length === 0 && !final) return;
    if (id === -1) throw new TypeErrorCtor("The compression stream has ended.");
    if (id === 0) id = opCreate(format, decompress);
    const out = [];
    let offset = 0;
    try {
      do {
        const n = MathMin(LIMIT, length - offset);
        if (n > 0) TypedArraySet(new Uint8ArrayCtor(transferBuffer, 0, n), new Uint8ArrayCtor(bytes.buffer, bytes.byteOffset + offset, n));
        offset += n;
        let r = opPush(id, n, final && offset >= length);
        for (;;) {
          const produced = r >> 1;
          if (produced > 0) {
            const piece = new Uint8ArrayCtor(produced);
            TypedArraySet(piece, new Uint8ArrayCtor(transferBuffer, 0, produced));
            out[out.length] = piece;
          }
          if ((r & 1) === 0) break;
          r = opPull(id);
        }
      } while (offset < length);
    } catch (error) {
      id = -1; // the op freed the session
      throw retype(error);
    }
    if (final) id = -1;
    for (let i = 0; i < out.length; i++) enqueue(out[i]);
  }

  return createTransformStream(
    (chunk, enqueue) => run(bufferSourceBytes(chunk), false, enqueue),
    (enqueue) => run(new Uint8ArrayCtor(0), true, enqueue),
    () => {
      if (id > 0) opFree(id);
      id = -1;
    });
}

function readFormat(args, format, what) {
  if (args < 1) throw new TypeErrorCtor(`Failed to construct '${what}': 1 argument required, but only 0 present.`);
  if (typeof format === "symbol") throw new TypeErrorCtor("Cannot convert a Symbol value to a string");
  const name = `${format}`;
  const id = FORMATS[name];
  if (id === undefined) {
    throw new TypeErrorCtor(`Failed to construct '${what}': Unsupported compression format: '${name}'.`);
  }
  return id;
}

function illegalInvocation() {
  return new TypeErrorCtor("Illegal invocation");
}

let compressionTransform;
class CompressionStream {
  #transform;
  constructor(format) {
    this.#transform = sessionTransform(readFormat(arguments.length, format, "CompressionStream"), false);
  }
  get readable() {
    return TransformStreamReadable(compressionTransform(this));
  }
  get writable() {
    return TransformStreamWritable(compressionTransform(this));
  }
  static {
    compressionTransform = (v) => {
      if (v !== null && typeof v === "object" && #transform in v) return v.#transform;
      throw illegalInvocation();
    };
  }
}

let decompressionTransform;
class DecompressionStream {
  #transform;
  constructor(format) {
    this.#transform = sessionTransform(readFormat(arguments.length, format, "DecompressionStream"), true);
  }
  get readable() {
    return TransformStreamReadable(decompressionTransform(this));
  }
  get writable() {
    return TransformStreamWritable(decompressionTransform(this));
  }
  static {
    decompressionTransform = (v) => {
      if (v !== null && typeof v === "object" && #transform in v) return v.#transform;
      throw illegalInvocation();
    };
  }
}

for (const ctor of [CompressionStream, DecompressionStream]) {
  const proto = ctor.prototype;
  for (const key of ReflectOwnKeys(proto)) {
    if (key !== "constructor") ObjectDefineProperty(proto, key, { enumerable: true });
  }
  ObjectDefineProperty(proto, Symbol.toStringTag, { value: ctor.name, configurable: true });
}

internals.defineGlobal("CompressionStream", CompressionStream);
internals.defineGlobal("DecompressionStream", DecompressionStream);
