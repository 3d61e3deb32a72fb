// Streams (WHATWG Streams Standard): ReadableStream (default and byte streams, with default and
// BYOB readers), WritableStream, TransformStream, the queuing strategies, piping, teeing and async
// iteration. Prelude function body; needs abort.js (WritableStreamDefaultController.signal and
// pipeTo's signal). Everything is JS: bytes never leave the JS heap here.
//
// Each public object carries one #private field holding its internal record (the spec's internal
// slots); the #field is the brand check. Abstract operations work on the records, which point back
// to their public object through `api`. Promise reactions use Promise.prototype.then captured at
// load time, so user code that replaces globals cannot change how streams behave.
//
// Exports for other prelude code (fetch, Blob, compression, encoding streams):
//   internals.ReadableStream, internals.WritableStream, internals.TransformStream
//   internals.isReadableStream(v), internals.isWritableStream(v)
//   internals.readableStreamLocked(s), internals.readableStreamDisturbed(s)
//   internals.readableStreamState(s)                       "readable" | "closed" | "errored"
//   internals.readableStreamCancel(s, reason) → Promise
//   internals.readableStreamTee(s) → [branch1, branch2]     (byte streams clone chunks for branch 2)
//   internals.readableStreamFromBytes(u8) → ReadableStream  a byte stream over a copy-on-read view
//   internals.readableStreamReadAll(s) → Promise<Uint8Array> reads every chunk (each must be a BufferSource)
//   internals.readableStreamFullyRead(s, onBytes, onError)  Fetch's "fully read": Uint8Array chunks only,
//       callbacks instead of a promise, the stream left locked
//   internals.readableStreamPipeTo(readable, writable) → Promise   pipeTo with no options, through internal readers
//   internals.createReadableStream({ start, pull, cancel, highWaterMark, size, type }) → ReadableStream
//       with internal algorithms (start(controller)/pull(controller)/cancel(reason); pull and
//       cancel return promises); type "bytes" makes a byte stream.
//   internals.createTransformStream(transform, flush, cancel) → TransformStream; the algorithms
//       get (chunk, enqueue) / (enqueue) / (reason) and may return a promise or throw.

const PromiseCtor = Promise;
const uncurryThis = Function.prototype.bind.bind(Function.prototype.call);
const promiseThen = uncurryThis(Promise.prototype.then);
const promiseResolve = Promise.resolve.bind(Promise);
const promiseReject = Promise.reject.bind(Promise);
// Web IDL "a promise resolved with" x: always a new promise, so a promise x is adopted two
// microtasks later (as the reference implementation's promiseResolvedWith). The start steps need
// this: a TransformStream's readable.cancel() or controller.terminate() right after construction
// must settle before the writable sees its start promise fulfilled.
const promiseResolvedWith = (value) => new PromiseCtor((resolve) => resolve(value));
const ReflectApply = Reflect.apply;
const ReflectOwnKeys = Reflect.ownKeys;
const ObjectDefineProperty = Object.defineProperty;
const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
const ObjectGetPrototypeOf = Object.getPrototypeOf;
const ObjectSetPrototypeOf = Object.setPrototypeOf;
const ObjectCreate = Object.create;
const TypeErrorCtor = TypeError;
const RangeErrorCtor = RangeError;
const ArrayBufferCtor = ArrayBuffer;
const Uint8ArrayCtor = Uint8Array;
const DataViewCtor = DataView;
const NumberIsNaN = Number.isNaN;
const NumberIsFinite = Number.isFinite;
const MathTrunc = Math.trunc;
const MathMin = Math.min;
const SymbolIterator = Symbol.iterator;
const SymbolAsyncIterator = Symbol.asyncIterator;
const SymbolToStringTag = Symbol.toStringTag;
const ArrayBufferIsView = ArrayBuffer.isView;
const getter = (proto, name) => uncurryThis(ObjectGetOwnPropertyDescriptor(proto, name).get);
const ArrayBufferByteLength = getter(ArrayBuffer.prototype, "byteLength");
const ArrayBufferDetached = getter(ArrayBuffer.prototype, "detached");
const ArrayBufferTransfer = uncurryThis(ArrayBuffer.prototype.transfer);
const TypedArrayPrototype = ObjectGetPrototypeOf(Uint8Array.prototype);
const TypedArrayName = getter(TypedArrayPrototype, SymbolToStringTag);
const TypedArrayBuffer = getter(TypedArrayPrototype, "buffer");
const TypedArrayByteOffset = getter(TypedArrayPrototype, "byteOffset");
const TypedArrayByteLength = getter(TypedArrayPrototype, "byteLength");
const TypedArrayLength = getter(TypedArrayPrototype, "length");
const TypedArraySet = uncurryThis(TypedArrayPrototype.set);
const DataViewBuffer = getter(DataView.prototype, "buffer");
const DataViewByteOffset = getter(DataView.prototype, "byteOffset");
const DataViewByteLength = getter(DataView.prototype, "byteLength");
const customInspect = Symbol.for("nodejs.util.inspect.custom");
const kInternal = Symbol("streams.internal");

const isObject = (value) => value !== null && (typeof value === "object" || typeof value === "function");
const noop = () => {};
const returnUndefined = () => undefined;

// ---------------------------------------------------------------------------
// Promises

/** A pending promise with its resolving functions and whether it settled ("pending promise" cap). */
function newCap() {
  const cap = { promise: undefined, resolve: undefined, reject: undefined, settled: false, fulfilled: false };
  cap.promise = new PromiseCtor((resolve, reject) => {
    cap.resolve = resolve;
    cap.reject = reject;
  });
  return cap;
}
function resolvedCap(value) {
  return { promise: promiseResolve(value), resolve: noop, reject: noop, settled: true, fulfilled: true };
}
function rejectedCap(reason) {
  const promise = promiseReject(reason);
  setHandled(promise);
  return { promise, resolve: noop, reject: noop, settled: true, fulfilled: false };
}
function resolveCap(cap, value) {
  if (cap.settled) return;
  cap.settled = true;
  // "fulfilled" is only read for writer.readyPromise, which is only ever resolved with undefined.
  cap.fulfilled = true;
  cap.resolve(value);
}
function rejectCap(cap, reason) {
  if (cap.settled) return;
  cap.settled = true;
  cap.reject(reason);
}

/** Sets [[PromiseIsHandled]]: a reaction that swallows the rejection. */
function setHandled(promise) {
  promiseThen(promise, undefined, noop);
}

/** "Upon fulfillment / upon rejection": reactions whose derived promise never rejects unhandled. */
function react(promise, onFulfilled, onRejected) {
  promiseThen(promise, onFulfilled, onRejected === undefined ? noop : onRejected);
}
function uponRejection(promise, onRejected) {
  promiseThen(promise, undefined, onRejected);
}

/** "Transforming" a promise: the derived promise is returned to the caller. */
const transform = promiseThen;

const resolvedUndefined = () => promiseResolve(undefined);

/** Runs `fn` in a microtask (a promise reaction, as the spec's "queue a microtask" needs). */
function queueMicrotaskInternal(fn) {
  promiseThen(promiseResolve(undefined), fn);
}

/** Web IDL "invoke a callback function" whose return type is a promise: throws become rejections. */
// An underlying source/sink/transformer method's result converted to a Web IDL Promise: a new promise.
function promiseCall(fn, thisArg, args) {
  try {
    return promiseResolvedWith(ReflectApply(fn, thisArg, args));
  } catch (error) {
    return promiseReject(error);
  }
}

function waitForAll(promises) {
  const cap = newCap();
  const n = promises.length;
  if (n === 0) {
    resolveCap(cap, []);
    return cap.promise;
  }
  const values = [];
  let remaining = n;
  for (let i = 0; i < n; i++) {
    react(promises[i], (value) => {
      values[i] = value;
      if (--remaining === 0) resolveCap(cap, values);
    }, (reason) => rejectCap(cap, reason));
  }
  return cap.promise;
}

// ---------------------------------------------------------------------------
// A queue: an array with a moving head, compacted now and then (shift() is O(n) on large arrays).

class Queue {
  constructor() {
    this.items = [];
    this.head = 0;
  }
  get length() {
    return this.items.length - this.head;
  }
  push(value) {
    this.items[this.items.length] = value;
  }
  peek() {
    return this.items[this.head];
  }
  shift() {
    const items = this.items;
    const value = items[this.head];
    items[this.head] = undefined;
    this.head++;
    if (this.head === items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= items.length) {
      this.items = items.slice(this.head);
      this.head = 0;
    }
    return value;
  }
  /** Takes every element out, in order. */
  drain() {
    const out = this.head === 0 ? this.items : this.items.slice(this.head);
    this.items = [];
    this.head = 0;
    return out;
  }
  at(i) {
    return this.items[this.head + i];
  }
}

// Queue-with-sizes (Streams §8.1): the values and their sizes.
function resetQueue(container) {
  container.queue = new Queue();
  container.queueTotalSize = 0;
}
function enqueueValueWithSize(container, value, size) {
  if (typeof size !== "number" || NumberIsNaN(size) || size < 0 || size === Infinity) {
    throw new RangeErrorCtor("The size of a chunk must be a finite, non-negative number.");
  }
  container.queue.push(value);
  container.queue.push(size);
  container.queueTotalSize += size;
}
function dequeueValue(container) {
  const queue = container.queue;
  const value = queue.shift();
  const size = queue.shift();
  container.queueTotalSize -= size;
  if (container.queueTotalSize < 0) container.queueTotalSize = 0;
  return value;
}
function peekQueueValue(container) {
  return container.queue.peek();
}

// ---------------------------------------------------------------------------
// Web IDL conversions

function requireArgs(count, needed, what) {
  if (count < needed) {
    throw new TypeErrorCtor(`${what}: ${needed} argument${needed === 1 ? "" : "s"} required, but only ${count} present.`);
  }
}

function toNumber(value) {
  return +value; // throws for symbols and BigInts, as ToNumber does
}

function enforceRangeULongLong(value, what) {
  const x = toNumber(value);
  if (!NumberIsFinite(x)) throw new TypeErrorCtor(`${what} is not a finite number.`);
  const n = MathTrunc(x);
  if (n < 0 || n > 9007199254740991) throw new TypeErrorCtor(`${what} is outside the accepted range.`);
  return n === 0 ? 0 : n;
}

function callbackMember(dict, name, what) {
  const value = dict[name];
  if (value === undefined) return undefined;
  if (typeof value !== "function") throw new TypeErrorCtor(`${what}: '${name}' is not a function.`);
  return value;
}

function toDictionary(value, what) {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw new TypeErrorCtor(`${what} is not an object.`);
  return value;
}

// QueuingStrategy { unrestricted double highWaterMark; QueuingStrategySize size; }
function convertStrategy(value, what) {
  const dict = toDictionary(value, what);
  if (dict === undefined) return { highWaterMark: undefined, size: undefined };
  const hwm = dict.highWaterMark;
  const highWaterMark = hwm === undefined ? undefined : toNumber(hwm);
  const size = callbackMember(dict, "size", what);
  return { highWaterMark, size };
}

function extractHighWaterMark(strategy, defaultHWM) {
  const hwm = strategy.highWaterMark;
  if (hwm === undefined) return defaultHWM;
  if (NumberIsNaN(hwm) || hwm < 0) throw new RangeErrorCtor("Invalid highWaterMark: it must be a non-negative number.");
  return hwm;
}

function extractSizeAlgorithm(strategy) {
  const size = strategy.size;
  if (size === undefined) return sizeOne;
  return (chunk) => toNumber(ReflectApply(size, undefined, [chunk]));
}
const sizeOne = () => 1;

const typedArrayKinds = {
  Int8Array: [Int8Array, 1], Uint8Array: [Uint8Array, 1], Uint8ClampedArray: [Uint8ClampedArray, 1],
  Int16Array: [Int16Array, 2], Uint16Array: [Uint16Array, 2], Int32Array: [Int32Array, 4],
  Uint32Array: [Uint32Array, 4], Float32Array: [Float32Array, 4], Float64Array: [Float64Array, 8],
  BigInt64Array: [BigInt64Array, 8], BigUint64Array: [BigUint64Array, 8],
};
if (typeof Float16Array === "function") typedArrayKinds.Float16Array = [Float16Array, 2];
ObjectSetPrototypeOf(typedArrayKinds, null);

/** An ArrayBufferView's [[ViewedArrayBuffer]], offset, length and kind, or undefined when it is not one. */
function viewInfo(value) {
  if (!ArrayBufferIsView(value)) return undefined;
  const name = TypedArrayName(value);
  if (name !== undefined) {
    const kind = typedArrayKinds[name];
    return {
      buffer: TypedArrayBuffer(value), byteOffset: TypedArrayByteOffset(value), byteLength: TypedArrayByteLength(value),
      ctor: kind[0], elementSize: kind[1], length: TypedArrayLength(value), typed: true,
    };
  }
  return {
    buffer: DataViewBuffer(value), byteOffset: DataViewByteOffset(value), byteLength: DataViewByteLength(value),
    ctor: DataViewCtor, elementSize: 1, length: DataViewByteLength(value), typed: false,
  };
}

function isArrayBuffer(value) {
  try {
    ArrayBufferByteLength(value);
    return true;
  } catch {
    return false;
  }
}

/** ArrayBufferView (not on a SharedArrayBuffer), or a TypeError. */
function convertView(value, what) {
  const info = viewInfo(value);
  if (info === undefined || !isArrayBuffer(info.buffer)) throw new TypeErrorCtor(`${what} is not an ArrayBufferView.`);
  return info;
}

const isDetached = (buffer) => ArrayBufferDetached(buffer);
function transferArrayBuffer(buffer) {
  return ArrayBufferTransfer(buffer);
}
function canTransferArrayBuffer(buffer) {
  return !isDetached(buffer);
}
function copyBytes(dest, destOffset, src, srcOffset, n) {
  TypedArraySet(new Uint8ArrayCtor(dest, destOffset, n), new Uint8ArrayCtor(src, srcOffset, n));
}
function cloneArrayBuffer(src, srcOffset, n) {
  const copy = new ArrayBufferCtor(n);
  copyBytes(copy, 0, src, srcOffset, n);
  return copy;
}
function cloneAsUint8Array(info) {
  return new Uint8ArrayCtor(cloneArrayBuffer(info.buffer, info.byteOffset, info.byteLength));
}

// Web IDL shape: members enumerable, @@toStringTag on the prototype.
function webidl(ctor, name = ctor.name) {
  for (const target of [ctor.prototype, ctor]) {
    for (const key of ReflectOwnKeys(target)) {
      if (typeof key !== "string" || key === "constructor" || key === "prototype" || key === "length" || key === "name") continue;
      const d = ObjectGetOwnPropertyDescriptor(target, key);
      if (d.configurable) ObjectDefineProperty(target, key, { enumerable: true });
    }
  }
  ObjectDefineProperty(ctor.prototype, SymbolToStringTag, { value: name, writable: false, enumerable: false, configurable: true });
  if (ObjectGetOwnPropertyDescriptor(ctor.prototype, customInspect) !== undefined) {
    ObjectDefineProperty(ctor.prototype, customInspect, { enumerable: false });
  }
}

function inspectFields(name, fields, depth, options, inspect) {
  if (internals.inspectObject !== undefined) return internals.inspectObject(name, fields, depth, options, inspect);
  return `${name} ${inspect(fields, options)}`;
}

function illegalConstructor() {
  throw new TypeErrorCtor("Illegal constructor");
}
const illegalInvocation = () => new TypeErrorCtor("Illegal invocation");

// ---------------------------------------------------------------------------
// Queuing strategies

const byteLengthSize = { size(chunk) { return chunk.byteLength; } }.size;
const countSize = { size() { return 1; } }.size;

