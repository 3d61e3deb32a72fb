// FileReader (W3C File API §6) and ProgressEvent (XHR §3.6). Prelude function body; needs
// event_target.js, blob.js, encoding.js and base64.js, and the timers for its task source.
//
// The file reading task source: each step of a read (loadstart, progress, then load/error and
// loadend) is its own task on the loop, queued through a zero-delay host timer outside the timer
// nesting clamp (as MessagePort delivery does). A Blob's bytes are in memory, so a read has one
// chunk: loadstart, one progress for a non-empty blob, then load and loadend. abort() removes the
// queued tasks of the read it ends (each task carries the read's generation number).

const { ops } = internals;
const Event = internals.Event;
const EventTarget = internals.EventTarget;
const DOMException = internals.DOMException;
const requireArgs = internals.requireArgs;
const toDOMString = internals.toDOMString;
const readEventInit = internals.readEventInit;
const dictionary = internals.webidlDictionary;
const illegalInvocation = internals.illegalInvocation;
const isBlob = internals.isBlob;
const blobBytes = internals.blobBytes;
const blobType = internals.blobType;
const TextDecoderCtor = internals.TextDecoder;
const setTimeoutFn = globalThis.setTimeout;
const timerNestingSwap = ops.timerNestingSwap;
const TypeErrorCtor = TypeError;
const NumberCtor = Number;
const NumberIsFinite = Number.isFinite;
const MathTrunc = Math.trunc;
const StringFromCharCode = String.fromCharCode;
const ReflectApply = Reflect.apply;
const RegExpPrototypeExec = RegExp.prototype.exec;
const Uint8ArrayCtor = Uint8Array;
const TypedArraySlice = Object.getPrototypeOf(Uint8Array.prototype).slice;
const TypedArraySubarray = Object.getPrototypeOf(Uint8Array.prototype).subarray;
const TextDecoderDecode = TextDecoderCtor.prototype.decode;
const btoaFn = globalThis.btoa;

// WebIDL unsigned long long (as a double; [EnforceRange] is not on these members).
function toUnsignedLongLong(value) {
  const n = NumberCtor(value);
  if (!NumberIsFinite(n)) return 0;
  const x = MathTrunc(n) % 18446744073709551616;
  return x < 0 ? x + 18446744073709551616 : x + 0;
}

// ---------------------------------------------------------------------------
// ProgressEvent

let isProgressEvent;

class ProgressEvent extends Event {
  #lengthComputable;
  #loaded;
  #total;

  constructor(type, eventInitDict = undefined) {
    requireArgs(arguments.length, 1, "ProgressEvent");
    const typeString = toDOMString(type);
    const dict = dictionary(eventInitDict, "ProgressEventInit");
    super(typeString, dict === undefined ? undefined : readEventInit(dict));
    // ProgressEventInit members in lexicographic order: lengthComputable, loaded, total.
    let lengthComputable = false, loaded = 0, total = 0;
    if (dict !== undefined) {
      lengthComputable = !!dict.lengthComputable;
      const l = dict.loaded;
      if (l !== undefined) loaded = toUnsignedLongLong(l);
      const t = dict.total;
      if (t !== undefined) total = toUnsignedLongLong(t);
    }
    this.#lengthComputable = lengthComputable;
    this.#loaded = loaded;
    this.#total = total;
  }

  get lengthComputable() {
    if (!isProgressEvent(this)) illegalInvocation();
    return this.#lengthComputable;
  }

  get loaded() {
    if (!isProgressEvent(this)) illegalInvocation();
    return this.#loaded;
  }

  get total() {
    if (!isProgressEvent(this)) illegalInvocation();
    return this.#total;
  }

  static {
    isProgressEvent = (value) => value !== null && typeof value === "object" && #loaded in value;
  }
}
internals.webidlInterface(ProgressEvent);
internals.addEventInspectFields(isProgressEvent, (event) => ({
  lengthComputable: event.lengthComputable, loaded: event.loaded, total: event.total,
}));

// ---------------------------------------------------------------------------
// The file reading task source

const EMPTY = 0, LOADING = 1, DONE = 2;

function queueTask(callback) {
  const previous = timerNestingSwap(0);
  try {
    ReflectApply(setTimeoutFn, globalThis, [callback, 0]);
  } finally {
    timerNestingSwap(previous);
  }
}

function fireProgress(reader, type, loaded, total) {
  internals.dispatch(reader, new ProgressEvent(type, { lengthComputable: true, loaded, total }));
}

// ---------------------------------------------------------------------------
// Packaging the bytes (File API "package data")

const charsetParam = /;\s*charset\s*=\s*"?([^";\s]+)/i;

function decoderFor(label) {
  if (label === undefined) return undefined;
  try {
    return new TextDecoderCtor(label, { ignoreBOM: true });
  } catch {
    return undefined;
  }
}

// readAsText: the encoding argument, else the blob type's charset, else UTF-8; a BOM overrides all.
function decodeText(bytes, encodingName, type) {
  let offset = 0;
  let decoder;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    decoder = decoderFor("utf-8");
    offset = 3;
  } else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    decoder = decoderFor("utf-16be");
    offset = 2;
  } else if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoder = decoderFor("utf-16le");
    offset = 2;
  } else {
    decoder = decoderFor(encodingName);
    if (decoder === undefined) {
      const match = ReflectApply(RegExpPrototypeExec, charsetParam, [type]);
      decoder = decoderFor(match === null ? undefined : match[1]);
    }
    decoder ??= decoderFor("utf-8");
  }
  return ReflectApply(TextDecoderDecode, decoder, [ReflectApply(TypedArraySubarray, bytes, [offset])]);
}

