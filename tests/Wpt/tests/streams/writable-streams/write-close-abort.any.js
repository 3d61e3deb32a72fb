// META: global=window,worker
// META: script=../resources/test-utils.js
// META: script=../resources/recording-streams.js
// Restated from web-platform-tests streams/writable-streams/write.any.js, close.any.js,
// aborting.any.js and backpressure.any.js.
'use strict';

const error1 = new Error('error1');
error1.name = 'error1';
const error2 = new Error('error2');
error2.name = 'error2';

function writeArrayToStream(array, writableStreamWriter) {
  array.forEach((chunk) => writableStreamWriter.write(chunk));
  return writableStreamWriter.close();
}

promise_test(() => {
  let storage;
  const ws = new WritableStream({
    start() { storage = []; },
    write(chunk) {
      return delay(0).then(() => storage.push(chunk));
    },
    close() {
      return delay(0);
    },
  });
  const writer = ws.getWriter();
  const input = [1, 2, 3, 4, 5];
  return writeArrayToStream(input, writer).then(() => assert_array_equals(storage, input, 'correct data should be relayed to underlying sink'));
}, 'WritableStream should complete asynchronous writes before close resolves');

promise_test(() => {
  const ws = recordingWritableStream();
  const writer = ws.getWriter();
  const input = [1, 2, 3, 4, 5];
  return writeArrayToStream(input, writer).then(() => assert_array_equals(ws.events, ['write', 1, 'write', 2, 'write', 3, 'write', 4, 'write', 5, 'close'], 'correct data should be relayed to underlying sink'));
}, 'WritableStream should complete synchronous writes before close resolves');

promise_test(() => {
  const ws = new WritableStream({ write() { return 'Hello'; } });
  const writer = ws.getWriter();
  const writePromise = writer.write('a');
  return writePromise.then((value) => assert_equals(value, undefined, 'write() should resolve to undefined'));
}, 'fulfillment value of writer.write() call should be undefined even if the underlying sink returns a non-undefined value');

promise_test(() => {
  let resolveSinkWritePromise;
  const ws = new WritableStream({
    write() {
      return new Promise((resolve) => { resolveSinkWritePromise = resolve; });
    },
  });
  const writer = ws.getWriter();
  assert_equals(writer.desiredSize, 1, 'desiredSize should be 1');
  return writer.ready.then(() => {
    const writePromise = writer.write('a');
    let writePromiseResolved = false;
    assert_not_equals(resolveSinkWritePromise, undefined, 'resolveSinkWritePromise should not be undefined');
    assert_equals(writer.desiredSize, 0, 'desiredSize should be 0 after writer.write()');
    return Promise.all([
      writePromise.then((value) => {
        writePromiseResolved = true;
        assert_equals(resolveSinkWritePromise, undefined, 'sinkWritePromise should be fulfilled before writePromise');
        assert_equals(value, undefined, 'writePromise should be fulfilled with undefined');
      }),
      writer.ready.then((value) => {
        assert_true(writePromiseResolved, 'writePromise should be fulfilled before writer.ready');
        assert_equals(writer.desiredSize, 1, 'desiredSize should be 1 again');
        assert_equals(value, undefined, 'writePromise should be fulfilled with undefined');
      }),
      flushAsyncEvents().then(() => {
        assert_false(writePromiseResolved, 'writePromise should not be fulfilled yet');
        resolveSinkWritePromise();
        resolveSinkWritePromise = undefined;
      }),
    ]);
  });
}, 'WritableStream should transition to waiting until write is acknowledged');