function convertStrategyInit(args, init, what) {
  requireArgs(args, 1, what);
  const dict = toDictionary(init, `${what}: parameter 1`);
  const hwm = dict === undefined ? undefined : dict.highWaterMark;
  if (hwm === undefined) throw new TypeErrorCtor(`${what}: required member highWaterMark is undefined.`);
  return toNumber(hwm);
}

let blqsHwm;
class ByteLengthQueuingStrategy {
  #highWaterMark;
  constructor(init) {
    this.#highWaterMark = convertStrategyInit(arguments.length, init, "Failed to construct 'ByteLengthQueuingStrategy'");
  }
  get highWaterMark() {
    return blqsHwm(this);
  }
  get size() {
    blqsHwm(this);
    return byteLengthSize;
  }
  static {
    blqsHwm = (v) => {
      if (isObject(v) && #highWaterMark in v) return v.#highWaterMark;
      throw illegalInvocation();
    };
  }
}
webidl(ByteLengthQueuingStrategy);

let cqsHwm;
class CountQueuingStrategy {
  #highWaterMark;
  constructor(init) {
    this.#highWaterMark = convertStrategyInit(arguments.length, init, "Failed to construct 'CountQueuingStrategy'");
  }
  get highWaterMark() {
    return cqsHwm(this);
  }
  get size() {
    cqsHwm(this);
    return countSize;
  }
  static {
    cqsHwm = (v) => {
      if (isObject(v) && #highWaterMark in v) return v.#highWaterMark;
      throw illegalInvocation();
    };
  }
}
webidl(CountQueuingStrategy);

// ---------------------------------------------------------------------------
// Records

function newReadableStreamRecord() {
  return {
    api: undefined, state: "readable", reader: undefined, storedError: undefined, disturbed: false, controller: undefined,
  };
}

function newDefaultControllerRecord() {
  return {
    api: undefined, byte: false, stream: undefined, queue: undefined, queueTotalSize: 0, started: false,
    closeRequested: false, pullAgain: false, pulling: false, strategySizeAlgorithm: undefined, strategyHWM: 0,
    pullAlgorithm: undefined, cancelAlgorithm: undefined,
  };
}

function newByteControllerRecord() {
  return {
    api: undefined, byte: true, stream: undefined, queue: undefined, queueTotalSize: 0, started: false,
    closeRequested: false, pullAgain: false, pulling: false, strategyHWM: 0, pullAlgorithm: undefined,
    cancelAlgorithm: undefined, autoAllocateChunkSize: undefined, byobRequest: null, pendingPullIntos: undefined,
  };
}

function newReaderRecord(byob) {
  return { api: undefined, byob, stream: undefined, closedPromise: undefined, requests: new Queue() };
}

// ---------------------------------------------------------------------------
// ReadableStream

let rsRecord; // (value) → record | undefined

class ReadableStream {
  #s;

  constructor(underlyingSource = undefined, strategy = undefined) {
    if (underlyingSource === kInternal) {
      this.#s = strategy;
      strategy.api = this;
      return;
    }
    const what = "Failed to construct 'ReadableStream'";
    if (underlyingSource !== undefined && !isObject(underlyingSource)) {
      throw new TypeErrorCtor(`${what}: parameter 1 is not an object.`);
    }
    const strategyDict = convertStrategy(strategy, `${what}: parameter 2`);
    const source = underlyingSource === undefined ? null : underlyingSource;
    const dict = convertUnderlyingSource(source, what);
    const s = newReadableStreamRecord();
    s.api = this;
    this.#s = s;
    if (dict.type === "bytes") {
      if (strategyDict.size !== undefined) throw new RangeErrorCtor(`${what}: the strategy for a byte stream cannot have a size function.`);
      const hwm = extractHighWaterMark(strategyDict, 0);
      setUpByteControllerFromUnderlyingSource(s, source, dict, hwm);
    } else {
      const sizeAlgorithm = extractSizeAlgorithm(strategyDict);
      const hwm = extractHighWaterMark(strategyDict, 1);
      setUpDefaultControllerFromUnderlyingSource(s, source, dict, hwm, sizeAlgorithm);
    }
  }

  static from(asyncIterable) {
    requireArgs(arguments.length, 1, "Failed to execute 'from' on 'ReadableStream'");
    return readableStreamFromIterable(asyncIterable).api;
  }

  get locked() {
    const s = rsRecord(this);
    if (s === undefined) throw illegalInvocation();
    return isReadableStreamLocked(s);
  }

  cancel(reason = undefined) {
    const s = rsRecord(this);
    if (s === undefined) return promiseReject(illegalInvocation());
    if (isReadableStreamLocked(s)) return promiseReject(new TypeErrorCtor("Cannot cancel a locked ReadableStream."));
    return readableStreamCancel(s, reason);
  }

  getReader(options = undefined) {
    const s = rsRecord(this);
    if (s === undefined) throw illegalInvocation();
    const dict = toDictionary(options, "Failed to execute 'getReader' on 'ReadableStream': parameter 1");
    let mode;
    if (dict !== undefined) {
      const value = dict.mode;
      if (value !== undefined) {
        mode = `${value}`;
        if (mode !== "byob") {
          throw new TypeErrorCtor(`Failed to execute 'getReader' on 'ReadableStream': '${mode}' is not a valid value for ReadableStreamReaderMode.`);
        }
      }
    }
    if (mode === undefined) return acquireDefaultReader(s).api;
    return acquireBYOBReader(s).api;
  }

  pipeThrough(transform, options = undefined) {
    const s = rsRecord(this);
    if (s === undefined) throw illegalInvocation();
    const what = "Failed to execute 'pipeThrough' on 'ReadableStream'";
    requireArgs(arguments.length, 1, what);
    const pair = toDictionary(transform, `${what}: parameter 1`);
    if (pair === undefined) throw new TypeErrorCtor(`${what}: parameter 1 is not a ReadableWritablePair.`);
    const readable = pair.readable;
    const readableRecord = rsRecord(readable);
    if (readableRecord === undefined) throw new TypeErrorCtor(`${what}: 'readable' is not a ReadableStream.`);
    const writable = pair.writable;
    const writableRecord = wsRecord(writable);
    if (writableRecord === undefined) throw new TypeErrorCtor(`${what}: 'writable' is not a WritableStream.`);
    const opts = convertPipeOptions(options, what);
    if (isReadableStreamLocked(s)) throw new TypeErrorCtor(`${what}: the ReadableStream is locked.`);
    if (isWritableStreamLocked(writableRecord)) throw new TypeErrorCtor(`${what}: the WritableStream is locked.`);
    const promise = readableStreamPipeTo(s, writableRecord, opts.preventClose, opts.preventAbort, opts.preventCancel, opts.signal);
    setHandled(promise);
    return readable;
  }

  pipeTo(destination, options = undefined) {
    const s = rsRecord(this);
    if (s === undefined) return promiseReject(illegalInvocation());
    const what = "Failed to execute 'pipeTo' on 'ReadableStream'";
    if (arguments.length < 1) return promiseReject(new TypeErrorCtor(`${what}: 1 argument required, but only 0 present.`));
    const dest = wsRecord(destination);
    if (dest === undefined) return promiseReject(new TypeErrorCtor(`${what}: parameter 1 is not a WritableStream.`));
    let opts;
    try {
      opts = convertPipeOptions(options, what);
    } catch (error) {
      return promiseReject(error);
    }
    if (isReadableStreamLocked(s)) return promiseReject(new TypeErrorCtor(`${what}: the ReadableStream is locked.`));
    if (isWritableStreamLocked(dest)) return promiseReject(new TypeErrorCtor(`${what}: the WritableStream is locked.`));
    return readableStreamPipeTo(s, dest, opts.preventClose, opts.preventAbort, opts.preventCancel, opts.signal);
  }

  tee() {
    const s = rsRecord(this);
    if (s === undefined) throw illegalInvocation();
    const [a, b] = readableStreamTee(s, false);
    return [a.api, b.api];
  }

  values(options = undefined) {
    const s = rsRecord(this);
    if (s === undefined) throw illegalInvocation();
    const dict = toDictionary(options, "Failed to execute 'values' on 'ReadableStream': parameter 1");
    const preventCancel = dict === undefined ? false : !!dict.preventCancel;
    const reader = acquireDefaultReader(s);
    return createAsyncIterator(reader, preventCancel);
  }

  [customInspect](depth, options, inspect) {
    const s = rsRecord(this);
    return inspectFields("ReadableStream", { locked: isReadableStreamLocked(s), state: s.state, supportsBYOB: s.controller.byte }, depth, options, inspect);
  }

  static {
    rsRecord = (value) => (isObject(value) && #s in value ? value.#s : undefined);
  }
}
webidl(ReadableStream);
ObjectDefineProperty(ReadableStream.prototype, SymbolAsyncIterator, {
  value: ReadableStream.prototype.values, writable: true, enumerable: false, configurable: true,
});

// UnderlyingSource { autoAllocateChunkSize, cancel, pull, start, type }
function convertUnderlyingSource(source, what) {
  if (source === null) return {};
  const autoAllocate = source.autoAllocateChunkSize;
  const autoAllocateChunkSize = autoAllocate === undefined ? undefined : enforceRangeULongLong(autoAllocate, `${what}: autoAllocateChunkSize`);
  const cancel = callbackMember(source, "cancel", what);
  const pull = callbackMember(source, "pull", what);
  const start = callbackMember(source, "start", what);
  const typeValue = source.type;
  let type;
  if (typeValue !== undefined) {
    type = `${typeValue}`;
    if (type !== "bytes") throw new TypeErrorCtor(`${what}: '${type}' is not a valid value for ReadableStreamType.`);
  }
  return { autoAllocateChunkSize, cancel, pull, start, type };
}

// StreamPipeOptions { preventAbort, preventCancel, preventClose, signal }
function convertPipeOptions(options, what) {
  const dict = toDictionary(options, `${what}: parameter 2`);
  if (dict === undefined) return { preventAbort: false, preventCancel: false, preventClose: false, signal: undefined };
  const preventAbort = !!dict.preventAbort;
  const preventCancel = !!dict.preventCancel;
  const preventClose = !!dict.preventClose;
  const signal = dict.signal;
  if (signal !== undefined && !isAbortSignal(signal)) throw new TypeErrorCtor(`${what}: 'signal' is not an AbortSignal.`);
  return { preventAbort, preventCancel, preventClose, signal };
}

const isAbortSignal = (value) => internals.isAbortSignal !== undefined && internals.isAbortSignal(value);

function createReadableStreamRecord() {
  const s = newReadableStreamRecord();
  new ReadableStream(kInternal, s);
  return s;
}

// CreateReadableStream
function createReadableStream(startAlgorithm, pullAlgorithm, cancelAlgorithm, highWaterMark = 1, sizeAlgorithm = sizeOne) {
  const s = createReadableStreamRecord();
  const c = newDefaultControllerRecord();
  new ReadableStreamDefaultController(kInternal, c);
  setUpDefaultController(s, c, startAlgorithm, pullAlgorithm, cancelAlgorithm, highWaterMark, sizeAlgorithm);
  return s;
}

// CreateReadableByteStream
function createReadableByteStream(startAlgorithm, pullAlgorithm, cancelAlgorithm) {
  const s = createReadableStreamRecord();
  const c = newByteControllerRecord();
  new ReadableByteStreamController(kInternal, c);
  setUpByteController(s, c, startAlgorithm, pullAlgorithm, cancelAlgorithm, 0, undefined);
  return s;
}

function isReadableStreamLocked(s) {
  return s.reader !== undefined;
}

function readableStreamCancel(s, reason) {
  s.disturbed = true;
  if (s.state === "closed") return resolvedUndefined();
  if (s.state === "errored") return promiseReject(s.storedError);
  readableStreamClose(s);
  const reader = s.reader;
  if (reader !== undefined && reader.byob) {
    const requests = reader.requests.drain();
    reader.requests = new Queue();
    for (let i = 0; i < requests.length; i++) requests[i].close(undefined);
  }
  const c = s.controller;
  const sourceCancelPromise = c.byte ? byteControllerCancelSteps(c, reason) : defaultControllerCancelSteps(c, reason);
  return transform(sourceCancelPromise, returnUndefined);
}

function readableStreamClose(s) {
  s.state = "closed";
  const reader = s.reader;
  if (reader === undefined) return;
  resolveCap(reader.closedPromise, undefined);
  if (!reader.byob) {
    const requests = reader.requests.drain();
    for (let i = 0; i < requests.length; i++) requests[i].close();
  }
}

function readableStreamError(s, e) {
  s.state = "errored";
  s.storedError = e;
  const reader = s.reader;
  if (reader === undefined) return;
  rejectCap(reader.closedPromise, e);
  setHandled(reader.closedPromise.promise);
  errorReadRequests(reader, e);
}

function readableStreamFulfillReadRequest(s, chunk, done) {
  const request = s.reader.requests.shift();
  if (done) request.close();
  else request.chunk(chunk);
}

function readableStreamFulfillReadIntoRequest(s, chunk, done) {
  const request = s.reader.requests.shift();
  if (done) request.close(chunk);
  else request.chunk(chunk);
}

function numReadRequests(s) {
  return s.reader.requests.length;
}
function hasDefaultReader(s) {
  return s.reader !== undefined && !s.reader.byob;
}
function hasBYOBReader(s) {
  return s.reader !== undefined && s.reader.byob;
}

// ---------------------------------------------------------------------------
// Readers

function readerGenericInitialize(reader, s) {
  reader.stream = s;
  s.reader = reader;
  if (s.state === "readable") reader.closedPromise = newCap();
  else if (s.state === "closed") reader.closedPromise = resolvedCap(undefined);
  else reader.closedPromise = rejectedCap(s.storedError);
}

function readerGenericRelease(reader) {
  const s = reader.stream;
  const error = new TypeErrorCtor("The reader's lock was released.");
  if (s.state === "readable") rejectCap(reader.closedPromise, error);
  else reader.closedPromise = rejectedCap(error);
  setHandled(reader.closedPromise.promise);
  const c = s.controller;
  if (c.byte) byteControllerReleaseSteps(c);
  s.reader = undefined;
  reader.stream = undefined;
}

function errorReadRequests(reader, e) {
  const requests = reader.requests.drain();
  for (let i = 0; i < requests.length; i++) requests[i].error(e);
}

function readerRelease(reader) {
  readerGenericRelease(reader);
  errorReadRequests(reader, new TypeErrorCtor("The reader's lock was released."));
}

function acquireDefaultReader(s) {
  const reader = newReaderRecord(false);
  new ReadableStreamDefaultReader(kInternal, reader);
  setUpDefaultReader(reader, s);
  return reader;
}

function setUpDefaultReader(reader, s) {
  if (isReadableStreamLocked(s)) throw new TypeErrorCtor("The ReadableStream is locked to a reader.");
  readerGenericInitialize(reader, s);
  reader.requests = new Queue();
}

function acquireBYOBReader(s) {
  const reader = newReaderRecord(true);
  new ReadableStreamBYOBReader(kInternal, reader);
  setUpBYOBReader(reader, s);
  return reader;
}

function setUpBYOBReader(reader, s) {
  if (isReadableStreamLocked(s)) throw new TypeErrorCtor("The ReadableStream is locked to a reader.");
  if (!s.controller.byte) throw new TypeErrorCtor("A BYOB reader needs a byte stream (type: 'bytes').");
  readerGenericInitialize(reader, s);
  reader.requests = new Queue();
}

function defaultReaderRead(reader, request) {
  const s = reader.stream;
  s.disturbed = true;
  if (s.state === "closed") request.close();
  else if (s.state === "errored") request.error(s.storedError);
  else if (s.controller.byte) byteControllerPullSteps(s.controller, request);
  else defaultControllerPullSteps(s.controller, request);
}

function byobReaderRead(reader, info, min, request) {
  const s = reader.stream;
  s.disturbed = true;
  if (s.state === "errored") request.error(s.storedError);
  else byteControllerPullInto(s.controller, info, min, request);
}

/** A read request that settles a promise with an iterator result. */
function readRequestFor(resolve, reject) {
  return {
    chunk: (chunk) => resolve({ value: chunk, done: false }),
    close: () => resolve({ value: undefined, done: true }),
    error: reject,
  };
}

// ReadableStreamGenericReader: what both reader classes share.
function genericReaderClosed(r) {
  if (r === undefined) return promiseReject(illegalInvocation());
  return r.closedPromise.promise;
}

function genericReaderCancel(r, reason) {
  if (r === undefined) return promiseReject(illegalInvocation());
  if (r.stream === undefined) return promiseReject(new TypeErrorCtor("The reader has no stream (its lock was released)."));
  return readableStreamCancel(r.stream, reason);
}

// Both reader constructors: an internal construction passes (kInternal, record); a script one
// locks the given stream.
function constructReader(api, args, className, byob, setUp) {
  if (args[0] === kInternal) {
    args[1].api = api;
    return args[1];
  }
  requireArgs(args.length, 1, `Failed to construct '${className}'`);
  const s = rsRecord(args[0]);
  if (s === undefined) throw new TypeErrorCtor(`Failed to construct '${className}': parameter 1 is not a ReadableStream.`);
  const reader = newReaderRecord(byob);
  reader.api = api;
  setUp(reader, s);
  return reader;
}

function genericReaderRelease(r) {
  if (r === undefined) throw illegalInvocation();
  if (r.stream === undefined) return;
  readerRelease(r);
}

let defaultReaderRecord;
class ReadableStreamDefaultReader {
  #r;
  constructor(stream) {
    this.#r = constructReader(this, arguments, "ReadableStreamDefaultReader", false, setUpDefaultReader);
  }

