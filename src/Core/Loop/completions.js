// The JS half of the loop's completion path (Loop/Completions.cs). An async op returns an id at
// once; the promise for it settles when C# delivers the answer: once per loop turn, a batch of
// records (id, status, number, byte length) and their bytes in the completion buffer, one dispatch.
const { ops } = internals;
const buffer = new ArrayBuffer(256 * 1024);
ops.bindCompletions(buffer);
const table = new Float64Array(buffer, 0, (16 * 1024) / 8);
const bytes = new Uint8Array(buffer);
const TABLE_BYTES = 16 * 1024;
const OK = 0, FAILED = 1, LARGE = 2;
const pending = new Map(); // id -> { resolve, reject, decode }
const PromiseCtor = Promise;

const errorTypes = { TypeError, RangeError, SyntaxError, Error };

function makeError(text) {
  const newline = text.indexOf("\n");
  const name = text.slice(0, newline);
  const message = text.slice(newline + 1);
  if (name === "NotCapable") return new internals.NotCapable(message);
  const ctor = errorTypes[name];
  if (ctor !== undefined) return new ctor(message);
  return new internals.DOMException(message, name);
}

/**
 * The promise for async op `id`. `decode(number, view)` turns the answer into the value; `view`
 * points into the shared buffer, so a decoder that keeps bytes must copy them.
 */
internals.opPromise = (id, decode) => new PromiseCtor((resolve, reject) => {
  pending.set(id, { resolve, reject, decode });
});

/** The UTF-8 text of an answer's bytes. */
internals.opText = (number, view) => internals.utf8Decode(view);

internals.deliverCompletions = (count) => {
  let offset = TABLE_BYTES;
  for (let i = 0; i < count; i++) {
    const id = table[i * 4];
    const status = table[i * 4 + 1];
    const number = table[i * 4 + 2];
    const length = table[i * 4 + 3];
    let view = bytes.subarray(offset, offset + length);
    offset += length;
    const entry = pending.get(id);
    if (entry === undefined) continue;
    pending.delete(id);
    if (status === LARGE) {
      view = new Uint8Array(number);
      ops.completionTakeLarge(id, view);
      entry.resolve(entry.decode === undefined ? undefined : entry.decode(number, view));
    } else if (status === OK) {
      let value;
      try {
        value = entry.decode === undefined ? number : entry.decode(number, view);
      } catch (error) {
        entry.reject(error);
        continue;
      }
      entry.resolve(value);
    } else {
      entry.reject(makeError(internals.utf8Decode(view)));
    }
  }
};
