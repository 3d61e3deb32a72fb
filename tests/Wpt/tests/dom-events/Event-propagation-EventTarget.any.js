// META: title=Event propagation flags on a plain EventTarget
// Restates upstream dom/events/Event-propagation-EventTarget.any.js: an EventTarget has no parents,
// so a stop propagation flag set before dispatch does not keep the target's own listeners from
// running, while the stop immediate propagation flag does. Every dispatch clears both flags.

const target = new EventTarget();

function checkFlags(ev, expected, name) {
  test(function () {
    let called = false;
    const callback = () => { called = true; };
    this.add_cleanup(() => target.removeEventListener("foo", callback));
    target.addEventListener("foo", callback);
    target.dispatchEvent(ev);
    assert_equals(called, expected, "Propagation flag");
    target.dispatchEvent(ev);
    assert_equals(called, true, "Propagation flag after first dispatch");
  }, name);
}

let ev = new Event("foo", { bubbles: true, cancelable: false });
checkFlags(ev, true, "Newly-created Event");
ev.stopPropagation();
checkFlags(ev, true, "After stopPropagation()");
ev.initEvent("foo", true, false);
checkFlags(ev, true, "Reinitialized after stopPropagation()");

ev = new Event("foo", { bubbles: true, cancelable: false });
ev.stopImmediatePropagation();
checkFlags(ev, false, "After stopImmediatePropagation()");
ev.initEvent("foo", true, false);
checkFlags(ev, true, "Reinitialized after stopImmediatePropagation()");

ev = new Event("foo", { bubbles: true, cancelable: false });
ev.cancelBubble = true;
checkFlags(ev, true, "After cancelBubble=true");
ev.initEvent("foo", true, false);
checkFlags(ev, true, "Reinitialized after cancelBubble=true");
