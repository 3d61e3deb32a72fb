// META: title=MessagePort close()
// Restates upstream webmessaging/message-channels/close.html.

async_test((t) => {
  const c = new MessageChannel();
  c.port1.onmessage = t.unreached_func("Should not have delivered message");
  c.port1.close();
  c.port2.postMessage("TEST");
  setTimeout(t.step_func_done(), 100);
}, "Message sent to closed port should not arrive.");

async_test((t) => {
  const c = new MessageChannel();
  c.port1.onmessage = t.unreached_func("Should not have delivered message");
  c.port2.close();
  c.port2.postMessage("TEST");
  setTimeout(t.step_func_done(), 100);
}, "Message sent from closed port should not arrive.");

async_test((t) => {
  const c = new MessageChannel();
  c.port1.onmessage = t.unreached_func("Should not have delivered message");
  c.port1.close();
  const c2 = new MessageChannel();
  c2.port1.onmessage = t.step_func((e) => {
    e.ports[0].postMessage("TESTMSG");
    setTimeout(t.step_func_done(), 100);
  });
  c2.port2.postMessage("TEST", [c.port2]);
}, "Message sent to closed port from transferred port should not arrive.");

async_test((t) => {
  const c = new MessageChannel();
  c.port1.onmessage = t.unreached_func("Should not have delivered message");
  c.port2.close();
  const c2 = new MessageChannel();
  c2.port1.onmessage = t.step_func((e) => {
    e.ports[0].postMessage("TESTMSG");
    setTimeout(t.step_func_done(), 100);
  });
  c2.port2.postMessage("TEST", [c.port2]);
}, "Message sent from transferred closed port should not arrive.");

async_test((t) => {
  const c = new MessageChannel();
  let isClosed = false;
  c.port1.onmessage = t.step_func_done((e) => {
    assert_true(isClosed);
    assert_equals(e.data, "TEST");
  });
  c.port2.postMessage("TEST");
  c.port2.close();
  isClosed = true;
}, "Inflight messages should be delivered even when sending port is closed afterwards.");

async_test((t) => {
  const c = new MessageChannel();
  c.port1.onmessage = t.step_func_done((e) => {
    assert_equals(e.data, "TEST");
    c.port1.close();
  });
  c.port2.postMessage("TEST");
  c.port2.postMessage("DONE");
}, "Close in onmessage should not cancel inflight messages.");