  get closed() {
    return genericReaderClosed(defaultReaderRecord(this));
  }

  cancel(reason = undefined) {
    return genericReaderCancel(defaultReaderRecord(this), reason);
  }

  read() {
    const r = defaultReaderRecord(this);
    if (r === undefined) return promiseReject(illegalInvocation());
    if (r.stream === undefined) return promiseReject(new TypeErrorCtor("The reader has no stream (its lock was released)."));
    let request;
    const promise = new PromiseCtor((resolve, reject) => {
      request = readRequestFor(resolve, reject);
    });
    defaultReaderRead(r, request);
    return promise;
  }

  releaseLock() {
    genericReaderRelease(defaultReaderRecord(this));
  }

  static {
    defaultReaderRecord = (value) => (isObject(value) && #r in value ? value.#r : undefined);
  }
}
webidl(ReadableStreamDefaultReader);

let byobReaderRecord;
class ReadableStreamBYOBReader {
  #r;
  constructor(stream) {
    this.#r = constructReader(this, arguments, "ReadableStreamBYOBReader", true, setUpBYOBReader);
  }

  get closed() {
    return genericReaderClosed(byobReaderRecord(this));
  }

  cancel(reason = undefined) {
    return genericReaderCancel(byobReaderRecord(this), reason);
  }

  read(view, options = undefined) {
    const r = byobReaderRecord(this);
    if (r === undefined) return promiseReject(illegalInvocation());
    const what = "Failed to execute 'read' on 'ReadableStreamBYOBReader'";
    let info, min = 1;
    try {
      requireArgs(arguments.length, 1, what);
      info = convertView(view, `${what}: parameter 1`);
      const dict = toDictionary(options, `${what}: parameter 2`);
      if (dict !== undefined && dict.min !== undefined) min = enforceRangeULongLong(dict.min, `${what}: min`);
    } catch (error) {
      return promiseReject(error);
    }
    if (info.byteLength === 0) return promiseReject(new TypeErrorCtor(`${what}: the view has no bytes.`));
    if (ArrayBufferByteLength(info.buffer) === 0) {
      return promiseReject(new TypeErrorCtor(`${what}: the view's buffer is empty or detached.`));
    }
    if (isDetached(info.buffer)) return promiseReject(new TypeErrorCtor(`${what}: the view's buffer is detached.`));
    if (min === 0) return promiseReject(new TypeErrorCtor(`${what}: options.min must be greater than 0.`));
    if (min > info.length) return promiseReject(new RangeErrorCtor(`${what}: options.min is larger than the view.`));
    if (r.stream === undefined) return promiseReject(new TypeErrorCtor("The reader has no stream (its lock was released)."));
    let request;
    const promise = new PromiseCtor((resolve, reject) => {
      request = {
        chunk: (chunk) => resolve({ value: chunk, done: false }),
        close: (chunk) => resolve({ value: chunk, done: true }),
        error: reject,
      };
    });
    byobReaderRead(r, info, min, request);
    return promise;
  }

  releaseLock() {
    genericReaderRelease(byobReaderRecord(this));
  }

  static {
    byobReaderRecord = (value) => (isObject(value) && #r in value ? value.#r : undefined);
  }
}
webidl(ReadableStreamBYOBReader);

// ---------------------------------------------------------------------------
// ReadableStreamDefaultController

let defaultControllerRecord;
class ReadableStreamDefaultController {
  #c;
  constructor() {
    if (arguments[0] !== kInternal) illegalConstructor();
    this.#c = arguments[1];
    this.#c.api = this;
  }

  get desiredSize() {
    const c = defaultControllerRecord(this);
    if (c === undefined) throw illegalInvocation();
    return defaultControllerGetDesiredSize(c);
  }

  close() {
    const c = defaultControllerRecord(this);
    if (c === undefined) throw illegalInvocation();
    if (!defaultControllerCanCloseOrEnqueue(c)) throw new TypeErrorCtor("The stream is not in a state that permits close.");
    defaultControllerClose(c);
  }

  enqueue(chunk = undefined) {
    const c = defaultControllerRecord(this);
    if (c === undefined) throw illegalInvocation();
    if (!defaultControllerCanCloseOrEnqueue(c)) throw new TypeErrorCtor("The stream is not in a state that permits enqueue.");
    defaultControllerEnqueue(c, chunk);
  }

  error(e = undefined) {
    const c = defaultControllerRecord(this);
    if (c === undefined) throw illegalInvocation();
    defaultControllerError(c, e);
  }

  static {
    defaultControllerRecord = (value) => (isObject(value) && #c in value ? value.#c : undefined);
  }
}
webidl(ReadableStreamDefaultController);

function defaultControllerCancelSteps(c, reason) {
  resetQueue(c);
  const result = c.cancelAlgorithm(reason);
  defaultControllerClearAlgorithms(c);
  return result;
}

function defaultControllerPullSteps(c, request) {
  const s = c.stream;
  if (c.queue.length > 0) {
    const chunk = dequeueValue(c);
    if (c.closeRequested && c.queue.length === 0) {
      defaultControllerClearAlgorithms(c);
      readableStreamClose(s);
    } else {
      defaultControllerCallPullIfNeeded(c);
    }
    request.chunk(chunk);
  } else {
    s.reader.requests.push(request);
    defaultControllerCallPullIfNeeded(c);
  }
}

function defaultControllerCallPullIfNeeded(c) {
  if (!defaultControllerShouldCallPull(c)) return;
  if (c.pulling) {
    c.pullAgain = true;
    return;
  }
  c.pulling = true;
  const pullPromise = c.pullAlgorithm();
  react(pullPromise, () => {
    c.pulling = false;
    if (c.pullAgain) {
      c.pullAgain = false;
      defaultControllerCallPullIfNeeded(c);
    }
  }, (e) => defaultControllerError(c, e));
}

function defaultControllerShouldCallPull(c) {
  const s = c.stream;
  if (!defaultControllerCanCloseOrEnqueue(c)) return false;
  if (!c.started) return false;
  if (isReadableStreamLocked(s) && numReadRequests(s) > 0) return true;
  return defaultControllerGetDesiredSize(c) > 0;
}

function defaultControllerClearAlgorithms(c) {
  c.pullAlgorithm = undefined;
  c.cancelAlgorithm = undefined;
  c.strategySizeAlgorithm = undefined;
}

function defaultControllerClose(c) {
  if (!defaultControllerCanCloseOrEnqueue(c)) return;
  c.closeRequested = true;
  if (c.queue.length === 0) {
    defaultControllerClearAlgorithms(c);
    readableStreamClose(c.stream);
  }
}

function defaultControllerEnqueue(c, chunk) {
  if (!defaultControllerCanCloseOrEnqueue(c)) return;
  const s = c.stream;
  if (isReadableStreamLocked(s) && numReadRequests(s) > 0) {
    readableStreamFulfillReadRequest(s, chunk, false);
  } else {
    let size;
    try {
      size = c.strategySizeAlgorithm(chunk);
    } catch (error) {
      defaultControllerError(c, error);
      throw error;
    }
    try {
      enqueueValueWithSize(c, chunk, size);
    } catch (error) {
      defaultControllerError(c, error);
      throw error;
    }
  }
  defaultControllerCallPullIfNeeded(c);
}

function defaultControllerError(c, e) {
  const s = c.stream;
  if (s.state !== "readable") return;
  resetQueue(c);
  defaultControllerClearAlgorithms(c);
  readableStreamError(s, e);
}

function defaultControllerGetDesiredSize(c) {
  const state = c.stream.state;
  if (state === "errored") return null;
  if (state === "closed") return 0;
  return c.strategyHWM - c.queueTotalSize;
}

function defaultControllerHasBackpressure(c) {
  return !defaultControllerShouldCallPull(c);
}

function defaultControllerCanCloseOrEnqueue(c) {
  return !c.closeRequested && c.stream.state === "readable";
}

function setUpDefaultController(s, c, startAlgorithm, pullAlgorithm, cancelAlgorithm, highWaterMark, sizeAlgorithm) {
  c.stream = s;
  resetQueue(c);
  c.started = false;
  c.closeRequested = false;
  c.pullAgain = false;
  c.pulling = false;
  c.strategySizeAlgorithm = sizeAlgorithm;
  c.strategyHWM = highWaterMark;
  c.pullAlgorithm = pullAlgorithm;
  c.cancelAlgorithm = cancelAlgorithm;
  s.controller = c;
  const startResult = startAlgorithm();
  react(promiseResolvedWith(startResult), () => {
    c.started = true;
    defaultControllerCallPullIfNeeded(c);
  }, (r) => defaultControllerError(c, r));
}

function setUpDefaultControllerFromUnderlyingSource(s, source, dict, highWaterMark, sizeAlgorithm) {
  const c = newDefaultControllerRecord();
  new ReadableStreamDefaultController(kInternal, c);
  const { start, pull, cancel } = dict;
  const startAlgorithm = start === undefined ? returnUndefined : () => ReflectApply(start, source, [c.api]);
  const pullAlgorithm = pull === undefined ? resolvedUndefined : () => promiseCall(pull, source, [c.api]);
  const cancelAlgorithm = cancel === undefined ? resolvedUndefined : (reason) => promiseCall(cancel, source, [reason]);
  setUpDefaultController(s, c, startAlgorithm, pullAlgorithm, cancelAlgorithm, highWaterMark, sizeAlgorithm);
}

// ---------------------------------------------------------------------------
// ReadableByteStreamController and ReadableStreamBYOBRequest

let byteControllerRecord;
class ReadableByteStreamController {
  #c;
  constructor() {
    if (arguments[0] !== kInternal) illegalConstructor();
    this.#c = arguments[1];
    this.#c.api = this;
  }

  get byobRequest() {
    const c = byteControllerRecord(this);
    if (c === undefined) throw illegalInvocation();
    return byteControllerGetBYOBRequest(c);
  }

  get desiredSize() {
    const c = byteControllerRecord(this);
    if (c === undefined) throw illegalInvocation();
    return byteControllerGetDesiredSize(c);
  }

  close() {
    const c = byteControllerRecord(this);
    if (c === undefined) throw illegalInvocation();
    if (c.closeRequested) throw new TypeErrorCtor("The stream is already closing.");
    if (c.stream.state !== "readable") throw new TypeErrorCtor("The stream is not readable.");
    byteControllerClose(c);
  }

  enqueue(chunk) {
    const c = byteControllerRecord(this);
    if (c === undefined) throw illegalInvocation();
    const what = "Failed to execute 'enqueue' on 'ReadableByteStreamController'";
    requireArgs(arguments.length, 1, what);
    const info = convertView(chunk, `${what}: parameter 1`);
    if (info.byteLength === 0) throw new TypeErrorCtor(`${what}: the chunk has no bytes.`);
    if (ArrayBufferByteLength(info.buffer) === 0) throw new TypeErrorCtor(`${what}: the chunk's buffer is empty or detached.`);
    if (c.closeRequested) throw new TypeErrorCtor(`${what}: the stream is closing.`);
    if (c.stream.state !== "readable") throw new TypeErrorCtor(`${what}: the stream is not readable.`);
    byteControllerEnqueue(c, info);
  }

  error(e = undefined) {
    const c = byteControllerRecord(this);
    if (c === undefined) throw illegalInvocation();
    byteControllerError(c, e);
  }

  static {
    byteControllerRecord = (value) => (isObject(value) && #c in value ? value.#c : undefined);
  }
}
webidl(ReadableByteStreamController);

let byobRequestRecord;
class ReadableStreamBYOBRequest {
  #b;
  constructor() {
    if (arguments[0] !== kInternal) illegalConstructor();
    this.#b = arguments[1];
  }

  get view() {
    const b = byobRequestRecord(this);
    if (b === undefined) throw illegalInvocation();
    return b.view;
  }

  respond(bytesWritten) {
    const b = byobRequestRecord(this);
    if (b === undefined) throw illegalInvocation();
    const what = "Failed to execute 'respond' on 'ReadableStreamBYOBRequest'";
    requireArgs(arguments.length, 1, what);
    const n = enforceRangeULongLong(bytesWritten, `${what}: parameter 1`);
    if (b.controller === undefined) throw new TypeErrorCtor(`${what}: this request was already answered.`);
    if (isDetached(TypedArrayBuffer(b.view))) throw new TypeErrorCtor(`${what}: the view's buffer is detached.`);
    byteControllerRespond(b.controller, n);
  }

  respondWithNewView(view) {
    const b = byobRequestRecord(this);
    if (b === undefined) throw illegalInvocation();
    const what = "Failed to execute 'respondWithNewView' on 'ReadableStreamBYOBRequest'";
    requireArgs(arguments.length, 1, what);
    const info = convertView(view, `${what}: parameter 1`);
    if (b.controller === undefined) throw new TypeErrorCtor(`${what}: this request was already answered.`);
    if (isDetached(info.buffer)) throw new TypeErrorCtor(`${what}: the view's buffer is detached.`);
    byteControllerRespondWithNewView(b.controller, info);
  }

