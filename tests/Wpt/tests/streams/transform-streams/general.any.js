// META: global=window,worker
// META: script=../resources/test-utils.js
// META: script=../resources/rs-utils.js
// META: script=../resources/recording-streams.js
// Restated from web-platform-tests streams/transform-streams/general.any.js, backpressure.any.js,
// errors.any.js, flush.any.js, terminate.any.js, cancel.any.js and strategies.any.js.
'use strict';

const thrownError = new Error('bad things are happening!');
thrownError.name = 'error1';
const error1 = new Error('error1');
error1.name = 'error1';

test(() => {
  new TransformStream({ transform() {} });
}, 'TransformStream can be constructed with a transform function');

test(() => {
  new TransformStream();
  new TransformStream({});
}, 'TransformStream can be constructed with no transform function');

test(() => {
  const ts = new TransformStream({ transform() {} });
  const writer = ts.writable.getWriter();
  assert_equals(writer.desiredSize, 1, 'writer.desiredSize should be 1');
}, 'TransformStream writable starts in the writable state');

promise_test(() => {
  const ts = new TransformStream();
  const writer = ts.writable.getWriter();
  writer.write('a');
  assert_equals(writer.desiredSize, 0, 'writer.desiredSize should be 0 after write()');
  return ts.readable.getReader().read().then((result) => {
    assert_equals(result.value, 'a', 'result from reading the readable is the same as was written to writable');
    assert_false(result.done, 'stream should not be done');
    return delay(0).then(() => assert_equals(writer.desiredSize, 1, 'desiredSize should be 1 again'));
  });
}, 'Identity TransformStream: can read from readable what is put into writable');

promise_test(() => {
  let c;
  const ts = new TransformStream({
    start(controller) { c = controller; },
    transform(chunk) { c.enqueue(chunk.toUpperCase()); },
  });
  const writer = ts.writable.getWriter();
  writer.write('a');
  return ts.readable.getReader().read().then((result) => {
    assert_equals(result.value, 'A', 'result from reading the readable is the transformation of what was written to writable');
    assert_false(result.done, 'stream should not be done');
  });
}, 'Uppercaser sync TransformStream: can read from readable transformed version of what is put into writable');

promise_test(() => {
  let c;
  const ts = new TransformStream({
    start(controller) { c = controller; },
    transform(chunk) {
      c.enqueue(chunk.toUpperCase());
      c.enqueue(chunk.toUpperCase());
    },
  });
  const writer = ts.writable.getWriter();
  writer.write('a');
  const reader = ts.readable.getReader();
  return reader.read().then((result1) => {
    assert_equals(result1.value, 'A', 'the first chunk read is the transformation of the single chunk written');
    assert_false(result1.done, 'stream should not be done');
    return reader.read().then((result2) => {
      assert_equals(result2.value, 'A', 'the second chunk read is also the transformation of the single chunk written');
      assert_false(result2.done, 'stream should not be done');
    });
  });
}, 'Uppercaser-doubler sync TransformStream: can read both chunks put into the readable');

promise_test(() => {
  let c;
  const ts = new TransformStream({
    start(controller) { c = controller; },
    transform(chunk) {
      return delay(0).then(() => c.enqueue(chunk.toUpperCase()));
    },
  });
  const writer = ts.writable.getWriter();
  writer.write('a');
  return ts.readable.getReader().read().then((result) => {
    assert_equals(result.value, 'A', 'result from reading the readable is the transformation of what was written to writable');
    assert_false(result.done, 'stream should not be done');
  });
}, 'Uppercaser async TransformStream: can read from readable transformed version of what is put into writable');

