// HTML timers. The queue, due times and the nesting clamp live in C# (TimerQueue); JS keeps only
// the callbacks by id. dispatch.js fires a turn's due timers with a microtask checkpoint after each.
const { ops } = internals;
const callbacks = new Map();

function toTimeout(value) {
  const n = Number(value);
  // WebIDL `long`: wraps modulo 2^32; negative and NaN become 0.
  const wrapped = Number.isFinite(n) ? (Math.trunc(n) | 0) : 0;
  return wrapped < 0 ? 0 : wrapped;
}

// Starts and clears are logged here and applied by C# after the macrotask (TimerQueue.Apply), so
// neither is a host call: records of (id, timeout, repeat), a clear as (-id, 0, 0); slot 0 counts them.
const logRecords = 1024;
const log = new Float64Array(1 + 3 * logRecords);
ops.bindTimerLog(log.buffer);
const flush = ops.timerFlush;
let nextId = 1;

function record(id, timeout, repeat) {
  let n = log[0];
  if (n === logRecords) {
    flush();
    n = 0;
  }
  const at = 1 + 3 * n;
  log[at] = id;
  log[at + 1] = timeout;
  log[at + 2] = repeat ? 1 : 0;
  log[0] = n + 1;
}

function start(handler, timeout, args, repeat, name) {
  if (typeof handler !== "function") {
    throw new TypeError(`${name}: the callback must be a function (string handlers are not evaluated)`);
  }
  const id = nextId;
  nextId = id === 0x7fffffff ? 1 : id + 1;
  record(id, toTimeout(timeout), repeat);
  callbacks.set(id, { handler, args, repeat });
  return id;
}

function clear(id) {
  const key = Number(id);
  if (callbacks.delete(key)) record(-key, 0, false);
}

const timers = {
  setTimeout(handler, timeout = 0, ...args) { return start(handler, timeout, args, false, "setTimeout"); },
  setInterval(handler, timeout = 0, ...args) { return start(handler, timeout, args, true, "setInterval"); },
  clearTimeout(id = 0) { clear(id); },
  clearInterval(id = 0) { clear(id); },
};
for (const name of Object.keys(timers)) internals.defineGlobal(name, timers[name]);

internals.fireTimer = (id) => {
  const timer = callbacks.get(id);
  if (timer === undefined) return;
  if (!timer.repeat) callbacks.delete(id);
  try {
    Reflect.apply(timer.handler, globalThis, timer.args);
  } catch (error) {
    internals.reportException(error, false);
  }
};

const resolved = Promise.resolve();
const then = Promise.prototype.then;
internals.defineGlobal("queueMicrotask", function queueMicrotask(callback) {
  if (typeof callback !== "function") throw new TypeError("queueMicrotask: the callback must be a function");
  Reflect.apply(then, resolved, [() => {
    try {
      callback();
    } catch (error) {
      internals.reportException(error, false);
    }
  }]);
});