  static {
    byobRequestRecord = (value) => (isObject(value) && #b in value ? value.#b : undefined);
  }
}
webidl(ReadableStreamBYOBRequest);

function byteControllerCancelSteps(c, reason) {
  byteControllerClearPendingPullIntos(c);
  resetQueue(c);
  const result = c.cancelAlgorithm(reason);
  byteControllerClearAlgorithms(c);
  return result;
}

function byteControllerPullSteps(c, request) {
  const s = c.stream;
  if (c.queueTotalSize > 0) {
    byteControllerFillReadRequestFromQueue(c, request);
    return;
  }
  const autoAllocateChunkSize = c.autoAllocateChunkSize;
  if (autoAllocateChunkSize !== undefined) {
    let buffer;
    try {
      buffer = new ArrayBufferCtor(autoAllocateChunkSize);
    } catch (error) {
      request.error(error);
      return;
    }
    c.pendingPullIntos.push({
      buffer, bufferByteLength: autoAllocateChunkSize, byteOffset: 0, byteLength: autoAllocateChunkSize,
      bytesFilled: 0, minimumFill: 1, elementSize: 1, viewConstructor: Uint8ArrayCtor, readerType: "default",
    });
  }
  s.reader.requests.push(request);
  byteControllerCallPullIfNeeded(c);
}

function byteControllerReleaseSteps(c) {
  if (c.pendingPullIntos.length > 0) {
    const first = c.pendingPullIntos.peek();
    first.readerType = "none";
    c.pendingPullIntos = new Queue();
    c.pendingPullIntos.push(first);
  }
}

function byteControllerCallPullIfNeeded(c) {
  if (!byteControllerShouldCallPull(c)) return;
  if (c.pulling) {
    c.pullAgain = true;
    return;
  }
  c.pulling = true;
  const pullPromise = c.pullAlgorithm();
  react(pullPromise, () => {
    c.pulling = false;
    if (c.pullAgain) {
      c.pullAgain = false;
      byteControllerCallPullIfNeeded(c);
    }
  }, (e) => byteControllerError(c, e));
}

function byteControllerShouldCallPull(c) {
  const s = c.stream;
  if (s.state !== "readable") return false;
  if (c.closeRequested) return false;
  if (!c.started) return false;
  if (hasDefaultReader(s) && numReadRequests(s) > 0) return true;
  if (hasBYOBReader(s) && numReadRequests(s) > 0) return true;
  return byteControllerGetDesiredSize(c) > 0;
}

function byteControllerClearAlgorithms(c) {
  c.pullAlgorithm = undefined;
  c.cancelAlgorithm = undefined;
}

function byteControllerClearPendingPullIntos(c) {
  byteControllerInvalidateBYOBRequest(c);
  c.pendingPullIntos = new Queue();
}

function byteControllerClose(c) {
  const s = c.stream;
  if (c.closeRequested || s.state !== "readable") return;
  if (c.queueTotalSize > 0) {
    c.closeRequested = true;
    return;
  }
  if (c.pendingPullIntos.length > 0) {
    const first = c.pendingPullIntos.peek();
    if (first.bytesFilled % first.elementSize !== 0) {
      const e = new TypeErrorCtor("The stream closed with a partial element in the pending read.");
      byteControllerError(c, e);
      throw e;
    }
  }
  byteControllerClearAlgorithms(c);
  readableStreamClose(s);
}

function byteControllerCommitPullIntoDescriptor(s, d) {
  let done = false;
  if (s.state === "closed") done = true;
  const filledView = byteControllerConvertPullIntoDescriptor(d);
  if (d.readerType === "default") readableStreamFulfillReadRequest(s, filledView, done);
  else readableStreamFulfillReadIntoRequest(s, filledView, done);
}

function byteControllerConvertPullIntoDescriptor(d) {
  const buffer = transferArrayBuffer(d.buffer);
  return new d.viewConstructor(buffer, d.byteOffset, d.bytesFilled / d.elementSize);
}

function byteControllerEnqueue(c, info) {
  const s = c.stream;
  if (c.closeRequested || s.state !== "readable") return;
  const { buffer, byteOffset, byteLength } = info;
  if (isDetached(buffer)) throw new TypeErrorCtor("The chunk's buffer is detached.");
  const transferredBuffer = transferArrayBuffer(buffer);
  if (c.pendingPullIntos.length > 0) {
    const first = c.pendingPullIntos.peek();
    if (isDetached(first.buffer)) throw new TypeErrorCtor("The BYOB request's buffer is detached.");
    byteControllerInvalidateBYOBRequest(c);
    first.buffer = transferArrayBuffer(first.buffer);
    if (first.readerType === "none") byteControllerEnqueueDetachedPullIntoToQueue(c, first);
  }
  if (hasDefaultReader(s)) {
    byteControllerProcessReadRequestsUsingQueue(c);
    if (numReadRequests(s) === 0) {
      byteControllerEnqueueChunkToQueue(c, transferredBuffer, byteOffset, byteLength);
    } else {
      if (c.pendingPullIntos.length > 0) byteControllerShiftPendingPullInto(c);
      const transferredView = new Uint8ArrayCtor(transferredBuffer, byteOffset, byteLength);
      readableStreamFulfillReadRequest(s, transferredView, false);
    }
  } else if (hasBYOBReader(s)) {
    byteControllerEnqueueChunkToQueue(c, transferredBuffer, byteOffset, byteLength);
    const filled = byteControllerProcessPullIntoDescriptorsUsingQueue(c);
    for (let i = 0; i < filled.length; i++) byteControllerCommitPullIntoDescriptor(s, filled[i]);
  } else {
    byteControllerEnqueueChunkToQueue(c, transferredBuffer, byteOffset, byteLength);
  }
  byteControllerCallPullIfNeeded(c);
}

function byteControllerEnqueueChunkToQueue(c, buffer, byteOffset, byteLength) {
  c.queue.push({ buffer, byteOffset, byteLength });
  c.queueTotalSize += byteLength;
}

function byteControllerEnqueueClonedChunkToQueue(c, buffer, byteOffset, byteLength) {
  let clone;
  try {
    clone = cloneArrayBuffer(buffer, byteOffset, byteLength);
  } catch (error) {
    byteControllerError(c, error);
    throw error;
  }
  byteControllerEnqueueChunkToQueue(c, clone, 0, byteLength);
}

function byteControllerEnqueueDetachedPullIntoToQueue(c, d) {
  if (d.bytesFilled > 0) byteControllerEnqueueClonedChunkToQueue(c, d.buffer, d.byteOffset, d.bytesFilled);
  byteControllerShiftPendingPullInto(c);
}

function byteControllerFillPullIntoDescriptorFromQueue(c, d) {
  const maxBytesToCopy = MathMin(c.queueTotalSize, d.byteLength - d.bytesFilled);
  const maxBytesFilled = d.bytesFilled + maxBytesToCopy;
  let totalBytesToCopyRemaining = maxBytesToCopy;
  let ready = false;
  const remainderBytes = maxBytesFilled % d.elementSize;
  const maxAlignedBytes = maxBytesFilled - remainderBytes;
  if (maxAlignedBytes >= d.minimumFill) {
    totalBytesToCopyRemaining = maxAlignedBytes - d.bytesFilled;
    ready = true;
  }
  const queue = c.queue;
  while (totalBytesToCopyRemaining > 0) {
    const head = queue.peek();
    const bytesToCopy = MathMin(totalBytesToCopyRemaining, head.byteLength);
    const destStart = d.byteOffset + d.bytesFilled;
    copyBytes(d.buffer, destStart, head.buffer, head.byteOffset, bytesToCopy);
    if (head.byteLength === bytesToCopy) {
      queue.shift();
    } else {
      head.byteOffset += bytesToCopy;
      head.byteLength -= bytesToCopy;
    }
    c.queueTotalSize -= bytesToCopy;
    byteControllerFillHeadPullIntoDescriptor(c, bytesToCopy, d);
    totalBytesToCopyRemaining -= bytesToCopy;
  }
  return ready;
}

function byteControllerFillReadRequestFromQueue(c, request) {
  const entry = c.queue.shift();
  c.queueTotalSize -= entry.byteLength;
  byteControllerHandleQueueDrain(c);
  const view = new Uint8ArrayCtor(entry.buffer, entry.byteOffset, entry.byteLength);
  request.chunk(view);
}

function byteControllerGetBYOBRequest(c) {
  if (c.byobRequest === null && c.pendingPullIntos.length > 0) {
    const first = c.pendingPullIntos.peek();
    const view = new Uint8ArrayCtor(first.buffer, first.byteOffset + first.bytesFilled, first.byteLength - first.bytesFilled);
    const record = { controller: c, view };
    c.byobRequest = new ReadableStreamBYOBRequest(kInternal, record);
  }
  return c.byobRequest;
}

function byteControllerGetDesiredSize(c) {
  const state = c.stream.state;
  if (state === "errored") return null;
  if (state === "closed") return 0;
  return c.strategyHWM - c.queueTotalSize;
}

function byteControllerHandleQueueDrain(c) {
  if (c.queueTotalSize === 0 && c.closeRequested) {
    byteControllerClearAlgorithms(c);
    readableStreamClose(c.stream);
  } else {
    byteControllerCallPullIfNeeded(c);
  }
}

function byteControllerInvalidateBYOBRequest(c) {
  if (c.byobRequest === null) return;
  const record = byobRequestRecord(c.byobRequest);
  record.controller = undefined;
  record.view = null;
  c.byobRequest = null;
}

function byteControllerProcessPullIntoDescriptorsUsingQueue(c) {
  const filled = [];
  while (c.pendingPullIntos.length > 0) {
    if (c.queueTotalSize === 0) break;
    const d = c.pendingPullIntos.peek();
    if (byteControllerFillPullIntoDescriptorFromQueue(c, d)) {
      byteControllerShiftPendingPullInto(c);
      filled[filled.length] = d;
    }
  }
  return filled;
}

function byteControllerProcessReadRequestsUsingQueue(c) {
  const reader = c.stream.reader;
  while (reader.requests.length > 0) {
    if (c.queueTotalSize === 0) return;
    const request = reader.requests.shift();
    byteControllerFillReadRequestFromQueue(c, request);
  }
}

function byteControllerPullInto(c, info, min, request) {
  const s = c.stream;
  const elementSize = info.elementSize;
  const ctor = info.ctor;
  const minimumFill = min * elementSize;
  const { byteOffset, byteLength } = info;
  let buffer;
  try {
    buffer = transferArrayBuffer(info.buffer);
  } catch (error) {
    request.error(error);
    return;
  }
  const d = {
    buffer, bufferByteLength: ArrayBufferByteLength(buffer), byteOffset, byteLength, bytesFilled: 0, minimumFill,
    elementSize, viewConstructor: ctor, readerType: "byob",
  };
  if (c.pendingPullIntos.length > 0) {
    c.pendingPullIntos.push(d);
    s.reader.requests.push(request);
    return;
  }
  if (s.state === "closed") {
    request.close(new ctor(d.buffer, d.byteOffset, 0));
    return;
  }
  if (c.queueTotalSize > 0) {
    if (byteControllerFillPullIntoDescriptorFromQueue(c, d)) {
      const filledView = byteControllerConvertPullIntoDescriptor(d);
      byteControllerHandleQueueDrain(c);
      request.chunk(filledView);
      return;
    }
    if (c.closeRequested) {
      const e = new TypeErrorCtor("The stream is closing and cannot fill the request.");
      byteControllerError(c, e);
      request.error(e);
      return;
    }
  }
  c.pendingPullIntos.push(d);
  s.reader.requests.push(request);
  byteControllerCallPullIfNeeded(c);
}

function byteControllerRespond(c, bytesWritten) {
  const first = c.pendingPullIntos.peek();
  const state = c.stream.state;
  if (state === "closed") {
    if (bytesWritten !== 0) throw new TypeErrorCtor("bytesWritten must be 0 once the stream is closed.");
  } else {
    if (bytesWritten === 0) throw new TypeErrorCtor("bytesWritten must be greater than 0 while the stream is readable.");
    if (first.bytesFilled + bytesWritten > first.byteLength) throw new RangeErrorCtor("bytesWritten is larger than the view.");
  }
  first.buffer = transferArrayBuffer(first.buffer);
  byteControllerRespondInternal(c, bytesWritten);
}

function byteControllerRespondInClosedState(c, first) {
  if (first.readerType === "none") byteControllerShiftPendingPullInto(c);
  const s = c.stream;
  if (hasBYOBReader(s)) {
    const filled = [];
    while (filled.length < numReadRequests(s)) filled[filled.length] = byteControllerShiftPendingPullInto(c);
    for (let i = 0; i < filled.length; i++) byteControllerCommitPullIntoDescriptor(s, filled[i]);
  }
}

function byteControllerRespondInReadableState(c, bytesWritten, d) {
  byteControllerFillHeadPullIntoDescriptor(c, bytesWritten, d);
  const s = c.stream;
  if (d.readerType === "none") {
    byteControllerEnqueueDetachedPullIntoToQueue(c, d);
    const filled = byteControllerProcessPullIntoDescriptorsUsingQueue(c);
    for (let i = 0; i < filled.length; i++) byteControllerCommitPullIntoDescriptor(s, filled[i]);
    return;
  }
  if (d.bytesFilled < d.minimumFill) return;
  byteControllerShiftPendingPullInto(c);
  const remainderSize = d.bytesFilled % d.elementSize;
  if (remainderSize > 0) {
    const end = d.byteOffset + d.bytesFilled;
    byteControllerEnqueueClonedChunkToQueue(c, d.buffer, end - remainderSize, remainderSize);
  }
  d.bytesFilled -= remainderSize;
  const filled = byteControllerProcessPullIntoDescriptorsUsingQueue(c);
  byteControllerCommitPullIntoDescriptor(s, d);
  for (let i = 0; i < filled.length; i++) byteControllerCommitPullIntoDescriptor(s, filled[i]);
}

function byteControllerRespondInternal(c, bytesWritten) {
  const first = c.pendingPullIntos.peek();
  byteControllerInvalidateBYOBRequest(c);
  if (c.stream.state === "closed") byteControllerRespondInClosedState(c, first);
  else byteControllerRespondInReadableState(c, bytesWritten, first);
  byteControllerCallPullIfNeeded(c);
}

function byteControllerRespondWithNewView(c, info) {
  const first = c.pendingPullIntos.peek();
  const state = c.stream.state;
  if (state === "closed") {
    if (info.byteLength !== 0) throw new TypeErrorCtor("The view must be empty once the stream is closed.");
  } else if (info.byteLength === 0) {
    throw new TypeErrorCtor("The view must not be empty while the stream is readable.");
  }
  if (first.byteOffset + first.bytesFilled !== info.byteOffset) throw new RangeErrorCtor("The view's offset does not match the request.");
  if (first.bufferByteLength !== ArrayBufferByteLength(info.buffer)) throw new RangeErrorCtor("The view's buffer does not match the request.");
  if (first.bytesFilled + info.byteLength > first.byteLength) throw new RangeErrorCtor("The view is larger than the request.");
  const viewByteLength = info.byteLength;
  first.buffer = transferArrayBuffer(info.buffer);
  byteControllerRespondInternal(c, viewByteLength);
}

function byteControllerShiftPendingPullInto(c) {
  return c.pendingPullIntos.shift();
}

function byteControllerFillHeadPullIntoDescriptor(c, size, d) {
  d.bytesFilled += size;
}

function byteControllerError(c, e) {
  const s = c.stream;
  if (s.state !== "readable") return;
  byteControllerClearPendingPullIntos(c);
  resetQueue(c);
  byteControllerClearAlgorithms(c);
  readableStreamError(s, e);
}

function setUpByteController(s, c, startAlgorithm, pullAlgorithm, cancelAlgorithm, highWaterMark, autoAllocateChunkSize) {
  c.stream = s;
  c.pullAgain = false;
  c.pulling = false;
  c.byobRequest = null;
  resetQueue(c);
  c.closeRequested = false;
  c.started = false;
  c.strategyHWM = highWaterMark;
  c.pullAlgorithm = pullAlgorithm;
  c.cancelAlgorithm = cancelAlgorithm;
  c.autoAllocateChunkSize = autoAllocateChunkSize;
  c.pendingPullIntos = new Queue();
  s.controller = c;
  const startResult = startAlgorithm();
  react(promiseResolvedWith(startResult), () => {
    c.started = true;
    byteControllerCallPullIfNeeded(c);
  }, (r) => byteControllerError(c, r));
}

function setUpByteControllerFromUnderlyingSource(s, source, dict, highWaterMark) {
  const c = newByteControllerRecord();
  new ReadableByteStreamController(kInternal, c);
  const { start, pull, cancel } = dict;
  const startAlgorithm = start === undefined ? returnUndefined : () => ReflectApply(start, source, [c.api]);
  const pullAlgorithm = pull === undefined ? resolvedUndefined : () => promiseCall(pull, source, [c.api]);
  const cancelAlgorithm = cancel === undefined ? resolvedUndefined : (reason) => promiseCall(cancel, source, [reason]);
  const autoAllocateChunkSize = dict.autoAllocateChunkSize;
  if (autoAllocateChunkSize === 0) throw new TypeErrorCtor("autoAllocateChunkSize must be greater than 0.");
  setUpByteController(s, c, startAlgorithm, pullAlgorithm, cancelAlgorithm, highWaterMark, autoAllocateChunkSize);
}

// ---------------------------------------------------------------------------
// Tee

function readableStreamTee(s, cloneForBranch2) {
  if (s.controller.byte) return readableByteStreamTee(s);
  return readableStreamDefaultTee(s, cloneForBranch2);
}

function readableStreamDefaultTee(s, cloneForBranch2) {
  const reader = acquireDefaultReader(s);
  let reading = false;
  let readAgain = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1, reason2, branch1, branch2;
  const cancelCap = newCap();

  const readRequest = {
    chunk: (chunk) => {
      queueMicrotaskInternal(() => {
        readAgain = false;
        const chunk1 = chunk;
        let chunk2 = chunk;
        if (!canceled2 && cloneForBranch2) {
          try {
            chunk2 = internals.structuredClone(chunk2);
          } catch (error) {
            defaultControllerError(branch1.controller, error);
            defaultControllerError(branch2.controller, error);
            resolveCap(cancelCap, readableStreamCancel(s, error));
            return;
          }
        }
        if (!canceled1) defaultControllerEnqueue(branch1.controller, chunk1);
        if (!canceled2) defaultControllerEnqueue(branch2.controller, chunk2);
        reading = false;
        if (readAgain) pullAlgorithm();
      });
    },
    close: () => {
      reading = false;
      if (!canceled1) defaultControllerClose(branch1.controller);
      if (!canceled2) defaultControllerClose(branch2.controller);
      if (!canceled1 || !canceled2) resolveCap(cancelCap, undefined);
    },
    error: () => {
      reading = false;
    },
  };

  function pullAlgorithm() {
    if (reading) {
      readAgain = true;
      return resolvedUndefined();
    }
    reading = true;
    defaultReaderRead(reader, readRequest);
    return resolvedUndefined();
  }
  function cancel1Algorithm(reason) {
    canceled1 = true;
    reason1 = reason;
    if (canceled2) resolveCap(cancelCap, readableStreamCancel(s, [reason1, reason2]));
    return cancelCap.promise;
  }
  function cancel2Algorithm(reason) {
    canceled2 = true;
    reason2 = reason;
    if (canceled1) resolveCap(cancelCap, readableStreamCancel(s, [reason1, reason2]));
    return cancelCap.promise;
  }
  branch1 = createReadableStream(returnUndefined, pullAlgorithm, cancel1Algorithm);
  branch2 = createReadableStream(returnUndefined, pullAlgorithm, cancel2Algorithm);
  uponRejection(reader.closedPromise.promise, (r) => {
    defaultControllerError(branch1.controller, r);
    defaultControllerError(branch2.controller, r);
    if (!canceled1 || !canceled2) resolveCap(cancelCap, undefined);
  });
  return [branch1, branch2];
}

function readableByteStreamTee(s) {
  let reader = acquireDefaultReader(s);
  let reading = false;
  let readAgainForBranch1 = false;
  let readAgainForBranch2 = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1, reason2, branch1, branch2;
  const cancelCap = newCap();

  function forwardReaderError(thisReader) {
    uponRejection(thisReader.closedPromise.promise, (r) => {
      if (thisReader !== reader) return;
      byteControllerError(branch1.controller, r);
      byteControllerError(branch2.controller, r);
      if (!canceled1 || !canceled2) resolveCap(cancelCap, undefined);
    });
  }

  function pullWithDefaultReader() {
    if (reader.byob) {
      readerRelease(reader);
      reader = acquireDefaultReader(s);
      forwardReaderError(reader);
    }
    const readRequest = {
      chunk: (chunk) => {
        queueMicrotaskInternal(() => {
          readAgainForBranch1 = false;
          readAgainForBranch2 = false;
          const chunk1 = chunk;
          let chunk2 = chunk;
          if (!canceled1 && !canceled2) {
            try {
              chunk2 = cloneAsUint8Array(viewInfo(chunk));
            } catch (error) {
              byteControllerError(branch1.controller, error);
              byteControllerError(branch2.controller, error);
              resolveCap(cancelCap, readableStreamCancel(s, error));
              return;
            }
          }
          if (!canceled1) byteControllerEnqueue(branch1.controller, viewInfo(chunk1));
          if (!canceled2) byteControllerEnqueue(branch2.controller, viewInfo(chunk2));
          reading = false;
          if (readAgainForBranch1) pull1Algorithm();
          else if (readAgainForBranch2) pull2Algorithm();
        });
      },
      close: () => {
        reading = false;
        if (!canceled1) byteControllerClose(branch1.controller);
        if (!canceled2) byteControllerClose(branch2.controller);
        if (branch1.controller.pendingPullIntos.length > 0) byteControllerRespond(branch1.controller, 0);
        if (branch2.controller.pendingPullIntos.length > 0) byteControllerRespond(branch2.controller, 0);
        if (!canceled1 || !canceled2) resolveCap(cancelCap, undefined);
      },
      error: () => {
        reading = false;
      },
    };
    defaultReaderRead(reader, readRequest);
  }

  function pullWithBYOBReader(view, forBranch2) {
    if (!reader.byob) {
      readerRelease(reader);
      reader = acquireBYOBReader(s);
      forwardReaderError(reader);
    }
    const byobBranch = forBranch2 ? branch2 : branch1;
    const otherBranch = forBranch2 ? branch1 : branch2;
    const readIntoRequest = {
      chunk: (chunk) => {
        queueMicrotaskInternal(() => {
          readAgainForBranch1 = false;
          readAgainForBranch2 = false;
          const byobCanceled = forBranch2 ? canceled2 : canceled1;
          const otherCanceled = forBranch2 ? canceled1 : canceled2;
          if (!otherCanceled) {
            let clonedChunk;
            try {
              clonedChunk = cloneAsUint8Array(viewInfo(chunk));
            } catch (error) {
              byteControllerError(byobBranch.controller, error);
              byteControllerError(otherBranch.controller, error);
              resolveCap(cancelCap, readableStreamCancel(s, error));
              return;
            }
            if (!byobCanceled) byteControllerRespondWithNewView(byobBranch.controller, viewInfo(chunk));
            byteControllerEnqueue(otherBranch.controller, viewInfo(clonedChunk));
          } else if (!byobCanceled) {
            byteControllerRespondWithNewView(byobBranch.controller, viewInfo(chunk));
          }
          reading = false;
          if (readAgainForBranch1) pull1Algorithm();
          else if (readAgainForBranch2) pull2Algorithm();
        });
      },
      close: (chunk) => {
        reading = false;
        const byobCanceled = forBranch2 ? canceled2 : canceled1;
        const otherCanceled = forBranch2 ? canceled1 : canceled2;
        if (!byobCanceled) byteControllerClose(byobBranch.controller);
        if (!otherCanceled) byteControllerClose(otherBranch.controller);
        if (chunk !== undefined) {
          if (!byobCanceled) byteControllerRespondWithNewView(byobBranch.controller, viewInfo(chunk));
          if (!otherCanceled && otherBranch.controller.pendingPullIntos.length > 0) byteControllerRespond(otherBranch.controller, 0);
        }
        if (!byobCanceled || !otherCanceled) resolveCap(cancelCap, undefined);
      },
      error: () => {
        reading = false;
      },
    };
    byobReaderRead(reader, viewInfo(view), 1, readIntoRequest);
  }

  function pull1Algorithm() {
    if (reading) {
      readAgainForBranch1 = true;
      return resolvedUndefined();
    }
    reading = true;
    const byobRequest = byteControllerGetBYOBRequest(branch1.controller);
    if (byobRequest === null) pullWithDefaultReader();
    else pullWithBYOBReader(byobRequestRecord(byobRequest).view, false);
    return resolvedUndefined();
  }
  function pull2Algorithm() {
    if (reading) {
      readAgainForBranch2 = true;
      return resolvedUndefined();
    }
    reading = true;
    const byobRequest = byteControllerGetBYOBRequest(branch2.controller);
    if (byobRequest === null) pullWithDefaultReader();
    else pullWithBYOBReader(byobRequestRecord(byobRequest).view, true);
    return resolvedUndefined();
  }
  function cancel1Algorithm(reason) {
    canceled1 = true;
    reason1 = reason;
    if (canceled2) resolveCap(cancelCap, readableStreamCancel(s, [reason1, reason2]));
    return cancelCap.promise;
  }
  function cancel2Algorithm(reason) {
    canceled2 = true;
    reason2 = reason;
    if (canceled1) resolveCap(cancelCap, readableStreamCancel(s, [reason1, reason2]));
    return cancelCap.promise;
  }
  branch1 = createReadableByteStream(returnUndefined, pull1Algorithm, cancel1Algorithm);
  branch2 = createReadableByteStream(returnUndefined, pull2Algorithm, cancel2Algorithm);
  forwardReaderError(reader);
  return [branch1, branch2];
}

// ---------------------------------------------------------------------------
// Async iteration (Web IDL asynchronous iterator with the Streams' iteration steps)

const AsyncIteratorPrototype = ObjectGetPrototypeOf(ObjectGetPrototypeOf(async function* () {}).prototype);
let iteratorRecord;

class ReadableStreamAsyncIterator {
  #i;
  constructor(record) {
    this.#i = record;
  }