promise_test(() => {
  let doSecondEnqueue;
  let returnFromTransform;
  const ts = new TransformStream({
    transform(chunk, controller) {
      delay(0).then(() => controller.enqueue(chunk.toUpperCase()));
      doSecondEnqueue = () => controller.enqueue(chunk.toUpperCase());
      return new Promise((resolve) => { returnFromTransform = resolve; });
    },
  });
  const reader = ts.readable.getReader();
  const writer = ts.writable.getWriter();
  writer.write('a');
  return reader.read().then((result1) => {
    assert_equals(result1.value, 'A', 'the first chunk read is the transformation of the single chunk written');
    assert_false(result1.done, 'stream should not be done');
    doSecondEnqueue();
    return reader.read().then((result2) => {
      assert_equals(result2.value, 'A', 'the second chunk read is also the transformation of the single chunk written');
      assert_false(result2.done, 'stream should not be done');
      returnFromTransform();
    });
  });
}, 'Uppercaser-doubler async TransformStream: can read both chunks put into the readable');

promise_test(() => {
  const ts = new TransformStream({ transform() {} });
  const writer = ts.writable.getWriter();
  writer.close();
  return Promise.all([writer.closed, ts.readable.getReader().closed]);
}, 'TransformStream: by default, closing the writable closes the readable (when there are no queued writes)');

promise_test(() => {
  let transformResolve;
  const transformPromise = new Promise((resolve) => { transformResolve = resolve; });
  const ts = new TransformStream({ transform() { return transformPromise; } }, undefined, { highWaterMark: 1 });
  const writer = ts.writable.getWriter();
  writer.write('a');
  writer.close();
  let rsClosed = false;
  ts.readable.getReader().closed.then(() => { rsClosed = true; });
  return delay(0).then(() => {
    assert_equals(rsClosed, false, 'readable is not closed after a tick');
    transformResolve();
    return writer.closed.then(() => {
      assert_equals(rsClosed, true, 'readable is closed at that point');
    });
  });
}, 'TransformStream: by default, closing the writable waits for transforms to finish before closing both');

promise_test(() => {
  let c;
  const ts = new TransformStream({
    start(controller) { c = controller; },
    transform() {
      c.enqueue('x');
      c.enqueue('y');
      return delay(0);
    },
  });
  const writer = ts.writable.getWriter();
  writer.write('a');
  writer.close();
  const readableChunks = readableStreamToArray(ts.readable);
  return writer.closed.then(() => readableChunks.then((chunks) => assert_array_equals(chunks, ['x', 'y'], 'both enqueued chunks can be read from the readable')));
}, 'TransformStream: by default, closing the writable closes the readable after sync enqueues and async done');

promise_test((t) => {
  const ts = new TransformStream({ transform() { throw new Error('kaboom'); } });
  const writer = ts.writable.getWriter();
  const reader = ts.readable.getReader();
  return Promise.all([
    promise_rejects_js(t, Error, reader.read(), 'read should reject with thrown error'),
    promise_rejects_js(t, Error, writer.write('a'), 'writer should reject with thrown error'),
    promise_rejects_js(t, Error, writer.closed, 'closed should reject with thrown error'),
    promise_rejects_js(t, Error, reader.closed, 'readable closed should reject with thrown error'),
  ]);
}, 'Transform stream should call transformer methods as methods (throwing transform errors both sides)');

promise_test(() => {
  let flushCalled = false;
  const ts = new TransformStream({
    transform() {},
    flush() { flushCalled = true; },
  });
  return ts.writable.getWriter().close().then(() => assert_true(flushCalled, 'closing the writable triggers the transform flush immediately'));
}, 'TransformStream flush is called immediately when the writable is closed, if no writes are queued');

promise_test(() => {
  let flushCalled = false;
  let resolveTransform;
  const ts = new TransformStream({
    transform() { return new Promise((resolve) => { resolveTransform = resolve; }); },
    flush() { flushCalled = true; return new Promise(() => {}); },
  }, undefined, { highWaterMark: 1 });
  const writer = ts.writable.getWriter();
  writer.write('a');
  writer.close();
  assert_false(flushCalled, 'closing the writable does not immediately call flush if writes are not finished');
  let rsClosed = false;
  ts.readable.getReader().closed.then(() => { rsClosed = true; });
  return delay(0).then(() => {
    assert_false(flushCalled, 'closing the writable does not asynchronously call flush if writes are not finished');
    resolveTransform();
    return delay(0);
  }).then(() => {
    assert_true(flushCalled, 'flush is eventually called');
    assert_false(rsClosed, 'if flushPromise does not resolve, the readable does not become closed');
  });
}, 'TransformStream flush is called after all queued writes finish, once the writable is closed');

