// META: title=Promise rejection events tests
// Restates the worker flavour of upstream html/webappapis/scripting/processing-model-2/
// unhandled-promise-rejections/promise-rejection-events.any.js (no DOM, so queueTask posts through a
// MessageChannel and mutationObserverMicrotask is a promise microtask). Upstream runs with
// setup({ allow_uncaught_exception: true }); in this runtime an uncanceled unhandled rejection ends
// the run, so a file-level listener cancels every unhandledrejection after the tests' own listeners.

addEventListener("unhandledrejection", (e) => e.preventDefault());

function queueTask(f) {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => { channel.port1.close(); f(); };
  channel.port2.postMessage("a task");
  channel.port2.close();
}

function microtask(f) {
  Promise.resolve().then(() => f());
}

function cleanupListeners(t, unhandled, handled) {
  t.add_cleanup(() => {
    if (unhandled) removeEventListener("unhandledrejection", unhandled);
    if (handled) removeEventListener("rejectionhandled", handled);
  });
}

function onUnhandledSucceed(t, expectedReason, getPromise) {
  const listener = (ev) => {
    if (ev.promise !== getPromise()) return;
    t.step(() => {
      assert_equals(ev.reason, expectedReason);
      assert_equals(ev.promise, getPromise());
    });
    t.done();
  };
  addEventListener("unhandledrejection", listener);
  cleanupListeners(t, listener);
}

function onUnhandledFail(t, getPromise) {
  const unhandled = (ev) => {
    if (ev.promise === getPromise()) t.step(() => assert_unreached("unhandledrejection event is not supposed to be triggered"));
  };
  const handled = (ev) => {
    if (ev.promise === getPromise()) t.step(() => assert_unreached("rejectionhandled event is not supposed to be triggered"));
  };
  addEventListener("unhandledrejection", unhandled);
  addEventListener("rejectionhandled", handled);
  cleanupListeners(t, unhandled, handled);
  setTimeout(() => t.done(), 10);
}

// ---- unhandledrejection fires ----

async_test((t) => {
  const e = new Error();
  let p;
  onUnhandledSucceed(t, e, () => p);
  p = Promise.reject(e);
}, "unhandledrejection: from Promise.reject");

async_test((t) => {
  const e = new Error();
  let p;
  onUnhandledSucceed(t, e, () => p);
  p = new Promise((_, reject) => reject(e));
}, "unhandledrejection: from a synchronous rejection in new Promise");

async_test((t) => {
  const e = new Error();
  let p;
  onUnhandledSucceed(t, e, () => p);
  p = new Promise((_, reject) => queueTask(() => reject(e)));
}, "unhandledrejection: from a task-delayed rejection");

async_test((t) => {
  const e = new Error();
  let p;
  onUnhandledSucceed(t, e, () => p);
  p = new Promise((_, reject) => setTimeout(() => reject(e), 1));
}, "unhandledrejection: from a setTimeout-delayed rejection");

async_test((t) => {
  const e = new Error();
  const e2 = new Error();
  let p2;
  onUnhandledSucceed(t, e2, () => p2);
  p2 = Promise.reject(e).then(t.unreached_func("promise should not be fulfilled"), (reason) => {
    t.step(() => assert_equals(reason, e));
    throw e2;
  });
}, "unhandledrejection: from a throw in a rejection handler chained off of Promise.reject");

async_test((t) => {
  const e = new Error();
  const e2 = new Error();
  let p2;
  onUnhandledSucceed(t, e2, () => p2);
  p2 = new Promise((_, reject) => setTimeout(() => reject(e), 1))
    .then(t.unreached_func("promise should not be fulfilled"), (reason) => {
      t.step(() => assert_equals(reason, e));
      throw e2;
    });
}, "unhandledrejection: from a throw in a rejection handler chained off of a setTimeout-delayed rejection");

async_test((t) => {
  const e = new Error();
  const e2 = new Error();
  let p2;
  onUnhandledSucceed(t, e2, () => p2);
  const p = new Promise((_, reject) => {
    setTimeout(() => {
      reject(e);
      microtask(() => {
        p2 = p.then(t.unreached_func("promise should not be fulfilled"), (reason) => {
          t.step(() => assert_equals(reason, e));
          throw e2;
        });
      });
    }, 1);
  });
}, "unhandledrejection: from a throw in a rejection handler attached one microtask after a setTimeout-delayed rejection");

async_test((t) => {
  const e = new Error();
  let p;
  onUnhandledSucceed(t, e, () => p);
  p = Promise.resolve().then(() => Promise.reject(e));
}, "unhandledrejection: from returning a Promise.reject-created rejection in a fulfillment handler");