  next() {
    const it = iteratorRecord(this);
    if (it === undefined) return promiseReject(new TypeErrorCtor("next() called on an object that is not a ReadableStream async iterator."));
    // next() and return() queue behind the ongoing call (Web IDL); a settled call clears the
    // ongoing promise only if no later call has replaced it.
    const seq = ++it.seq;
    const nextSteps = () => {
      if (it.finished) return promiseResolve({ value: undefined, done: true });
      const reader = it.reader;
      let request;
      const nextPromise = new PromiseCtor((resolve, reject) => {
        request = {
          chunk: (chunk) => resolve({ value: chunk, done: false }),
          close: () => {
            readerRelease(reader);
            resolve(undefined);
          },
          error: (e) => {
            readerRelease(reader);
            reject(e);
          },
        };
      });
      defaultReaderRead(reader, request);
      return transform(nextPromise, (result) => {
        if (it.seq === seq) it.ongoing = undefined;
        if (result === undefined) {
          it.finished = true;
          return { value: undefined, done: true };
        }
        return result;
      }, (reason) => {
        if (it.seq === seq) it.ongoing = undefined;
        it.finished = true;
        throw reason;
      });
    };
    it.ongoing = it.ongoing === undefined ? nextSteps() : transform(it.ongoing, nextSteps, nextSteps);
    return it.ongoing;
  }

  return(value) {
    const it = iteratorRecord(this);
    if (it === undefined) return promiseReject(new TypeErrorCtor("return() called on an object that is not a ReadableStream async iterator."));
    const returnSteps = () => {
      if (it.finished) return promiseResolve({ value, done: true });
      it.finished = true;
      const reader = it.reader;
      if (!it.preventCancel) {
        const result = readableStreamCancel(reader.stream, value);
        readerRelease(reader);
        return result;
      }
      readerRelease(reader);
      return resolvedUndefined();
    };
    const seq = ++it.seq;
    const afterOngoing = it.ongoing === undefined ? returnSteps() : transform(it.ongoing, returnSteps, returnSteps);
    const returnPromise = transform(afterOngoing, () => {
      if (it.seq === seq) it.ongoing = undefined;
      return { value, done: true };
    });
    it.ongoing = returnPromise;
    return returnPromise;
  }

