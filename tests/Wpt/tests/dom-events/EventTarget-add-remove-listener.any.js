// META: title=EventTarget's addEventListener + removeEventListener
// Restates upstream dom/events/EventTarget-add-remove-listener.any.js, EventTarget-addEventListener.any.js
// and EventTarget-removeEventListener.any.js.

function listener(evt) {
  evt.preventDefault();
  return false;
}

test(() => {
  const et = new EventTarget();
  et.addEventListener("x", listener, false);
  assert_false(et.dispatchEvent(new Event("x", { cancelable: true })));
  et.removeEventListener("x", listener);
  assert_true(et.dispatchEvent(new Event("x", { cancelable: true })));
}, "Removing an event listener without explicit capture arg should succeed");

test(() => {
  const et = new EventTarget();
  assert_equals(et.addEventListener("x", null, false), undefined);
  assert_equals(et.addEventListener("x", null, true), undefined);
  assert_equals(et.addEventListener("x", null), undefined);
}, "Adding a null event listener should succeed");

test(() => {
  assert_equals(globalThis.removeEventListener("x", null, false), undefined);
  assert_equals(globalThis.removeEventListener("x", null, true), undefined);
  assert_equals(globalThis.removeEventListener("x", null), undefined);
}, "removing a null event listener should succeed");

test(() => {
  const et = new EventTarget();
  let count = 0;
  const f = () => count++;
  et.addEventListener("x", f);
  et.addEventListener("x", f);
  et.addEventListener("x", f, { once: true, passive: true });
  et.dispatchEvent(new Event("x"));
  assert_equals(count, 1, "same type, callback and capture: added once");
  et.addEventListener("x", f, true);
  et.dispatchEvent(new Event("x"));
  assert_equals(count, 3, "a capture listener is a different listener");
}, "listeners are identified by type, callback and capture");

test(() => {
  const et = new EventTarget();
  assert_throws_js(TypeError, () => et.addEventListener("x", 1));
  assert_throws_js(TypeError, () => et.addEventListener("x", "f"));
  assert_throws_js(TypeError, () => et.addEventListener("x"));
  assert_throws_js(TypeError, () => et.removeEventListener("x"));
}, "a listener must be an object or null");
