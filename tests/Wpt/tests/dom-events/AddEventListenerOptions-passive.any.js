// META: title=AddEventListenerOptions.passive
// Restates upstream dom/events/AddEventListenerOptions-passive.any.js.

test(() => {
  let read = false;
  const options = {
    get passive() { read = true; return false; },
    get dummy() { assert_unreached("dummy value getter invoked"); return false; },
  };
  const et = new EventTarget();
  et.addEventListener("test_event", null, options);
  assert_true(read, "addEventListener doesn't support the passive option");
  read = false;
  et.removeEventListener("test_event", null, options);
  assert_false(read, "removeEventListener supports the passive option when it should not");
}, "Supports passive option on addEventListener only");

function checkPassive(options, expectPrevented, cancel, target) {
  let prevented;
  const handler = (e) => {
    assert_false(e.defaultPrevented, "Event prematurely marked defaultPrevented");
    cancel(e);
    prevented = e.defaultPrevented;
  };
  const et = target || new EventTarget();
  et.addEventListener("test", handler, options);
  const uncanceled = et.dispatchEvent(new Event("test", { bubbles: true, cancelable: true }));
  assert_equals(prevented, expectPrevented, `defaultPrevented for options ${JSON.stringify(options)}`);
  assert_equals(uncanceled, !expectPrevented, "return value of dispatchEvent");
  et.removeEventListener("test", handler, options);
}

const cases = [[undefined, true], [{}, true], [{ passive: false }, true], [{ passive: true }, false], [{ passive: 0 }, true], [{ passive: 1 }, false]];

test(() => {
  for (const [options, expected] of cases) checkPassive(options, expected, (e) => e.preventDefault());
}, "preventDefault should be ignored if-and-only-if the passive option is true");

test(() => {
  for (const [options, expected] of cases) checkPassive(options, expected, (e) => { e.returnValue = false; });
}, "returnValue should be ignored if-and-only-if the passive option is true");

test(() => {
  for (const [options, expected] of [[{}, true], [{ passive: false }, true], [{ passive: true }, false]]) {
    let invoked1 = false, invoked2 = false;
    const et = new EventTarget();
    const dummy1 = () => { invoked1 = true; };
    const dummy2 = () => { invoked2 = true; };
    et.addEventListener("test", dummy1, { passive: true });
    et.addEventListener("test", dummy2);
    checkPassive(options, expected, (e) => e.preventDefault(), et);
    assert_true(invoked1, "Extra passive handler not invoked");
    assert_true(invoked2, "Extra non-passive handler not invoked");
  }
}, "passive behavior of one listener should be unaffected by the presence of other listeners");

test(() => {
  const equivalent = (a, b, same) => {
    let count = 0;
    const handler = () => { count++; };
    const et = new EventTarget();
    et.addEventListener("test", handler, a);
    et.addEventListener("test", handler, b);
    et.dispatchEvent(new Event("test", { bubbles: true }));
    assert_equals(count, same ? 1 : 2, `equivalence of options ${JSON.stringify(a)} and ${JSON.stringify(b)}`);
  };
  equivalent({ capture: true }, { capture: false, passive: false }, false);
  equivalent({ capture: true }, { passive: true }, false);
  equivalent({}, { passive: false }, true);
  equivalent({ passive: true }, { passive: false }, true);
  equivalent(undefined, { passive: true }, true);
  equivalent({ capture: true, passive: false }, { capture: true, passive: true }, true);
}, "Equivalence of option values");
