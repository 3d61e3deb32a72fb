// MessageChannel, MessagePort and MessageEvent (HTML §9.4/§9.5) within one runtime. Prelude function
// body; needs event_target.js and structured_clone.js.
//
// postMessage clones at once (internals.structuredClone with the transfer list, so transferred
// ArrayBuffers are detached at the sender) and queues the result. Delivery is a task: one global
// FIFO of messages, drained one message per macrotask by a 0 ms timer that MessagingOps creates at
// timer nesting level 0, so the nesting clamp never delays it and messages of a port arrive in the
// order they were posted, each followed by a microtask checkpoint. A pending message keeps the
// program alive (it is a timer); an idle port does not — nothing else in this runtime could post to it.
//
// A port's queue starts disabled: messages wait until start() (or setting onmessage). After close(),
// a port neither sends nor receives: messages posted to it are dropped, and queued ones are dropped
// when their turn comes. MessagePorts in the transfer list are moved to new MessagePort objects
// (event.ports); the old object is left disentangled. Ports inside the message data itself are not
// supported (they clone as plain objects).

const { ops } = internals;
const EventTarget = internals.EventTarget;
const Event = internals.Event;
const DOMException = internals.DOMException;
const requireArgs = internals.requireArgs;
const toDOMString = internals.toDOMString;
const toUSVString = internals.toUSVString;
const readEventInit = internals.readEventInit;
const dictionary = internals.webidlDictionary;
const illegalInvocation = internals.illegalInvocation;
const structuredClone = internals.structuredClone;
const setTimeout = globalThis.setTimeout;
const timerNestingSwap = ops.timerNestingSwap;
const TypeErrorCtor = TypeError;
const ObjectFreeze = Object.freeze;
const ReflectApply = Reflect.apply;
const ArrayPrototypeShift = Array.prototype.shift;
const ArrayPrototypePush = Array.prototype.push;
const ArrayPrototypeIncludes = Array.prototype.includes;
const SymbolIterator = Symbol.iterator;

const push = (array, value) => ReflectApply(ArrayPrototypePush, array, [value]);
const shift = (array) => ReflectApply(ArrayPrototypeShift, array, []);
const includes = (array, value) => ReflectApply(ArrayPrototypeIncludes, array, [value]);

const kCreate = Symbol("MessagePort.create");

// ---------------------------------------------------------------------------
// MessageEvent

let messageEventState;
let isMessageEvent;

function readPorts(value, what) {
  return internals.webidlSequence(value, (port) => {
    if (!isMessagePort(port)) throw new TypeErrorCtor(`${what}: Failed to convert value to 'MessagePort'.`);
    return port;
  }, what);
}

function readSource(value, what) {
  if (value === null || value === undefined) return null;
  // MessageEventSource is (WindowProxy or MessagePort or ServiceWorker); only ports exist here.
  if (!isMessagePort(value)) throw new TypeErrorCtor(`${what}: The provided value is not of type '(MessagePort)'.`);
  return value;
}

class MessageEvent extends Event {
  #m;

  constructor(type, eventInitDict = undefined) {
    requireArgs(arguments.length, 1, "MessageEvent");
    const typeString = toDOMString(type);
    const dict = dictionary(eventInitDict, "MessageEventInit");
    super(typeString, dict === undefined ? undefined : readEventInit(dict));
    // MessageEventInit members in lexicographic order: data, lastEventId, origin, ports, source.
    const m = { data: null, lastEventId: "", origin: "", ports: null, source: null };
    if (dict !== undefined) {
      const data = dict.data;
      if (data !== undefined) m.data = data;
      const lastEventId = dict.lastEventId;
      if (lastEventId !== undefined) m.lastEventId = toDOMString(lastEventId);
      const origin = dict.origin;
      if (origin !== undefined) m.origin = toUSVString(origin);
      const ports = dict.ports;
      if (ports !== undefined) m.ports = ObjectFreeze(readPorts(ports, "Failed to construct 'MessageEvent'"));
      m.source = readSource(dict.source, "Failed to construct 'MessageEvent'");
    }
    if (m.ports === null) m.ports = ObjectFreeze([]);
    this.#m = m;
  }

