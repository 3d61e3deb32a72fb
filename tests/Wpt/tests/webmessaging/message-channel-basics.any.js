// META: title=MessageChannel and MessagePort basics
// Restates upstream webmessaging/Channel_postMessage_event_properties.htm,
// Channel_MessagePort_initial_disabled.htm, Channel_MessagePort_onmessage_start.htm,
// MessageEvent_properties.htm and event.data/event.ports/event.source tests, for MessageChannel.

async_test((t) => {
  const channel = new MessageChannel();
  channel.port2.start();
  channel.port2.addEventListener("message", t.step_func_done((evt) => {
    assert_array_equals([evt instanceof MessageEvent, evt.type, evt.bubbles, evt.cancelable], [true, "message", false, false]);
  }), true);
  channel.port1.postMessage("ping");
}, "postMessage() fires a MessageEvent named message, which does not bubble and is not cancelable");

async_test((t) => {
  const channel = new MessageChannel();
  let received = false;
  channel.port2.addEventListener("message", () => { received = true; }, true);
  channel.port1.postMessage("ping");
  setTimeout(t.step_func_done(() => {
    assert_false(received, "Port message queue is initially disabled");
  }), 100);
}, "A port message queue can be enabled or disabled, and is initially disabled.");

async_test((t) => {
  const channel = new MessageChannel();
  channel.port2.onmessage = t.step_func_done((e) => assert_equals(e.data, "ping"));
  channel.port1.postMessage("ping");
}, "Setting onmessage enables the port message queue");

async_test((t) => {
  const channel = new MessageChannel();
  channel.port1.postMessage("queued");
  setTimeout(t.step_func(() => {
    channel.port2.addEventListener("message", t.step_func_done((e) => assert_equals(e.data, "queued")));
    channel.port2.start();
  }), 50);
}, "Messages queued before start() are delivered after it");

async_test((t) => {
  const channel = new MessageChannel();
  channel.port2.onmessage = t.step_func_done((e) => {
    e.preventDefault();
    assert_array_equals([e.data, e.origin, e.lastEventId, e.source, e.ports.length, e.defaultPrevented, e.isTrusted],
      ["foo", "", "", null, 0, false, true]);
  });
  channel.port1.postMessage("foo");
}, "MessageEvent attributes of a message from a MessageChannel");

async_test((t) => {
  const channel = new MessageChannel();
  const sent = { date: new Date(0), list: [1, "two", { three: 3 }], map: new Map([[1, 2]]) };
  sent.self = sent;
  channel.port2.onmessage = t.step_func_done((e) => {
    const data = e.data;
    assert_not_equals(data, sent);
    assert_true(data.date instanceof Date);
    assert_equals(data.date.getTime(), 0);
    assert_equals(data.list[2].three, 3);
    assert_equals(data.map.get(1), 2);
    assert_equals(data.self, data, "cycles are kept");
  });
  channel.port1.postMessage(sent);
}, "event.data is a structured clone of the message");

async_test((t) => {
  const channel = new MessageChannel();
  const received = [];
  channel.port2.onmessage = t.step_func((e) => {
    received.push(e.data);
    if (received.length === 3) {
      assert_array_equals(received, [1, 2, 3]);
      t.done();
    }
  });
  channel.port1.postMessage(1);
  channel.port1.postMessage(2);
  channel.port1.postMessage(3);
}, "messages arrive in the order they were posted");

async_test((t) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = t.step_func_done((e) => assert_equals(e.data, "pong"));
  channel.port2.onmessage = t.step_func((e) => channel.port2.postMessage("pong"));
  channel.port1.postMessage("ping");
}, "both ports of a channel can post to each other");

test(() => {
  const channel = new MessageChannel();
  assert_true(channel.port1 instanceof MessagePort);
  assert_equals(channel.port1, channel.port1);
  assert_not_equals(channel.port1, channel.port2);
  assert_throws_js(TypeError, () => new MessagePort());
  assert_throws_js(TypeError, () => channel.port1.postMessage());
}, "MessageChannel and MessagePort shape");
