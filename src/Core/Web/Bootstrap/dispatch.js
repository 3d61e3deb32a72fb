// Last prelude file: the single entry C# calls, once per macrotask.
const { ops } = internals;
const pendingRejections = new Map();
// Rejections reported as unhandled (their report canceled) that may still get a handler: promise -> reason.
const reportedRejections = new WeakMap();

const Kind = { Boot: 0, Timers: 1, Rejections: 2, Completions: 3, Embedder: 4 };

// Takes V8's rejection events; returns whether `current` got a handler meanwhile.
function takeRejections(current) {
  let currentHandled = false;
  for (;;) {
    const kind = ops.rejectionNext();
    if (kind < 0) return currentHandled;
    const promise = ops.rejectionPromise();
    const reason = ops.rejectionValue();
    if (kind === 0) pendingRejections.set(promise, reason);
    else if (promise === current) currentHandled = true;
    else if (!pendingRejections.delete(promise) && reportedRejections.has(promise)) {
      const reported = reportedRejections.get(promise);
      reportedRejections.delete(promise);
      internals.rejectionHandled(promise, reported);
    }
  }
}

// Fires "unhandledrejection" for each (global_events.js); an uncanceled one ends the run.
function processRejections() {
  takeRejections(null);
  for (const [promise, reason] of pendingRejections) {
    pendingRejections.delete(promise);
    internals.reportRejection(promise, reason);
    if (!takeRejections(promise)) reportedRejections.set(promise, reason);
  }
}

// This turn's due timers, each a macrotask. Batched, ops.timerNext ends each with the microtask
// checkpoint and asks for rejection settling (-1) before it answers the next; otherwise C# dispatches
// each timer alone and the dispatch's return is the checkpoint.
function fireTimers(batched) {
  for (let id = ops.timerNext(); id !== 0; id = ops.timerNext()) {
    if (id < 0) {
      processRejections();
      continue;
    }
    internals.fireTimer(id);
    if (!batched) return;
  }
}

function boot(mainUrl) {
  Reflect.apply(Promise.prototype.then, internals.importModule(mainUrl, null), [
    () => ops.mainSettled(),
    (error) => {
      ops.mainSettled();
      internals.reportException(error, false);
    },
  ]);
}

globalThis.self = globalThis;
Object.defineProperty(globalThis, "self", { enumerable: false });

globalThis.__esrun_internals = internals;

// C# writes [armed, kind, arg] as float64 at the end of the private transfer buffer, then calls
// this. Script code can reach the function but not the buffer, so it cannot arm a dispatch.
const slots = new Float64Array(internals.transfer, internals.transferLimit, 3);
Object.defineProperty(globalThis, "__esrun_dispatch", {
  value: function dispatch() {
    if (slots[0] !== 1) return;
    slots[0] = 0;
    const kind = slots[1];
    const arg = slots[2];
    return route(kind, arg);
  },
  enumerable: false, writable: false, configurable: false,
});

function route(kind, arg) {
  switch (kind) {
    case Kind.Boot: return boot(ops.mainUrl());
    case Kind.Timers: return fireTimers(arg === 1);
    case Kind.Rejections: return processRejections();
    case Kind.Completions: return internals.deliverCompletions(arg);
    case Kind.Embedder: return internals.embedderRequest(arg);
    default: throw new Error(`unknown dispatch kind ${kind}`);
  }
};