function binaryString(bytes) {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const end = i + 8192 < bytes.length ? i + 8192 : bytes.length;
    out += ReflectApply(StringFromCharCode, null, ReflectApply(TypedArraySubarray, bytes, [i, end]));
  }
  return out;
}

function packageData(bytes, kind, encodingName, type) {
  switch (kind) {
    case "ArrayBuffer": return ReflectApply(TypedArraySlice, bytes, []).buffer;
    case "BinaryString": return binaryString(bytes);
    case "Text": return decodeText(bytes, encodingName, type);
    default: return `data:${type === "" ? "application/octet-stream" : type};base64,${btoaFn(binaryString(bytes))}`;
  }
}

// ---------------------------------------------------------------------------
// FileReader

let readerState;
let isFileReader;

class FileReader extends EventTarget {
  // { readyState, result, error, generation }
  #state = { readyState: EMPTY, result: null, error: null, generation: 0 };

  constructor() {
    super();
  }

  readAsArrayBuffer(blob) {
    requireArgs(arguments.length, 1, "FileReader.readAsArrayBuffer");
    startRead(this, blob, "ArrayBuffer", undefined);
  }

  readAsBinaryString(blob) {
    requireArgs(arguments.length, 1, "FileReader.readAsBinaryString");
    startRead(this, blob, "BinaryString", undefined);
  }

  readAsText(blob, encoding = undefined) {
    requireArgs(arguments.length, 1, "FileReader.readAsText");
    startRead(this, blob, "Text", encoding === undefined ? undefined : toDOMString(encoding));
  }

  readAsDataURL(blob) {
    requireArgs(arguments.length, 1, "FileReader.readAsDataURL");
    startRead(this, blob, "DataURL", undefined);
  }

  abort() {
    const s = readerState(this);
    if (s.readyState === EMPTY || s.readyState === DONE) {
      s.result = null;
      return;
    }
    s.readyState = DONE;
    s.result = null;
    // Removes this read's queued tasks and ends it.
    s.generation++;
    fireProgress(this, "abort", 0, 0);
    if (s.readyState !== LOADING) fireProgress(this, "loadend", 0, 0);
  }

  get readyState() {
    return readerState(this).readyState;
  }

  get result() {
    return readerState(this).result;
  }

  get error() {
    return readerState(this).error;
  }

  static {
    readerState = (value) => {
      if (value === null || typeof value !== "object" || !(#state in value)) illegalInvocation();
      return value.#state;
    };
    isFileReader = (value) => value !== null && typeof value === "object" && #state in value;
  }
}

function startRead(reader, blob, kind, encodingName) {
  const s = readerState(reader);
  if (!isBlob(blob)) throw new TypeErrorCtor(`FileReader.readAs${kind}: parameter 1 is not of type 'Blob'`);
  if (s.readyState === LOADING) throw new DOMException("a read is already in progress", "InvalidStateError");
  s.readyState = LOADING;
  s.result = null;
  s.error = null;
  const generation = ++s.generation;
  // The blob's bytes never change, so reading them now is reading them in parallel.
  const bytes = blobBytes(blob);
  const type = blobType(blob);
  const total = bytes.length;
  const live = () => s.generation === generation;
  // A browser runs microtasks between "load" (or "error") and "loadend": the listeners return to an
  // empty script stack. Here the dispatch runs inside script, so "loadend" is its own task, fired if
  // no new read started (in a listener or a microtask) meanwhile.
  const loadend = () => queueTask(() => {
    if (live() && s.readyState !== LOADING) fireProgress(reader, "loadend", total, total);
  });
  queueTask(() => {
    if (!live()) return;
    fireProgress(reader, "loadstart", 0, total);
    if (!live()) return;
    if (total > 0) {
      queueTask(() => {
        if (live()) fireProgress(reader, "progress", total, total);
      });
    }
    queueTask(() => {
      if (!live()) return;
      s.readyState = DONE;
      let result;
      try {
        result = packageData(bytes, kind, encodingName, type);
      } catch (error) {
        s.error = error;
        fireProgress(reader, "error", total, total);
        loadend();
        return;
      }
      s.result = result;
      fireProgress(reader, "load", total, total);
      loadend();
    });
  });
}

internals.defineConstants(FileReader, { EMPTY, LOADING, DONE });
for (const type of ["loadstart", "progress", "load", "abort", "error", "loadend"]) {
  internals.defineEventHandler(FileReader.prototype, type, isFileReader);
}
internals.webidlInterface(FileReader);
// Neither is [Serializable]: structuredClone throws DataCloneError.
internals.registerPlatformObject(FileReader.prototype, isFileReader);
internals.registerPlatformObject(ProgressEvent.prototype, isProgressEvent);

internals.ProgressEvent = ProgressEvent;
internals.defineGlobal("ProgressEvent", ProgressEvent);
internals.defineGlobal("FileReader", FileReader);
