// META: title=EventTarget listeners this value
// Restates upstream dom/events/EventTarget-this-of-listener.any.js (globalThis and a new EventTarget).

const targets = () => [globalThis, new EventTarget()];

test(() => {
  let callCount = 0;
  for (const target of targets()) {
    const f = function () {
      ++callCount;
      assert_equals(this, target);
    };
    target.addEventListener("someevent", f);
    target.dispatchEvent(new CustomEvent("someevent"));
    target.removeEventListener("someevent", f);
  }
  assert_equals(callCount, 2);
}, "the this value inside the event listener callback should be the node");

test(() => {
  let callCount = 0;
  for (const target of targets()) {
    const handler = { handleEvent() { ++callCount; assert_equals(this, handler); } };
    target.addEventListener("someevent", handler);
    target.dispatchEvent(new CustomEvent("someevent"));
    target.removeEventListener("someevent", handler);
  }
  assert_equals(callCount, 2);
}, "the this value inside the event listener object handleEvent should be the object");

test(() => {
  let callCount = 0;
  for (const target of targets()) {
    const handler = { handleEvent() { assert_unreached("should not call the old handleEvent method"); } };
    target.addEventListener("someevent", handler);
    handler.handleEvent = function () { ++callCount; assert_equals(this, handler); };
    target.dispatchEvent(new CustomEvent("someevent"));
    target.removeEventListener("someevent", handler);
  }
  assert_equals(callCount, 2);
}, "dispatchEvent should invoke the current handleEvent method of the object");

test(() => {
  let callCount = 0;
  for (const target of targets()) {
    const handler = {};
    target.addEventListener("someevent", handler);
    handler.handleEvent = function () { ++callCount; assert_equals(this, handler); };
    target.dispatchEvent(new CustomEvent("someevent"));
    target.removeEventListener("someevent", handler);
  }
  assert_equals(callCount, 2);
}, "addEventListener should not require handleEvent to be defined on object listeners");

for (const when of ["before", "after"]) {
  test(() => {
    let callCount = 0;
    for (const target of targets()) {
      function handler() { ++callCount; assert_equals(this, target); }
      const poison = () => assert_unreached("should not call the handleEvent method on a function");
      if (when === "before") handler.handleEvent = poison;
      target.addEventListener("someevent", handler);
      if (when === "after") handler.handleEvent = poison;
      target.dispatchEvent(new CustomEvent("someevent"));
      target.removeEventListener("someevent", handler);
    }
    assert_equals(callCount, 2);
  }, `handleEvent properties added to a function ${when} addEventListener are not reached`);
}