  static {
    iteratorRecord = (value) => (isObject(value) && #i in value ? value.#i : undefined);
  }
}
const asyncIteratorProto = ReadableStreamAsyncIterator.prototype;
ObjectSetPrototypeOf(asyncIteratorProto, AsyncIteratorPrototype);
ObjectDefineProperty(asyncIteratorProto, "next", { enumerable: true });
ObjectDefineProperty(asyncIteratorProto, "return", { enumerable: true });
ObjectDefineProperty(asyncIteratorProto, SymbolToStringTag, { value: "ReadableStream AsyncIterator", configurable: true });
delete asyncIteratorProto.constructor;

function createAsyncIterator(reader, preventCancel) {
  return new ReadableStreamAsyncIterator({ reader, preventCancel, finished: false, ongoing: undefined, seq: 0 });
}

// ---------------------------------------------------------------------------
// ReadableStream.from

function getIterator(value) {
  const asyncMethod = value === undefined || value === null ? undefined : value[SymbolAsyncIterator];
  if (asyncMethod !== undefined && asyncMethod !== null) {
    if (typeof asyncMethod !== "function") throw new TypeErrorCtor("ReadableStream.from: @@asyncIterator is not a function.");
    const iterator = ReflectApply(asyncMethod, value, []);
    if (!isObject(iterator)) throw new TypeErrorCtor("ReadableStream.from: the async iterator is not an object.");
    return { iterator, nextMethod: iterator.next, done: false };
  }
  const syncMethod = value === undefined || value === null ? undefined : value[SymbolIterator];
  if (syncMethod === undefined || syncMethod === null) throw new TypeErrorCtor("ReadableStream.from: the argument is not iterable.");
  if (typeof syncMethod !== "function") throw new TypeErrorCtor("ReadableStream.from: @@iterator is not a function.");
  const syncIterator = ReflectApply(syncMethod, value, []);
  if (!isObject(syncIterator)) throw new TypeErrorCtor("ReadableStream.from: the iterator is not an object.");
  return createAsyncFromSyncIterator({ iterator: syncIterator, nextMethod: syncIterator.next, done: false });
}

// CreateAsyncFromSyncIterator (ECMA-262 27.1.6), for the `next` and `return` that from() uses.
function createAsyncFromSyncIterator(syncRecord) {
  const iterator = {
    next(value) {
      const cap = newCap();
      let result;
      try {
        result = arguments.length > 0 ? ReflectApply(syncRecord.nextMethod, syncRecord.iterator, [value]) : ReflectApply(syncRecord.nextMethod, syncRecord.iterator, []);
        if (!isObject(result)) throw new TypeErrorCtor("The iterator result is not an object.");
      } catch (error) {
        rejectCap(cap, error);
        return cap.promise;
      }
      return asyncFromSyncContinuation(result, cap, syncRecord, true);
    },
    return(value) {
      const cap = newCap();
      const syncIterator = syncRecord.iterator;
      let result;
      try {
        const method = syncIterator.return;
        if (method === undefined || method === null) {
          resolveCap(cap, { value, done: true });
          return cap.promise;
        }
        result = arguments.length > 0 ? ReflectApply(method, syncIterator, [value]) : ReflectApply(method, syncIterator, []);
        if (!isObject(result)) throw new TypeErrorCtor("The iterator's return() result is not an object.");
      } catch (error) {
        rejectCap(cap, error);
        return cap.promise;
      }
      return asyncFromSyncContinuation(result, cap, syncRecord, false);
    },
  };
  return { iterator, nextMethod: iterator.next, done: false };
}

function asyncFromSyncContinuation(result, cap, syncRecord, closeOnRejection) {
  let done, value, valueWrapper;
  try {
    done = !!result.done;
    value = result.value;
  } catch (error) {
    rejectCap(cap, error);
    return cap.promise;
  }
  try {
    valueWrapper = promiseResolve(value);
  } catch (error) {
    if (!done && closeOnRejection) closeSyncIteratorQuietly(syncRecord);
    rejectCap(cap, error);
    return cap.promise;
  }
  const onRejected = done || !closeOnRejection
    ? (error) => rejectCap(cap, error)
    : (error) => {
      closeSyncIteratorQuietly(syncRecord);
      rejectCap(cap, error);
    };
  promiseThen(valueWrapper, (v) => resolveCap(cap, { value: v, done }), onRejected);
  return cap.promise;
}

// IteratorClose with a throw completion: return() is called, its outcome ignored.
function closeSyncIteratorQuietly(syncRecord) {
  try {
    const method = syncRecord.iterator.return;
    if (method !== undefined && method !== null) ReflectApply(method, syncRecord.iterator, []);
  } catch {}
}

function readableStreamFromIterable(asyncIterable) {
  let s;
  const record = getIterator(asyncIterable);
  const pullAlgorithm = () => {
    let nextResult;
    try {
      nextResult = ReflectApply(record.nextMethod, record.iterator, []);
    } catch (error) {
      return promiseReject(error);
    }
    const nextPromise = promiseResolve(nextResult);
    return transform(nextPromise, (iterResult) => {
      if (!isObject(iterResult)) throw new TypeErrorCtor("The iterator's next() result is not an object.");
      const done = !!iterResult.done;
      if (done) {
        defaultControllerClose(s.controller);
      } else {
        const value = iterResult.value;
        defaultControllerEnqueue(s.controller, value);
      }
    });
  };
  const cancelAlgorithm = (reason) => {
    const iterator = record.iterator;
    let returnResult;
    try {
      const method = iterator.return;
      if (method === undefined || method === null) return resolvedUndefined();
      if (typeof method !== "function") throw new TypeErrorCtor("The iterator's return is not a function.");
      returnResult = ReflectApply(method, iterator, [reason]);
    } catch (error) {
      return promiseReject(error);
    }
    const returnPromise = promiseResolve(returnResult);
    return transform(returnPromise, (iterResult) => {
      if (!isObject(iterResult)) throw new TypeErrorCtor("The iterator's return() result is not an object.");
    });
  };
  s = createReadableStream(returnUndefined, pullAlgorithm, cancelAlgorithm, 0);
  return s;
}

// ---------------------------------------------------------------------------
// pipeTo

function readableStreamPipeTo(source, dest, preventClose, preventAbort, preventCancel, signal) {
  const reader = acquireDefaultReader(source);
  const writer = acquireWriter(dest);
  source.disturbed = true;
  let shuttingDown = false;
  let currentWrite = resolvedUndefined();
  const cap = newCap();
  let removeAbort;

  const waitForWritesToFinish = () => {
    const oldCurrentWrite = currentWrite;
    return transform(currentWrite, () => (oldCurrentWrite !== currentWrite ? waitForWritesToFinish() : undefined));
  };

  const finalize = (isError, error) => {
    writerRelease(writer);
    readerRelease(reader);
    if (removeAbort !== undefined) removeAbort();
    if (isError) rejectCap(cap, error);
    else resolveCap(cap, undefined);
  };

  const shutdownWithAnAction = (action, originalIsError, originalError) => {
    if (shuttingDown) return;
    shuttingDown = true;
    const doTheRest = () => {
      react(action(), () => finalize(originalIsError, originalError), (newError) => finalize(true, newError));
    };
    if (dest.state === "writable" && !writableStreamCloseQueuedOrInFlight(dest)) react(waitForWritesToFinish(), doTheRest);
    else doTheRest();
  };

  const shutdown = (isError, error) => {
    if (shuttingDown) return;
    shuttingDown = true;
    if (dest.state === "writable" && !writableStreamCloseQueuedOrInFlight(dest)) {
      react(waitForWritesToFinish(), () => finalize(isError, error));
    } else {
      finalize(isError, error);
    }
  };

  if (signal !== undefined) {
    const abortAlgorithm = () => {
      const error = internals.signalReason(signal);
      const actions = [];
      if (!preventAbort) {
        actions[actions.length] = () => (dest.state === "writable" ? writableStreamAbort(dest, error) : resolvedUndefined());
      }
      if (!preventCancel) {
        actions[actions.length] = () => (source.state === "readable" ? readableStreamCancel(source, error) : resolvedUndefined());
      }
      shutdownWithAnAction(() => {
        const promises = [];
        for (let i = 0; i < actions.length; i++) promises[i] = actions[i]();
        return waitForAll(promises);
      }, true, error);
    };
    if (internals.isSignalAborted(signal)) {
      abortAlgorithm();
      return cap.promise;
    }
    removeAbort = internals.addAbortAlgorithm(signal, abortAlgorithm);
  }

  const readStep = () => new PromiseCtor((resolveRead, rejectRead) => {
    defaultReaderRead(reader, {
      chunk: (chunk) => {
        currentWrite = transform(writerWrite(writer, chunk), undefined, noop);
        resolveRead(false);
      },
      close: () => resolveRead(true),
      error: rejectRead,
    });
  });
  const pipeStep = () => {
    if (shuttingDown) return promiseResolve(true);
    // A ready promise that already fulfilled needs no reaction: read at once.
    const ready = writer.readyPromise;
    if (ready.fulfilled) return readStep();
    return transform(ready.promise, readStep);
  };

  const pipeLoop = () => new PromiseCtor((resolveLoop, rejectLoop) => {
    const next = (done) => {
      if (done) resolveLoop();
      else promiseThen(pipeStep(), next, rejectLoop);
    };
    next(false);
  });

  // Errors must be propagated forward.
  if (source.state === "errored") {
    sourceErrored(source.storedError);
  } else {
    uponRejection(reader.closedPromise.promise, sourceErrored);
  }
  function sourceErrored(storedError) {
    if (!preventAbort) shutdownWithAnAction(() => writableStreamAbort(dest, storedError), true, storedError);
    else shutdown(true, storedError);
  }
  // Errors must be propagated backward.
  if (dest.state === "errored") {
    destErrored(dest.storedError);
  } else {
    uponRejection(writer.closedPromise.promise, destErrored);
  }
  function destErrored(storedError) {
    if (!preventCancel) shutdownWithAnAction(() => readableStreamCancel(source, storedError), true, storedError);
    else shutdown(true, storedError);
  }
  // Closing must be propagated forward.
  if (source.state === "closed") {
    sourceClosed();
  } else {
    react(reader.closedPromise.promise, sourceClosed);
  }
  function sourceClosed() {
    if (!preventClose) shutdownWithAnAction(() => writerCloseWithErrorPropagation(writer), false);
    else shutdown(false);
  }
  // Closing must be propagated backward.
  if (writableStreamCloseQueuedOrInFlight(dest) || dest.state === "closed") {
    const destClosed = new TypeErrorCtor("The destination WritableStream is closed.");
    if (!preventCancel) shutdownWithAnAction(() => readableStreamCancel(source, destClosed), true, destClosed);
    else shutdown(true, destClosed);
  }

  setHandled(pipeLoop());
  return cap.promise;
}

// ---------------------------------------------------------------------------
// WritableStream

let wsRecord;

function newWritableStreamRecord() {
  return {
    api: undefined, state: "writable", storedError: undefined, writer: undefined, controller: undefined,
    inFlightWriteRequest: undefined, closeRequest: undefined, inFlightCloseRequest: undefined,
    pendingAbortRequest: undefined, writeRequests: new Queue(), backpressure: false,
  };
}

class WritableStream {
  #s;

  constructor(underlyingSink = undefined, strategy = undefined) {
    if (underlyingSink === kInternal) {
      this.#s = strategy;
      strategy.api = this;
      return;
    }
    const what = "Failed to construct 'WritableStream'";
    if (underlyingSink !== undefined && !isObject(underlyingSink)) throw new TypeErrorCtor(`${what}: parameter 1 is not an object.`);
    const strategyDict = convertStrategy(strategy, `${what}: parameter 2`);
    const sink = underlyingSink === undefined ? null : underlyingSink;
    const dict = convertUnderlyingSink(sink, what);
    if (dict.type !== undefined) throw new RangeErrorCtor(`${what}: 'type' must be undefined for a WritableStream.`);
    const s = newWritableStreamRecord();
    s.api = this;
    this.#s = s;
    const sizeAlgorithm = extractSizeAlgorithm(strategyDict);
    const hwm = extractHighWaterMark(strategyDict, 1);
    setUpWritableControllerFromUnderlyingSink(s, sink, dict, hwm, sizeAlgorithm);
  }

  get locked() {
    const s = wsRecord(this);
    if (s === undefined) throw illegalInvocation();
    return isWritableStreamLocked(s);
  }

  abort(reason = undefined) {
    const s = wsRecord(this);
    if (s === undefined) return promiseReject(illegalInvocation());
    if (isWritableStreamLocked(s)) return promiseReject(new TypeErrorCtor("Cannot abort a locked WritableStream."));
    return writableStreamAbort(s, reason);
  }

  close() {
    const s = wsRecord(this);
    if (s === undefined) return promiseReject(illegalInvocation());
    if (isWritableStreamLocked(s)) return promiseReject(new TypeErrorCtor("Cannot close a locked WritableStream."));
    if (writableStreamCloseQueuedOrInFlight(s)) return promiseReject(new TypeErrorCtor("The WritableStream is already closing."));
    return writableStreamClose(s);
  }

  getWriter() {
    const s = wsRecord(this);
    if (s === undefined) throw illegalInvocation();
    return acquireWriter(s).api;
  }

  [customInspect](depth, options, inspect) {
    const s = wsRecord(this);
    return inspectFields("WritableStream", { locked: isWritableStreamLocked(s), state: s.state }, depth, options, inspect);
  }

  static {
    wsRecord = (value) => (isObject(value) && #s in value ? value.#s : undefined);
  }
}
webidl(WritableStream);

// UnderlyingSink { abort, close, start, type, write }
function convertUnderlyingSink(sink, what) {
  if (sink === null) return {};
  const abort = callbackMember(sink, "abort", what);
  const close = callbackMember(sink, "close", what);
  const start = callbackMember(sink, "start", what);
  const type = sink.type;
  const write = callbackMember(sink, "write", what);
  return { abort, close, start, type, write };
}

function createWritableStream(startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm, highWaterMark, sizeAlgorithm) {
  const s = newWritableStreamRecord();
  new WritableStream(kInternal, s);
  const c = newWritableControllerRecord();
  new WritableStreamDefaultController(kInternal, c);
  setUpWritableController(s, c, startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm, highWaterMark, sizeAlgorithm);
  return s;
}

function isWritableStreamLocked(s) {
  return s.writer !== undefined;
}

function writableStreamAbort(s, reason) {
  if (s.state === "closed" || s.state === "errored") return resolvedUndefined();
  internals.signalAbort(s.controller.signal, reason);
  const state = s.state;
  if (state === "closed" || state === "errored") return resolvedUndefined();
  if (s.pendingAbortRequest !== undefined) return s.pendingAbortRequest.cap.promise;
  let wasAlreadyErroring = false;
  if (state === "erroring") {
    wasAlreadyErroring = true;
    reason = undefined;
  }
  const cap = newCap();
  s.pendingAbortRequest = { cap, reason, wasAlreadyErroring };
  if (!wasAlreadyErroring) writableStreamStartErroring(s, reason);
  return cap.promise;
}

function writableStreamClose(s) {
  const state = s.state;
  if (state === "closed" || state === "errored") {
    return promiseReject(new TypeErrorCtor("The WritableStream is closed or errored."));
  }
  const cap = newCap();
  s.closeRequest = cap;
  const writer = s.writer;
  if (writer !== undefined && s.backpressure && state === "writable") resolveCap(writer.readyPromise, undefined);
  writableControllerClose(s.controller);
  return cap.promise;
}

function writableStreamAddWriteRequest(s) {
  const cap = newCap();
  s.writeRequests.push(cap);
  return cap.promise;
}

function writableStreamCloseQueuedOrInFlight(s) {
  return s.closeRequest !== undefined || s.inFlightCloseRequest !== undefined;
}

function writableStreamDealWithRejection(s, error) {
  if (s.state === "writable") {
    writableStreamStartErroring(s, error);
    return;
  }
  writableStreamFinishErroring(s);
}

function writableStreamFinishErroring(s) {
  s.state = "errored";
  resetQueue(s.controller);
  const storedError = s.storedError;
  const requests = s.writeRequests.drain();
  for (let i = 0; i < requests.length; i++) rejectCap(requests[i], storedError);
  if (s.pendingAbortRequest === undefined) {
    writableStreamRejectCloseAndClosedPromiseIfNeeded(s);
    return;
  }
  const abortRequest = s.pendingAbortRequest;
  s.pendingAbortRequest = undefined;
  if (abortRequest.wasAlreadyErroring) {
    rejectCap(abortRequest.cap, storedError);
    writableStreamRejectCloseAndClosedPromiseIfNeeded(s);
    return;
  }
  const promise = writableControllerAbortSteps(s.controller, abortRequest.reason);
  react(promise, () => {
    resolveCap(abortRequest.cap, undefined);
    writableStreamRejectCloseAndClosedPromiseIfNeeded(s);
  }, (reason) => {
    rejectCap(abortRequest.cap, reason);
    writableStreamRejectCloseAndClosedPromiseIfNeeded(s);
  });
}

function writableStreamFinishInFlightClose(s) {
  resolveCap(s.inFlightCloseRequest, undefined);
  s.inFlightCloseRequest = undefined;
  if (s.state === "erroring") {
    s.storedError = undefined;
    if (s.pendingAbortRequest !== undefined) {
      resolveCap(s.pendingAbortRequest.cap, undefined);
      s.pendingAbortRequest = undefined;
    }
  }
  s.state = "closed";
  const writer = s.writer;
  if (writer !== undefined) resolveCap(writer.closedPromise, undefined);
}

function writableStreamFinishInFlightCloseWithError(s, error) {
  rejectCap(s.inFlightCloseRequest, error);
  s.inFlightCloseRequest = undefined;
  if (s.pendingAbortRequest !== undefined) {
    rejectCap(s.pendingAbortRequest.cap, error);
    s.pendingAbortRequest = undefined;
  }
  writableStreamDealWithRejection(s, error);
}

function writableStreamFinishInFlightWrite(s) {
  resolveCap(s.inFlightWriteRequest, undefined);
  s.inFlightWriteRequest = undefined;
}

function writableStreamFinishInFlightWriteWithError(s, error) {
  rejectCap(s.inFlightWriteRequest, error);
  s.inFlightWriteRequest = undefined;
  writableStreamDealWithRejection(s, error);
}

function writableStreamHasOperationMarkedInFlight(s) {
  return s.inFlightWriteRequest !== undefined || s.inFlightCloseRequest !== undefined;
}

function writableStreamMarkCloseRequestInFlight(s) {
  s.inFlightCloseRequest = s.closeRequest;
  s.closeRequest = undefined;
}

function writableStreamMarkFirstWriteRequestInFlight(s) {
  s.inFlightWriteRequest = s.writeRequests.shift();
}

function writableStreamRejectCloseAndClosedPromiseIfNeeded(s) {
  if (s.closeRequest !== undefined) {
    rejectCap(s.closeRequest, s.storedError);
    s.closeRequest = undefined;
  }
  const writer = s.writer;
  if (writer !== undefined) {
    rejectCap(writer.closedPromise, s.storedError);
    setHandled(writer.closedPromise.promise);
  }
}

function writableStreamStartErroring(s, reason) {
  const c = s.controller;
  s.state = "erroring";
  s.storedError = reason;
  const writer = s.writer;
  if (writer !== undefined) writerEnsureReadyPromiseRejected(writer, reason);
  if (!writableStreamHasOperationMarkedInFlight(s) && c.started) writableStreamFinishErroring(s);
}

function writableStreamUpdateBackpressure(s, backpressure) {
  const writer = s.writer;
  if (writer !== undefined && backpressure !== s.backpressure) {
    if (backpressure) writer.readyPromise = newCap();
    else resolveCap(writer.readyPromise, undefined);
  }
  s.backpressure = backpressure;
}

// ---------------------------------------------------------------------------
// WritableStreamDefaultWriter

function newWriterRecord() {
  return { api: undefined, stream: undefined, readyPromise: undefined, closedPromise: undefined };
}

let writerRecord;
class WritableStreamDefaultWriter {
  #w;
  constructor(stream) {
    if (stream === kInternal) {
      this.#w = arguments[1];
      this.#w.api = this;
      return;
    }
    requireArgs(arguments.length, 1, "Failed to construct 'WritableStreamDefaultWriter'");
    const s = wsRecord(stream);
    if (s === undefined) throw new TypeErrorCtor("Failed to construct 'WritableStreamDefaultWriter': parameter 1 is not a WritableStream.");
    const w = newWriterRecord();
    w.api = this;
    this.#w = w;
    setUpWriter(w, s);
  }