async_test((t) => {
  const e = new Error();
  let p;
  onUnhandledSucceed(t, e, () => p);
  p = Promise.resolve().then(() => { throw e; });
}, "unhandledrejection: from a throw in a fulfillment handler");

async_test((t) => {
  const e = new Error();
  let p;
  onUnhandledSucceed(t, e, () => p);
  p = Promise.resolve().then(() => new Promise((_, reject) => setTimeout(() => reject(e), 1)));
}, "unhandledrejection: from returning a setTimeout-delayed rejection in a fulfillment handler");

async_test((t) => {
  const e = new Error();
  let p;
  onUnhandledSucceed(t, e, () => p);
  p = Promise.all([Promise.reject(e)]);
}, "unhandledrejection: from Promise.reject, indirected through Promise.all");

// ---- neither event fires: the handler is attached in time ----

async_test((t) => {
  let p;
  onUnhandledFail(t, () => p);
  p = Promise.reject(new Error()).then(t.unreached_func("promise should not be fulfilled"), () => {});
}, "no unhandledrejection/rejectionhandled: rejection handler attached synchronously to a promise from Promise.reject");

async_test((t) => {
  let p;
  onUnhandledFail(t, () => p);
  p = Promise.all([Promise.reject(new Error())]).then(t.unreached_func("promise should not be fulfilled"), () => {});
}, "no unhandledrejection/rejectionhandled: rejection handler attached synchronously to a promise from Promise.reject, indirecting through Promise.all");

async_test((t) => {
  let p;
  onUnhandledFail(t, () => p);
  p = new Promise((_, reject) => reject(new Error())).then(t.unreached_func("promise should not be fulfilled"), () => {});
}, "no unhandledrejection/rejectionhandled: rejection handler attached synchronously to a synchronously-rejected promise created with new Promise");

async_test((t) => {
  const e = new Error();
  let p;
  onUnhandledFail(t, () => p);
  p = Promise.resolve().then(() => { throw e; })
    .then(t.unreached_func("promise should not be fulfilled"), (reason) => t.step(() => assert_equals(reason, e)));
}, "no unhandledrejection/rejectionhandled: rejection handler attached synchronously to a promise created from throwing in a fulfillment handler");

async_test((t) => {
  const e = new Error();
  let p;
  onUnhandledFail(t, () => p);
  p = Promise.resolve().then(() => Promise.reject(e))
    .then(t.unreached_func("promise should not be fulfilled"), (reason) => t.step(() => assert_equals(reason, e)));
}, "no unhandledrejection/rejectionhandled: rejection handler attached synchronously to a promise created from returning a Promise.reject-created promise in a fulfillment handler");

async_test((t) => {
  const e = new Error();
  let p;
  onUnhandledFail(t, () => p);
  p = Promise.resolve().then(() => new Promise((_, reject) => setTimeout(() => reject(e), 1)))
    .then(t.unreached_func("promise should not be fulfilled"), (reason) => t.step(() => assert_equals(reason, e)));
}, "no unhandledrejection/rejectionhandled: rejection handler attached synchronously to a promise created from returning a setTimeout-delayed rejection in a fulfillment handler");

async_test((t) => {
  let p;
  onUnhandledFail(t, () => p);
  queueTask(() => {
    p = Promise.resolve().then(() => Promise.reject(new Error())).catch(() => {});
  });
}, "no unhandledrejection/rejectionhandled: all inside a queued task, a rejection handler attached synchronously to a promise created from returning a Promise.reject-created promise in a fulfillment handler");

async_test((t) => {
  let p;
  onUnhandledFail(t, () => p);
  p = Promise.reject(new Error());
  microtask(() => p.then(t.unreached_func("promise should not be fulfilled"), () => {}));
}, "delayed handling: a microtask delay before attaching a handler prevents both events (Promise.reject-created promise)");

async_test((t) => {
  let p;
  onUnhandledFail(t, () => p);
  p = new Promise((_, reject) => reject(new Error()));
  microtask(() => p.then(t.unreached_func("promise should not be fulfilled"), () => {}));
}, "delayed handling: a microtask delay before attaching a handler prevents both events (immediately-rejected new Promise-created promise)");

async_test((t) => {
  let p1, p2;
  onUnhandledFail(t, () => p1);
  onUnhandledFail(t, () => p2);
  p1 = new Promise((_, reject) => microtask(() => reject(new Error())));
  p2 = Promise.all([p1]);
  microtask(() => p2.then(t.unreached_func("promise should not be fulfilled"), () => {}));
}, "delayed handling: a microtask delay before attaching the handler, and before rejecting the promise, indirected through Promise.all");

