// AbortController and AbortSignal (WHATWG DOM §3). Prelude function body; needs event_target.js.
//
// AbortSignal.timeout(ms) uses the timers captured at load time, so a pending timeout keeps the
// program alive until it fires, like any other timer: the loop has no "unref" yet (DECISIONS).
// Dependent signals (AbortSignal.any) hold their sources and sources hold their dependents
// strongly; nothing here is observable through garbage collection.
//
// Exports for other prelude code:
//   internals.AbortSignal, internals.AbortController, internals.isAbortSignal(v)
//   internals.newAbortSignal()                   a fresh, unaborted signal
//   internals.signalAbort(signal, reason)        DOM "signal abort" (reason undefined → AbortError)
//   internals.isSignalAborted(signal), internals.signalReason(signal)
//   internals.addAbortAlgorithm(signal, fn) → remove()   run fn when the signal aborts
//   internals.createDependentSignal(signals)     as AbortSignal.any

const DOMException = internals.DOMException;
const EventTarget = internals.EventTarget;
const requireArgs = internals.requireArgs;
const illegalInvocation = internals.illegalInvocation;
const setTimeout = globalThis.setTimeout;
const TypeErrorCtor = TypeError;
const SetCtor = Set;
const ReflectApply = Reflect.apply;
const SetPrototypeAdd = Set.prototype.add;
const SetPrototypeDelete = Set.prototype.delete;
const SetPrototypeValues = Set.prototype.values;
const ArrayFrom = Array.from;
const MathTrunc = Math.trunc;
const NumberCtor = Number;
const NumberIsFinite = Number.isFinite;

const setAdd = (set, value) => ReflectApply(SetPrototypeAdd, set, [value]);
const setDelete = (set, value) => ReflectApply(SetPrototypeDelete, set, [value]);
const setSnapshot = (set) => ArrayFrom(ReflectApply(SetPrototypeValues, set, []));

const kCreate = Symbol("AbortSignal.create");
const MAX_TIMER_DELAY = 2147483647;

let signalState;
let isAbortSignal;

class AbortSignal extends EventTarget {
  #s;

  // There is no public constructor: `new AbortSignal()` throws. (The parameter list is empty so
  // that AbortSignal.length is 0, as for an interface without a constructor.)
  constructor() {
    if (arguments[0] !== kCreate) throw new TypeErrorCtor("Illegal constructor");
    super();
    this.#s = {
      aborted: false,
      reason: undefined,
      algorithms: new SetCtor(),
      dependent: false,
      sources: new SetCtor(),
      dependents: new SetCtor(),
    };
  }

  static abort(reason = undefined) {
    const signal = createSignal();
    const s = signal.#s;
    s.aborted = true;
    s.reason = reason === undefined ? abortError() : reason;
    return signal;
  }

  static timeout(milliseconds) {
    requireArgs(arguments.length, 1, "timeout", "AbortSignal");
    const ms = enforceRangeULongLong(milliseconds, "timeout", "AbortSignal");
    const signal = createSignal();
    after(ms, () => signalAbort(signal, new DOMException("signal timed out", "TimeoutError")));
    return signal;
  }

  static any(signals) {
    requireArgs(arguments.length, 1, "any", "AbortSignal");
    return createDependentSignal(readSignals(signals));
  }

  get aborted() {
    return signalState(this).aborted;
  }

  get reason() {
    return signalState(this).reason;
  }

  throwIfAborted() {
    const s = signalState(this);
    if (s.aborted) throw s.reason;
  }

  [Symbol.for("nodejs.util.inspect.custom")](depth, options, inspect) {
    const s = signalState(this);
    return internals.inspectObject("AbortSignal", s.aborted ? { aborted: true, reason: s.reason } : { aborted: false }, depth, options, inspect);
  }

  static {
    signalState = (value) => {
      if (value !== null && typeof value === "object" && #s in value) return value.#s;
      return illegalInvocation();
    };
    isAbortSignal = (value) => value !== null && typeof value === "object" && #s in value;
  }
}

internals.defineEventHandler(AbortSignal.prototype, "abort", isAbortSignal);
internals.webidlInterface(AbortSignal);

function createSignal() {
  return new AbortSignal(kCreate);
}

function abortError() {
  return new DOMException("signal is aborted without reason", "AbortError");
}

// WebIDL [EnforceRange] unsigned long long.
function enforceRangeULongLong(value, method, iface) {
  const n = NumberCtor(value);
  if (!NumberIsFinite(n)) {
    throw new TypeErrorCtor(`Failed to execute '${method}' on '${iface}': Value is not a finite number.`);
  }
  const x = MathTrunc(n);
  if (x < 0 || x > 9007199254740991) {
    throw new TypeErrorCtor(`Failed to execute '${method}' on '${iface}': Value is outside the 'unsigned long long' value range.`);
  }
  return x === 0 ? 0 : x;
}

