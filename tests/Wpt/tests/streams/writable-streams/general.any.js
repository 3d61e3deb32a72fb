// META: global=window,worker
// META: script=../resources/test-utils.js
// META: script=../resources/recording-streams.js
// Restated from web-platform-tests streams/writable-streams/general.any.js, constructor.any.js,
// bad-strategies.any.js, bad-underlying-sinks.any.js and start.any.js.
'use strict';

const error1 = new Error('error1');
error1.name = 'error1';
const error2 = new Error('error2');
error2.name = 'error2';

test(() => {
  const ws = new WritableStream({});
  const writer = ws.getWriter();
  writer.releaseLock();
  assert_throws_js(TypeError, () => writer.desiredSize, 'desiredSize should throw a TypeError');
}, 'desiredSize on a released writer');

test(() => {
  const ws = new WritableStream({});
  const writer = ws.getWriter();
  assert_equals(writer.desiredSize, 1, 'desiredSize should be 1');
}, 'desiredSize initial value');

promise_test(() => {
  const ws = new WritableStream({});
  const writer = ws.getWriter();
  writer.close();
  return writer.closed.then(() => assert_equals(writer.desiredSize, 0, 'desiredSize should be 0'));
}, 'desiredSize on a writer for a closed stream');

test(() => {
  const ws = new WritableStream({ start(c) { c.error(); } });
  const writer = ws.getWriter();
  assert_equals(writer.desiredSize, null, 'desiredSize should be null');
}, 'desiredSize on a writer for an errored stream');

test(() => {
  const ws = new WritableStream({});
  const writer = ws.getWriter();
  writer.close();
  writer.releaseLock();
  ws.getWriter();
}, 'ws.getWriter() on a closing WritableStream');

promise_test(() => {
  const ws = new WritableStream({});
  const writer = ws.getWriter();
  return writer.close().then(() => {
    writer.releaseLock();
    ws.getWriter();
  });
}, 'ws.getWriter() on a closed WritableStream');

test(() => {
  const ws = new WritableStream({});
  const writer = ws.getWriter();
  writer.abort().catch(() => {});
  writer.releaseLock();
  ws.getWriter();
}, 'ws.getWriter() on an aborted WritableStream');

promise_test(() => {
  const ws = new WritableStream({ start(c) { c.error(); } });
  const writer = ws.getWriter();
  return writer.closed.then(
    (v) => assert_unreached(`writer.closed fulfilled unexpectedly with: ${v}`),
    () => {
      writer.releaseLock();
      ws.getWriter();
    });
}, 'ws.getWriter() on an errored WritableStream');

promise_test(() => {
  const ws = new WritableStream({});
  const writer = ws.getWriter();
  writer.releaseLock();
  return writer.closed.then(
    (v) => assert_unreached(`writer.closed fulfilled unexpectedly with: ${v}`),
    (closedRejection) => {
      assert_equals(closedRejection.name, 'TypeError', 'closed promise should reject with a TypeError');
      return writer.ready.then(
        (v) => assert_unreached(`writer.ready fulfilled unexpectedly with: ${v}`),
        (readyRejection) => assert_equals(readyRejection, closedRejection, 'ready promise should reject with the same error'));
    });
}, 'closed and ready on a released writer');

promise_test(() => {
  const promises = {};
  const resolvers = {};
  for (const methodName of ['start', 'write', 'close', 'abort']) {
    promises[methodName] = new Promise((resolve) => { resolvers[methodName] = resolve; });
  }
  class Sink {
    start() { this.startCalled = true; resolvers.start(); }
    write() { this.writeCalled = true; resolvers.write(); }
    close() { this.closeCalled = true; resolvers.close(); }
    abort() { this.abortCalled = true; resolvers.abort(); }
  }
  const theSink = new Sink();
  const ws = new WritableStream(theSink);
  const writer = ws.getWriter();
  writer.write('a');
  writer.close();
  const ws2 = new WritableStream(theSink);
  const writer2 = ws2.getWriter();
  writer2.abort();
  return promises.start.then(() => promises.write).then(() => promises.close).then(() => promises.abort);
}, 'WritableStream should call underlying sink methods as methods');

promise_test(() => {
  const strategy = { highWaterMark: 0, size() { return 1; } };
  const ws = new WritableStream({}, strategy);
  const writer = ws.getWriter();
  let readyResolved = false;
  writer.ready.then(() => { readyResolved = true; });
  return flushAsyncEvents().then(() => assert_false(readyResolved, 'ready should not resolve with a highWaterMark of 0'));
}, 'WritableStream with a highWaterMark of 0 has backpressure from the start');

