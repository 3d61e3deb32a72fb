// Event, CustomEvent and EventTarget (WHATWG DOM §2). Prelude function body.
//
// Our event targets have no parents (no DOM tree), so an event path is always [target]: capture
// listeners run first, then the others, all at AT_TARGET. Each interface keeps its state in one
// #private field, which is also its brand check. The global object is an EventTarget without
// being one of these objects: the EventTarget methods accept globalThis (and an undefined `this`,
// as WebIDL does for operations of a [Global] interface) and act on a hidden state for it.
//
// Exports for other prelude code:
//   internals.Event, internals.CustomEvent, internals.EventTarget
//   internals.isEvent(v), internals.isEventTarget(v)
//   internals.dispatch(target, event)          dispatches as the user agent (isTrusted true)
//   internals.fireEvent(target, type, init)    new Event(type, init) dispatched as above
//   internals.setCanceled(event)               "set the canceled flag" (respects cancelable/passive)
//   internals.defineEventHandler(obj, name, check)   an on<name> event handler IDL attribute
//   internals.reportListenerError(error)       how listener exceptions are reported
//   internals.webidlInterface(ctor, options)   enumerable members and @@toStringTag
//   internals.webidlPairIterable(ctor, tag, pairsOf)   keys/values/entries/forEach/@@iterator of an iterable<K, V>
//   internals.requireArgs, internals.toDOMString, internals.toUSVString, internals.illegalInvocation

const { ops } = internals;
const monoNow = ops.monoNow;
const DOMException = internals.DOMException;

const globalObject = globalThis;
const ObjectDefineProperty = Object.defineProperty;
const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
const ReflectOwnKeys = Reflect.ownKeys;
const ReflectApply = Reflect.apply;
const StringCtor = String;
const TypeErrorCtor = TypeError;
const MapCtor = Map;
const MapPrototypeGet = Map.prototype.get;
const MapPrototypeSet = Map.prototype.set;
const ArrayPrototypeSlice = Array.prototype.slice;
const ArrayPrototypePush = Array.prototype.push;
const ArrayPrototypeSplice = Array.prototype.splice;
const SymbolToStringTag = Symbol.toStringTag;
const SymbolIterator = Symbol.iterator;
const customInspect = Symbol.for("nodejs.util.inspect.custom");
const StringPrototypeIsWellFormed = String.prototype.isWellFormed;
const StringPrototypeToWellFormed = String.prototype.toWellFormed;

const mapGet = (map, key) => ReflectApply(MapPrototypeGet, map, [key]);
const mapSet = (map, key, value) => ReflectApply(MapPrototypeSet, map, [key, value]);
const push = (array, value) => ReflectApply(ArrayPrototypePush, array, [value]);

// ---------------------------------------------------------------------------
// WebIDL helpers (shared with the other web-platform prelude files)

function illegalInvocation() {
  throw new TypeErrorCtor("Illegal invocation");
}

function requireArgs(count, needed, method, iface) {
  if (count < needed) {
    const what = iface === undefined ? `Failed to construct '${method}'` : `Failed to execute '${method}' on '${iface}'`;
    throw new TypeErrorCtor(`${what}: ${needed} argument${needed === 1 ? "" : "s"} required, but only ${count} present.`);
  }
}

function toDOMString(value) {
  if (typeof value === "symbol") throw new TypeErrorCtor("Cannot convert a Symbol value to a string");
  return StringCtor(value);
}

function toUSVString(value) {
  const s = toDOMString(value);
  return ReflectApply(StringPrototypeIsWellFormed, s, []) ? s : ReflectApply(StringPrototypeToWellFormed, s, []);
}

const isObject = (value) => value !== null && (typeof value === "object" || typeof value === "function");

// A dictionary argument: undefined and null mean "empty", other non-objects are a TypeError.
function dictionary(value, name) {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw new TypeErrorCtor(`The provided value is not of type '${name}'.`);
  return value;
}

/**
 * WebIDL "create a sequence from an iterable": @@iterator is read once, then each element is
 * converted as it is taken (so conversions interleave with the iteration, in order).
 */
function webidlSequence(value, convert, what) {
  const method = isObject(value) ? value[SymbolIterator] : undefined;
  if (typeof method !== "function") {
    throw new TypeErrorCtor(`${what}: The provided value cannot be converted to a sequence.`);
  }
  const iterator = ReflectApply(method, value, []);
  if (!isObject(iterator)) throw new TypeErrorCtor(`${what}: The iterator is not an object.`);
  const next = iterator.next;
  const list = [];
  for (;;) {
    const result = ReflectApply(next, iterator, []);
    if (!isObject(result)) throw new TypeErrorCtor(`${what}: The iterator result is not an object.`);
    if (result.done) return list;
    push(list, convert(result.value, list.length));
  }
}