// Runs `fn` after `ms` milliseconds, in steps the timer API can express.
function after(ms, fn) {
  if (ms > MAX_TIMER_DELAY) {
    setTimeout(() => after(ms - MAX_TIMER_DELAY, fn), MAX_TIMER_DELAY);
  } else {
    setTimeout(fn, ms);
  }
}

// sequence<AbortSignal>
function readSignals(signals) {
  return internals.webidlSequence(signals, (signal) => {
    if (!isAbortSignal(signal)) {
      throw new TypeErrorCtor("Failed to execute 'any' on 'AbortSignal': Failed to convert value to 'AbortSignal'.");
    }
    return signal;
  }, "Failed to execute 'any' on 'AbortSignal'");
}

// DOM "create a dependent abort signal".
function createDependentSignal(signals) {
  const result = createSignal();
  const rs = signalState(result);
  for (let i = 0; i < signals.length; i++) {
    const s = signalState(signals[i]);
    if (s.aborted) {
      rs.aborted = true;
      rs.reason = s.reason;
      return result;
    }
  }
  rs.dependent = true;
  for (let i = 0; i < signals.length; i++) {
    const signal = signals[i];
    const s = signalState(signal);
    if (!s.dependent) {
      setAdd(rs.sources, signal);
      setAdd(s.dependents, result);
    } else {
      for (const source of setSnapshot(s.sources)) {
        setAdd(rs.sources, source);
        setAdd(signalState(source).dependents, result);
      }
    }
  }
  return result;
}

// DOM "signal abort".
function signalAbort(signal, reason) {
  const s = signalState(signal);
  if (s.aborted) return;
  s.aborted = true;
  s.reason = reason === undefined ? abortError() : reason;
  const toAbort = [];
  for (const dependent of setSnapshot(s.dependents)) {
    const ds = signalState(dependent);
    if (!ds.aborted) {
      ds.aborted = true;
      ds.reason = s.reason;
      toAbort[toAbort.length] = dependent;
    }
  }
  runAbortSteps(signal, s);
  for (let i = 0; i < toAbort.length; i++) runAbortSteps(toAbort[i], signalState(toAbort[i]));
}

// "Run the abort steps": the algorithms, then the trusted "abort" event.
function runAbortSteps(signal, s) {
  const algorithms = setSnapshot(s.algorithms);
  s.algorithms = new SetCtor();
  for (let i = 0; i < algorithms.length; i++) algorithms[i]();
  // An aborted signal no longer needs its links; dropping them lets the graph be collected.
  for (const source of setSnapshot(s.sources)) setDelete(signalState(source).dependents, signal);
  s.sources = new SetCtor();
  s.dependents = new SetCtor();
  internals.fireEvent(signal, "abort");
}

function addAbortAlgorithm(signal, algorithm) {
  const s = signalState(signal);
  if (s.aborted) return () => {};
  // Each registration is its own entry, even for the same function.
  const entry = () => algorithm();
  setAdd(s.algorithms, entry);
  return () => setDelete(s.algorithms, entry);
}

// ---------------------------------------------------------------------------

let controllerSignal;

class AbortController {
  #signal;

  constructor() {
    this.#signal = createSignal();
  }

  get signal() {
    return controllerSignal(this);
  }

  abort(reason = undefined) {
    signalAbort(controllerSignal(this), reason);
  }

  [Symbol.for("nodejs.util.inspect.custom")](depth, options, inspect) {
    return internals.inspectObject("AbortController", { signal: controllerSignal(this) }, depth, options, inspect);
  }

  static {
    controllerSignal = (value) => {
      if (value !== null && typeof value === "object" && #signal in value) return value.#signal;
      return illegalInvocation();
    };
  }
}
internals.webidlInterface(AbortController);

internals.AbortSignal = AbortSignal;
internals.AbortController = AbortController;
internals.isAbortSignal = isAbortSignal;
internals.newAbortSignal = createSignal;
internals.signalAbort = signalAbort;
internals.isSignalAborted = (signal) => signalState(signal).aborted;
internals.signalReason = (signal) => signalState(signal).reason;
internals.addAbortAlgorithm = addAbortAlgorithm;
internals.createDependentSignal = (signals) => createDependentSignal(readSignals(signals));

internals.defineGlobal("AbortSignal", AbortSignal);
internals.defineGlobal("AbortController", AbortController);