  get closed() {
    const w = writerRecord(this);
    if (w === undefined) return promiseReject(illegalInvocation());
    return w.closedPromise.promise;
  }

  get desiredSize() {
    const w = writerRecord(this);
    if (w === undefined) throw illegalInvocation();
    if (w.stream === undefined) throw new TypeErrorCtor("The writer has no stream (its lock was released).");
    return writerGetDesiredSize(w);
  }

  get ready() {
    const w = writerRecord(this);
    if (w === undefined) return promiseReject(illegalInvocation());
    return w.readyPromise.promise;
  }

  abort(reason = undefined) {
    const w = writerRecord(this);
    if (w === undefined) return promiseReject(illegalInvocation());
    if (w.stream === undefined) return promiseReject(new TypeErrorCtor("The writer has no stream (its lock was released)."));
    return writableStreamAbort(w.stream, reason);
  }

  close() {
    const w = writerRecord(this);
    if (w === undefined) return promiseReject(illegalInvocation());
    const s = w.stream;
    if (s === undefined) return promiseReject(new TypeErrorCtor("The writer has no stream (its lock was released)."));
    if (writableStreamCloseQueuedOrInFlight(s)) return promiseReject(new TypeErrorCtor("The WritableStream is already closing."));
    return writableStreamClose(s);
  }

  releaseLock() {
    const w = writerRecord(this);
    if (w === undefined) throw illegalInvocation();
    if (w.stream === undefined) return;
    writerRelease(w);
  }

  write(chunk = undefined) {
    const w = writerRecord(this);
    if (w === undefined) return promiseReject(illegalInvocation());
    if (w.stream === undefined) return promiseReject(new TypeErrorCtor("The writer has no stream (its lock was released)."));
    return writerWrite(w, chunk);
  }

  static {
    writerRecord = (value) => (isObject(value) && #w in value ? value.#w : undefined);
  }
}
webidl(WritableStreamDefaultWriter);

function acquireWriter(s) {
  const w = newWriterRecord();
  new WritableStreamDefaultWriter(kInternal, w);
  setUpWriter(w, s);
  return w;
}

function setUpWriter(w, s) {
  if (isWritableStreamLocked(s)) throw new TypeErrorCtor("The WritableStream is locked to a writer.");
  w.stream = s;
  s.writer = w;
  const state = s.state;
  if (state === "writable") {
    w.readyPromise = !writableStreamCloseQueuedOrInFlight(s) && s.backpressure ? newCap() : resolvedCap(undefined);
    w.closedPromise = newCap();
  } else if (state === "erroring") {
    w.readyPromise = rejectedCap(s.storedError);
    w.closedPromise = newCap();
  } else if (state === "closed") {
    w.readyPromise = resolvedCap(undefined);
    w.closedPromise = resolvedCap(undefined);
  } else {
    w.readyPromise = rejectedCap(s.storedError);
    w.closedPromise = rejectedCap(s.storedError);
  }
}

function writerCloseWithErrorPropagation(w) {
  const s = w.stream;
  const state = s.state;
  if (writableStreamCloseQueuedOrInFlight(s) || state === "closed") return resolvedUndefined();
  if (state === "errored") return promiseReject(s.storedError);
  return writableStreamClose(s);
}

function writerEnsureClosedPromiseRejected(w, error) {
  if (!w.closedPromise.settled) rejectCap(w.closedPromise, error);
  else w.closedPromise = rejectedCap(error);
  setHandled(w.closedPromise.promise);
}

function writerEnsureReadyPromiseRejected(w, error) {
  if (!w.readyPromise.settled) rejectCap(w.readyPromise, error);
  else w.readyPromise = rejectedCap(error);
  setHandled(w.readyPromise.promise);
}

function writerGetDesiredSize(w) {
  const s = w.stream;
  const state = s.state;
  if (state === "errored" || state === "erroring") return null;
  if (state === "closed") return 0;
  return writableControllerGetDesiredSize(s.controller);
}

function writerRelease(w) {
  const s = w.stream;
  const releasedError = new TypeErrorCtor("The writer's lock was released.");
  writerEnsureReadyPromiseRejected(w, releasedError);
  writerEnsureClosedPromiseRejected(w, releasedError);
  s.writer = undefined;
  w.stream = undefined;
}

function writerWrite(w, chunk) {
  const s = w.stream;
  const c = s.controller;
  const chunkSize = writableControllerGetChunkSize(c, chunk);
  if (s !== w.stream) return promiseReject(new TypeErrorCtor("The writer's lock was released."));
  const state = s.state;
  if (state === "errored") return promiseReject(s.storedError);
  if (writableStreamCloseQueuedOrInFlight(s) || state === "closed") {
    return promiseReject(new TypeErrorCtor("The WritableStream is closing or closed."));
  }
  if (state === "erroring") return promiseReject(s.storedError);
  const promise = writableStreamAddWriteRequest(s);
  writableControllerWrite(c, chunk, chunkSize);
  return promise;
}

// ---------------------------------------------------------------------------
// WritableStreamDefaultController

const closeSentinel = {};

function newWritableControllerRecord() {
  return {
    api: undefined, stream: undefined, queue: undefined, queueTotalSize: 0, signal: undefined, started: false,
    strategySizeAlgorithm: undefined, strategyHWM: 1, writeAlgorithm: undefined, closeAlgorithm: undefined,
    abortAlgorithm: undefined,
  };
}

let writableControllerRecord;
class WritableStreamDefaultController {
  #c;
  constructor() {
    if (arguments[0] !== kInternal) illegalConstructor();
    this.#c = arguments[1];
    this.#c.api = this;
  }

  get signal() {
    const c = writableControllerRecord(this);
    if (c === undefined) throw illegalInvocation();
    return c.signal;
  }

  error(e = undefined) {
    const c = writableControllerRecord(this);
    if (c === undefined) throw illegalInvocation();
    if (c.stream.state !== "writable") return;
    writableControllerError(c, e);
  }

  static {
    writableControllerRecord = (value) => (isObject(value) && #c in value ? value.#c : undefined);
  }
}
webidl(WritableStreamDefaultController);

function writableControllerAbortSteps(c, reason) {
  const result = c.abortAlgorithm(reason);
  writableControllerClearAlgorithms(c);
  return result;
}

function setUpWritableController(s, c, startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm, highWaterMark, sizeAlgorithm) {
  c.stream = s;
  s.controller = c;
  resetQueue(c);
  c.signal = internals.newAbortSignal();
  c.started = false;
  c.strategySizeAlgorithm = sizeAlgorithm;
  c.strategyHWM = highWaterMark;
  c.writeAlgorithm = writeAlgorithm;
  c.closeAlgorithm = closeAlgorithm;
  c.abortAlgorithm = abortAlgorithm;
  writableStreamUpdateBackpressure(s, writableControllerGetBackpressure(c));
  const startResult = startAlgorithm();
  react(promiseResolvedWith(startResult), () => {
    c.started = true;
    writableControllerAdvanceQueueIfNeeded(c);
  }, (r) => {
    c.started = true;
    writableStreamDealWithRejection(s, r);
  });
}

function setUpWritableControllerFromUnderlyingSink(s, sink, dict, highWaterMark, sizeAlgorithm) {
  const c = newWritableControllerRecord();
  new WritableStreamDefaultController(kInternal, c);
  const { start, write, close, abort } = dict;
  const startAlgorithm = start === undefined ? returnUndefined : () => ReflectApply(start, sink, [c.api]);
  const writeAlgorithm = write === undefined ? resolvedUndefined : (chunk) => promiseCall(write, sink, [chunk, c.api]);
  const closeAlgorithm = close === undefined ? resolvedUndefined : () => promiseCall(close, sink, []);
  const abortAlgorithm = abort === undefined ? resolvedUndefined : (reason) => promiseCall(abort, sink, [reason]);
  setUpWritableController(s, c, startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm, highWaterMark, sizeAlgorithm);
}

function writableControllerAdvanceQueueIfNeeded(c) {
  const s = c.stream;
  if (!c.started) return;
  if (s.inFlightWriteRequest !== undefined) return;
  if (s.state === "erroring") {
    writableStreamFinishErroring(s);
    return;
  }
  if (c.queue.length === 0) return;
  const value = peekQueueValue(c);
  if (value === closeSentinel) writableControllerProcessClose(c);
  else writableControllerProcessWrite(c, value);
}

function writableControllerClearAlgorithms(c) {
  c.writeAlgorithm = undefined;
  c.closeAlgorithm = undefined;
  c.abortAlgorithm = undefined;
  c.strategySizeAlgorithm = undefined;
}

function writableControllerClose(c) {
  enqueueValueWithSize(c, closeSentinel, 0);
  writableControllerAdvanceQueueIfNeeded(c);
}

function writableControllerError(c, error) {
  writableControllerClearAlgorithms(c);
  writableStreamStartErroring(c.stream, error);
}

function writableControllerErrorIfNeeded(c, error) {
  if (c.stream.state === "writable") writableControllerError(c, error);
}

function writableControllerGetBackpressure(c) {
  return writableControllerGetDesiredSize(c) <= 0;
}

function writableControllerGetChunkSize(c, chunk) {
  if (c.strategySizeAlgorithm === undefined) return 1;
  try {
    return c.strategySizeAlgorithm(chunk);
  } catch (error) {
    writableControllerErrorIfNeeded(c, error);
    return 1;
  }
}

function writableControllerGetDesiredSize(c) {
  return c.strategyHWM - c.queueTotalSize;
}

function writableControllerProcessClose(c) {
  const s = c.stream;
  writableStreamMarkCloseRequestInFlight(s);
  dequeueValue(c);
  const sinkClosePromise = c.closeAlgorithm();
  writableControllerClearAlgorithms(c);
  react(sinkClosePromise, () => writableStreamFinishInFlightClose(s), (reason) => writableStreamFinishInFlightCloseWithError(s, reason));
}

function writableControllerProcessWrite(c, chunk) {
  const s = c.stream;
  writableStreamMarkFirstWriteRequestInFlight(s);
  const sinkWritePromise = c.writeAlgorithm(chunk);
  react(sinkWritePromise, () => {
    writableStreamFinishInFlightWrite(s);
    const state = s.state;
    dequeueValue(c);
    if (!writableStreamCloseQueuedOrInFlight(s) && state === "writable") {
      writableStreamUpdateBackpressure(s, writableControllerGetBackpressure(c));
    }
    writableControllerAdvanceQueueIfNeeded(c);
  }, (reason) => {
    if (s.state === "writable") writableControllerClearAlgorithms(c);
    writableStreamFinishInFlightWriteWithError(s, reason);
  });
}

function writableControllerWrite(c, chunk, chunkSize) {
  try {
    enqueueValueWithSize(c, chunk, chunkSize);
  } catch (error) {
    writableControllerErrorIfNeeded(c, error);
    return;
  }
  const s = c.stream;
  if (!writableStreamCloseQueuedOrInFlight(s) && s.state === "writable") {
    writableStreamUpdateBackpressure(s, writableControllerGetBackpressure(c));
  }
  writableControllerAdvanceQueueIfNeeded(c);
}

// ---------------------------------------------------------------------------
// TransformStream

let tsRecord;

class TransformStream {
  #t;

  constructor(transformer = undefined, writableStrategy = undefined, readableStrategy = undefined) {
    if (transformer === kInternal) {
      this.#t = writableStrategy;
      writableStrategy.api = this;
      return;
    }
    const what = "Failed to construct 'TransformStream'";
    if (transformer !== undefined && !isObject(transformer)) throw new TypeErrorCtor(`${what}: parameter 1 is not an object.`);
    const writableStrategyDict = convertStrategy(writableStrategy, `${what}: parameter 2`);
    const readableStrategyDict = convertStrategy(readableStrategy, `${what}: parameter 3`);
    const source = transformer === undefined ? null : transformer;
    const dict = convertTransformer(source, what);
    if (dict.readableType !== undefined) throw new RangeErrorCtor(`${what}: 'readableType' must be undefined.`);
    if (dict.writableType !== undefined) throw new RangeErrorCtor(`${what}: 'writableType' must be undefined.`);
    const readableHighWaterMark = extractHighWaterMark(readableStrategyDict, 0);
    const readableSizeAlgorithm = extractSizeAlgorithm(readableStrategyDict);
    const writableHighWaterMark = extractHighWaterMark(writableStrategyDict, 1);
    const writableSizeAlgorithm = extractSizeAlgorithm(writableStrategyDict);
    const startCap = newCap();
    const t = newTransformStreamRecord();
    t.api = this;
    this.#t = t;
    initializeTransformStream(t, startCap.promise, writableHighWaterMark, writableSizeAlgorithm, readableHighWaterMark, readableSizeAlgorithm);
    setUpTransformControllerFromTransformer(t, source, dict);
    if (dict.start !== undefined) resolveCap(startCap, ReflectApply(dict.start, source, [t.controller.api]));
    else resolveCap(startCap, undefined);
  }

  get readable() {
    const t = tsRecord(this);
    if (t === undefined) throw illegalInvocation();
    return t.readable.api;
  }

  get writable() {
    const t = tsRecord(this);
    if (t === undefined) throw illegalInvocation();
    return t.writable.api;
  }

  static {
    tsRecord = (value) => (isObject(value) && #t in value ? value.#t : undefined);
  }
}
webidl(TransformStream);

// Transformer { cancel, flush, readableType, start, transform, writableType }
function convertTransformer(transformer, what) {
  if (transformer === null) return {};
  const cancel = callbackMember(transformer, "cancel", what);
  const flush = callbackMember(transformer, "flush", what);
  const readableType = transformer.readableType;
  const start = callbackMember(transformer, "start", what);
  const transformFn = callbackMember(transformer, "transform", what);
  const writableType = transformer.writableType;
  return { cancel, flush, readableType, start, transform: transformFn, writableType };
}

function newTransformStreamRecord() {
  return {
    api: undefined, readable: undefined, writable: undefined, backpressure: undefined,
    backpressureChangePromise: undefined, controller: undefined,
  };
}

function initializeTransformStream(t, startPromise, writableHighWaterMark, writableSizeAlgorithm, readableHighWaterMark, readableSizeAlgorithm) {
  const startAlgorithm = () => startPromise;
  t.writable = createWritableStream(startAlgorithm, (chunk) => transformSinkWrite(t, chunk), () => transformSinkClose(t),
    (reason) => transformSinkAbort(t, reason), writableHighWaterMark, writableSizeAlgorithm);
  t.readable = createReadableStream(startAlgorithm, () => transformSourcePull(t), (reason) => transformSourceCancel(t, reason),
    readableHighWaterMark, readableSizeAlgorithm);
  t.backpressure = undefined;
  t.backpressureChangePromise = undefined;
  transformStreamSetBackpressure(t, true);
  t.controller = undefined;
}

function transformStreamError(t, e) {
  defaultControllerError(t.readable.controller, e);
  transformStreamErrorWritableAndUnblockWrite(t, e);
}

function transformStreamErrorWritableAndUnblockWrite(t, e) {
  transformControllerClearAlgorithms(t.controller);
  writableControllerErrorIfNeeded(t.writable.controller, e);
  transformStreamUnblockWrite(t);
}

function transformStreamUnblockWrite(t) {
  if (t.backpressure) transformStreamSetBackpressure(t, false);
}

function transformStreamSetBackpressure(t, backpressure) {
  if (t.backpressureChangePromise !== undefined) resolveCap(t.backpressureChangePromise, undefined);
  t.backpressureChangePromise = newCap();
  t.backpressure = backpressure;
}

function newTransformControllerRecord() {
  return {
    api: undefined, stream: undefined, transformAlgorithm: undefined, flushAlgorithm: undefined,
    cancelAlgorithm: undefined, finishPromise: undefined,
  };
}

let transformControllerRecord;
class TransformStreamDefaultController {
  #c;
  constructor() {
    if (arguments[0] !== kInternal) illegalConstructor();
    this.#c = arguments[1];
    this.#c.api = this;
  }