  get data() { return messageEventState(this).data; }
  get origin() { return messageEventState(this).origin; }
  get lastEventId() { return messageEventState(this).lastEventId; }
  get source() { return messageEventState(this).source; }
  get ports() { return messageEventState(this).ports; }

  initMessageEvent(type, bubbles = false, cancelable = false, data = null, origin = "", lastEventId = "", source = null, ports = []) {
    const m = messageEventState(this);
    requireArgs(arguments.length, 1, "initMessageEvent", "MessageEvent");
    const what = "Failed to execute 'initMessageEvent' on 'MessageEvent'";
    const typeString = toDOMString(type);
    const originString = toUSVString(origin);
    const idString = toDOMString(lastEventId);
    const sourcePort = readSource(source, what);
    const portList = readPorts(ports, what);
    if (internals.isDispatching(this)) return;
    this.initEvent(typeString, bubbles, cancelable);
    m.data = data;
    m.origin = originString;
    m.lastEventId = idString;
    m.source = sourcePort;
    m.ports = ObjectFreeze(portList);
  }

  static {
    messageEventState = (value) => {
      if (value !== null && typeof value === "object" && #m in value) return value.#m;
      return illegalInvocation();
    };
    isMessageEvent = (value) => value !== null && typeof value === "object" && #m in value;
  }
}
internals.webidlInterface(MessageEvent);
internals.addEventInspectFields(isMessageEvent, (event) => ({ data: event.data, origin: event.origin, lastEventId: event.lastEventId, source: event.source, ports: event.ports }));

// ---------------------------------------------------------------------------
// MessagePort

let portState;
let isMessagePort;

class MessagePort extends EventTarget {
  #s;

  // No public constructor (MessagePort.length is 0).
  constructor() {
    if (arguments[0] !== kCreate) throw new TypeErrorCtor("Illegal constructor");
    super();
    // entangled: the other port; enabled: the port message queue runs; closed: close() was called;
    // shipped: moved to another MessagePort object by a transfer; pending: messages waiting for start().
    this.#s = { entangled: null, enabled: false, closed: false, shipped: false, pending: [] };
  }

  postMessage(message, transfer = undefined) {
    const s = portState(this);
    requireArgs(arguments.length, 1, "postMessage", "MessagePort");
    const list = readTransfer(transfer);
    postMessageSteps(this, s, message, list);
  }

  start() {
    enable(this, portState(this));
  }

  close() {
    const s = portState(this);
    s.closed = true;
    disentangle(s);
  }

