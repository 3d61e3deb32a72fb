// META: title=MessageEvent constructor and initMessageEvent
// Restates upstream html/webappapis and webmessaging MessageEvent tests (MessageEvent.any.js,
// MessageEvent_initMessageEvent_method.htm) for the members that exist without windows.

test(() => {
  const ev = new MessageEvent("message");
  assert_equals(ev.type, "message");
  assert_equals(ev.data, null, "data");
  assert_equals(ev.origin, "", "origin");
  assert_equals(ev.lastEventId, "", "lastEventId");
  assert_equals(ev.source, null, "source");
  assert_array_equals(ev.ports, [], "ports");
  assert_false(ev.bubbles);
  assert_false(ev.cancelable);
}, "MessageEvent default values");

test(() => {
  const { port1 } = new MessageChannel();
  const ev = new MessageEvent("message", {
    data: { a: 1 }, origin: "https://example.com", lastEventId: "7", source: port1, ports: [port1], bubbles: true, cancelable: true,
  });
  assert_equals(ev.data.a, 1);
  assert_equals(ev.origin, "https://example.com");
  assert_equals(ev.lastEventId, "7");
  assert_equals(ev.source, port1);
  assert_array_equals(ev.ports, [port1]);
  assert_true(ev.bubbles);
  assert_true(ev.cancelable);
}, "MessageEventInit members");

test(() => {
  const ev = new MessageEvent("message", { ports: [] });
  assert_true(Object.isFrozen(ev.ports));
  assert_equals(ev.ports, ev.ports);
}, "ports is a frozen array, the same object each time");

test(() => {
  assert_throws_js(TypeError, () => new MessageEvent("message", { ports: [1] }));
  assert_throws_js(TypeError, () => new MessageEvent("message", { ports: 0 }));
  assert_throws_js(TypeError, () => new MessageEvent("message", { source: {} }));
  assert_throws_js(TypeError, () => new MessageEvent());
}, "MessageEventInit conversions");

test(() => {
  const order = [];
  const init = {};
  for (const name of ["source", "ports", "origin", "lastEventId", "data", "cancelable", "bubbles", "composed"]) {
    Object.defineProperty(init, name, { get() { order.push(name); return undefined; } });
  }
  new MessageEvent("message", init);
  assert_array_equals(order, ["bubbles", "cancelable", "composed", "data", "lastEventId", "origin", "ports", "source"]);
}, "dictionary members are read in order");

test(() => {
  const ev = new MessageEvent("message");
  assert_true("initMessageEvent" in ev);
  ev.initMessageEvent("other", true, true, "d", "o", "id", null, []);
  assert_equals(ev.type, "other");
  assert_true(ev.bubbles);
  assert_true(ev.cancelable);
  assert_equals(ev.data, "d");
  assert_equals(ev.origin, "o");
  assert_equals(ev.lastEventId, "id");
  assert_equals(MessageEvent.prototype.initMessageEvent.length, 1);
  assert_throws_js(TypeError, () => ev.initMessageEvent());
}, "initMessageEvent");
