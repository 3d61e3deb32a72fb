// META: title=Event subclass constructors
// Restates upstream dom/events/Event-subclasses-constructors.any.js (Event and a script subclass).

class SubclassedEvent extends Event {
  constructor(name, props) {
    super(name, props);
    this.customProp = props && typeof props === "object" && "customProp" in props ? props.customProp : 5;
  }
  get fixedProp() { return 17; }
}
const interfaces = { Event, SubclassedEvent };

const expected = {
  Event: { properties: [["bubbles", false, true], ["cancelable", false, true], ["isTrusted", false, false]] },
  SubclassedEvent: { parent: "Event", properties: [["customProp", 5, 8], ["fixedProp", 17, 17]] },
};

function checkProps(iface, event, defaults) {
  assert_true(event instanceof interfaces[iface]);
  for (const [property, defaultValue, otherValue] of expected[iface].properties) {
    const value = defaults ? defaultValue : otherValue;
    assert_true(property in event, `should have a ${property} property`);
    assert_equals(event[property], value, `${property}`);
  }
  if (expected[iface].parent) checkProps(expected[iface].parent, event, defaults);
}

for (const iface of Object.keys(expected)) {
  test(() => checkProps(iface, new interfaces[iface]("type"), true), `${iface} constructor (no argument)`);
  test(() => checkProps(iface, new interfaces[iface]("type", undefined), true), `${iface} constructor (undefined argument)`);
  test(() => checkProps(iface, new interfaces[iface]("type", null), true), `${iface} constructor (null argument)`);
  test(() => checkProps(iface, new interfaces[iface]("type", {}), true), `${iface} constructor (empty argument)`);
  test(() => {
    const dict = {};
    for (const [property, value] of expected[iface].properties) dict[property] = value;
    checkProps(iface, new interfaces[iface]("type", dict), true);
  }, `${iface} constructor (argument with default values)`);
  test(() => {
    const dict = {};
    const fill = (name) => {
      if (expected[name].parent) fill(expected[name].parent);
      for (const [property, , value] of expected[name].properties) dict[property] = value;
    };
    fill(iface);
    checkProps(iface, new interfaces[iface]("type", dict), false);
  }, `${iface} constructor (argument with non-default values)`);
}