  static {
    portState = (value) => {
      if (value !== null && typeof value === "object" && #s in value) return value.#s;
      return illegalInvocation();
    };
    isMessagePort = (value) => value !== null && typeof value === "object" && #s in value;
  }
}

// Setting onmessage enables the port message queue, as if start() had been called.
internals.defineEventHandler(MessagePort.prototype, "message", isMessagePort, (port) => enable(port, portState(port)));
internals.defineEventHandler(MessagePort.prototype, "messageerror", isMessagePort);
internals.webidlInterface(MessagePort);

function createPort() {
  return new MessagePort(kCreate);
}

function entangle(a, b) {
  portState(a).entangled = b;
  portState(b).entangled = a;
}

function disentangle(s) {
  const other = s.entangled;
  if (other === null) return;
  s.entangled = null;
  portState(other).entangled = null;
}

// (sequence<object> or StructuredSerializeOptions)
function readTransfer(value) {
  if (value === undefined || value === null) return [];
  if (typeof value !== "object" && typeof value !== "function") {
    throw new TypeErrorCtor("Failed to execute 'postMessage' on 'MessagePort': The provided value is not of type '(sequence<object> or StructuredSerializeOptions)'.");
  }
  let sequence = value;
  if (value[SymbolIterator] == null) {
    sequence = value.transfer;
    if (sequence === undefined) return [];
  }
  return internals.webidlSequence(sequence, (item, index) => {
    if (item === null || (typeof item !== "object" && typeof item !== "function")) {
      throw new TypeErrorCtor(`Failed to execute 'postMessage' on 'MessagePort': Value at index ${index} of the transfer list is not an object.`);
    }
    return item;
  }, "Failed to execute 'postMessage' on 'MessagePort'");
}

// HTML "message port post message steps".
function postMessageSteps(sourcePort, s, message, transfer) {
  const targetPort = s.entangled;
  const ports = [];
  const others = [];
  for (let i = 0; i < transfer.length; i++) {
    const item = transfer[i];
    if (!isMessagePort(item)) {
      push(others, item);
      continue;
    }
    if (item === sourcePort) throw new DOMException(`Port at index ${i} contains the source port.`, "DataCloneError");
    if (includes(ports, item)) throw new DOMException(`Port at index ${i} is a duplicate of an earlier port.`, "DataCloneError");
    if (portState(item).shipped) throw new DOMException(`Port at index ${i} is already neutered.`, "DataCloneError");
    push(ports, item);
  }
  const doomed = targetPort !== null && includes(ports, targetPort);
  // Cloning may throw; only when it succeeded are buffers detached and ports moved.
  const data = structuredClone(message, { transfer: others });
  const newPorts = [];
  for (let i = 0; i < ports.length; i++) push(newPorts, shipPort(ports[i]));
  if (targetPort === null || doomed) return;
  const ts = portState(targetPort);
  if (ts.closed) return;
  const entry = { port: targetPort, data, ports: ObjectFreeze(newPorts) };
  if (ts.enabled) {
    push(taskQueue, entry);
    schedule();
  } else {
    push(ts.pending, entry);
  }
}

// Moves a port to a new MessagePort object: same entanglement and queued messages.
function shipPort(port) {
  const s = portState(port);
  const moved = createPort();
  const ms = portState(moved);
  s.shipped = true;
  ms.closed = s.closed;
  const other = s.entangled;
  if (other !== null) {
    s.entangled = null;
    entangle(moved, other);
  }
  // Messages for the old object, in order: the ones already queued as tasks, then the pending ones.
  const keep = [];
  for (let i = 0; i < taskQueue.length; i++) {
    const entry = taskQueue[i];
    if (entry.port === port) {
      entry.port = moved;
      push(ms.pending, entry);
    } else {
      push(keep, entry);
    }
  }
  taskQueue.length = 0;
  for (let i = 0; i < keep.length; i++) push(taskQueue, keep[i]);
  for (let i = 0; i < s.pending.length; i++) {
    const entry = s.pending[i];
    entry.port = moved;
    push(ms.pending, entry);
  }
  s.pending = [];
  return moved;
}

function enable(port, s) {
  if (s.enabled) return;
  s.enabled = true;
  const pending = s.pending;
  s.pending = [];
  for (let i = 0; i < pending.length; i++) push(taskQueue, pending[i]);
  schedule();
}

// ---------------------------------------------------------------------------
// Delivery: one message per task, in posting order.

const taskQueue = [];
let scheduled = false;

function schedule() {
  if (scheduled || taskQueue.length === 0) return;
  scheduled = true;
  const previous = timerNestingSwap(0);
  try {
    setTimeout(deliverOne, 0);
  } finally {
    timerNestingSwap(previous);
  }
}

function deliverOne() {
  scheduled = false;
  const entry = shift(taskQueue);
  schedule();
  if (entry === undefined) return;
  const port = entry.port;
  if (portState(port).closed) return;
  internals.dispatch(port, new MessageEvent("message", { data: entry.data, ports: entry.ports }));
}

// ---------------------------------------------------------------------------
// MessageChannel

let channelPorts;

class MessageChannel {
  #port1;
  #port2;

  constructor() {
    this.#port1 = createPort();
    this.#port2 = createPort();
    entangle(this.#port1, this.#port2);
  }

  get port1() {
    return channelPorts(this)[0];
  }

  get port2() {
    return channelPorts(this)[1];
  }

  static {
    channelPorts = (value) => {
      if (value !== null && typeof value === "object" && #port1 in value) return [value.#port1, value.#port2];
      return illegalInvocation();
    };
  }
}
internals.webidlInterface(MessageChannel);

internals.MessageEvent = MessageEvent;
internals.MessagePort = MessagePort;
internals.MessageChannel = MessageChannel;
internals.isMessagePort = isMessagePort;
internals.defineGlobal("MessageEvent", MessageEvent);
internals.defineGlobal("MessagePort", MessagePort);
internals.defineGlobal("MessageChannel", MessageChannel);