promise_test(() => {
  let c;
  const ts = new TransformStream({
    start(controller) { c = controller; },
    transform() {},
    flush() {
      c.enqueue('x');
      c.enqueue('y');
    },
  });
  const reader = ts.readable.getReader();
  const writer = ts.writable.getWriter();
  writer.write('a');
  writer.close();
  return reader.read().then((result1) => {
    assert_equals(result1.value, 'x', 'the first chunk read is the first one enqueued in flush');
    assert_equals(result1.done, false, 'the first chunk read is the first one enqueued in flush');
    return reader.read().then((result2) => {
      assert_equals(result2.value, 'y', 'the second chunk read is the second one enqueued in flush');
      assert_equals(result2.done, false, 'the second chunk read is the second one enqueued in flush');
    });
  });
}, 'TransformStream flush gets a chance to enqueue more into the readable');

promise_test((t) => {
  const ts = new TransformStream({ flush() { throw thrownError; } });
  const writer = ts.writable.getWriter();
  return Promise.all([
    promise_rejects_exactly(t, thrownError, writer.close(), 'close() should reject'),
    promise_rejects_exactly(t, thrownError, ts.readable.getReader().closed, 'readable should be errored'),
  ]);
}, 'TransformStream: throwing flush errors both sides');

promise_test(() => {
  const ts = new TransformStream({
    start(controller) {
      controller.enqueue('a');
      controller.enqueue('b');
    },
  }, undefined, { highWaterMark: 2 });
  const reader = ts.readable.getReader();
  return Promise.all([reader.read(), reader.read()]).then(([r1, r2]) => {
    assert_equals(r1.value, 'a');
    assert_equals(r2.value, 'b');
  });
}, 'TransformStream: enqueue() in start works');

test(() => {
  new TransformStream({
    start(controller) {
      assert_equals(controller.desiredSize, 0, 'desiredSize starts at the readable high water mark (0)');
      controller.enqueue('a');
      assert_equals(controller.desiredSize, -1, 'desiredSize after an enqueue');
    },
  });
}, 'TransformStream: desiredSize reflects the readable queue');

promise_test(() => {
  const ts = new TransformStream({
    start(controller) {
      controller.terminate();
      assert_throws_js(TypeError, () => controller.enqueue('a'), 'enqueue after terminate throws');
    },
  });
  return Promise.all([
    ts.readable.getReader().closed,
    ts.writable.getWriter().closed.then(() => assert_unreached('the writable errors'), (e) => assert_equals(e.name, 'TypeError')),
  ]);
}, 'controller.terminate() closes the readable and errors the writable');

promise_test((t) => {
  const ts = new TransformStream({
    transform(chunk, controller) {
      controller.enqueue(chunk);
      controller.terminate();
    },
  });
  const writer = ts.writable.getWriter();
  writer.write('a');
  const reader = ts.readable.getReader();
  return reader.read().then((r) => {
    assert_object_equals(r, { value: 'a', done: false }, 'the chunk enqueued before terminate can be read');
    return reader.closed;
  }).then(() => promise_rejects_js(t, TypeError, writer.write('b'), 'writes after terminate reject'));
}, 'controller.terminate() from transform() lets queued chunks be read');

promise_test((t) => {
  let controller;
  const ts = new TransformStream({ start(c) { controller = c; } });
  controller.error(error1);
  return Promise.all([
    promise_rejects_exactly(t, error1, ts.readable.getReader().closed, 'readable errored'),
    promise_rejects_exactly(t, error1, ts.writable.getWriter().closed, 'writable errored'),
  ]);
}, 'controller.error() errors both sides');

