// META: global=window,worker
// META: script=../resources/test-utils.js
// META: script=../resources/recording-streams.js
// Restated from web-platform-tests streams/piping/close-propagation-forward.any.js,
// close-propagation-backward.any.js, error-propagation-forward.any.js,
// error-propagation-backward.any.js, flow-control.any.js and abort.any.js.
'use strict';

const error1 = new Error('error1!');
error1.name = 'error1';
const error2 = new Error('error2!');
error2.name = 'error2';

// ---- close forward ----

promise_test(() => {
  const rs = recordingReadableStream({ start(controller) { controller.close(); } });
  const ws = recordingWritableStream();
  return rs.pipeTo(ws).then((value) => {
    assert_equals(value, undefined, 'the promise must fulfill with undefined');
  }).then(() => {
    assert_array_equals(rs.eventsWithoutPulls, []);
    assert_array_equals(ws.events, ['close']);
    return Promise.all([rs.getReader().closed, ws.getWriter().closed]);
  });
}, 'Closing must be propagated forward: starts closed; preventClose omitted; fulfilled close promise');

promise_test((t) => {
  const rs = recordingReadableStream({ start(controller) { controller.close(); } });
  const ws = recordingWritableStream({ close() { throw error1; } });
  return promise_rejects_exactly(t, error1, rs.pipeTo(ws), 'pipeTo must reject with the same error').then(() => {
    assert_array_equals(rs.eventsWithoutPulls, []);
    assert_array_equals(ws.events, ['close']);
    return Promise.all([rs.getReader().closed, promise_rejects_exactly(t, error1, ws.getWriter().closed)]);
  });
}, 'Closing must be propagated forward: starts closed; preventClose omitted; rejected close promise');

for (const preventClose of [true, 'a', -1, {}]) {
  promise_test(() => {
    const rs = recordingReadableStream({ start(controller) { controller.close(); } });
    const ws = recordingWritableStream();
    return rs.pipeTo(ws, { preventClose }).then((value) => {
      assert_equals(value, undefined, 'the promise must fulfill with undefined');
      assert_array_equals(rs.eventsWithoutPulls, []);
      assert_array_equals(ws.events, []);
      return rs.getReader().closed;
    });
  }, `Closing must be propagated forward: starts closed; preventClose = ${String(preventClose)} (truthy)`);
}

promise_test(() => {
  const rs = recordingReadableStream();
  const ws = recordingWritableStream();
  const pipePromise = rs.pipeTo(ws);
  t_delay(() => rs.controller.close());
  return pipePromise.then((value) => {
    assert_equals(value, undefined, 'the promise must fulfill with undefined');
    assert_array_equals(ws.events, ['close']);
  });
}, 'Closing must be propagated forward: becomes closed asynchronously; preventClose omitted; fulfilled close promise');

function t_delay(f) {
  step_timeout(f, 5);
}

promise_test(() => {
  const rs = recordingReadableStream();
  const ws = recordingWritableStream();
  const pipePromise = rs.pipeTo(ws, { preventClose: true });
  t_delay(() => rs.controller.close());
  return pipePromise.then(() => {
    assert_array_equals(ws.events, []);
    return rs.getReader().closed;
  });
}, 'Closing must be propagated forward: becomes closed asynchronously; preventClose = true');

promise_test(() => {
  const rs = recordingReadableStream();
  const ws = recordingWritableStream();
  const pipePromise = rs.pipeTo(ws);
  t_delay(() => {
    rs.controller.enqueue('Hello');
    t_delay(() => rs.controller.close());
  });
  return pipePromise.then(() => {
    assert_array_equals(ws.events, ['write', 'Hello', 'close']);
  });
}, 'Closing must be propagated forward: becomes closed after one chunk; preventClose omitted; fulfilled close promise');

promise_test(() => {
  let resolveWritePromise;
  const ws = recordingWritableStream({
    write() { return new Promise((resolve) => { resolveWritePromise = resolve; }); },
  });
  let pipeComplete = false;
  const rs = recordingReadableStream();
  const pipePromise = rs.pipeTo(ws).then(() => { pipeComplete = true; });
  rs.controller.enqueue('a');
  rs.controller.close();
  return flushAsyncEvents().then(() => {
    assert_array_equals(ws.events, ['write', 'a'], 'the chunk must have been written, but close must not have happened yet');
    assert_false(pipeComplete, 'the pipe must not be complete');
    resolveWritePromise();
    return pipePromise;
  }).then(() => assert_array_equals(ws.events, ['write', 'a', 'close'], 'the chunk must have been written, then close'));
}, 'Closing must be propagated forward: shutdown must not occur until the final write completes');

