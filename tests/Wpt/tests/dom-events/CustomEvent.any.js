// META: title=CustomEvent
// Restates upstream dom/events/CustomEvent.any.js.

test(function () {
  const target = new EventTarget();
  let seen = null;
  target.addEventListener("foo", this.step_func((evt) => { seen = evt.type; }), true);
  target.dispatchEvent(new CustomEvent("foo", { bubbles: true, cancelable: true }));
  assert_equals(seen, "foo");
}, "CustomEvent dispatching.");

test(() => {
  const e = new CustomEvent("foo");
  assert_throws_js(TypeError, () => e.initCustomEvent());
}, "First parameter to initCustomEvent should be mandatory.");

test(() => {
  const e = new CustomEvent("foo");
  assert_equals(e.type, "foo");
  assert_false(e.bubbles);
  assert_false(e.cancelable);
  assert_equals(e.detail, null);
}, "CustomEvent's default option values.");

test(() => {
  const e = new CustomEvent("foo", { detail: { a: 1 } });
  e.initCustomEvent("bar", true, false, 42);
  assert_equals(e.type, "bar");
  assert_true(e.bubbles);
  assert_equals(e.detail, 42);
}, "initCustomEvent sets the detail");
