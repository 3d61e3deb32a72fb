// META: title=Event.defaultPrevented
// Restates upstream dom/events/Event-defaultPrevented.any.js and Event-defaultPrevented-after-dispatch.any.js.

let ev;

test(() => {
  ev = new Event("foo", { bubbles: true, cancelable: false });
  assert_equals(ev.defaultPrevented, false, "defaultPrevented");
}, "When an event is created, defaultPrevented should be initialized to false.");

test(() => {
  ev.preventDefault();
  assert_equals(ev.cancelable, false, "cancelable");
  assert_equals(ev.defaultPrevented, false, "defaultPrevented");
}, "preventDefault() should not change defaultPrevented if cancelable is false.");

test(() => {
  ev.returnValue = false;
  assert_equals(ev.cancelable, false, "cancelable");
  assert_equals(ev.defaultPrevented, false, "defaultPrevented");
}, "returnValue should not change defaultPrevented if cancelable is false.");

test(() => {
  ev = new Event("foo", { bubbles: true, cancelable: true });
  ev.preventDefault();
  assert_equals(ev.cancelable, true, "cancelable");
  assert_equals(ev.defaultPrevented, true, "defaultPrevented");
}, "preventDefault() should change defaultPrevented if cancelable is true.");

test(() => {
  ev.returnValue = false;
  assert_equals(ev.defaultPrevented, true, "defaultPrevented");
}, "returnValue should change defaultPrevented if cancelable is true.");

test(() => {
  ev.initEvent("foo", true, true);
  assert_equals(ev.bubbles, true, "bubbles");
  assert_equals(ev.cancelable, true, "cancelable");
  assert_equals(ev.defaultPrevented, false, "defaultPrevented");
}, "initEvent should unset defaultPrevented.");

for (const [how, cancel] of [["preventDefault", (e) => e.preventDefault()], ["returnValue", (e) => { e.returnValue = false; }]]) {
  test(function () {
    const target = new EventTarget();
    const evt = new Event("foo", { bubbles: true, cancelable: true });
    target.addEventListener("foo", this.step_func((e) => {
      cancel(e);
      assert_true(e.defaultPrevented, "during dispatch");
    }), true);
    target.dispatchEvent(evt);
    assert_true(evt.defaultPrevented, "after dispatch");
    assert_equals(evt.target, target);
    assert_equals(evt.srcElement, target);
  }, `Default prevention via ${how} survives the dispatch`);
}