promise_test((t) => {
  let sinkWritePromiseRejectors = [];
  const ws = new WritableStream({
    write() {
      return new Promise((r, reject) => sinkWritePromiseRejectors.push(reject));
    },
  });
  const writer = ws.getWriter();
  assert_equals(writer.desiredSize, 1, 'desiredSize should be 1');
  return writer.ready.then(() => {
    const writePromise = writer.write('a');
    assert_equals(sinkWritePromiseRejectors.length, 1, 'there should be 1 rejector');
    assert_equals(writer.desiredSize, 0, 'desiredSize should be 0');
    const writePromise2 = writer.write('b');
    assert_equals(sinkWritePromiseRejectors.length, 1, 'there should be still 1 rejector');
    assert_equals(writer.desiredSize, -1, 'desiredSize should be -1');
    const closedPromise = writer.close();
    assert_equals(writer.desiredSize, -1, 'desiredSize should still be -1');
    return Promise.all([
      promise_rejects_exactly(t, error1, closedPromise, 'closedPromise should reject with the error returned from the sink\'s write method').then(() => assert_equals(sinkWritePromiseRejectors.length, 0, 'sinkWritePromise should reject before closedPromise')),
      promise_rejects_exactly(t, error1, writePromise, 'writePromise should reject with the error returned from the sink\'s write method').then(() => assert_equals(sinkWritePromiseRejectors.length, 0, 'sinkWritePromise should reject before writePromise')),
      promise_rejects_exactly(t, error1, writePromise2, 'writePromise2 should reject with the error returned from the sink\'s write method').then(() => assert_equals(sinkWritePromiseRejectors.length, 0, 'sinkWritePromise should reject before writePromise2')),
      flushAsyncEvents().then(() => {
        sinkWritePromiseRejectors[0](error1);
        sinkWritePromiseRejectors = [];
      }),
    ]);
  });
}, 'when write returns a rejected promise, queued writes and close should be cleared');

promise_test((t) => {
  const ws = new WritableStream({ write() { throw error1; } });
  const writer = ws.getWriter();
  return promise_rejects_exactly(t, error1, writer.write('a'), 'write() should reject with the error thrown by the sink\'s write method')
    .then(() => promise_rejects_js(t, TypeError, writer.close(), 'close() should be rejected'));
}, 'when sink\'s write throws an error, the stream should become errored and the promise should reject');

promise_test((t) => {
  const ws = new WritableStream({
    write(chunk, controller) {
      controller.error(error1);
      throw error2;
    },
  });
  const writer = ws.getWriter();
  return promise_rejects_exactly(t, error2, writer.write('a'), 'write() should reject with the error thrown by the sink\'s write method')
    .then(() => Promise.all([
      promise_rejects_exactly(t, error1, writer.ready, 'writer.ready must reject with the error passed to the controller'),
      promise_rejects_exactly(t, error1, writer.closed, 'writer.closed must reject with the error passed to the controller'),
    ]));
}, 'writer.write(), ready and closed reject with the error passed to controller.error() made before sink.write rejection');

promise_test(() => {
  const numberOfWrites = 1000;
  let resolveFirstWritePromise;
  let writeCount = 0;
  const ws = new WritableStream({
    write() {
      ++writeCount;
      if (!resolveFirstWritePromise) return new Promise((resolve) => { resolveFirstWritePromise = resolve; });
      return Promise.resolve();
    },
  });
  const writer = ws.getWriter();
  return writer.ready.then(() => {
    for (let i = 1; i < numberOfWrites; ++i) writer.write('a');
    const writePromise = writer.write('a');
    assert_equals(writeCount, 1, 'should have called sink\'s write once');
    resolveFirstWritePromise();
    return writePromise.then(() => assert_equals(writeCount, numberOfWrites, `should have called sink's write ${numberOfWrites} times`));
  });
}, 'a large queue of writes should be processed completely');

promise_test(() => {
  const stream = recordingWritableStream();
  const w = stream.getWriter();
  const WritableStreamDefaultWriter = w.constructor;
  w.releaseLock();
  const writer = new WritableStreamDefaultWriter(stream);
  return writer.ready.then(() => {
    writer.write('a');
    assert_array_equals(stream.events, ['write', 'a'], 'write() should be passed to sink');
  });
}, 'WritableStreamDefaultWriter should work when manually constructed');

promise_test(() => {
  let thenCalled = false;
  Object.prototype.then = function (onFulfilled) {
    delete Object.prototype.then;
    thenCalled = true;
    return onFulfilled();
  };
  try {
    const ws = new WritableStream();
    return ws.getWriter().write('a').then(() => assert_false(thenCalled, 'thenCalled should be false'));
  } finally {
    delete Object.prototype.then;
  }
}, 'returning a thenable from write() should work (Object.prototype.then is not called for internal promises)');

promise_test((t) => {
  const ws = new WritableStream();
  const writer = ws.getWriter();
  writer.releaseLock();
  return promise_rejects_js(t, TypeError, writer.write('a'));
}, 'writing to a released writer should reject the returned promise');

// ---- close ----

promise_test(() => {
  const ws = new WritableStream({ close() { return 'Hello'; } });
  const writer = ws.getWriter();
  const closePromise = writer.close();
  return closePromise.then((value) => assert_equals(value, undefined, 'fulfillment value must be undefined'));
}, 'fulfillment value of writer.close() call must be undefined even if the underlying sink returns a non-undefined value');

