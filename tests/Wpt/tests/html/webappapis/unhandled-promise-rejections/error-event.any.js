// META: title=Uncaught exceptions fire "error" at the global object
// After upstream html/webappapis/scripting/processing-model-2 (runtime-error-in-setTimeout.html,
// window-onerror-runtime-error-throw.html, html/webappapis/scripting/reporterror.any.js) without a
// document: listeners here cancel the events they handle, so the run goes on.

async_test((t) => {
  const error = new TypeError("from a timer");
  // Other tests of this file report errors too: each listener looks only at its own.
  const listener = t.step_func((e) => {
    if (e.error !== error) return;
    e.preventDefault();
    assert_true(e instanceof ErrorEvent);
    assert_equals(e.error, error);
    assert_equals(e.message, "Uncaught TypeError: from a timer");
    assert_true(e.cancelable);
    assert_true(e.isTrusted);
    assert_equals(typeof e.filename, "string");
    assert_greater_than(e.lineno, 0);
    assert_greater_than(e.colno, 0);
    removeEventListener("error", listener);
    t.done();
  });
  addEventListener("error", listener);
  setTimeout(() => { throw error; }, 0);
}, "an exception thrown by a timer callback fires error at the global");

async_test((t) => {
  const error = new Error("from onerror");
  const previous = globalThis.onerror;
  onerror = t.step_func(function (message, filename, lineno, colno, err) {
    if (err !== error) return undefined;
    assert_equals(arguments.length, 5);
    assert_equals(message, "Uncaught Error: from onerror");
    assert_equals(typeof filename, "string");
    assert_equals(err, error);
    onerror = previous;
    t.done();
    return true;
  });
  setTimeout(() => { throw error; }, 0);
}, "onerror gets (message, filename, lineno, colno, error) and returning true cancels");

test((t) => {
  const seen = [];
  const listener = (e) => { seen.push(e.error); e.preventDefault(); };
  addEventListener("error", listener);
  t.add_cleanup(() => removeEventListener("error", listener));
  const thrown = { any: "value" };
  reportError(thrown);
  reportError(1);
  assert_array_equals(seen, [thrown, 1]);
}, "reportError() fires error at the global synchronously");

test(() => {
  assert_throws_js(TypeError, () => reportError());
}, "reportError() requires an argument");

test(() => {
  const e = new ErrorEvent("error", { message: "m", filename: "f", lineno: 1, colno: 2, error: 3 });
  assert_array_equals([e.message, e.filename, e.lineno, e.colno, e.error], ["m", "f", 1, 2, 3]);
  const d = new ErrorEvent("error");
  assert_array_equals([d.message, d.filename, d.lineno, d.colno, d.error], ["", "", 0, 0, undefined]);
}, "ErrorEvent constructor");

test(() => {
  assert_equals(addEventListener, EventTarget.prototype.addEventListener);
  assert_equals(removeEventListener, EventTarget.prototype.removeEventListener);
  assert_equals(dispatchEvent, EventTarget.prototype.dispatchEvent);
  let target = null;
  const listener = (e) => { target = e.target; };
  addEventListener("custom", listener);
  dispatchEvent(new Event("custom"));
  removeEventListener("custom", listener);
  assert_equals(target, globalThis);
}, "the global object dispatches events");
