// META: title=AbortSignal.any()
// Restates upstream dom/abort/abort-signal-any.any.js with resources/abort-signal-any-tests.js,
// for AbortSignal and AbortController.

const desc = "AbortSignal.any()";
const suffix = "(using AbortController)";

test(() => {
  assert_false(AbortSignal.any([]).aborted);
}, `${desc} works with an empty array of signals`);

test((t) => {
  const controller = new AbortController();
  const signal = controller.signal;
  const cloneSignal = AbortSignal.any([signal]);
  assert_false(cloneSignal.aborted);
  assert_true("reason" in cloneSignal, "cloneSignal has reason property");
  assert_equals(cloneSignal.reason, undefined, "cloneSignal.reason is initially undefined");
  assert_not_equals(signal, cloneSignal, `${desc} returns a new signal.`);
  let eventFired = false;
  cloneSignal.onabort = t.step_func((e) => {
    assert_equals(e.target, cloneSignal, `The event target is the signal returned by ${desc}`);
    eventFired = true;
  });
  controller.abort("reason string");
  assert_true(signal.aborted);
  assert_true(cloneSignal.aborted);
  assert_true(eventFired);
  assert_equals(cloneSignal.reason, "reason string", `${desc} propagates the abort reason`);
}, `${desc} follows a single signal ${suffix}`);

test((t) => {
  for (let i = 0; i < 3; ++i) {
    const controllers = [new AbortController(), new AbortController(), new AbortController()];
    const combined = AbortSignal.any(controllers.map((c) => c.signal));
    let eventFired = false;
    combined.onabort = t.step_func((e) => {
      assert_equals(e.target, combined);
      eventFired = true;
    });
    controllers[i].abort();
    assert_true(eventFired);
    assert_true(combined.aborted);
    assert_true(combined.reason instanceof DOMException, "signal.reason is a DOMException");
    assert_equals(combined.reason.name, "AbortError", "signal.reason is a AbortError");
  }
}, `${desc} follows multiple signals ${suffix}`);

test(() => {
  const controllers = [new AbortController(), new AbortController(), new AbortController()];
  controllers[1].abort("reason 1");
  controllers[2].abort("reason 2");
  const signal = AbortSignal.any(controllers.map((c) => c.signal));
  assert_true(signal.aborted);
  assert_equals(signal.reason, "reason 1", "The signal should be aborted with the first reason");
}, `${desc} returns an aborted signal if passed an aborted signal ${suffix}`);

test(() => {
  const controller = new AbortController();
  const signal = AbortSignal.any([controller.signal, controller.signal]);
  assert_false(signal.aborted);
  controller.abort("reason");
  assert_true(signal.aborted);
  assert_equals(signal.reason, "reason");
}, `${desc} can be passed the same signal more than once ${suffix}`);

test(() => {
  const c1 = new AbortController();
  c1.abort("reason 1");
  const c2 = new AbortController();
  c2.abort("reason 2");
  const signal = AbortSignal.any([c1.signal, c2.signal, c1.signal]);
  assert_true(signal.aborted);
  assert_equals(signal.reason, "reason 1");
}, `${desc} uses the first instance of a duplicate signal ${suffix}`);

test(() => {
  for (let i = 0; i < 3; ++i) {
    const controllers = [new AbortController(), new AbortController(), new AbortController()];
    const combined1 = AbortSignal.any([controllers[0].signal, controllers[1].signal]);
    const combined2 = AbortSignal.any([combined1, controllers[2].signal]);
    let eventFired = false;
    combined2.onabort = () => { eventFired = true; };
    controllers[i].abort();
    assert_true(eventFired);
    assert_true(combined2.aborted);
    assert_true(combined2.reason instanceof DOMException);
    assert_equals(combined2.reason.name, "AbortError");
  }
}, `${desc} signals are composable ${suffix}`);

async_test((t) => {
  const controller = new AbortController();
  const timeoutSignal = AbortSignal.timeout(5);
  const combined = AbortSignal.any([controller.signal, timeoutSignal]);
  const ref = setTimeout(t.unreached_func("timed out signal never aborted"), 10);
  combined.onabort = t.step_func_done(() => {
    assert_true(combined.aborted);
    assert_true(combined.reason instanceof DOMException);
    assert_equals(combined.reason.name, "TimeoutError");
    clearTimeout(ref);
  });
}, `${desc} works with signals returned by AbortSignal.timeout() ${suffix}`);

test(() => {
  const controller = new AbortController();
  let combined = AbortSignal.any([controller.signal]);
  combined = AbortSignal.any([combined]);
  combined = AbortSignal.any([combined]);
  combined = AbortSignal.any([combined]);
  let eventFired = false;
  combined.onabort = () => { eventFired = true; };
  assert_false(eventFired);
  assert_false(combined.aborted);
  controller.abort("the reason");
  assert_true(eventFired);
  assert_true(combined.aborted);
  assert_equals(combined.reason, "the reason");
}, `${desc} works with intermediate signals ${suffix}`);

test(() => {
  const controller = new AbortController();
  const signals = [controller.signal];
  signals.push(AbortSignal.any([controller.signal]));
  signals.push(AbortSignal.any([controller.signal]));
  signals.push(AbortSignal.any([signals[0]]));
  signals.push(AbortSignal.any([signals[1]]));
  let result = "";
  signals.forEach((signal, i) => signal.addEventListener("abort", () => { result += i; }));
  controller.abort();
  assert_equals(result, "01234");
}, `Abort events for ${desc} signals fire in the right order ${suffix}`);

test(() => {
  assert_throws_js(TypeError, () => AbortSignal.any());
  assert_throws_js(TypeError, () => AbortSignal.any([{}]));
  assert_throws_js(TypeError, () => AbortSignal.any(new AbortController().signal));
}, `${desc} takes a sequence of AbortSignals`);
