// META: title=Event constructors
// Restates upstream dom/events/Event-constructors.any.js.

function checkFresh(ev, type) {
  assert_equals(ev.type, type, "type");
  assert_equals(ev.target, null, "target");
  assert_equals(ev.srcElement, null, "srcElement");
  assert_equals(ev.currentTarget, null, "currentTarget");
  assert_equals(ev.eventPhase, Event.NONE, "eventPhase");
  assert_equals(ev.bubbles, false, "bubbles");
  assert_equals(ev.cancelable, false, "cancelable");
  assert_equals(ev.defaultPrevented, false, "defaultPrevented");
  assert_equals(ev.returnValue, true, "returnValue");
  assert_equals(ev.isTrusted, false, "isTrusted");
  assert_true(ev.timeStamp >= 0, "timeStamp");
  assert_true("initEvent" in ev, "initEvent");
}

test(() => {
  assert_throws_js(TypeError, () => Event(""), "Calling Event constructor without 'new' must throw");
}, "Event without new throws (empty type)");

test(() => {
  assert_throws_js(TypeError, () => new Event());
}, "Event requires a type");

test(() => {
  const thrown = { name: "test" };
  assert_throws_exactly(thrown, () => new Event({ toString() { throw thrown; } }));
}, "the type is converted with ToString, which may throw");

test(() => checkFresh(new Event(""), ""), "Event with the empty type");
test(() => checkFresh(new Event("test"), "test"), "Event with a type");

test(() => {
  assert_throws_js(TypeError, () => Event("test"), 'Calling Event constructor without "new" must throw');
}, "Event without new throws");

test(() => {
  const ev = new Event("I am an event", { bubbles: true, cancelable: false });
  assert_equals(ev.type, "I am an event");
  assert_equals(ev.bubbles, true);
  assert_equals(ev.cancelable, false);
}, "bubbles and cancelable from the dictionary");

test(() => {
  const ev = new Event("@", { bubblesIGNORED: true, cancelable: true });
  assert_equals(ev.type, "@");
  assert_equals(ev.bubbles, false);
  assert_equals(ev.cancelable, true);
}, "unknown dictionary members are ignored");

test(() => {
  const ev = new Event("@", { "bubbles\0IGNORED": true, cancelable: true });
  assert_equals(ev.bubbles, false);
  assert_equals(ev.cancelable, true);
}, "a member name with a NUL is not the member");

test(() => {
  const ev = new Event("Xx", { cancelable: true });
  assert_equals(ev.type, "Xx");
  assert_equals(ev.bubbles, false);
  assert_equals(ev.cancelable, true);
}, "only cancelable given");

test(() => {
  const ev = new Event("Xx", {});
  assert_equals(ev.bubbles, false);
  assert_equals(ev.cancelable, false);
}, "empty dictionary");

test(() => {
  const ev = new Event("Xx", { bubbles: true, cancelable: false, sweet: "x" });
  assert_equals(ev.bubbles, true);
  assert_equals(ev.cancelable, false);
  assert_equals(ev.sweet, undefined);
}, "extra members are not copied to the event");

test(() => {
  const called = [];
  const ev = new Event("Xx", {
    get cancelable() { called.push("cancelable"); return false; },
    get bubbles() { called.push("bubbles"); return true; },
    get sweet() { called.push("sweet"); return "x"; },
  });
  assert_array_equals(called, ["bubbles", "cancelable"]);
  assert_equals(ev.type, "Xx");
  assert_equals(ev.bubbles, true);
  assert_equals(ev.cancelable, false);
  assert_equals(ev.sweet, undefined);
}, "dictionary members are read in order, unknown ones never");

test(() => {
  const ev = new CustomEvent("$", { detail: 54, sweet: "x", sweet2: "x", cancelable: true });
  assert_equals(ev.type, "$");
  assert_equals(ev.bubbles, false);
  assert_equals(ev.cancelable, true);
  assert_equals(ev.sweet, undefined);
  assert_equals(ev.detail, 54);
}, "CustomEvent dictionary");
