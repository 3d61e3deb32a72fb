// META: title=Event constants
// Restates upstream dom/events/Event-constants.any.js (with dom/constants.js inlined).

const constants = [["NONE", 0], ["CAPTURING_PHASE", 1], ["AT_TARGET", 2], ["BUBBLING_PHASE", 3]];

for (const [object, description] of [[Event, "Event interface object"], [Event.prototype, "Event prototype object"]]) {
  test(() => {
    for (const [name, value] of constants) assert_equals(object[name], value, name);
  }, `eventPhase constants on the ${description}`);

  test(() => {
    for (const [name, value] of constants) {
      const d = Object.getOwnPropertyDescriptor(object, name);
      assert_equals(d.value, value, name);
      assert_false(d.writable, `${name} writable`);
      assert_true(d.enumerable, `${name} enumerable`);
      assert_false(d.configurable, `${name} configurable`);
    }
  }, `eventPhase constants on the ${description}: property attributes`);
}

test(() => {
  const ev = new Event("x");
  for (const [name, value] of constants) assert_equals(ev[name], value, name);
}, "eventPhase constants are reachable from an event");
