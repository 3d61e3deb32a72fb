// TextEncoderStream and TextDecoderStream (WHATWG Encoding §7). Prelude function body; needs
// streams.js and encoding.js (TextEncoder/TextDecoder, taken from internals when that file was
// loaded first, otherwise from the globals when a stream is made).

const createTransformStream = internals.createTransformStream;
const TypeErrorCtor = TypeError;
const Uint8ArrayCtor = Uint8Array;
const ObjectDefineProperty = Object.defineProperty;
const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
const ReflectOwnKeys = Reflect.ownKeys;
const uncurryThis = Function.prototype.bind.bind(Function.prototype.call);
const getter = (proto, name) => uncurryThis(ObjectGetOwnPropertyDescriptor(proto, name).get);
const TransformStreamReadable = getter(internals.TransformStream.prototype, "readable");
const TransformStreamWritable = getter(internals.TransformStream.prototype, "writable");

// The encoding classes and methods, captured once (at load when encoding.js came first).
let codecs;
function getCodecs() {
  if (codecs !== undefined) return codecs;
  const TE = internals.TextEncoder ?? globalThis.TextEncoder;
  const TD = internals.TextDecoder ?? globalThis.TextDecoder;
  if (typeof TE !== "function" || typeof TD !== "function") throw new TypeErrorCtor("TextEncoder/TextDecoder are not available.");
  codecs = {
    TextDecoder: TD,
    decode: uncurryThis(TD.prototype.decode),
    encoding: getter(TD.prototype, "encoding"),
    fatal: getter(TD.prototype, "fatal"),
    ignoreBOM: getter(TD.prototype, "ignoreBOM"),
    encoder: new TE(),
    encode: uncurryThis(TE.prototype.encode),
  };
  return codecs;
}
if (internals.TextEncoder !== undefined && internals.TextDecoder !== undefined) getCodecs();

const illegalInvocation = () => new TypeErrorCtor("Illegal invocation");
const STREAM = { __proto__: null, stream: true };

let decoderState;
class TextDecoderStream {
  #s;
  constructor(label = "utf-8", options = undefined) {
    const c = getCodecs();
    let fatal = false, ignoreBOM = false;
    if (options !== undefined && options !== null) {
      if (typeof options !== "object" && typeof options !== "function") {
        throw new TypeErrorCtor("Failed to construct 'TextDecoderStream': The provided value is not of type 'TextDecoderOptions'.");
      }
      fatal = !!options.fatal;
      ignoreBOM = !!options.ignoreBOM;
    }
    const decoder = new c.TextDecoder(label, { fatal, ignoreBOM });
    const transform = createTransformStream(
      (chunk, enqueue) => {
        // AllowSharedBufferSource: TextDecoder.decode does the same conversion and throws TypeError.
        if (chunk === null || typeof chunk !== "object") throw new TypeErrorCtor("The chunk is not a BufferSource.");
        const text = c.decode(decoder, chunk, STREAM);
        if (text !== "") enqueue(text);
      },
      (enqueue) => {
        const text = c.decode(decoder);
        if (text !== "") enqueue(text);
      });
    this.#s = { decoder, transform };
  }
  get encoding() {
    return getCodecs().encoding(decoderState(this).decoder);
  }
  get fatal() {
    return getCodecs().fatal(decoderState(this).decoder);
  }
  get ignoreBOM() {
    return getCodecs().ignoreBOM(decoderState(this).decoder);
  }
  get readable() {
    return TransformStreamReadable(decoderState(this).transform);
  }
  get writable() {
    return TransformStreamWritable(decoderState(this).transform);
  }
  static {
    decoderState = (v) => {
      if (v !== null && typeof v === "object" && #s in v) return v.#s;
      throw illegalInvocation();
    };
  }
}

const REPLACEMENT = [0xef, 0xbf, 0xbd];

let encoderState;
class TextEncoderStream {
  #s;
  constructor() {
    const c = getCodecs();
    const state = { pending: "", transform: undefined };
    state.transform = createTransformStream(
      (chunk, enqueue) => {
        if (typeof chunk === "symbol") throw new TypeErrorCtor("Cannot convert a Symbol value to a string");
        let s = `${chunk}`;
        if (state.pending !== "") {
          s = state.pending + s;
          state.pending = "";
        }
        if (s === "") return;
        // A lead surrogate at the end waits for the next chunk's trail surrogate.
        const last = s.charCodeAt(s.length - 1);
        if (last >= 0xd800 && last <= 0xdbff) {
          state.pending = s[s.length - 1];
          s = s.slice(0, -1);
          if (s === "") return;
        }
        // Lone surrogates become U+FFFD, as the encoder's "convert code unit to scalar value" does.
        enqueue(c.encode(c.encoder, s));
      },
      (enqueue) => {
        if (state.pending !== "") enqueue(new Uint8ArrayCtor(REPLACEMENT));
      });
    this.#s = state;
  }
  get encoding() {
    encoderState(this);
    return "utf-8";
  }
  get readable() {
    return TransformStreamReadable(encoderState(this).transform);
  }
  get writable() {
    return TransformStreamWritable(encoderState(this).transform);
  }
  static {
    encoderState = (v) => {
      if (v !== null && typeof v === "object" && #s in v) return v.#s;
      throw illegalInvocation();
    };
  }
}

for (const ctor of [TextEncoderStream, TextDecoderStream]) {
  const proto = ctor.prototype;
  for (const key of ReflectOwnKeys(proto)) {
    if (key !== "constructor") ObjectDefineProperty(proto, key, { enumerable: true });
  }
  ObjectDefineProperty(proto, Symbol.toStringTag, { value: ctor.name, configurable: true });
}

internals.defineGlobal("TextEncoderStream", TextEncoderStream);
internals.defineGlobal("TextDecoderStream", TextDecoderStream);
