// META: global=window,worker
// META: script=../resources/test-utils.js
// META: script=../resources/rs-utils.js
// META: script=../resources/recording-streams.js
// Restated from web-platform-tests streams/piping/general.any.js, pipe-through.any.js,
// then-interception.any.js and transform-streams.any.js.
'use strict';

const error1 = new Error('error1');
error1.name = 'error1';

test(() => {
  const rs = new ReadableStream();
  const ws = new WritableStream();
  assert_false(rs.locked, 'sanity check: the ReadableStream must not start locked');
  assert_false(ws.locked, 'sanity check: the WritableStream must not start locked');
  rs.pipeTo(ws);
  assert_true(rs.locked, 'the ReadableStream must become locked');
  assert_true(ws.locked, 'the WritableStream must become locked');
}, 'Piping must lock both the ReadableStream and WritableStream');

promise_test(() => {
  const rs = new ReadableStream({ start(controller) { controller.close(); } });
  const ws = new WritableStream();
  return rs.pipeTo(ws).then(() => {
    assert_false(rs.locked, 'the ReadableStream must become unlocked');
    assert_false(ws.locked, 'the WritableStream must become unlocked');
  });
}, 'Piping finishing must unlock both the ReadableStream and WritableStream');

promise_test((t) => {
  const fakeRS = Object.create(ReadableStream.prototype);
  const ws = new WritableStream();
  return methodRejects(t, ReadableStream.prototype, 'pipeTo', fakeRS, [ws]);
}, 'pipeTo must check the brand of its ReadableStream this value');

promise_test((t) => {
  const rs = new ReadableStream();
  const fakeWS = Object.create(WritableStream.prototype);
  return methodRejects(t, ReadableStream.prototype, 'pipeTo', rs, [fakeWS]);
}, 'pipeTo must check the brand of its WritableStream argument');

promise_test((t) => {
  const rs = new ReadableStream();
  const ws = new WritableStream();
  rs.getReader();
  assert_true(rs.locked, 'sanity check: the ReadableStream starts locked');
  assert_false(ws.locked, 'sanity check: the WritableStream does not start locked');
  return promise_rejects_js(t, TypeError, rs.pipeTo(ws)).then(() => assert_false(ws.locked, 'the WritableStream must still be unlocked'));
}, 'pipeTo must fail if the ReadableStream is locked, and not lock the WritableStream');

promise_test((t) => {
  const rs = new ReadableStream({ start(c) { c.close(); } });
  const ws = new WritableStream();
  ws.getWriter();
  assert_false(rs.locked, 'sanity check: the ReadableStream does not start locked');
  assert_true(ws.locked, 'sanity check: the WritableStream starts locked');
  return promise_rejects_js(t, TypeError, rs.pipeTo(ws)).then(() => assert_false(rs.locked, 'the ReadableStream must still be unlocked'));
}, 'pipeTo must fail if the WritableStream is locked, and not lock the ReadableStream');

promise_test(() => {
  const CHUNKS = 10;
  const rs = new ReadableStream({
    start(c) {
      for (let i = 0; i < CHUNKS; ++i) c.enqueue(i);
      c.close();
    },
  });
  const written = [];
  const ws = new WritableStream({
    write(chunk) { written.push(chunk); },
    close() { written.push('closed'); },
  }, new CountQueuingStrategy({ highWaterMark: CHUNKS }));
  return rs.pipeTo(ws).then(() => {
    const targetValues = [];
    for (let i = 0; i < CHUNKS; ++i) targetValues.push(i);
    targetValues.push('closed');
    assert_array_equals(written, targetValues, 'the correct values must be written');
    assert_false(rs.locked, 'the ReadableStream must be unlocked');
    assert_false(ws.locked, 'the WritableStream must be unlocked');
  });
}, 'Piping from a ReadableStream from which lots of chunks are synchronously readable');

promise_test(() => {
  let controller;
  const rs = recordingReadableStream({ start(c) { controller = c; } });
  const ws = recordingWritableStream();
  const pipePromise = rs.pipeTo(ws).then(() => assert_array_equals(ws.events, ['write', 'Hello', 'close']));
  setTimeout(() => {
    controller.enqueue('Hello');
    setTimeout(() => controller.close(), 10);
  }, 10);
  return pipePromise;
}, 'Piping from a ReadableStream for which a chunk becomes asynchronously readable after the pipeTo');

