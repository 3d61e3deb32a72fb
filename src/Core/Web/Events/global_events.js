// The global object as an EventTarget (ECMA-429 / HTML §8.1.4.x), ErrorEvent and
// PromiseRejectionEvent, and the reporting of uncaught errors through them. Prelude function body;
// needs event_target.js and report.js.
//
// globalThis keeps its prototype chain. addEventListener/removeEventListener/dispatchEvent are own
// properties of globalThis holding the EventTarget.prototype methods themselves (which accept the
// global object, and an undefined `this` as WebIDL does for a [Global] interface), and
// onerror/onunhandledrejection/onrejectionhandled are own accessors. So
// `globalThis.addEventListener === EventTarget.prototype.addEventListener`, but
// `globalThis instanceof EventTarget` is false.
//
// Reporting (replaces report.js's internals.reportException):
// - an uncaught exception fires a cancelable ErrorEvent "error" at globalThis; unless a listener
//   cancels it (preventDefault(), or `onerror` returning true) it is printed and the run ends (1);
// - an unhandled rejection fires a cancelable PromiseRejectionEvent "unhandledrejection"
//   (internals.reportRejection, called by dispatch.js); canceling it suppresses the report;
// - a rejection that was reported and later gets a handler fires "rejectionhandled"
//   (internals.rejectionHandled, called by dispatch.js).
// An exception thrown while the "error" event is being dispatched is printed without a second event.

const Event = internals.Event;
const EventTarget = internals.EventTarget;
const requireArgs = internals.requireArgs;
const toDOMString = internals.toDOMString;
const toUSVString = internals.toUSVString;
const readEventInit = internals.readEventInit;
const dictionary = internals.webidlDictionary;
const illegalInvocation = internals.illegalInvocation;
const TypeErrorCtor = TypeError;
const NumberCtor = Number;
const NumberIsFinite = Number.isFinite;
const MathTrunc = Math.trunc;
const ObjectDefineProperty = Object.defineProperty;
const RegExpPrototypeExec = RegExp.prototype.exec;
const StringPrototypeSplit = String.prototype.split;
const StringPrototypeSlice = String.prototype.slice;
const ReflectApply = Reflect.apply;
const globalObject = globalThis;

// WebIDL unsigned long: ToNumber, truncate, modulo 2^32.
function toUnsignedLong(value) {
  const n = NumberCtor(value);
  if (!NumberIsFinite(n)) return 0;
  const x = MathTrunc(n) % 4294967296;
  return x < 0 ? x + 4294967296 : x + 0;
}

// ---------------------------------------------------------------------------
// ErrorEvent

let isErrorEvent;

class ErrorEvent extends Event {
  #message;
  #filename;
  #lineno;
  #colno;
  #error;

  constructor(type, eventInitDict = undefined) {
    requireArgs(arguments.length, 1, "ErrorEvent");
    const typeString = toDOMString(type);
    const dict = dictionary(eventInitDict, "ErrorEventInit");
    super(typeString, dict === undefined ? undefined : readEventInit(dict));
    // ErrorEventInit members in lexicographic order: colno, error, filename, lineno, message.
    let colno = 0, error, filename = "", lineno = 0, message = "";
    if (dict !== undefined) {
      const c = dict.colno;
      if (c !== undefined) colno = toUnsignedLong(c);
      error = dict.error;
      const f = dict.filename;
      if (f !== undefined) filename = toUSVString(f);
      const l = dict.lineno;
      if (l !== undefined) lineno = toUnsignedLong(l);
      const m = dict.message;
      if (m !== undefined) message = toDOMString(m);
    }
    this.#message = message;
    this.#filename = filename;
    this.#lineno = lineno;
    this.#colno = colno;
    this.#error = error;
  }

  get message() {
    if (!isErrorEvent(this)) illegalInvocation();
    return this.#message;
  }

  get filename() {
    if (!isErrorEvent(this)) illegalInvocation();
    return this.#filename;
  }

  get lineno() {
    if (!isErrorEvent(this)) illegalInvocation();
    return this.#lineno;
  }

  get colno() {
    if (!isErrorEvent(this)) illegalInvocation();
    return this.#colno;
  }

  get error() {
    if (!isErrorEvent(this)) illegalInvocation();
    return this.#error;
  }

  static {
    isErrorEvent = (value) => value !== null && typeof value === "object" && #message in value;
  }
}
internals.webidlInterface(ErrorEvent);
internals.addEventInspectFields(isErrorEvent, (event) => ({
  message: event.message, filename: event.filename, lineno: event.lineno, colno: event.colno, error: event.error,
}));

// ---------------------------------------------------------------------------
// PromiseRejectionEvent

let isPromiseRejectionEvent;

class PromiseRejectionEvent extends Event {
  #promise;
  #reason;

