// META: title=AddEventListenerOptions.once
// Restates upstream dom/events/AddEventListenerOptions-once.any.js.

test(() => {
  let once = false, normal = false;
  const et = new EventTarget();
  const handlerOnce = () => { once = true; };
  const handlerNormal = () => { normal = true; };
  et.addEventListener("test", handlerOnce, { once: true });
  et.addEventListener("test", handlerNormal);
  et.dispatchEvent(new Event("test"));
  assert_true(once, "Once handler should be invoked");
  assert_true(normal, "Normal handler should be invoked");
  once = normal = false;
  et.dispatchEvent(new Event("test"));
  assert_false(once, "Once handler shouldn't be invoked again");
  assert_true(normal, "Normal handler should be invoked again");
}, "Once listener should be invoked only once");

test(() => {
  const et = new EventTarget();
  let count = 0;
  function handler() {
    count++;
    if (count === 1) et.dispatchEvent(new Event("test"));
  }
  et.addEventListener("test", handler, { once: true });
  et.dispatchEvent(new Event("test"));
  assert_equals(count, 1, "Once handler should only be invoked once");

  count = 0;
  function handler2() {
    count++;
    if (count === 1) et.addEventListener("test", handler2, { once: true });
    if (count <= 2) et.dispatchEvent(new Event("test"));
  }
  et.addEventListener("test", handler2, { once: true });
  et.dispatchEvent(new Event("test"));
  assert_equals(count, 2, "Once handler should only be invoked once after each adding");
}, "Once listener should be invoked only once even if the event is nested");

test(() => {
  let count = 0;
  const handler = () => { count++; };
  const et = new EventTarget();
  et.addEventListener("test", handler, { once: true });
  et.addEventListener("test", handler);
  et.dispatchEvent(new Event("test"));
  assert_equals(count, 1, "The handler should only be added once");
  count = 0;
  et.dispatchEvent(new Event("test"));
  assert_equals(count, 0, "The handler was added as a once listener");
  et.addEventListener("test", handler, { once: true });
  et.removeEventListener("test", handler);
  et.dispatchEvent(new Event("test"));
  assert_equals(count, 0, "The handler should have been removed");
}, "Once listener should be added / removed like normal listeners");

test(() => {
  const et = new EventTarget();
  let count = 0;
  for (let n = 0; n < 4; n++) {
    et.addEventListener("test", (e) => { count++; e.stopImmediatePropagation(); }, { once: true });
  }
  for (let n = 0; n < 4; n++) et.dispatchEvent(new Event("test"));
  assert_equals(count, 4, "The listeners should be invoked");
}, "Multiple once listeners should be invoked even if the stopImmediatePropagation is set");