for (const preventAbort of [true, false]) {
  promise_test(() => {
    const rs = new ReadableStream({ pull() { return Promise.reject(undefined); } });
    return rs.pipeTo(new WritableStream(), { preventAbort }).then(() => assert_unreached('pipeTo promise should be rejected'),
      (value) => assert_equals(value, undefined, 'rejection value should be undefined'));
  }, `an undefined rejection from pull should cause pipeTo() to reject when preventAbort is ${preventAbort}`);
}

for (const preventCancel of [true, false]) {
  promise_test(() => {
    const rs = new ReadableStream({ pull(controller) { controller.enqueue(0); } });
    const ws = new WritableStream({ write() { return Promise.reject(undefined); } });
    return rs.pipeTo(ws, { preventCancel }).then(() => assert_unreached('pipeTo promise should be rejected'),
      (value) => assert_equals(value, undefined, 'rejection value should be undefined'));
  }, `an undefined rejection from write should cause pipeTo() to reject when preventCancel is ${preventCancel}`);
}

promise_test((t) => {
  const rs = new ReadableStream();
  const ws = new WritableStream();
  return promise_rejects_js(t, TypeError, rs.pipeTo(ws, { signal: 1 }), 'pipeTo should reject');
}, 'pipeTo() should reject if an option getter grabs a writer');

promise_test(() => {
  const rs = new ReadableStream({ start(c) { c.close(); } });
  const ws = new WritableStream();
  return rs.pipeTo(ws, null);
}, 'pipeTo() promise should resolve if null is passed');

// ---- pipeThrough ----

function duckTypedPassThroughTransform() {
  let enqueueInReadable;
  let closeReadable;
  return {
    writable: new WritableStream({
      write(chunk) { enqueueInReadable(chunk); },
      close() { closeReadable(); },
    }),
    readable: new ReadableStream({
      start(c) {
        enqueueInReadable = c.enqueue.bind(c);
        closeReadable = c.close.bind(c);
      },
    }),
  };
}

promise_test(() => {
  const readableEnd = sequentialReadableStream(5).pipeThrough(duckTypedPassThroughTransform());
  return readableStreamToArray(readableEnd).then((chunks) => assert_array_equals(chunks, [1, 2, 3, 4, 5]), 'chunks should match');
}, 'Piping through a duck-typed pass-through transform stream should work');

promise_test(() => {
  const transform = {
    writable: new WritableStream({ start(c) { c.error(new Error('this rejection should not be reported as unhandled')); } }),
    readable: new ReadableStream(),
  };
  sequentialReadableStream(5).pipeThrough(transform);
  return flushAsyncEvents();
}, 'Piping through a transform errored on the writable end does not cause an unhandled promise rejection');

test(() => {
  const rs = new ReadableStream();
  const readable = new ReadableStream();
  const writable = new WritableStream();
  const result = rs.pipeThrough({ readable, writable });
  assert_equals(result, readable, 'pipeThrough returns the readable of the pair');
  assert_true(rs.locked && writable.locked, 'pipeThrough starts a pipe');
}, 'pipeThrough() returns the readable side');

test(() => {
  const rs = new ReadableStream();
  assert_throws_js(TypeError, () => rs.pipeThrough({ readable: new ReadableStream() }), 'a pair without writable');
  assert_throws_js(TypeError, () => rs.pipeThrough({ writable: new WritableStream() }), 'a pair without readable');
  assert_throws_js(TypeError, () => rs.pipeThrough({ readable: {}, writable: new WritableStream() }), 'a fake readable');
  assert_throws_js(TypeError, () => rs.pipeThrough(), 'no argument');
  const ws = new WritableStream();
  ws.getWriter();
  assert_throws_js(TypeError, () => rs.pipeThrough({ readable: new ReadableStream(), writable: ws }), 'a locked writable');
  rs.getReader();
  assert_throws_js(TypeError, () => rs.pipeThrough({ readable: new ReadableStream(), writable: new WritableStream() }), 'a locked readable');
}, 'pipeThrough() validates its arguments and locks');