test(() => {
  assert_throws_exactly(thrownError, () => new TransformStream({ start() { throw thrownError; } }), 'constructor re-throws');
}, 'TransformStream constructor re-throws an error thrown by start()');

promise_test((t) => {
  const ts = new TransformStream({ start() { return Promise.reject(thrownError); } });
  return Promise.all([
    promise_rejects_exactly(t, thrownError, ts.readable.getReader().read(), 'readable errors'),
    promise_rejects_exactly(t, thrownError, ts.writable.getWriter().closed, 'writable errors'),
  ]);
}, 'TransformStream: a rejected start() promise errors both sides');

test(() => {
  assert_throws_js(RangeError, () => new TransformStream({ readableType: 'bytes' }), 'readableType');
  assert_throws_js(RangeError, () => new TransformStream({ writableType: 'bytes' }), 'writableType');
  assert_throws_js(TypeError, () => new TransformStream({ transform: 'x' }), 'a non-callable transform');
  assert_throws_js(TypeError, () => new TransformStream({ flush: 'x' }), 'a non-callable flush');
  assert_throws_js(TypeError, () => new TransformStream({ cancel: 'x' }), 'a non-callable cancel');
  assert_throws_js(TypeError, () => new TransformStream(null), 'null transformer');
}, 'TransformStream constructor validates the transformer');

test(() => {
  const operations = [];
  const transformer = {
    get cancel() { operations.push('cancel'); return undefined; },
    get flush() { operations.push('flush'); return undefined; },
    get readableType() { operations.push('readableType'); return undefined; },
    get start() { operations.push('start'); return undefined; },
    get transform() { operations.push('transform'); return undefined; },
    get writableType() { operations.push('writableType'); return undefined; },
  };
  const strategy = (name) => ({
    get highWaterMark() { operations.push(`${name}.highWaterMark`); return undefined; },
    get size() { operations.push(`${name}.size`); return undefined; },
  });
  new TransformStream(transformer, strategy('w'), strategy('r'));
  assert_array_equals(operations, ['w.highWaterMark', 'w.size', 'r.highWaterMark', 'r.size', 'cancel', 'flush', 'readableType', 'start', 'transform', 'writableType']);
}, 'TransformStream constructor reads its arguments in the right order');

// ---- backpressure ----

promise_test(() => {
  const ts = recordingTransformStream();
  const writer = ts.writable.getWriter();
  writer.write('a');
  return delay(0).then(() => {
    assert_array_equals(ts.events, [], 'transform should not be called while the readable has backpressure');
    const reader = ts.readable.getReader();
    return reader.read();
  }).then((r) => {
    assert_object_equals(r, { value: 'a', done: false });
    assert_array_equals(ts.events, ['transform', 'a'], 'reading relieves the backpressure');
  });
}, 'backpressure: transform() is not called until the readable side pulls (readable highWaterMark 0)');

promise_test(() => {
  const ts = recordingTransformStream({}, undefined, { highWaterMark: 2 });
  const writer = ts.writable.getWriter();
  writer.write('a');
  writer.write('b');
  writer.write('c');
  return delay(0).then(() => {
    assert_array_equals(ts.events, ['transform', 'a', 'transform', 'b'], 'two chunks fill the readable queue');
  });
}, 'backpressure: a readable highWaterMark of 2 lets two chunks through before waiting');

promise_test(() => {
  const ts = new TransformStream();
  const writer = ts.writable.getWriter();
  let readyResolved = false;
  writer.write('a');
  writer.ready.then(() => { readyResolved = true; });
  return delay(0).then(() => {
    assert_false(readyResolved, 'writer.ready stays pending while the chunk waits');
    return ts.readable.getReader().read();
  }).then(() => writer.ready).then(() => assert_equals(writer.desiredSize, 1));
}, 'backpressure: writer.ready waits for the readable to be read');

