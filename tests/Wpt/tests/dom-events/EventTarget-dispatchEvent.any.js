// META: title=EventTarget.dispatchEvent
// Restates upstream dom/events/EventTarget-dispatchEvent.any.js. Upstream relies on
// setup({ allow_uncaught_exception: true }); here the test that throws from a listener cancels
// the resulting "error" event itself, which is what lets the dispatch go on in this runtime.

test(() => {
  assert_throws_js(TypeError, () => { dispatchEvent(null); });
}, "Calling dispatchEvent(null).");

test(function () {
  const e = new Event("type", { bubbles: false, cancelable: false });
  const target = new EventTarget();
  target.addEventListener("type", this.step_func(() => {
    assert_throws_dom("InvalidStateError", () => { target.dispatchEvent(e); });
    assert_throws_dom("InvalidStateError", () => { dispatchEvent(e); });
  }), false);
  assert_equals(target.dispatchEvent(e), true, "dispatchEvent must return true");
}, "If the event's dispatch flag is set, an InvalidStateError must be thrown.");

test(function () {
  const swallow = (e) => e.preventDefault();
  addEventListener("error", swallow);
  this.add_cleanup(() => removeEventListener("error", swallow));
  const e = new Event("type", { bubbles: false, cancelable: false });
  const called = [];
  const target = new EventTarget();
  target.addEventListener("type", () => {
    called.push("First");
    throw new Error();
  }, false);
  target.addEventListener("type", () => { called.push("Second"); }, false);
  assert_equals(target.dispatchEvent(e), true, "dispatchEvent must return true");
  assert_array_equals(called, ["First", "Second"], "Should have continued to call other event listeners");
}, "Exceptions from event listeners must not be propagated.");

test(function () {
  const results = [];
  const target = new EventTarget();
  target.addEventListener("x", () => results.push(1), true);
  target.addEventListener("x", () => results.push(2), false);
  target.addEventListener("x", () => results.push(3), true);
  target.dispatchEvent(new Event("x"));
  assert_array_equals(results, [1, 3, 2]);
}, "Capturing event listeners should be called before non-capturing ones");

test(() => {
  const target = new EventTarget();
  assert_throws_js(TypeError, () => target.dispatchEvent({ type: "x" }));
  assert_throws_js(TypeError, () => target.dispatchEvent());
}, "dispatchEvent requires an Event");