  constructor(type, eventInitDict) {
    requireArgs(arguments.length, 2, "PromiseRejectionEvent");
    const typeString = toDOMString(type);
    const dict = dictionary(eventInitDict, "PromiseRejectionEventInit");
    if (dict === undefined) {
      throw new TypeErrorCtor("Failed to construct 'PromiseRejectionEvent': required member promise is undefined.");
    }
    super(typeString, readEventInit(dict));
    // PromiseRejectionEventInit: `required object promise`, then `any reason`.
    const promise = dict.promise;
    if (promise === undefined) {
      throw new TypeErrorCtor("Failed to construct 'PromiseRejectionEvent': required member promise is undefined.");
    }
    if (promise === null || (typeof promise !== "object" && typeof promise !== "function")) {
      throw new TypeErrorCtor("Failed to construct 'PromiseRejectionEvent': member promise is not of type 'object'.");
    }
    this.#promise = promise;
    this.#reason = dict.reason;
  }

  get promise() {
    if (!isPromiseRejectionEvent(this)) illegalInvocation();
    return this.#promise;
  }

  get reason() {
    if (!isPromiseRejectionEvent(this)) illegalInvocation();
    return this.#reason;
  }

  static {
    isPromiseRejectionEvent = (value) => value !== null && typeof value === "object" && #promise in value;
  }
}
internals.webidlInterface(PromiseRejectionEvent);
internals.addEventInspectFields(isPromiseRejectionEvent, (event) => ({ promise: event.promise, reason: event.reason }));

// ---------------------------------------------------------------------------
// The global object's EventTarget surface

for (const name of ["addEventListener", "removeEventListener", "dispatchEvent"]) {
  internals.defineGlobal(name, EventTarget.prototype[name]);
}
const isGlobal = (value) => value === undefined || value === null || value === globalObject;
for (const type of ["error", "unhandledrejection", "rejectionhandled"]) {
  internals.defineEventHandler(globalObject, type, isGlobal);
  ObjectDefineProperty(globalObject, "on" + type, { enumerable: false });
}

// ---------------------------------------------------------------------------
// Reporting

// "Uncaught Error: boom" — the header report.js would print, without its "error: " prefix.
function uncaughtMessage(value) {
  try {
    const text = internals.formatUncaught(value, false);
    const line = ReflectApply(StringPrototypeSplit, text, ["\n"])[0];
    return ReflectApply(StringPrototypeSlice, line, [0, 7]) === "error: " ? ReflectApply(StringPrototypeSlice, line, [7]) : line;
  } catch {
    return "Uncaught exception";
  }
}

// The first user frame of the error's stack: where the error event says it happened.
const frameLocation = /\(?((?:file:\/\/)?[^()\s]+?):(\d+):(\d+)\)?$/;
const frameLine = /^\s+at /;
const preludeFrame = /\besrun[:-](prelude|dispatch|import)|FastHostFunction/;
function errorLocation(value) {
  try {
    const stack = value !== null && typeof value === "object" ? value.stack : undefined;
    if (typeof stack !== "string") return { filename: "", lineno: 0, colno: 0 };
    for (const line of ReflectApply(StringPrototypeSplit, stack, ["\n"])) {
      if (ReflectApply(RegExpPrototypeExec, frameLine, [line]) === null) continue;
      if (ReflectApply(RegExpPrototypeExec, preludeFrame, [line]) !== null) continue;
      const match = ReflectApply(RegExpPrototypeExec, frameLocation, [line]);
      if (match !== null) return { filename: match[1], lineno: NumberCtor(match[2]), colno: NumberCtor(match[3]) };
    }
  } catch {
    // A hostile `stack` getter or a patched built-in: the event just has no location.
  }
  return { filename: "", lineno: 0, colno: 0 };
}

let reportingDepth = 0;

internals.reportException = (value, inPromise) => {
  // A rejection without its promise (old callers), a module that failed to load, or an error
  // thrown while an "error" event is being dispatched: print it as it is.
  const moduleError = value !== null && typeof value === "object" && internals.moduleErrorMark !== undefined &&
    value[internals.moduleErrorMark] === true;
  if (inPromise || moduleError || reportingDepth > 0) {
    internals.printUncaught(value, inPromise);
    return;
  }
  let notCanceled = true;
  reportingDepth++;
  try {
    const where = errorLocation(value);
    const event = new ErrorEvent("error", {
      cancelable: true, message: uncaughtMessage(value),
      filename: where.filename, lineno: where.lineno, colno: where.colno, error: value,
    });
    notCanceled = internals.dispatch(globalObject, event);
  } finally {
    reportingDepth--;
  }
  if (notCanceled) internals.printUncaught(value, false);
};

/** dispatch.js: `promise` was rejected and had no handler by the end of its macrotask. */
internals.reportRejection = (promise, reason) => {
  const event = new PromiseRejectionEvent("unhandledrejection", { cancelable: true, promise, reason });
  if (internals.dispatch(globalObject, event)) internals.printUncaught(reason, true);
};

/** dispatch.js: a handler was added to `promise` after it was reported as unhandled. */
internals.rejectionHandled = (promise, reason) => {
  internals.dispatch(globalObject, new PromiseRejectionEvent("rejectionhandled", { promise, reason }));
};

internals.ErrorEvent = ErrorEvent;
internals.PromiseRejectionEvent = PromiseRejectionEvent;
internals.isErrorEvent = isErrorEvent;
internals.defineGlobal("ErrorEvent", ErrorEvent);
internals.defineGlobal("PromiseRejectionEvent", PromiseRejectionEvent);