// ---- close backward ----

promise_test(() => {
  const rs = recordingReadableStream();
  const ws = recordingWritableStream();
  const writer = ws.getWriter();
  writer.close();
  writer.releaseLock();
  return rs.pipeTo(ws).then(() => assert_unreached('the promise must not fulfill'), (err) => {
    assert_equals(err.name, 'TypeError', 'the promise must reject with a TypeError');
    assert_array_equals(rs.eventsWithoutPulls, ['cancel', err]);
    assert_array_equals(ws.events, ['close']);
  });
}, 'Closing must be propagated backward: starts closed; preventCancel omitted; fulfilled cancel promise');

promise_test((t) => {
  const rs = recordingReadableStream({ cancel() { throw error1; } });
  const ws = recordingWritableStream();
  const writer = ws.getWriter();
  writer.close();
  writer.releaseLock();
  return promise_rejects_exactly(t, error1, rs.pipeTo(ws), 'pipeTo must reject with the same error').then(() => {
    assert_equals(rs.eventsWithoutPulls[0], 'cancel');
  });
}, 'Closing must be propagated backward: starts closed; preventCancel omitted; rejected cancel promise');

promise_test((t) => {
  const rs = recordingReadableStream();
  const ws = recordingWritableStream();
  const writer = ws.getWriter();
  writer.close();
  writer.releaseLock();
  return promise_rejects_js(t, TypeError, rs.pipeTo(ws, { preventCancel: true })).then(() => {
    assert_array_equals(rs.eventsWithoutPulls, []);
    assert_array_equals(ws.events, ['close']);
  });
}, 'Closing must be propagated backward: starts closed; preventCancel = true');

// ---- error forward ----

promise_test((t) => {
  const rs = recordingReadableStream({ start() { return Promise.reject(error1); } });
  const ws = recordingWritableStream();
  return promise_rejects_exactly(t, error1, rs.pipeTo(ws), 'pipeTo must reject with the same error').then(() => {
    assert_array_equals(rs.eventsWithoutPulls, []);
    assert_array_equals(ws.events, ['abort', error1]);
  });
}, 'Errors must be propagated forward: starts errored; preventAbort = false; fulfilled abort promise');

promise_test((t) => {
  const rs = recordingReadableStream({ start() { return Promise.reject(error1); } });
  const ws = recordingWritableStream({ abort() { throw error2; } });
  return promise_rejects_exactly(t, error2, rs.pipeTo(ws), 'pipeTo must reject with the abort error').then(() => {
    assert_array_equals(ws.events, ['abort', error1]);
  });
}, 'Errors must be propagated forward: starts errored; preventAbort = false; rejected abort promise');

promise_test((t) => {
  const rs = recordingReadableStream({ start() { return Promise.reject(error1); } });
  const ws = recordingWritableStream();
  return promise_rejects_exactly(t, error1, rs.pipeTo(ws, { preventAbort: true }), 'pipeTo must reject with the same error').then(() => {
    assert_array_equals(rs.eventsWithoutPulls, []);
    assert_array_equals(ws.events, []);
  });
}, 'Errors must be propagated forward: starts errored; preventAbort = true');

promise_test((t) => {
  const rs = recordingReadableStream();
  const ws = recordingWritableStream();
  const pipePromise = promise_rejects_exactly(t, error1, rs.pipeTo(ws), 'pipeTo must reject with the same error');
  t_delay(() => rs.controller.error(error1));
  return pipePromise.then(() => assert_array_equals(ws.events, ['abort', error1]));
}, 'Errors must be propagated forward: becomes errored while empty; preventAbort = false');