promise_test(() => {
  let controller;
  let resolveClose;
  const ws = new WritableStream({
    start(c) { controller = c; },
    close() { return new Promise((resolve) => { resolveClose = resolve; }); },
  });
  const writer = ws.getWriter();
  const closePromise = writer.close();
  return flushAsyncEvents().then(() => {
    controller.error(error1);
    return flushAsyncEvents();
  }).then(() => {
    resolveClose();
    return Promise.all([closePromise, writer.closed, flushAsyncEvents().then(() => writer.closed)]);
  });
}, 'when sink calls error asynchronously while sink close is in-flight, the stream should not become errored');

promise_test(() => {
  let controller;
  const passedError = new Error('error me');
  const ws = new WritableStream({
    start(c) { controller = c; },
    close() { controller.error(passedError); },
  });
  const writer = ws.getWriter();
  return writer.close().then(() => writer.closed);
}, 'when sink calls error synchronously while closing, the stream should not become errored');

promise_test((t) => {
  const ws = new WritableStream({ close() { throw error1; } });
  const writer = ws.getWriter();
  return Promise.all([
    writer.write('y'),
    promise_rejects_exactly(t, error1, writer.close(), 'close() must reject with the error'),
    promise_rejects_exactly(t, error1, writer.closed, 'closed must reject with the error'),
  ]);
}, 'when the sink throws during close, and the close is requested while a write is still in flight, the stream should become errored');

promise_test(() => {
  const ws = recordingWritableStream();
  const writer = ws.getWriter();
  return writer.ready.then(() => {
    assert_equals(writer.desiredSize, 1, 'desiredSize should be 1');
    writer.close();
    assert_equals(writer.desiredSize, 1, 'desiredSize should be still 1');
    return writer.ready.then((v) => {
      assert_equals(v, undefined, 'ready promise should be fulfilled with undefined');
      assert_array_equals(ws.events, ['close'], 'write and abort should not be called');
    });
  });
}, 'releaseLock on a stream with a pending write in which the stream has been errored');

promise_test((t) => {
  const ws = new WritableStream();
  const writer = ws.getWriter();
  writer.close();
  return Promise.all([
    promise_rejects_js(t, TypeError, writer.close(), 'second close() should reject'),
    promise_rejects_js(t, TypeError, writer.write('a'), 'write() after close() should reject'),
  ]);
}, 'close() twice and write() after close() reject with a TypeError');

promise_test((t) => {
  const ws = new WritableStream();
  const writer = ws.getWriter();
  writer.releaseLock();
  return Promise.all([
    promise_rejects_js(t, TypeError, ws.close().then(() => ws.close()), 'ws.close() twice'),
  ]);
}, 'WritableStream.close() on an unlocked stream closes it');

promise_test((t) => {
  const ws = new WritableStream();
  ws.getWriter();
  return promise_rejects_js(t, TypeError, ws.close(), 'close() on a locked stream rejects');
}, 'WritableStream.close() on a locked stream rejects');

promise_test(() => {
  let resolveWrite;
  const ws = new WritableStream({
    write() { return new Promise((r) => { resolveWrite = r; }); },
  }, { highWaterMark: 1 });
  const writer = ws.getWriter();
  writer.write('a');
  assert_equals(writer.desiredSize, 0);
  let readyResolved = false;
  const ready = writer.ready.then(() => { readyResolved = true; });
  writer.close();
  return ready.then(() => {
    assert_true(readyResolved, 'close() resolves ready while there is backpressure');
    resolveWrite();
  });
}, 'close() resolves a pending ready promise');

// ---- abort ----

promise_test((t) => {
  const ws = new WritableStream({ write: t.unreached_func('write() should not be called') });
  const writer = ws.getWriter();
  const writePromise = writer.write('a');
  const readyPromise = writer.ready;
  writer.abort(error1);
  assert_equals(writer.ready, readyPromise, 'the ready promise property should not change');
  return Promise.all([
    promise_rejects_exactly(t, error1, readyPromise, 'the ready promise should reject with error1'),
    promise_rejects_exactly(t, error1, writePromise, 'the write() promise should reject with error1'),
  ]);
}, 'Aborting a WritableStream before it starts should cause the writer\'s unsettled ready promise to reject');