promise_test(() => {
  let thenCalled = false;
  const ws = new WritableStream({
    write() {
      return { then(onFulfilled) { thenCalled = true; onFulfilled(); } };
    },
  });
  return ws.getWriter().write('a').then(() => assert_true(thenCalled, 'thenCalled should be true'));
}, 'returning a thenable from write() should work');

promise_test(() => {
  const stream = new WritableStream();
  const writer = stream.getWriter();
  const WritableStreamDefaultWriter = writer.constructor;
  assert_throws_js(TypeError, () => new WritableStreamDefaultWriter(stream), 'should not be able to construct on locked stream');
  writer.releaseLock();
  const writer2 = new WritableStreamDefaultWriter(stream);
  assert_equals(writer2.desiredSize, 1, 'desiredSize should be 1');
  return writer2.write('a');
}, 'WritableStreamDefaultWriter should work when manually constructed');

promise_test((t) => {
  let controller;
  const ws = new WritableStream({ start(c) { controller = c; } });
  const writer = ws.getWriter();
  controller.error(error1);
  return Promise.all([
    promise_rejects_exactly(t, error1, writer.closed),
    promise_rejects_exactly(t, error1, writer.ready),
  ]);
}, 'controller.error() errors the stream');

promise_test(() => {
  let controller;
  const ws = new WritableStream({ start(c) { controller = c; } });
  const writer = ws.getWriter();
  controller.error(error1);
  controller.error(error2);
  return writer.closed.then(() => assert_unreached(), (e) => assert_equals(e, error1, 'the first error wins'));
}, 'controller.error() twice keeps the first error');

// ---- constructor ----

test(() => {
  new WritableStream({});
  new WritableStream();
  new WritableStream(undefined);
  assert_throws_js(TypeError, () => new WritableStream(null), 'null is not an object');
  assert_throws_js(TypeError, () => new WritableStream(5), 'a number is not an object');
}, 'WritableStream can be constructed with no arguments and not with garbage');

test(() => {
  assert_throws_js(RangeError, () => new WritableStream({ type: 'bytes' }), 'type must be undefined');
  assert_throws_js(RangeError, () => new WritableStream({ type: null }), 'type null is not undefined');
  new WritableStream({ type: undefined });
}, 'WritableStream should throw unless type is undefined');

test(() => {
  for (const method of ['start', 'write', 'close', 'abort']) {
    assert_throws_js(TypeError, () => new WritableStream({ [method]: 'invalid' }), `constructor should throw for a non-function ${method}`);
  }
}, 'WritableStream should throw for non-function underlying sink methods');

test(() => {
  const operations = [];
  const sink = {
    get abort() { operations.push('abort'); return undefined; },
    get close() { operations.push('close'); return undefined; },
    get start() { operations.push('start'); return undefined; },
    get type() { operations.push('type'); return undefined; },
    get write() { operations.push('write'); return undefined; },
  };
  const strategy = {
    get highWaterMark() { operations.push('highWaterMark'); return undefined; },
    get size() { operations.push('size'); return undefined; },
  };
  new WritableStream(sink, strategy);
  assert_array_equals(operations, ['highWaterMark', 'size', 'abort', 'close', 'start', 'type', 'write']);
}, 'WritableStream constructor should get the members in the right order');

test(() => {
  const theError = new Error('a unique string');
  assert_throws_exactly(theError, () => new WritableStream({ get start() { throw theError; } }));
  assert_throws_exactly(theError, () => new WritableStream({ start() { throw theError; } }));
  assert_throws_exactly(theError, () => new WritableStream({}, { get size() { throw theError; } }));
  assert_throws_exactly(theError, () => new WritableStream({}, { get highWaterMark() { throw theError; } }));
}, 'WritableStream constructor re-throws errors from the sink and the strategy');

test(() => {
  for (const highWaterMark of [-1, -Infinity, NaN, 'foo', {}]) {
    assert_throws_js(RangeError, () => new WritableStream({}, { highWaterMark }), `highWaterMark ${String(highWaterMark)}`);
  }
}, 'WritableStream constructor throws a RangeError for an invalid highWaterMark');

test(() => {
  let controller;
  new WritableStream({ start(c) { controller = c; } });
  assert_equals(typeof controller.error, 'function');
  assert_false('desiredSize' in controller, 'the controller has no desiredSize');
  assert_throws_js(TypeError, () => new WritableStreamDefaultController(), 'the controller cannot be constructed');
  assert_throws_js(TypeError, () => new WritableStreamDefaultWriter(), 'a writer needs a stream');
  assert_throws_js(TypeError, () => new WritableStreamDefaultWriter({}), 'a writer needs a real stream');
}, 'WritableStreamDefaultController and WritableStreamDefaultWriter constructors');

