// What the embedding API (Runtime/JsRuntime.Embedding.cs) runs: an expression evaluated in the global
// scope, or an export of the main module called, as one macrotask. The value goes back to C# as JSON
// text or as bytes through one op call; a promise is awaited on the loop and answered when it settles.
// Everything is captured here, so a script that replaces JSON or eval cannot change the answers.
const { ops } = internals;
const indirectEval = eval;
const stringify = JSON.stringify;
const parse = JSON.parse;
const then = Promise.prototype.then;
const resolve = Promise.resolve.bind(Promise);
const isView = ArrayBuffer.isView;
const ArrayBufferCtor = ArrayBuffer;
const Uint8ArrayCtor = Uint8Array;
const BYTES = 1, ASYNC = 2, CALL = 4;
const OK = 0, THREW = 1;
const NONE = 0, TEXT = 1, BINARY = 2;

function describe(value) {
  if (value === null) return "null";
  if (typeof value === "object") return value.constructor?.name ?? "an object";
  return typeof value;
}

/** [kind, value] for C#: JSON text (NONE for undefined, a function or a symbol) or a byte view. */
function encode(value, bytes) {
  if (bytes) {
    if (value instanceof ArrayBufferCtor) return [BINARY, new Uint8ArrayCtor(value)];
    if (isView(value)) return [BINARY, new Uint8ArrayCtor(value.buffer, value.byteOffset, value.byteLength)];
    throw new TypeError(`the value is not an ArrayBuffer or a typed array: ${describe(value)}`);
  }
  const json = stringify(value);
  return json === undefined ? [NONE, null] : [TEXT, json];
}

/** "name\0message\0stack" of a thrown value (a message may hold line breaks). */
function failure(error) {
  if (error instanceof Error) {
    let stack;
    try { stack = String(error.stack ?? ""); } catch { stack = ""; }
    return `${error.name}\0${error.message}\0${stack}`;
  }
  let text;
  try { text = String(error); } catch { text = describe(error); }
  return `Error\0Uncaught ${text}\0`;
}

function answer(id, mode, value) {
  let encoded;
  try {
    encoded = encode(value, (mode & BYTES) !== 0);
  } catch (error) {
    ops.embedderAnswer(id, THREW, TEXT, failure(error));
    return;
  }
  ops.embedderAnswer(id, OK, encoded[0], encoded[1]);
}

function run(mode) {
  if ((mode & CALL) === 0) return indirectEval(ops.embedderSource());
  const name = ops.embedderSource();
  const namespace = internals.namespaceOf(ops.mainUrl());
  if (namespace === undefined) throw new TypeError("the main module has not been evaluated");
  const fn = namespace[name];
  if (typeof fn !== "function") throw new TypeError(`the main module has no exported function "${name}" (it is ${describe(fn)})`);
  return Reflect.apply(fn, undefined, parse(ops.embedderArgs()));
}

/** One request: `arg` is id * 8 + mode. */
internals.embedderRequest = (arg) => {
  const mode = arg % 8;
  const id = (arg - mode) / 8;
  let value;
  try {
    value = run(mode);
  } catch (error) {
    ops.embedderAnswer(id, THREW, TEXT, failure(error));
    return;
  }
  if ((mode & ASYNC) === 0) {
    answer(id, mode, value);
    return;
  }
  Reflect.apply(then, resolve(value), [
    (settled) => answer(id, mode, settled),
    (error) => ops.embedderAnswer(id, THREW, TEXT, failure(error)),
  ]);
};