promise_test(() => {
  const ts = new TransformStream({}, undefined, new CountQueuingStrategy({ highWaterMark: 4 }));
  const writer = ts.writable.getWriter();
  for (let i = 0; i < 4; i++) writer.write(i);
  return delay(0).then(() => {
    const reader = ts.readable.getReader();
    return Promise.all([reader.read(), reader.read(), reader.read(), reader.read()]);
  }).then((results) => assert_array_equals(results.map((r) => r.value), [0, 1, 2, 3]));
}, 'strategies: a readable CountQueuingStrategy is honoured');

promise_test(() => {
  const ts = new TransformStream({}, { highWaterMark: 0 });
  const writer = ts.writable.getWriter();
  assert_equals(writer.desiredSize, 0, 'a writable highWaterMark of 0 gives desiredSize 0');
  return Promise.resolve();
}, 'strategies: writable highWaterMark');

test(() => {
  assert_throws_js(RangeError, () => new TransformStream(undefined, { highWaterMark: -1 }), 'negative writable highWaterMark');
  assert_throws_js(RangeError, () => new TransformStream(undefined, undefined, { highWaterMark: NaN }), 'NaN readable highWaterMark');
}, 'strategies: invalid highWaterMarks throw RangeError');

// ---- cancel ----

promise_test(async (t) => {
  let cancelled;
  const ts = new TransformStream({
    cancel(reason) { cancelled = reason; },
  });
  const reason = new Error('cancel reason');
  await ts.readable.cancel(reason);
  assert_equals(cancelled, reason, 'transformer.cancel() gets the reason');
  await promise_rejects_exactly(t, reason, ts.writable.getWriter().closed, 'the writable is errored with the reason');
}, 'cancelling the readable side calls transformer.cancel() and errors the writable');

promise_test(async (t) => {
  let cancelled;
  const ts = new TransformStream({
    cancel(reason) { cancelled = reason; },
  });
  const reason = new Error('abort reason');
  await ts.writable.abort(reason);
  assert_equals(cancelled, reason, 'transformer.cancel() gets the reason');
  await promise_rejects_exactly(t, reason, ts.readable.getReader().closed, 'the readable is errored with the reason');
}, 'aborting the writable side calls transformer.cancel() and errors the readable');

promise_test(async (t) => {
  const ts = new TransformStream({
    cancel() { throw error1; },
  });
  await promise_rejects_exactly(t, error1, ts.readable.cancel('x'), 'cancel() rejects with the thrown error');
  await promise_rejects_exactly(t, error1, ts.writable.getWriter().closed, 'the writable is errored with the thrown error');
}, 'a throwing transformer.cancel() rejects cancel() and errors the writable with that error');

promise_test(async () => {
  let cancelCalls = 0;
  const ts = new TransformStream({ cancel() { cancelCalls++; } });
  await Promise.allSettled([ts.readable.cancel('a'), ts.writable.abort('b')]);
  assert_equals(cancelCalls, 1, 'transformer.cancel() is called once');
}, 'cancel() and abort() together call transformer.cancel() once');

promise_test(async () => {
  let flushCalled = false;
  let cancelCalled = false;
  const ts = new TransformStream({ flush() { flushCalled = true; }, cancel() { cancelCalled = true; } });
  await ts.writable.close();
  assert_true(flushCalled, 'flush is called');
  assert_false(cancelCalled, 'cancel is not called by close');
}, 'close() calls flush, not cancel');

promise_test(async () => {
  const ts = new TransformStream({
    transform(chunk, controller) { controller.enqueue(chunk * 2); },
  });
  const out = [];
  await ReadableStream.from([1, 2, 3]).pipeThrough(ts).pipeTo(new WritableStream({ write(c) { out.push(c); } }));
  assert_array_equals(out, [2, 4, 6]);
}, 'TransformStream in a pipe chain');