promise_test((t) => {
  const ws = new WritableStream();
  const writer = ws.getWriter();
  writer.write('a');
  const readyPromise = writer.ready;
  return readyPromise.then(() => {
    writer.abort(error1);
    assert_not_equals(writer.ready, readyPromise, 'the ready promise property should change');
    return promise_rejects_exactly(t, error1, writer.ready, 'the ready promise should reject with error1');
  });
}, 'Aborting a WritableStream should cause the writer\'s fulfilled ready promise to reset to a rejected one');

promise_test((t) => {
  const ws = new WritableStream();
  const writer = ws.getWriter();
  writer.releaseLock();
  return promise_rejects_js(t, TypeError, writer.abort(), 'abort() should reject with a TypeError');
}, 'abort() on a released writer rejects');

promise_test((t) => {
  const ws = recordingWritableStream();
  return delay(0).then(() => {
    const writer = ws.getWriter();
    const abortPromise = writer.abort(error1);
    return Promise.all([
      promise_rejects_exactly(t, error1, writer.write(1), 'write(1) must reject with error1'),
      promise_rejects_exactly(t, error1, writer.write(2), 'write(2) must reject with error1'),
      abortPromise,
    ]);
  }).then(() => assert_array_equals(ws.events, ['abort', error1]));
}, 'Aborting a WritableStream immediately prevents future writes');

promise_test((t) => {
  const ws = recordingWritableStream();
  const results = [];
  return delay(0).then(() => {
    const writer = ws.getWriter();
    results.push(writer.write(1), promise_rejects_exactly(t, error1, writer.write(2), 'write(2) must reject with error1'), promise_rejects_exactly(t, error1, writer.write(3), 'write(3) must reject with error1'));
    const abortPromise = writer.abort(error1);
    results.push(promise_rejects_exactly(t, error1, writer.write(4), 'write(4) must reject with error1'), promise_rejects_exactly(t, error1, writer.write(5), 'write(5) must reject with error1'));
    return abortPromise;
  }).then(() => {
    assert_array_equals(ws.events, ['write', 1, 'abort', error1]);
    return Promise.all(results);
  });
}, 'Aborting a WritableStream prevents further writes after any that are in progress');

promise_test(() => {
  const ws = new WritableStream({ abort() { return 'Hello'; } });
  const writer = ws.getWriter();
  return writer.abort('a').then((value) => assert_equals(value, undefined, 'fulfillment value must be undefined'));
}, 'Fulfillment value of writer.abort() call must be undefined even if the underlying sink returns a non-undefined value');

promise_test((t) => {
  const ws = new WritableStream({ abort() { throw error1; } });
  const writer = ws.getWriter();
  return promise_rejects_exactly(t, error1, writer.abort(undefined), 'rejection reason of abortPromise must be the error thrown by abort');
}, 'WritableStream if sink\'s abort throws, the promise returned by writer.abort() rejects');

promise_test((t) => {
  const ws = new WritableStream({ abort() { throw error1; } });
  const writer = ws.getWriter();
  const abortPromise1 = writer.abort(undefined);
  const abortPromise2 = writer.abort(undefined);
  assert_equals(abortPromise1, abortPromise2, 'the promises must be the same');
  return promise_rejects_exactly(t, error1, abortPromise1, 'promise must have matching rejection');
}, 'WritableStream if sink\'s abort throws, the promise returned by multiple writer.abort()s is the same and rejects');

promise_test((t) => {
  const ws = new WritableStream({ abort() { throw error1; } });
  return promise_rejects_exactly(t, error1, ws.abort(undefined), 'rejection reason of abortPromise must be the error thrown by abort');
}, 'WritableStream if sink\'s abort throws, the promise returned by ws.abort() rejects');

promise_test((t) => {
  let resolveWritePromise;
  const ws = new WritableStream({
    write() { return new Promise((resolve) => { resolveWritePromise = resolve; }); },
    abort() { throw error1; },
  });
  const writer = ws.getWriter();
  writer.write().catch(() => {});
  return flushAsyncEvents().then(() => {
    const abortPromise = writer.abort(undefined);
    resolveWritePromise();
    return promise_rejects_exactly(t, error1, abortPromise, 'rejection reason of abortPromise must be the error thrown by abort');
  });
}, 'WritableStream if sink\'s abort throws, for an abort performed during a write, the promise returned by ws.abort() rejects');

promise_test(() => {
  const ws = recordingWritableStream();
  const writer = ws.getWriter();
  return writer.abort(error1).then(() => assert_array_equals(ws.events, ['abort', error1]));
}, 'Aborting a WritableStream passes through the given reason');