promise_test(() => {
  let startCalled = false;
  let writeCalled = false;
  const ws = new WritableStream({
    start() {
      startCalled = true;
      return delay(10);
    },
    write() {
      assert_true(startCalled, 'start should have been called');
      writeCalled = true;
    },
  });
  const writer = ws.getWriter();
  return writer.write('a').then(() => assert_true(writeCalled));
}, 'underlying sink\'s write should not be called until start finishes');

promise_test((t) => {
  const ws = new WritableStream({
    start() { return Promise.reject(error1); },
  });
  const writer = ws.getWriter();
  return Promise.all([
    promise_rejects_exactly(t, error1, writer.write('a'), 'write() should reject'),
    promise_rejects_exactly(t, error1, writer.closed, 'closed should reject'),
  ]);
}, 'returning a rejected promise from start errors the stream');

promise_test(() => {
  const ws = recordingWritableStream({ start() { return delay(20); } });
  const writer = ws.getWriter();
  writer.write('a');
  writer.close();
  return writer.closed.then(() => assert_array_equals(ws.events, ['write', 'a', 'close']));
}, 'writes and close wait for start');

promise_test((t) => {
  const ws = new WritableStream({
    write() { throw error1; },
  });
  const writer = ws.getWriter();
  return Promise.all([
    promise_rejects_exactly(t, error1, writer.write('a'), 'write() should reject with the thrown error'),
    promise_rejects_exactly(t, error1, writer.closed, 'closed should reject with the thrown error'),
  ]);
}, 'write: throwing method should cause write() and closed to reject');

promise_test((t) => {
  const ws = new WritableStream({
    close() { throw error1; },
  });
  const writer = ws.getWriter();
  return Promise.all([
    promise_rejects_exactly(t, error1, writer.close(), 'close() should reject with the thrown error'),
    promise_rejects_exactly(t, error1, writer.closed, 'closed should reject with the thrown error'),
  ]);
}, 'close: throwing method should cause close() and closed to reject');

test(() => {
  const theError = new Error('a unique string');
  assert_throws_exactly(theError, () => new WritableStream({ get write() { throw theError; } }));
  assert_throws_exactly(theError, () => new WritableStream({ get close() { throw theError; } }));
  assert_throws_exactly(theError, () => new WritableStream({ get abort() { throw theError; } }));
}, 'throwing getters for the sink methods are re-thrown by the constructor');

promise_test((t) => {
  const ws = new WritableStream({}, { size() { throw error1; }, highWaterMark: 5 });
  const writer = ws.getWriter();
  return Promise.all([
    promise_rejects_exactly(t, error1, writer.write('a'), 'write should reject with the thrown error'),
    promise_rejects_exactly(t, error1, writer.closed, 'closed should reject with the thrown error'),
  ]);
}, 'Writable stream: throwing strategy.size method');

promise_test((t) => {
  const promises = [];
  for (const size of [NaN, -Infinity, Infinity, -1]) {
    const ws = new WritableStream({}, { size() { return size; }, highWaterMark: 5 });
    const writer = ws.getWriter();
    promises.push(promise_rejects_js(t, RangeError, writer.write('a'), `write should reject for size ${size}`));
  }
  return Promise.all(promises);
}, 'Writable stream: invalid strategy.size return value');

promise_test(async () => {
  let controller;
  const ws = new WritableStream({ start(c) { controller = c; } });
  assert_false(controller.signal.aborted, 'the signal starts unaborted');
  const reason = new Error('why');
  await ws.abort(reason);
  assert_true(controller.signal.aborted, 'abort() aborts the signal');
  assert_equals(controller.signal.reason, reason, 'with the abort reason');
}, 'WritableStreamDefaultController.signal is aborted by abort()');

promise_test(async () => {
  let signalInWrite;
  let resolveWrite;
  const ws = new WritableStream({
    write(chunk, controller) {
      signalInWrite = controller.signal;
      return new Promise((r) => { resolveWrite = r; });
    },
  });
  const writer = ws.getWriter();
  const write = writer.write('a');
  await flushAsyncEvents();
  let aborted = false;
  signalInWrite.addEventListener('abort', () => { aborted = true; });
  const abort = writer.abort('stop');
  assert_true(aborted, 'a write in flight sees the signal abort at once');
  resolveWrite();
  await write;
  await abort;
}, 'WritableStreamDefaultController.signal lets an in-flight write observe abort()');
