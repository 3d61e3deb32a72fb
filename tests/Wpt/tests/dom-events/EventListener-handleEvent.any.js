// META: title=EventListener::handleEvent()
// Restates upstream dom/events/EventListener-handleEvent.any.js. Upstream observes the uncaught
// errors with EventWatcher on the global "error" event; here a listener records and cancels them.

test(function () {
  const type = "foo";
  const target = new EventTarget();
  const seen = [];
  const eventListener = {
    handleEvent(evt) {
      seen.push([evt.type, evt.target, evt.srcElement, this]);
    },
  };
  target.addEventListener(type, eventListener);
  target.dispatchEvent(new Event(type));
  assert_equals(seen.length, 1);
  const [seenType, seenTarget, seenSrcElement, seenThis] = seen[0];
  assert_equals(seenType, type);
  assert_equals(seenTarget, target);
  assert_equals(seenSrcElement, target);
  assert_equals(seenThis, eventListener);
}, "calls `handleEvent` method of `EventListener`");

test(() => {
  const target = new EventTarget();
  let calls = 0;
  target.addEventListener("foo", { get handleEvent() { calls++; return function () {}; } });
  assert_equals(calls, 0);
  target.dispatchEvent(new Event("foo"));
  target.dispatchEvent(new Event("foo"));
  assert_equals(calls, 2);
}, "performs `Get` every time event is dispatched");

test(function () {
  const target = new EventTarget();
  let calls = 0;
  const eventListener = function () { calls++; };
  eventListener.handleEvent = this.unreached_func("`handleEvent` method should not be called on functions");
  target.addEventListener("foo", eventListener);
  target.dispatchEvent(new Event("foo"));
  assert_equals(calls, 1);
}, "doesn't call `handleEvent` method on callable `EventListener`");

function uncaughtError(t, getHandleEvent) {
  const target = new EventTarget();
  let calls = 0;
  target.addEventListener("foo", {
    get handleEvent() {
      calls++;
      return getHandleEvent();
    },
  });
  let reported;
  const onError = (e) => { reported = e; e.preventDefault(); };
  addEventListener("error", onError);
  t.add_cleanup(() => removeEventListener("error", onError));
  target.dispatchEvent(new Event("foo"));
  assert_equals(calls, 1, "handleEvent property was not looked up");
  assert_true(reported instanceof ErrorEvent, "an error event was fired at the global");
  return reported.error;
}

test(function () {
  const error = { name: "test" };
  assert_equals(uncaughtError(this, () => { throw error; }), error);
}, "rethrows errors when getting `handleEvent`");

test(function () {
  assert_true(uncaughtError(this, () => null) instanceof TypeError);
}, "throws if `handleEvent` is falsy and not callable");

test(function () {
  assert_true(uncaughtError(this, () => 42) instanceof TypeError);
}, "throws if `handleEvent` is truthy and not callable");
