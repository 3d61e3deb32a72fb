// META: title=Event's stopImmediatePropagation
// Restates upstream dom/events/Event-stopImmediatePropagation.any.js.

test(() => {
  const target = new EventTarget();
  let timesCalled = 0;
  target.addEventListener("test", (e) => {
    ++timesCalled;
    e.stopImmediatePropagation();
    assert_equals(e.cancelBubble, true, "The stop propagation flag must have been set");
  });
  target.addEventListener("test", () => { ++timesCalled; });
  target.dispatchEvent(new Event("test"));
  assert_equals(timesCalled, 1, "The second listener must not have been called");
}, "stopImmediatePropagation() keeps the remaining listeners from running");