/**
 * WebIDL shape of an interface: regular attributes and operations are enumerable on the prototype
 * (and static ones on the constructor), and the prototype has @@toStringTag.
 */
function webidlInterface(ctor, options = undefined) {
  const tag = options?.tag ?? ctor.name;
  const skip = options?.skip;
  for (const target of [ctor.prototype, ctor]) {
    for (const key of ReflectOwnKeys(target)) {
      if (typeof key !== "string" || key === "constructor") continue;
      if (target === ctor && (key === "prototype" || key === "length" || key === "name")) continue;
      if (skip !== undefined && skip.includes(key)) continue;
      const descriptor = ObjectGetOwnPropertyDescriptor(target, key);
      if (descriptor.configurable) ObjectDefineProperty(target, key, { enumerable: true });
    }
  }
  ObjectDefineProperty(ctor.prototype, SymbolToStringTag, { value: tag, writable: false, enumerable: false, configurable: true });
  if (ObjectGetOwnPropertyDescriptor(ctor.prototype, customInspect) !== undefined) {
    ObjectDefineProperty(ctor.prototype, customInspect, { enumerable: false });
  }
}

// Constants: non-writable, enumerable, non-configurable, on the interface object and the prototype.
function defineConstants(ctor, constants) {
  for (const name of ReflectOwnKeys(constants)) {
    const descriptor = { value: constants[name], writable: false, enumerable: true, configurable: false };
    ObjectDefineProperty(ctor, name, descriptor);
    ObjectDefineProperty(ctor.prototype, name, descriptor);
  }
}

const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][SymbolIterator]()));

/**
 * A WebIDL pair iterable (`iterable<K, V>`): keys(), values(), entries(), forEach() and
 * @@iterator on the prototype, with live "<tag> Iterator" objects. `pairsOf(object)` brand-checks
 * and returns the current list of [key, value] pairs; it is called again at every step.
 */