const nestedAttach = (p) => microtask(() => Promise.resolve().then(() => microtask(() => Promise.resolve().then(() => p.catch(() => {})))));

async_test((t) => {
  let p;
  onUnhandledFail(t, () => p);
  p = Promise.reject(new Error());
  nestedAttach(p);
}, "microtask nesting: attaching a handler inside a combination of mutationObserverMicrotask + promise microtasks");

async_test((t) => {
  let p;
  onUnhandledFail(t, () => p);
  queueTask(() => {
    p = Promise.reject(new Error());
    nestedAttach(p);
  });
}, "microtask nesting: attaching a handler inside a combination of mutationObserverMicrotask + promise microtasks, all inside a queueTask");

async_test((t) => {
  let p;
  onUnhandledFail(t, () => p);
  setTimeout(() => {
    p = Promise.reject(new Error());
    nestedAttach(p);
  }, 0);
}, "microtask nesting: attaching a handler inside a combination of mutationObserverMicrotask + promise microtasks, all inside a setTimeout");

// ---- delayed attachment: unhandledrejection, then rejectionhandled ----

async_test((t) => {
  const e = new Error();
  let p;
  onUnhandledSucceed(t, e, () => p);
  let rejectIt;
  p = new Promise((_, reject) => { rejectIt = reject; });
  rejectIt(e);
  queueTask(() => queueTask(() => p.then(t.unreached_func("promise should not be fulfilled"), () => {})));
}, "delayed handling: a nested-task delay before attaching a handler causes unhandledrejection");

async_test((t) => {
  const e = new Error();
  let p;
  onUnhandledSucceed(t, e, () => p);
  p = Promise.reject(e);
  queueTask(() => queueTask(() => Promise.resolve().then(() => p.catch(() => {}))));
}, "delayed handling: a nested-queueTask after promise creation/rejection, plus promise microtasks, is too late to attach a rejection handler");

async_test((t) => {
  const e = new Error();
  const unhandledPromises = [];
  const unhandledReasons = [];
  let p;
  const unhandled = (ev) => {
    if (ev.promise !== p) return;
    t.step(() => {
      unhandledPromises.push(ev.promise);
      unhandledReasons.push(ev.reason);
    });
  };
  const handled = (ev) => {
    if (ev.promise !== p) return;
    t.step(() => {
      assert_array_equals(unhandledPromises, [p]);
      assert_array_equals(unhandledReasons, [e]);
      assert_equals(ev.promise, p);
      assert_equals(ev.reason, e);
    });
  };
  addEventListener("unhandledrejection", unhandled);
  addEventListener("rejectionhandled", handled);
  cleanupListeners(t, unhandled, handled);
  p = new Promise(() => { throw e; });
  setTimeout(() => {
    p.then(t.unreached_func("promise should not be fulfilled"), (reason) => {
      assert_equals(reason, e);
      setTimeout(() => t.done(), 10);
    });
  }, 10);
}, "delayed handling: delaying handling by setTimeout(,10) will cause both events to fire");

async_test((t) => {
  const listener = () => {
    const order = [];
    microtask(() => order.push(1));
    setTimeout(() => {
      order.push(2);
      t.step(() => assert_array_equals(order, [1, 2]));
      t.done();
    }, 1);
  };
  addEventListener("unhandledrejection", listener);
  cleanupListeners(t, listener);
  Promise.reject(new Error());
}, "mutationObserverMicrotask vs. queueTask ordering is not disturbed inside unhandledrejection events");

async_test((t) => {
  const sequence = [];
  let p;
  const check = () => {
    if (sequence.length !== 4) return;
    t.step(() => assert_array_equals(sequence, ["unhandled", "after catch", "catch", "handled"]));
    t.done();
  };
  const unhandled = (ev) => {
    if (ev.promise !== p) return;
    sequence.push("unhandled");
    setTimeout(() => {
      p.catch(() => { sequence.push("catch"); check(); });
      sequence.push("after catch");
      check();
    }, 10);
  };
  const handled = (ev) => {
    if (ev.promise !== p) return;
    sequence.push("handled");
    check();
  };
  addEventListener("unhandledrejection", unhandled);
  addEventListener("rejectionhandled", handled);
  cleanupListeners(t, unhandled, handled);
  p = Promise.reject();
}, "rejectionhandled is dispatched after the microtasks of the task that handled the promise");
