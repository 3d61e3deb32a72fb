// META: title=Event.isTrusted
// Restates upstream dom/events/Event-isTrusted.any.js, plus the trusted events the runtime fires.

test(() => {
  const d1 = Object.getOwnPropertyDescriptor(new Event("x"), "isTrusted");
  const d2 = Object.getOwnPropertyDescriptor(new Event("x"), "isTrusted");
  assert_not_equals(d1, undefined);
  assert_equals(typeof d1.get, "function");
  assert_not_equals(d2, undefined);
  assert_equals(d1.get, d2.get);
  assert_false("isTrusted" in Event.prototype, "not on the prototype");
}, "isTrusted is an own accessor of each event, with one shared getter");

test(() => {
  const target = new EventTarget();
  let trusted;
  target.addEventListener("x", (e) => { trusted = e.isTrusted; });
  target.dispatchEvent(new Event("x"));
  assert_false(trusted);
}, "events dispatched by script are not trusted");

test(() => {
  const controller = new AbortController();
  let trusted;
  controller.signal.addEventListener("abort", (e) => { trusted = e.isTrusted; });
  controller.abort();
  assert_true(trusted);
}, "the abort event fired by the runtime is trusted");
