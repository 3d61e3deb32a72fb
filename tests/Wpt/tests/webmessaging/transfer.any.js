// META: title=postMessage transfer lists
// Restates upstream webmessaging/postMessage_ArrayBuffer.htm, postMessage_dup_transfer_objects.htm,
// Transferred_objects_unusable.htm, Channel_postMessage_DataCloneErr.htm and
// Channel_postMessage_clone_port.htm / with-ports tests, for MessageChannel.

async_test((t) => {
  const channel = new MessageChannel();
  const buffer = new Uint8Array([1, 2, 3, 4]).buffer;
  channel.port2.onmessage = t.step_func_done((e) => {
    assert_true(e.data instanceof ArrayBuffer);
    assert_array_equals(new Uint8Array(e.data), [1, 2, 3, 4]);
  });
  channel.port1.postMessage(buffer, [buffer]);
  assert_equals(buffer.byteLength, 0, "the sender's buffer is detached");
}, "a transferred ArrayBuffer arrives and is detached at the sender");

async_test((t) => {
  const channel = new MessageChannel();
  const buffer = new ArrayBuffer(8);
  channel.port2.onmessage = t.step_func_done((e) => assert_equals(e.data.byteLength, 8));
  channel.port1.postMessage(buffer, { transfer: [buffer] });
  assert_equals(buffer.byteLength, 0);
}, "postMessage(message, { transfer })");

test(() => {
  const channel = new MessageChannel();
  const buffer = new ArrayBuffer(4);
  assert_throws_dom("DataCloneError", () => channel.port1.postMessage(buffer, [buffer, buffer]));
  assert_equals(buffer.byteLength, 4, "nothing was detached");
  const other = new MessageChannel();
  assert_throws_dom("DataCloneError", () => channel.port1.postMessage("ports", [other.port1, other.port1]));
}, "postMessage with duplicate transfer objects raises DataCloneError exception.");

test(() => {
  const channel = new MessageChannel();
  assert_throws_dom("DataCloneError", () => channel.port1.postMessage("self", [channel.port1]));
}, "a port cannot transfer itself");

test(() => {
  const channel = new MessageChannel();
  channel.port1.start();
  assert_throws_dom("DataCloneError", () => channel.port1.postMessage(() => {}));
  assert_throws_dom("DataCloneError", () => channel.port1.postMessage(Symbol("s")));
}, "uncloneable values raise DataCloneError");

test(() => {
  const channel = new MessageChannel();
  channel.port1.start();
  assert_throws_dom("DataCloneError", () => channel.port1.postMessage(navigator));
}, "Throw a DataCloneError when a host object (e.g. a DOM node) is used with postMessage.");

async_test((t) => {
  const main = new MessageChannel();
  const side = new MessageChannel();
  main.port2.onmessage = t.step_func((e) => {
    assert_equals(e.ports.length, 1);
    const moved = e.ports[0];
    assert_true(moved instanceof MessagePort);
    assert_not_equals(moved, side.port1, "the receiver gets a new MessagePort object");
    moved.onmessage = t.step_func_done((m) => assert_equals(m.data, "through the moved port"));
    side.port2.postMessage("through the moved port");
  });
  main.port1.postMessage("here", [side.port1]);
}, "a transferred MessagePort stays entangled with its partner");

test(() => {
  const main = new MessageChannel();
  const side = new MessageChannel();
  main.port1.postMessage("first", [side.port1]);
  assert_throws_dom("DataCloneError", () => main.port1.postMessage("again", [side.port1]));
}, "a MessagePort that was transferred cannot be transferred again");

async_test((t) => {
  const channel = new MessageChannel();
  channel.port2.onmessage = t.step_func_done((e) => {
    assert_true(Object.isFrozen(e.ports), "ports is frozen");
    assert_equals(e.ports, e.ports, "ports is the same object each time");
  });
  channel.port1.postMessage("x", [new MessageChannel().port1]);
}, "event.ports is a frozen array");

async_test((t) => {
  const channel = new MessageChannel();
  const blob = new Blob(["blob contents"], { type: "text/plain" });
  channel.port2.onmessage = t.step_func((e) => {
    assert_true(e.data instanceof Blob, "a Blob arrives as a Blob");
    e.data.text().then(t.step_func_done((text) => assert_equals(text, "blob contents")));
  });
  channel.port1.postMessage(blob);
}, "a Blob can be posted");
