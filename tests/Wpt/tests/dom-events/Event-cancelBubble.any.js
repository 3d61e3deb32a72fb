// META: title=Event.cancelBubble
// Restates upstream dom/events/Event-cancelBubble.any.js.

test(() => {
  assert_false(new Event("foo").cancelBubble);
}, "cancelBubble must be false when an event is initially created.");

test(() => {
  for (const bubbles of [true, false]) {
    const e = new Event("foo", { bubbles, cancelable: false });
    e.cancelBubble = true;
    e.initEvent("foo", bubbles, false);
    assert_false(e.cancelBubble, `initEvent() must set cancelBubble to false [bubbles=${bubbles}]`);
  }
}, "Initializing an event must set cancelBubble to false.");

test(() => {
  const e = new Event("foo");
  e.stopPropagation();
  assert_true(e.cancelBubble);
}, "stopPropagation() must set cancelBubble to true.");

test(() => {
  const e = new Event("foo");
  e.stopImmediatePropagation();
  assert_true(e.cancelBubble);
}, "stopImmediatePropagation() must set cancelBubble to true.");

test(() => {
  const e = new Event("foo");
  e.stopPropagation();
  e.cancelBubble = false;
  assert_true(e.cancelBubble);
}, "Event.cancelBubble=false must have no effect.");

test(() => {
  const e = new Event("foobar", { bubbles: true, cancelable: true });
  const listener = (event) => event.stopPropagation();
  addEventListener("foobar", listener);
  dispatchEvent(e);
  removeEventListener("foobar", listener);
  assert_false(e.cancelBubble);
}, "cancelBubble must be false after an event has been dispatched.");
