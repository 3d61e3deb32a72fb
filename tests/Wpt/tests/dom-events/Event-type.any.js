// META: title=Event.type
// Restates upstream dom/events/Event-type.any.js and Event-type-empty.any.js.

test(() => {
  assert_equals(new Event("bar").type, "bar");
}, "Event.type should be initialized by the constructor");

test(() => {
  const e = new Event("");
  assert_equals(e.type, "");
  assert_equals(e.bubbles, false);
  assert_equals(e.cancelable, false);
  const target = new EventTarget();
  let handled = false;
  target.addEventListener("", () => { handled = true; });
  assert_true(target.dispatchEvent(e), "dispatchEvent should return true");
  assert_true(handled, "callback should be called");
}, "an event with the empty type is dispatched to listeners of the empty type");