function webidlPairIterable(ctor, tag, pairsOf) {
  let iteratorState;
  class PairIterator {
    #target;
    #kind;
    #index = 0;

    constructor(target, kind) {
      this.#target = target;
      this.#kind = kind;
    }

    next() {
      const it = iteratorState(this);
      const pairs = pairsOf(it.#target);
      if (it.#index >= pairs.length) return { value: undefined, done: true };
      const pair = pairs[it.#index++];
      const kind = it.#kind;
      return { value: kind === 0 ? pair[0] : kind === 1 ? pair[1] : [pair[0], pair[1]], done: false };
    }

    static {
      iteratorState = (value) => (isObject(value) && #target in value ? value : illegalInvocation());
    }
  }
  const iteratorProto = PairIterator.prototype;
  Object.setPrototypeOf(iteratorProto, IteratorPrototype);
  ObjectDefineProperty(iteratorProto, "next", { enumerable: true });
  ObjectDefineProperty(iteratorProto, SymbolToStringTag, { value: `${tag} Iterator`, configurable: true });
  delete iteratorProto.constructor;

  const methods = {
    entries() { pairsOf(this); return new PairIterator(this, 2); },
    keys() { pairsOf(this); return new PairIterator(this, 0); },
    values() { pairsOf(this); return new PairIterator(this, 1); },
    forEach(callback, thisArg = undefined) {
      pairsOf(this);
      requireArgs(arguments.length, 1, "forEach", tag);
      if (typeof callback !== "function") {
        throw new TypeErrorCtor(`Failed to execute 'forEach' on '${tag}': The callback provided as parameter 1 is not a function.`);
      }
      for (let i = 0; i < pairsOf(this).length; i++) {
        const pair = pairsOf(this)[i];
        ReflectApply(callback, thisArg, [pair[1], pair[0], this]);
      }
    },
  };
  for (const name of ["entries", "keys", "values", "forEach"]) {
    ObjectDefineProperty(ctor.prototype, name, { value: methods[name], writable: true, enumerable: true, configurable: true });
  }
  ObjectDefineProperty(ctor.prototype, SymbolIterator, { value: methods.entries, writable: true, enumerable: false, configurable: true });
}

/** "Name { a: 1, b: 2 }" for console.log, built from the given getters' values. */
function inspectObject(name, fields, depth, options, inspect) {
  if (typeof depth === "number" && depth < 0) return `[${name}]`;
  const plain = {};
  for (const key of ReflectOwnKeys(fields)) plain[key] = fields[key];
  return `${name} ${inspect(plain, options)}`;
}

// ---------------------------------------------------------------------------
// Event

const NONE = 0, CAPTURING_PHASE = 1, AT_TARGET = 2, BUBBLING_PHASE = 3;

let eventState;          // (value) => state, or throws "Illegal invocation"
let isEvent;             // (value) => boolean
let isTrustedGetter;     // the one [LegacyUnforgeable] getter shared by every event

function readEventInit(init) {
  // Dictionary members in lexicographic order (WebIDL).
  const dict = dictionary(init, "EventInit");
  if (dict === undefined) return { bubbles: false, cancelable: false, composed: false };
  return { bubbles: !!dict.bubbles, cancelable: !!dict.cancelable, composed: !!dict.composed };
}

class Event {
  #s;

  constructor(type, eventInitDict = undefined) {
    requireArgs(arguments.length, 1, "Event");
    const typeString = toDOMString(type);
    const init = readEventInit(eventInitDict);
    this.#s = {
      type: typeString,
      bubbles: init.bubbles,
      cancelable: init.cancelable,
      composed: init.composed,
      target: null,
      currentTarget: null,
      phase: NONE,
      stopPropagation: false,
      stopImmediate: false,
      canceled: false,
      inPassiveListener: false,
      dispatching: false,
      initialized: true,
      trusted: false,
      timeStamp: monoNow(),
      path: null,
    };
    ObjectDefineProperty(this, "isTrusted", { get: isTrustedGetter, enumerable: true, configurable: false });
  }

  get type() { return eventState(this).type; }
  get target() { return eventState(this).target; }
  get srcElement() { return eventState(this).target; }
  get currentTarget() { return eventState(this).currentTarget; }

  composedPath() {
    const s = eventState(this);
    return s.path === null ? [] : ReflectApply(ArrayPrototypeSlice, s.path, []);
  }

  get eventPhase() { return eventState(this).phase; }

  stopPropagation() { eventState(this).stopPropagation = true; }

  get cancelBubble() { return eventState(this).stopPropagation; }
  set cancelBubble(value) {
    const s = eventState(this);
    if (value) s.stopPropagation = true;
  }

  stopImmediatePropagation() {
    const s = eventState(this);
    s.stopPropagation = true;
    s.stopImmediate = true;
  }

  get bubbles() { return eventState(this).bubbles; }
  get cancelable() { return eventState(this).cancelable; }

  get returnValue() { return !eventState(this).canceled; }
  set returnValue(value) {
    const s = eventState(this);
    if (!value) setCanceledFlag(s);
  }

  preventDefault() { setCanceledFlag(eventState(this)); }

  get defaultPrevented() { return eventState(this).canceled; }
  get composed() { return eventState(this).composed; }
  get timeStamp() { return eventState(this).timeStamp; }

  initEvent(type, bubbles = false, cancelable = false) {
    const s = eventState(this);
    requireArgs(arguments.length, 1, "initEvent", "Event");
    const typeString = toDOMString(type);
    if (s.dispatching) return;
    s.initialized = true;
    s.stopPropagation = false;
    s.stopImmediate = false;
    s.canceled = false;
    s.trusted = false;
    s.target = null;
    s.type = typeString;
    s.bubbles = !!bubbles;
    s.cancelable = !!cancelable;
  }

  [customInspect](depth, options, inspect) {
    const s = eventState(this);
    return inspectObject(this.constructor?.name ?? "Event", {
      type: s.type, bubbles: s.bubbles, cancelable: s.cancelable, composed: s.composed,
      defaultPrevented: s.canceled, eventPhase: s.phase, isTrusted: s.trusted, timeStamp: s.timeStamp,
      ...eventInspectExtras(this),
    }, depth, options, inspect);
  }

  static {
    eventState = (value) => {
      if (isObject(value) && #s in value) return value.#s;
      return illegalInvocation();
    };
    isEvent = (value) => isObject(value) && #s in value;
    isTrustedGetter = {
      get isTrusted() {
        return eventState(this).trusted;
      },
    };
    isTrustedGetter = ObjectGetOwnPropertyDescriptor(isTrustedGetter, "isTrusted").get;
  }
}

// Subclasses (CustomEvent, ErrorEvent, ...) add their own fields to console output.
const inspectExtras = [];
function eventInspectExtras(event) {
  const extras = {};
  for (const [check, fields] of inspectExtras) {
    if (check(event)) Object.assign(extras, fields(event));
  }
  return extras;
}
function addInspectFields(check, fields) {
  push(inspectExtras, [check, fields]);
}

function setCanceledFlag(s) {
  if (s.cancelable && !s.inPassiveListener) s.canceled = true;
}

defineConstants(Event, { NONE, CAPTURING_PHASE, AT_TARGET, BUBBLING_PHASE });
webidlInterface(Event);

// ---------------------------------------------------------------------------
// CustomEvent

let isCustomEvent;

class CustomEvent extends Event {
  #detail;

  constructor(type, eventInitDict = undefined) {
    requireArgs(arguments.length, 1, "CustomEvent");
    const typeString = toDOMString(type);
    // EventInit members first, then CustomEventInit's own.
    const dict = dictionary(eventInitDict, "CustomEventInit");
    super(typeString, dict === undefined ? undefined : readEventInit(dict));
    this.#detail = dict === undefined || dict.detail === undefined ? null : dict.detail;
  }

  get detail() {
    if (!isCustomEvent(this)) illegalInvocation();
    return this.#detail;
  }

  initCustomEvent(type, bubbles = false, cancelable = false, detail = null) {
    if (!isCustomEvent(this)) illegalInvocation();
    requireArgs(arguments.length, 1, "initCustomEvent", "CustomEvent");
    const typeString = toDOMString(type);
    if (eventState(this).dispatching) return;
    this.initEvent(typeString, bubbles, cancelable);
    this.#detail = detail;
  }

  static {
    isCustomEvent = (value) => isObject(value) && #detail in value;
  }
}
webidlInterface(CustomEvent);
addInspectFields(isCustomEvent, (event) => ({ detail: event.detail }));

// ---------------------------------------------------------------------------
// EventTarget

let ownTargetState;      // (value) => state or undefined
let globalState = null;

function newTargetState(self) {
  // listeners: type -> [listener]; a listener is { type, callback, capture, once, passive, removed }.
  return { self, listeners: new MapCtor(), handlers: null };
}

function targetState(value) {
  const own = ownTargetState(value);
  if (own !== undefined) return own;
  if (value === undefined || value === null || value === globalObject) {
    if (globalState === null) globalState = newTargetState(globalObject);
    return globalState;
  }
  return illegalInvocation();
}

function flattenCapture(options) {
  if (typeof options === "boolean") return options;
  if (options === undefined || options === null) return false;
  if (isObject(options)) return !!options.capture;
  return !!options;
}

function readListenerOptions(options) {
  const result = { capture: false, once: false, passive: null, signal: null };
  if (options === undefined || options === null) return result;
  if (!isObject(options)) {
    result.capture = !!options;
    return result;
  }
  // AddEventListenerOptions: inherited `capture`, then once, passive, signal.
  result.capture = !!options.capture;
  result.once = !!options.once;
  const passive = options.passive;
  if (passive !== undefined) result.passive = !!passive;
  const signal = options.signal;
  if (signal !== undefined) {
    if (internals.isAbortSignal === undefined || !internals.isAbortSignal(signal)) {
      throw new TypeErrorCtor("Failed to execute 'addEventListener' on 'EventTarget': member signal is not of type 'AbortSignal'.");
    }
    result.signal = signal;
  }
  return result;
}

function checkCallback(callback, method) {
  if (callback !== null && !isObject(callback)) {
    throw new TypeErrorCtor(`Failed to execute '${method}' on 'EventTarget': parameter 2 is not of type 'EventListener'.`);
  }
}

function findListener(list, callback, capture) {
  for (let i = 0; i < list.length; i++) {
    if (list[i].callback === callback && list[i].capture === capture) return i;
  }
  return -1;
}

function addListener(state, listener) {
  let list = mapGet(state.listeners, listener.type);
  if (list === undefined) {
    list = [];
    mapSet(state.listeners, listener.type, list);
  }
  if (findListener(list, listener.callback, listener.capture) !== -1) return false;
  push(list, listener);
  return true;
}

function removeListener(state, listener) {
  const list = mapGet(state.listeners, listener.type);
  if (list === undefined) return;
  for (let i = 0; i < list.length; i++) {
    if (list[i] === listener) {
      listener.removed = true;
      ReflectApply(ArrayPrototypeSplice, list, [i, 1]);
      return;
    }
  }
}

class EventTarget {
  #s;

  constructor() {
    this.#s = newTargetState(this);
  }

  addEventListener(type, callback, options = undefined) {
    const state = targetState(this);
    requireArgs(arguments.length, 2, "addEventListener", "EventTarget");
    const typeString = toDOMString(type);
    checkCallback(callback, "addEventListener");
    const flags = readListenerOptions(options);
    if (callback === null) return;
    const signal = flags.signal;
    if (signal !== null && internals.isSignalAborted(signal)) return;
    const listener = {
      type: typeString, callback, capture: flags.capture, once: flags.once,
      passive: flags.passive === true, removed: false, handler: false,
    };
    if (!addListener(state, listener)) return;
    if (signal !== null) internals.addAbortAlgorithm(signal, () => removeListener(state, listener));
  }

  removeEventListener(type, callback, options = undefined) {
    const state = targetState(this);
    requireArgs(arguments.length, 2, "removeEventListener", "EventTarget");
    const typeString = toDOMString(type);
    checkCallback(callback, "removeEventListener");
    const capture = flattenCapture(options);
    if (callback === null) return;
    const list = mapGet(state.listeners, typeString);
    if (list === undefined) return;
    const index = findListener(list, callback, capture);
    if (index !== -1) removeListener(state, list[index]);
  }

  dispatchEvent(event) {
    const state = targetState(this);
    requireArgs(arguments.length, 1, "dispatchEvent", "EventTarget");
    if (!isEvent(event)) {
      throw new TypeErrorCtor("Failed to execute 'dispatchEvent' on 'EventTarget': parameter 1 is not of type 'Event'.");
    }
    const s = eventState(event);
    if (s.dispatching || !s.initialized) {
      throw new DOMException("Failed to execute 'dispatchEvent' on 'EventTarget': The event is already being dispatched.", "InvalidStateError");
    }
    s.trusted = false;
    return dispatch(state, event, s);
  }

  static {
    ownTargetState = (value) => (isObject(value) && #s in value ? value.#s : undefined);
  }
}
webidlInterface(EventTarget);

// DOM "dispatch" for a target without parents: the path is [target].
function dispatch(state, event, s) {
  s.dispatching = true;
  const target = state.self;
  s.target = target;
  s.path = [target];
  try {
    s.phase = AT_TARGET;
    invoke(state, event, s, true);
    invoke(state, event, s, false);
  } finally {
    s.phase = NONE;
    s.currentTarget = null;
    s.path = null;
    s.dispatching = false;
    s.stopPropagation = false;
    s.stopImmediate = false;
  }
  return !s.canceled;
}

// Our event path is the target alone, so stopPropagation() has no other object to keep the event
// from: every listener of the target still runs, capturing and not (as in Chrome and Firefox, and
// as WPT's Event-propagation-EventTarget expects). stopImmediatePropagation() stops the rest, even
// when it was called before dispatchEvent().
function invoke(state, event, s, capturing) {
  s.currentTarget = state.self;
  const list = mapGet(state.listeners, s.type);
  if (list === undefined || list.length === 0) return;
  // Listeners added from now on are not run for this dispatch; removed ones are skipped.
  const listeners = ReflectApply(ArrayPrototypeSlice, list, []);
  for (let i = 0; i < listeners.length; i++) {
    if (s.stopImmediate) return;
    const listener = listeners[i];
    if (listener.removed) continue;
    if (listener.capture !== capturing) continue;
    if (listener.once) removeListener(state, listener);
    if (listener.passive) s.inPassiveListener = true;
    try {
      callListener(listener, event, s);
    } catch (error) {
      internals.reportListenerError(error);
    } finally {
      s.inPassiveListener = false;
    }
  }
}

function callListener(listener, event, s) {
  const callback = listener.callback;
  if (typeof callback === "function") {
    ReflectApply(callback, s.currentTarget, [event]);
    return;
  }
  const handleEvent = callback.handleEvent;
  if (typeof handleEvent !== "function") {
    throw new TypeErrorCtor("The 'handleEvent' property of the event listener is not callable.");
  }
  ReflectApply(handleEvent, callback, [event]);
}

// HTML "report the exception" for listener errors. global_events.js replaces
// internals.reportException so that this fires "error" at the global first; an error event whose
// default is prevented lets the dispatch go on with the next listener, otherwise the run ends.
internals.reportListenerError = (error) => internals.reportException(error, false);

// ---------------------------------------------------------------------------
// Event handler IDL attributes (HTML §8.1.8): `on<type>` registers one listener the first time it is
// set to a non-null value, and calls whatever the attribute holds when the event comes.

function defineEventHandler(object, type, check = undefined, onSet = undefined) {
  const name = "on" + type;
  const stateOf = (self) => {
    if (check !== undefined && !check(self)) illegalInvocation();
    return targetState(self);
  };
  const descriptor = {
    get: {
      [name]() {
        const state = stateOf(this);
        const handler = state.handlers === null ? undefined : mapGet(state.handlers, type);
        return handler === undefined ? null : handler.value;
      },
    }[name],
    set: {
      [name](value) {
        const state = stateOf(this);
        // [LegacyTreatNonObjectAsNull]: only objects are kept.
        const callback = isObject(value) ? value : null;
        if (state.handlers === null) state.handlers = new MapCtor();
        let handler = mapGet(state.handlers, type);
        if (handler === undefined) {
          handler = { value: null, listener: null };
          mapSet(state.handlers, type, handler);
        }
        handler.value = callback;
        if (callback === null) {
          if (handler.listener !== null) {
            removeListener(state, handler.listener);
            handler.listener = null;
          }
        } else if (handler.listener === null) {
          const listener = {
            type, callback: null, capture: false, once: false, passive: false, removed: false, handler: true,
          };
          listener.callback = function (event) {
            return runEventHandler(state, handler, event);
          };
          handler.listener = listener;
          addListener(state, listener);
        }
        if (onSet !== undefined) onSet(this, callback);
      },
    }[name],
    enumerable: true,
    configurable: true,
  };
  // The accessor names are "get onX" / "set onX", as for any WebIDL attribute.
  ObjectDefineProperty(descriptor.get, "name", { value: "get " + name });
  ObjectDefineProperty(descriptor.set, "name", { value: "set " + name });
  ObjectDefineProperty(object, name, descriptor);
}

function runEventHandler(state, handler, event) {
  const callback = handler.value;
  if (typeof callback !== "function") return;
  const s = eventState(event);
  let result;
  // OnErrorEventHandler on the global: (message, filename, lineno, colno, error); true cancels.
  if (s.type === "error" && state.self === globalObject && internals.isErrorEvent !== undefined && internals.isErrorEvent(event)) {
    result = ReflectApply(callback, s.currentTarget,
      [event.message, event.filename, event.lineno, event.colno, event.error]);
    if (result === true) setCanceledFlag(s);
    return;
  }
  result = ReflectApply(callback, s.currentTarget, [event]);
  if (result === false) setCanceledFlag(s);
}

// ---------------------------------------------------------------------------
// For other prelude code

/** Dispatches `event` at `target` as the user agent does: isTrusted is true. Returns !canceled. */
function dispatchTrusted(target, event) {
  const state = targetState(target);
  const s = eventState(event);
  if (s.dispatching || !s.initialized) throw new DOMException("The event is already being dispatched.", "InvalidStateError");
  s.trusted = true;
  return dispatch(state, event, s);
}

internals.Event = Event;
internals.CustomEvent = CustomEvent;
internals.EventTarget = EventTarget;
internals.isEvent = isEvent;
internals.isEventTarget = (value) => ownTargetState(value) !== undefined;
internals.dispatch = dispatchTrusted;
internals.fireEvent = (target, type, init = undefined) => dispatchTrusted(target, new Event(type, init));
internals.setCanceled = (event) => setCanceledFlag(eventState(event));
internals.isDispatching = (event) => eventState(event).dispatching;
internals.defineEventHandler = defineEventHandler;
internals.addEventInspectFields = addInspectFields;
internals.webidlInterface = webidlInterface;
internals.defineConstants = defineConstants;
internals.inspectObject = inspectObject;
internals.requireArgs = requireArgs;
internals.toDOMString = toDOMString;
internals.toUSVString = toUSVString;
internals.illegalInvocation = illegalInvocation;
internals.readEventInit = readEventInit;
internals.webidlDictionary = dictionary;
internals.webidlSequence = webidlSequence;
internals.webidlPairIterable = webidlPairIterable;

internals.defineGlobal("Event", Event);
internals.defineGlobal("CustomEvent", CustomEvent);
internals.defineGlobal("EventTarget", EventTarget);
