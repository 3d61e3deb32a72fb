// First prelude file: gathers the ops C# registered as globals into a private object and sets up
// what every other prelude file relies on. Nothing here is reachable from user code.
const global = globalThis;
const ops = Object.create(null);
for (const key of Object.getOwnPropertyNames(global)) {
  if (key.startsWith("__op_")) {
    ops[key.slice(5)] = global[key];
    delete global[key];
  }
}
internals.ops = ops;

internals.defineGlobal = (name, value) =>
  Object.defineProperty(global, name, { value, writable: true, configurable: true, enumerable: false });

// Bytes cross between C# and JS only through this buffer; ops pass offsets and lengths.
const transfer = new ArrayBuffer(64 * 1024);
ops.bindTransfer(transfer);
internals.transfer = transfer;
internals.transferU8 = new Uint8Array(transfer);
internals.transferU32 = new Uint32Array(transfer);
internals.transferF64 = new Float64Array(transfer);
// Ops may use the bytes before this offset; the last 32 are the dispatch slots (dispatch.js).
internals.transferLimit = transfer.byteLength - 32;

/** Thrown when an op needs a capability the embedder did not grant. */
class NotCapable extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = "NotCapable";
  }
}
internals.NotCapable = NotCapable;

// Ops raise errors as "Kind: message"; give them back their JS type, keeping the stack.
const errorKinds = { TypeError, RangeError, SyntaxError, Error, NotCapable };
internals.retype = (error) => {
  if (!(error instanceof Error)) return error;
  const match = /^(\w+): ([\s\S]*)$/.exec(error.message);
  if (match === null) return error;
  const [, kind, message] = match;
  const ctor = errorKinds[kind];
  if (ctor === undefined) {
    if (internals.DOMException === undefined) return error;
    return new internals.DOMException(message, kind);
  }
  Object.setPrototypeOf(error, ctor.prototype);
  Object.defineProperty(error, "message", { value: message, writable: true, configurable: true, enumerable: false });
  if (ctor === NotCapable) error.name = "NotCapable";
  if (typeof error.stack === "string") {
    const newline = error.stack.indexOf("\n");
    const rest = newline < 0 ? "" : error.stack.slice(newline);
    error.stack = `${error.name}: ${message}${rest}`;
  }
  return error;
};

/** Calls an op that may fail, rethrowing its error with the right JS type. */
internals.call = (op, ...args) => {
  try {
    return op(...args);
  } catch (error) {
    throw internals.retype(error);
  }
};
