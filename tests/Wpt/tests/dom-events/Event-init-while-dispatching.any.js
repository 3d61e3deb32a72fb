// META: title=Re-initializing events while dispatching them
// Restates upstream dom/events/Event-init-while-dispatching.any.js.

const kinds = {
  CustomEvent: {
    create: () => new CustomEvent("type"),
    init: (ev) => ev.initCustomEvent("type2", true, true, 1),
    check: (ev) => assert_equals(ev.detail, null, "initCustomEvent detail setter should short-circuit"),
  },
  Event: {
    create: () => new Event("type"),
    init: (ev) => ev.initEvent("type2", true, true),
    check: (ev) => {
      assert_equals(ev.bubbles, false, "initEvent bubbles setter should short-circuit");
      assert_equals(ev.cancelable, false, "initEvent cancelable setter should short-circuit");
      assert_equals(ev.type, "type", "initEvent type setter should short-circuit");
    },
  },
};

for (const name of Object.keys(kinds)) {
  test(function () {
    const e = kinds[name].create();
    let called = false;
    const target = new EventTarget();
    target.addEventListener("type", this.step_func(() => {
      called = true;
      kinds[name].init(e);
      for (let proto = Object.getPrototypeOf(e); proto && proto.constructor.name in kinds; proto = Object.getPrototypeOf(proto)) {
        kinds[proto.constructor.name].check(e);
      }
    }));
    assert_equals(target.dispatchEvent(e), true, "dispatchEvent must return true");
    assert_true(called, "callback should be called");
  }, `Calling init${name} while dispatching.`);
}