promise_test((t) => {
  let resolveWriteCalled;
  const writeCalledPromise = new Promise((resolve) => { resolveWriteCalled = resolve; });
  let resolveWritePromise;
  const ws = recordingWritableStream({
    write() {
      resolveWriteCalled();
      return new Promise((resolve) => { resolveWritePromise = resolve; });
    },
  });
  let pipeComplete = false;
  const rs = recordingReadableStream();
  const pipePromise = promise_rejects_exactly(t, error1, rs.pipeTo(ws)).then(() => { pipeComplete = true; });
  rs.controller.enqueue('a');
  return writeCalledPromise.then(() => {
    rs.controller.error(error1);
    return flushAsyncEvents();
  }).then(() => {
    assert_array_equals(ws.events, ['write', 'a'], 'the chunk must have been written, but abort must not have happened yet');
    assert_false(pipeComplete, 'the pipe should not complete while the first write is pending');
    resolveWritePromise();
    return pipePromise;
  }).then(() => assert_array_equals(ws.events, ['write', 'a', 'abort', error1], 'sink abort() should have been called'));
}, 'Errors must be propagated forward: shutdown must not occur until the final write completes');

// ---- error backward ----

promise_test((t) => {
  const rs = recordingReadableStream();
  const ws = recordingWritableStream({ start() { return Promise.reject(error1); } });
  return promise_rejects_exactly(t, error1, rs.pipeTo(ws), 'pipeTo must reject with the same error').then(() => {
    assert_array_equals(rs.eventsWithoutPulls, ['cancel', error1]);
    assert_array_equals(ws.events, []);
  });
}, 'Errors must be propagated backward: starts errored; preventCancel omitted; fulfilled cancel promise');

promise_test((t) => {
  const rs = recordingReadableStream({ cancel() { throw error2; } });
  const ws = recordingWritableStream({ start() { return Promise.reject(error1); } });
  return promise_rejects_exactly(t, error2, rs.pipeTo(ws), 'pipeTo must reject with the cancel error').then(() => {
    assert_array_equals(rs.eventsWithoutPulls, ['cancel', error1]);
  });
}, 'Errors must be propagated backward: starts errored; preventCancel omitted; rejected cancel promise');

promise_test((t) => {
  const rs = recordingReadableStream();
  const ws = recordingWritableStream({ start() { return Promise.reject(error1); } });
  return promise_rejects_exactly(t, error1, rs.pipeTo(ws, { preventCancel: true })).then(() => {
    assert_array_equals(rs.eventsWithoutPulls, []);
  });
}, 'Errors must be propagated backward: starts errored; preventCancel = true');

promise_test((t) => {
  const rs = recordingReadableStream({ start(controller) { controller.enqueue('Hello'); } });
  const ws = recordingWritableStream({ write() { throw error1; } });
  return promise_rejects_exactly(t, error1, rs.pipeTo(ws), 'pipeTo must reject with the same error').then(() => {
    assert_array_equals(rs.eventsWithoutPulls, ['cancel', error1]);
    assert_array_equals(ws.events, ['write', 'Hello']);
  });
}, 'Errors must be propagated backward: becomes errored during piping due to write; preventCancel omitted');

promise_test((t) => {
  const rs = recordingReadableStream({ start(controller) { controller.enqueue('Hello'); } });
  const ws = recordingWritableStream({ write() { throw error1; } });
  return promise_rejects_exactly(t, error1, rs.pipeTo(ws, { preventCancel: true })).then(() => {
    assert_array_equals(rs.eventsWithoutPulls, []);
    assert_array_equals(ws.events, ['write', 'Hello']);
  });
}, 'Errors must be propagated backward: becomes errored during piping due to write; preventCancel = true');

// ---- flow control ----

promise_test(() => {
  const rs = recordingReadableStream({
    start(controller) {
      controller.enqueue('a');
      controller.enqueue('b');
      controller.close();
    },
  });
  const ws = recordingWritableStream(undefined, new CountQueuingStrategy({ highWaterMark: 0 }));
  const pipePromise = rs.pipeTo(ws, { preventCancel: true });
  return flushAsyncEvents().then(() => {
    ws.controller.error(error1);
    return pipePromise.catch(() => {});
  }).then(() => {
    assert_array_equals(ws.events, [], 'no writes while the writable has backpressure');
  });
}, 'Piping from a non-empty ReadableStream into a WritableStream that does not desire chunks');