promise_test((t) => {
  const ws = new WritableStream();
  const writer = ws.getWriter();
  const abortPromise = writer.abort(error1);
  const events = [];
  writer.ready.catch(() => events.push('ready'));
  writer.closed.catch(() => events.push('closed'));
  return Promise.all([
    abortPromise,
    promise_rejects_exactly(t, error1, writer.write(), 'writing should reject with error1'),
    promise_rejects_exactly(t, error1, writer.close(), 'closing should reject with error1'),
    promise_rejects_exactly(t, error1, writer.ready, 'ready should reject with error1'),
    promise_rejects_exactly(t, error1, writer.closed, 'closed should reject with error1'),
  ]).then(() => assert_array_equals(['ready', 'closed'], events, 'ready should reject before closed'));
}, 'Aborting a WritableStream puts it in an errored state with the error passed to abort()');

promise_test((t) => {
  const ws = new WritableStream();
  const writer = ws.getWriter();
  const writePromise = promise_rejects_exactly(t, error1, writer.write('a'), 'writing should reject with error1');
  writer.abort(error1);
  return writePromise;
}, 'Aborting a WritableStream causes any outstanding write() promises to be rejected with the reason supplied');

promise_test((t) => {
  const ws = recordingWritableStream();
  const writer = ws.getWriter();
  const closePromise = writer.close();
  const abortPromise = writer.abort(error1);
  return Promise.all([
    promise_rejects_exactly(t, error1, writer.closed, 'closed should reject with error1'),
    promise_rejects_exactly(t, error1, closePromise, 'close() should reject with error1'),
    abortPromise,
  ]).then(() => assert_array_equals(ws.events, ['abort', error1]));
}, 'Closing but then immediately aborting a WritableStream causes the stream to error');

promise_test(() => {
  const ws = new WritableStream();
  const writer = ws.getWriter();
  return writer.close().then(() => writer.abort(error1));
}, 'Aborting a WritableStream after it is closed is a no-op');

promise_test((t) => {
  const ws = new WritableStream({ start(c) { c.error(error1); } });
  const writer = ws.getWriter();
  return writer.closed.catch(() => {}).then(() => writer.abort(error2)).then((v) => assert_equals(v, undefined, 'abort() on an errored stream fulfills'));
}, 'abort() on an errored stream is a no-op that fulfills');

promise_test((t) => {
  let resolveWrite;
  const ws = recordingWritableStream({
    write() { return new Promise((r) => { resolveWrite = r; }); },
  });
  const writer = ws.getWriter();
  const writePromise = writer.write('a');
  return flushAsyncEvents().then(() => {
    const abortPromise = writer.abort(error1);
    let abortSettled = false;
    abortPromise.then(() => { abortSettled = true; });
    return flushAsyncEvents().then(() => {
      assert_false(abortSettled, 'abort waits for the in-flight write');
      assert_array_equals(ws.events, ['write', 'a'], 'sink abort is not called while a write is in flight');
      resolveWrite();
      return Promise.all([writePromise, abortPromise]);
    });
  }).then(() => assert_array_equals(ws.events, ['write', 'a', 'abort', error1]));
}, 'abort() waits for an in-flight write to finish before calling the sink\'s abort');

// ---- backpressure ----

promise_test(() => {
  let resolveWrite;
  const ws = recordingWritableStream({
    write() { return new Promise((r) => { resolveWrite = r; }); },
  }, new CountQueuingStrategy({ highWaterMark: 2 }));
  const writer = ws.getWriter();
  writer.write('a');
  assert_equals(writer.desiredSize, 1, 'one chunk queued');
  writer.write('b');
  assert_equals(writer.desiredSize, 0, 'two chunks queued: backpressure');
  let readyResolved = false;
  writer.ready.then(() => { readyResolved = true; });
  return flushAsyncEvents().then(() => {
    assert_false(readyResolved, 'ready waits while desiredSize <= 0');
    resolveWrite();
    return writer.ready;
  }).then(() => assert_equals(writer.desiredSize, 1, 'the first write finished'));
}, 'backpressure: ready resolves when desiredSize becomes positive');

promise_test(() => {
  const ws = new WritableStream({}, new ByteLengthQueuingStrategy({ highWaterMark: 10 }));
  const writer = ws.getWriter();
  assert_equals(writer.desiredSize, 10);
  writer.write(new Uint8Array(4));
  assert_equals(writer.desiredSize, 6, 'desiredSize counts the bytes of the queued chunk');
  return writer.ready;
}, 'backpressure: ByteLengthQueuingStrategy counts bytes');
