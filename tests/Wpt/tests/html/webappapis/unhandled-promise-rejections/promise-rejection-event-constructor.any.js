// META: title=PromiseRejectionEvent constructor
// Restates upstream html/webappapis/scripting/processing-model-2/unhandled-promise-rejections/
// promise-rejection-event-constructor.any.js.

test(() => {
  const p = new Promise(() => {});
  assert_throws_js(TypeError, () => { PromiseRejectionEvent("", { promise: p }); },
    "Calling PromiseRejectionEvent constructor without 'new' must throw");

  const plain = new PromiseRejectionEvent("eventType", { promise: p });
  assert_equals(plain.bubbles, false);
  assert_equals(plain.cancelable, false);
  assert_equals(plain.promise, p);
  assert_equals(plain.reason, undefined);

  assert_throws_js(TypeError, () => { new PromiseRejectionEvent("eventType", { bubbles: false }); },
    "Cannot construct PromiseRejectionEventInit without promise");

  assert_equals(new PromiseRejectionEvent("eventType", { bubbles: false, promise: p }).bubbles, false);
  assert_equals(new PromiseRejectionEvent("eventType", { bubbles: true, promise: p }).bubbles, true);
  assert_equals(new PromiseRejectionEvent("eventType", { cancelable: false, promise: p }).cancelable, false);
  assert_equals(new PromiseRejectionEvent("eventType", { cancelable: true, promise: p }).cancelable, true);

  const r = new Error();
  assert_equals(new PromiseRejectionEvent("eventType", { promise: p, reason: r }).reason, r);
  assert_equals(new PromiseRejectionEvent("eventType", { promise: p, reason: null }).reason, null);

  const all = new PromiseRejectionEvent("eventType", { bubbles: true, cancelable: true, promise: p, reason: r });
  assert_equals(all.bubbles, true);
  assert_equals(all.cancelable, true);
  assert_equals(all.promise, p);
  assert_equals(all.reason, r);
}, "This tests the constructor for the PromiseRejectionEvent DOM class.");