  get desiredSize() {
    const c = transformControllerRecord(this);
    if (c === undefined) throw illegalInvocation();
    return defaultControllerGetDesiredSize(c.stream.readable.controller);
  }

  enqueue(chunk = undefined) {
    const c = transformControllerRecord(this);
    if (c === undefined) throw illegalInvocation();
    transformControllerEnqueue(c, chunk);
  }

  error(reason = undefined) {
    const c = transformControllerRecord(this);
    if (c === undefined) throw illegalInvocation();
    transformStreamError(c.stream, reason);
  }

  terminate() {
    const c = transformControllerRecord(this);
    if (c === undefined) throw illegalInvocation();
    transformControllerTerminate(c);
  }

  static {
    transformControllerRecord = (value) => (isObject(value) && #c in value ? value.#c : undefined);
  }
}
webidl(TransformStreamDefaultController);

function setUpTransformController(t, c, transformAlgorithm, flushAlgorithm, cancelAlgorithm) {
  c.stream = t;
  t.controller = c;
  c.transformAlgorithm = transformAlgorithm;
  c.flushAlgorithm = flushAlgorithm;
  c.cancelAlgorithm = cancelAlgorithm;
}

function setUpTransformControllerFromTransformer(t, transformer, dict) {
  const c = newTransformControllerRecord();
  new TransformStreamDefaultController(kInternal, c);
  let transformAlgorithm = (chunk) => {
    try {
      transformControllerEnqueue(c, chunk);
    } catch (error) {
      return promiseReject(error);
    }
    return resolvedUndefined();
  };
  let flushAlgorithm = resolvedUndefined;
  let cancelAlgorithm = resolvedUndefined;
  const { transform: transformFn, flush, cancel } = dict;
  if (transformFn !== undefined) transformAlgorithm = (chunk) => promiseCall(transformFn, transformer, [chunk, c.api]);
  if (flush !== undefined) flushAlgorithm = () => promiseCall(flush, transformer, [c.api]);
  if (cancel !== undefined) cancelAlgorithm = (reason) => promiseCall(cancel, transformer, [reason]);
  setUpTransformController(t, c, transformAlgorithm, flushAlgorithm, cancelAlgorithm);
}

function transformControllerClearAlgorithms(c) {
  c.transformAlgorithm = undefined;
  c.flushAlgorithm = undefined;
  c.cancelAlgorithm = undefined;
}

function transformControllerEnqueue(c, chunk) {
  const t = c.stream;
  const readableController = t.readable.controller;
  if (!defaultControllerCanCloseOrEnqueue(readableController)) {
    throw new TypeErrorCtor("The readable side of the TransformStream is closed or errored.");
  }
  try {
    defaultControllerEnqueue(readableController, chunk);
  } catch (error) {
    transformStreamErrorWritableAndUnblockWrite(t, error);
    throw t.readable.storedError;
  }
  const backpressure = defaultControllerHasBackpressure(readableController);
  if (backpressure !== t.backpressure) transformStreamSetBackpressure(t, true);
}

function transformControllerPerformTransform(c, chunk) {
  const transformPromise = c.transformAlgorithm(chunk);
  return transform(transformPromise, undefined, (r) => {
    transformStreamError(c.stream, r);
    throw r;
  });
}

function transformControllerTerminate(c) {
  const t = c.stream;
  defaultControllerClose(t.readable.controller);
  transformStreamErrorWritableAndUnblockWrite(t, new TypeErrorCtor("The TransformStream was terminated."));
}

function transformSinkWrite(t, chunk) {
  const c = t.controller;
  if (t.backpressure) {
    return transform(t.backpressureChangePromise.promise, () => {
      const writable = t.writable;
      if (writable.state === "erroring") throw writable.storedError;
      return transformControllerPerformTransform(c, chunk);
    });
  }
  return transformControllerPerformTransform(c, chunk);
}

function transformSinkAbort(t, reason) {
  const c = t.controller;
  if (c.finishPromise !== undefined) return c.finishPromise.promise;
  const readable = t.readable;
  const finish = newCap();
  c.finishPromise = finish;
  const cancelPromise = c.cancelAlgorithm(reason);
  transformControllerClearAlgorithms(c);
  react(cancelPromise, () => {
    if (readable.state === "errored") {
      rejectCap(finish, readable.storedError);
    } else {
      defaultControllerError(readable.controller, reason);
      resolveCap(finish, undefined);
    }
  }, (r) => {
    defaultControllerError(readable.controller, r);
    rejectCap(finish, r);
  });
  return finish.promise;
}

function transformSinkClose(t) {
  const c = t.controller;
  if (c.finishPromise !== undefined) return c.finishPromise.promise;
  const readable = t.readable;
  const finish = newCap();
  c.finishPromise = finish;
  const flushPromise = c.flushAlgorithm();
  transformControllerClearAlgorithms(c);
  react(flushPromise, () => {
    if (readable.state === "errored") {
      rejectCap(finish, readable.storedError);
    } else {
      defaultControllerClose(readable.controller);
      resolveCap(finish, undefined);
    }
  }, (r) => {
    defaultControllerError(readable.controller, r);
    rejectCap(finish, r);
  });
  return finish.promise;
}

function transformSourceCancel(t, reason) {
  const c = t.controller;
  if (c.finishPromise !== undefined) return c.finishPromise.promise;
  const writable = t.writable;
  const finish = newCap();
  c.finishPromise = finish;
  const cancelPromise = c.cancelAlgorithm(reason);
  transformControllerClearAlgorithms(c);
  react(cancelPromise, () => {
    if (writable.state === "errored") {
      rejectCap(finish, writable.storedError);
    } else {
      writableControllerErrorIfNeeded(writable.controller, reason);
      transformStreamUnblockWrite(t);
      resolveCap(finish, undefined);
    }
  }, (r) => {
    writableControllerErrorIfNeeded(writable.controller, r);
    transformStreamUnblockWrite(t);
    rejectCap(finish, r);
  });
  return finish.promise;
}

function transformSourcePull(t) {
  transformStreamSetBackpressure(t, false);
  return t.backpressureChangePromise.promise;
}

// ---------------------------------------------------------------------------
// Internal helpers for other prelude code

/** A TransformStream whose algorithms are internal: transform(chunk, enqueue), flush(enqueue), cancel(reason). */
function createTransformStream(transformFn, flushFn, cancelFn) {
  const t = newTransformStreamRecord();
  new TransformStream(kInternal, t);
  const startCap = newCap();
  initializeTransformStream(t, startCap.promise, 1, sizeOne, 0, sizeOne);
  const c = newTransformControllerRecord();
  new TransformStreamDefaultController(kInternal, c);
  const enqueue = (chunk) => transformControllerEnqueue(c, chunk);
  const wrap = (fn) => (arg) => {
    try {
      return promiseResolve(fn(arg, enqueue));
    } catch (error) {
      return promiseReject(error);
    }
  };
  setUpTransformController(t, c,
    transformFn === undefined ? (chunk) => wrap((x) => enqueue(x))(chunk) : wrap(transformFn),
    flushFn === undefined ? resolvedUndefined : () => wrap((_, e) => flushFn(e))(undefined),
    cancelFn === undefined ? resolvedUndefined : wrap(cancelFn));
  resolveCap(startCap, undefined);
  return t.api;
}

/** internals.createReadableStream({ start, pull, cancel, highWaterMark, size, type }) */
function createReadableStreamInternal(options) {
  const start = options.start;
  const pull = options.pull;
  const cancel = options.cancel;
  let c;
  const startAlgorithm = start === undefined ? returnUndefined : () => start(c.api);
  const pullAlgorithm = pull === undefined ? resolvedUndefined : () => {
    try {
      return promiseResolve(pull(c.api));
    } catch (error) {
      return promiseReject(error);
    }
  };
  const cancelAlgorithm = cancel === undefined ? resolvedUndefined : (reason) => {
    try {
      return promiseResolve(cancel(reason));
    } catch (error) {
      return promiseReject(error);
    }
  };
  const s = createReadableStreamRecord();
  if (options.type === "bytes") {
    c = newByteControllerRecord();
    new ReadableByteStreamController(kInternal, c);
    setUpByteController(s, c, startAlgorithm, pullAlgorithm, cancelAlgorithm, options.highWaterMark ?? 0, options.autoAllocateChunkSize);
  } else {
    c = newDefaultControllerRecord();
    new ReadableStreamDefaultController(kInternal, c);
    setUpDefaultController(s, c, startAlgorithm, pullAlgorithm, cancelAlgorithm, options.highWaterMark ?? 1, options.size ?? sizeOne);
  }
  return s.api;
}

const BLOB_CHUNK = 65536;

/** A byte stream over `bytes` (never written): each pull answers a BYOB request or enqueues a copy. */
function readableStreamFromBytes(bytes) {
  let offset = 0;
  const total = bytes.length;
  return createReadableStreamInternal({
    type: "bytes",
    pull(controller) {
      const c = byteControllerRecord(controller);
      if (offset >= total) {
        byteControllerClose(c);
        const request = byteControllerGetBYOBRequest(c);
        if (request !== null) byteControllerRespond(c, 0);
        return;
      }
      const request = byteControllerGetBYOBRequest(c);
      if (request !== null) {
        const view = byobRequestRecord(request).view;
        const n = MathMin(TypedArrayLength(view), total - offset);
        TypedArraySet(view, bytes.subarray(offset, offset + n));
        offset += n;
        byteControllerRespond(c, n);
      } else {
        const n = MathMin(BLOB_CHUNK, total - offset);
        const chunk = new Uint8ArrayCtor(n);
        TypedArraySet(chunk, bytes.subarray(offset, offset + n));
        offset += n;
        byteControllerEnqueue(c, viewInfo(chunk));
      }
      if (offset >= total) byteControllerClose(c);
    },
  });
}

/**
 * Reads every chunk of a stream and hands one Uint8Array to onBytes (or the error to onError)
 * through read requests, with no promise in between, so a patched Object.prototype.then cannot
 * step in. Chunks must be ArrayBuffers or views; with `fetchRules` (Fetch's "fully read") they
 * must be Uint8Arrays and the reader is never released, so the stream stays locked.
 */
function readAllChunks(stream, fetchRules, onBytes, onError) {
  const s = rsRecord(stream);
  const reader = acquireDefaultReader(s);
  const chunks = [];
  let total = 0;
  const release = () => {
    if (!fetchRules) readerRelease(reader);
  };
  const request = {
    chunk: (chunk) => {
      let bytes;
      if (!fetchRules && isObject(chunk) && isArrayBuffer(chunk)) bytes = new Uint8ArrayCtor(chunk);
      else {
        const info = isObject(chunk) ? viewInfo(chunk) : undefined;
        if (info === undefined || (fetchRules && info.ctor !== Uint8ArrayCtor)) {
          const error = new TypeErrorCtor(fetchRules ? "The stream's chunks must be Uint8Arrays." : "The stream's chunks must be ArrayBuffers or ArrayBufferViews.");
          readableStreamCancel(s, error);
          release();
          onError(error);
          return;
        }
        bytes = new Uint8ArrayCtor(info.buffer, info.byteOffset, info.byteLength);
      }
      chunks[chunks.length] = bytes;
      total += bytes.length;
      defaultReaderRead(reader, request);
    },
    close: () => {
      release();
      // A copy even of a single chunk: its producer may still hold and change it.
      const out = new Uint8ArrayCtor(total);
      let offset = 0;
      for (let i = 0; i < chunks.length; i++) {
        TypedArraySet(out, chunks[i], offset);
        offset += chunks[i].length;
      }
      onBytes(out);
    },
    error: (e) => {
      release();
      onError(e);
    },
  };
  defaultReaderRead(reader, request);
}

/** Reads every chunk of a stream into one Uint8Array; chunks must be ArrayBuffers or views. */
function readableStreamReadAll(stream) {
  const cap = newCap();
  readAllChunks(stream, false, (bytes) => resolveCap(cap, bytes), (error) => rejectCap(cap, error));
  return cap.promise;
}

internals.ReadableStream = ReadableStream;
internals.WritableStream = WritableStream;
internals.TransformStream = TransformStream;
internals.isReadableStream = (value) => rsRecord(value) !== undefined;
internals.isWritableStream = (value) => wsRecord(value) !== undefined;
internals.readableStreamLocked = (stream) => isReadableStreamLocked(rsRecord(stream));
internals.readableStreamDisturbed = (stream) => rsRecord(stream).disturbed;
internals.readableStreamState = (stream) => rsRecord(stream).state;
internals.readableStreamCancel = (stream, reason) => readableStreamCancel(rsRecord(stream), reason);
internals.readableStreamTee = (stream) => {
  const [a, b] = readableStreamTee(rsRecord(stream), true);
  return [a.api, b.api];
};
internals.readableStreamFromBytes = readableStreamFromBytes;
internals.readableStreamReadAll = readableStreamReadAll;
internals.readableStreamFullyRead = (stream, onBytes, onError) => readAllChunks(stream, true, onBytes, onError);
internals.createReadableStream = createReadableStreamInternal;
internals.createTransformStream = createTransformStream;
internals.readableStreamPipeTo = (source, dest) => readableStreamPipeTo(rsRecord(source), wsRecord(dest), false, false, false, undefined);

if (typeof internals.installBlobStream === "function") internals.installBlobStream(readableStreamFromBytes);

internals.defineGlobal("ReadableStream", ReadableStream);
internals.defineGlobal("ReadableStreamDefaultReader", ReadableStreamDefaultReader);
internals.defineGlobal("ReadableStreamBYOBReader", ReadableStreamBYOBReader);
internals.defineGlobal("ReadableStreamBYOBRequest", ReadableStreamBYOBRequest);
internals.defineGlobal("ReadableByteStreamController", ReadableByteStreamController);
internals.defineGlobal("ReadableStreamDefaultController", ReadableStreamDefaultController);
internals.defineGlobal("WritableStream", WritableStream);
internals.defineGlobal("WritableStreamDefaultWriter", WritableStreamDefaultWriter);
internals.defineGlobal("WritableStreamDefaultController", WritableStreamDefaultController);
internals.defineGlobal("TransformStream", TransformStream);
internals.defineGlobal("TransformStreamDefaultController", TransformStreamDefaultController);
internals.defineGlobal("ByteLengthQueuingStrategy", ByteLengthQueuingStrategy);
internals.defineGlobal("CountQueuingStrategy", CountQueuingStrategy);