promise_test(() => {
  let resolveWrite;
  const ws = recordingWritableStream({
    write() { return new Promise((r) => { resolveWrite = r; }); },
  }, new CountQueuingStrategy({ highWaterMark: 1 }));
  const rs = recordingReadableStream({
    start(c) {
      for (let i = 0; i < 5; i++) c.enqueue(i);
      c.close();
    },
  }, new CountQueuingStrategy({ highWaterMark: 0 }));
  const pipePromise = rs.pipeTo(ws);
  return flushAsyncEvents().then(() => {
    assert_array_equals(ws.events, ['write', 0], 'only one chunk is written while the write is pending');
    const pending = () => { if (resolveWrite) { const r = resolveWrite; resolveWrite = undefined; r(); } };
    const pump = () => flushAsyncEvents().then(() => { pending(); return ws.events.length < 11 ? pump() : undefined; });
    return pump();
  }).then(() => pipePromise).then(() => {
    assert_array_equals(ws.events, ['write', 0, 'write', 1, 'write', 2, 'write', 3, 'write', 4, 'close']);
  });
}, 'Piping respects the backpressure of the destination');

// ---- abort signal ----

promise_test((t) => {
  const rs = recordingReadableStream(errorOnPull, { highWaterMark: 0 });
  const ws = recordingWritableStream();
  const abortController = new AbortController();
  const signal = abortController.signal;
  abortController.abort();
  return promise_rejects_dom(t, 'AbortError', rs.pipeTo(ws, { signal }), 'pipeTo should reject').then(() => {
    assert_equals(rs.events.length, 2, 'cancel should have been called');
    assert_equals(rs.events[0], 'cancel');
    assert_equals(rs.events[1].name, 'AbortError');
    assert_equals(ws.events.length, 2, 'abort() should have been called');
    assert_equals(ws.events[0], 'abort');
    assert_equals(ws.events[1].name, 'AbortError');
  });
}, 'a signal argument \'aborted\' should cause pipeTo() to reject');

const errorOnPull = {
  pull(controller) {
    controller.error('failed to abort');
  },
};

promise_test((t) => {
  const rs = recordingReadableStream({}, { highWaterMark: 0 });
  const ws = recordingWritableStream();
  const abortController = new AbortController();
  const signal = abortController.signal;
  abortController.abort(error1);
  return promise_rejects_exactly(t, error1, rs.pipeTo(ws, { signal }), 'pipeTo should reject with the abort reason').then(() => {
    assert_array_equals(rs.eventsWithoutPulls, ['cancel', error1]);
    assert_array_equals(ws.events, ['abort', error1]);
  });
}, 'an aborted signal with a reason rejects with that reason');

for (const [option, events] of [['preventAbort', ['cancel']], ['preventCancel', ['abort']]]) {
  promise_test((t) => {
    const rs = recordingReadableStream({}, { highWaterMark: 0 });
    const ws = recordingWritableStream();
    const abortController = new AbortController();
    abortController.abort(error1);
    return promise_rejects_exactly(t, error1, rs.pipeTo(ws, { signal: abortController.signal, [option]: true })).then(() => {
      if (events[0] === 'cancel') {
        assert_array_equals(rs.eventsWithoutPulls, ['cancel', error1]);
        assert_array_equals(ws.events, []);
      } else {
        assert_array_equals(rs.eventsWithoutPulls, []);
        assert_array_equals(ws.events, ['abort', error1]);
      }
    });
  }, `abort signal with ${option}: true`);
}

promise_test((t) => {
  const rs = new ReadableStream({
    pull(controller) {
      controller.enqueue('a');
      return delay(2);
    },
  });
  const ws = recordingWritableStream();
  const abortController = new AbortController();
  const pipePromise = rs.pipeTo(ws, { signal: abortController.signal });
  return delay(10).then(() => {
    abortController.abort(error1);
    return promise_rejects_exactly(t, error1, pipePromise);
  }).then(() => {
    assert_true(ws.events.length >= 2, 'the sink saw the abort');
    assert_equals(ws.events[ws.events.length - 2], 'abort', 'the destination was aborted');
    assert_false(rs.locked, 'the source is unlocked');
  });
}, 'abort should prevent further reads and writes');

promise_test(async (t) => {
  const rs = new ReadableStream({ start(c) { c.close(); } });
  const ws = new WritableStream();
  const abortController = new AbortController();
  await rs.pipeTo(ws, { signal: abortController.signal });
  abortController.abort();
}, 'abort after the pipe finished is harmless');