test(() => {
  const rs = new ReadableStream();
  const order = [];
  rs.pipeThrough({
    get readable() { order.push('readable'); return new ReadableStream(); },
    get writable() { order.push('writable'); return new WritableStream(); },
  }, {
    get preventAbort() { order.push('preventAbort'); return false; },
    get preventCancel() { order.push('preventCancel'); return false; },
    get preventClose() { order.push('preventClose'); return false; },
    get signal() { order.push('signal'); return undefined; },
  });
  assert_array_equals(order, ['readable', 'writable', 'preventAbort', 'preventCancel', 'preventClose', 'signal']);
}, 'pipeThrough() reads the pair, then the options, in order');

promise_test(async () => {
  const ts = new TransformStream({ transform(chunk, c) { c.enqueue(chunk.toUpperCase()); } });
  const out = await readableStreamToArray(ReadableStream.from(['a', 'b']).pipeThrough(ts));
  assert_array_equals(out, ['A', 'B']);
}, 'pipeThrough() a TransformStream');

// ---- then-interception ----

function interceptThen() {
  const intercepted = [];
  let callCount = 0;
  Object.prototype.then = function (resolver) {
    if (!this.done) intercepted.push(this.value);
    const retval = Object.create(null);
    retval.done = ++callCount === 3;
    retval.value = callCount;
    resolver(retval);
    if (retval.done) delete Object.prototype.then;
  };
  return intercepted;
}

promise_test(async (t) => {
  const rs = new ReadableStream({
    start(controller) {
      controller.enqueue('a');
      controller.close();
    },
  });
  const ws = recordingWritableStream();
  const intercepted = interceptThen();
  t.add_cleanup(() => { delete Object.prototype.then; });
  await rs.pipeTo(ws);
  delete Object.prototype.then;
  assert_array_equals(intercepted, [], 'nothing should have been intercepted');
  assert_array_equals(ws.events, ['write', 'a', 'close'], 'written chunk should be "a"');
}, 'piping should not be observable');

promise_test(async (t) => {
  const rs = new ReadableStream({
    start(controller) {
      controller.enqueue('a');
      controller.close();
    },
  });
  const ws = recordingWritableStream();
  const [branch1, branch2] = rs.tee();
  const intercepted = interceptThen();
  t.add_cleanup(() => { delete Object.prototype.then; });
  await branch1.pipeTo(ws);
  delete Object.prototype.then;
  branch2.cancel();
  assert_array_equals(intercepted, [], 'nothing should have been intercepted');
  assert_array_equals(ws.events, ['write', 'a', 'close'], 'written chunk should be "a"');
}, 'tee should not be observable');

promise_test(async (t) => {
  const originalThen = Promise.prototype.then;
  let calls = 0;
  Promise.prototype.then = function (...args) {
    calls++;
    return originalThen.apply(this, args);
  };
  t.add_cleanup(() => { Promise.prototype.then = originalThen; });
  const rs = ReadableStream.from(['a', 'b']);
  const out = [];
  const pipe = rs.pipeTo(new WritableStream({ write(c) { out.push(c); } }));
  Promise.prototype.then = originalThen;
  await pipe;
  Promise.prototype.then = function (...args) {
    calls++;
    return originalThen.apply(this, args);
  };
  Promise.prototype.then = originalThen;
  assert_array_equals(out, ['a', 'b']);
  assert_equals(calls, 0, 'the pipe does not call a replaced Promise.prototype.then');
}, 'pipeTo() does not use a patched Promise.prototype.then');

promise_test(async (t) => {
  const savedReadableStream = self.ReadableStream;
  const savedPromise = self.Promise;
  const rs = new ReadableStream({ start(c) { c.enqueue(1); c.close(); } });
  const ts = new TransformStream();
  self.ReadableStream = function () { throw new Error('patched'); };
  t.add_cleanup(() => { self.ReadableStream = savedReadableStream; });
  const chunks = [];
  await rs.pipeThrough(ts).pipeTo(new WritableStream({ write(c) { chunks.push(c); } }));
  self.ReadableStream = savedReadableStream;
  assert_array_equals(chunks, [1]);
  assert_equals(self.Promise, savedPromise);
}, 'streams keep working when the global constructors are replaced');
