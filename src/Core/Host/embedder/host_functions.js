// The JS half of host: modules (Host/embedder/HostModuleOps.cs). Each module's source is generated:
// it asks for its functions here by index. Arguments cross as one JSON array (an ArrayBuffer or typed
// array argument as {"$bytes": k}, its bytes as op argument k) and results as JSON text or bytes.
const { ops } = internals;
const call = internals.call;
const opPromise = internals.opPromise;
const stringify = JSON.stringify;
const parse = JSON.parse;
const isView = ArrayBuffer.isView;
const ArrayBufferCtor = ArrayBuffer;
const Uint8ArrayCtor = Uint8Array;
const reject = Promise.reject.bind(Promise);
const JSON_ANSWER = 0, BYTES_ANSWER = 1;

function encode(args) {
  const views = [];
  const values = new Array(args.length);
  for (let i = 0; i < args.length; i++) {
    const value = args[i];
    if (value instanceof ArrayBufferCtor) {
      values[i] = { $bytes: views.length };
      views.push(new Uint8ArrayCtor(value));
    } else if (isView(value)) {
      values[i] = { $bytes: views.length };
      views.push(new Uint8ArrayCtor(value.buffer, value.byteOffset, value.byteLength));
    } else {
      values[i] = value === undefined ? null : value;
    }
  }
  return [stringify(values), views];
}

/** A synchronous answer: JSON text, a byte length to take, or undefined. */
function syncAnswer(result) {
  if (typeof result === "string") return parse(result);
  if (typeof result !== "number") return undefined;
  const bytes = new Uint8ArrayCtor(result);
  ops.hostTakeBytes(bytes);
  return bytes;
}

/** An asynchronous answer: a kind byte, then JSON text or the bytes. */
function asyncAnswer(number, view) {
  const kind = view[0];
  if (kind === JSON_ANSWER) return parse(internals.utf8Decode(view.subarray(1)));
  if (kind === BYTES_ANSWER) return view.slice(1);
  return undefined;
}

/** Function `index` of host module `module`, named `name` (its module's source exports it). */
internals.hostFunction = (module, index, name, isAsync) => isAsync
  ? {
    [name](...args) {
      try {
        const [json, views] = encode(args);
        return opPromise(call(ops.hostCallAsync, module, index, json, ...views), asyncAnswer);
      } catch (error) {
        return reject(error);
      }
    },
  }[name]
  : {
    [name](...args) {
      const [json, views] = encode(args);
      return syncAnswer(call(ops.hostCall, module, index, json, ...views));
    },
  }[name];
