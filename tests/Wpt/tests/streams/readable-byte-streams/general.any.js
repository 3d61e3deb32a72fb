// META: global=window,worker
// META: script=../resources/test-utils.js
// META: script=../resources/rs-utils.js
// Restated from web-platform-tests streams/readable-byte-streams/general.any.js.
'use strict';

const error1 = new Error('error1');
error1.name = 'error1';

test(() => {
  assert_throws_js(TypeError, () => new ReadableStream().getReader({ mode: 'byob' }));
}, 'getReader({mode: "byob"}) throws on non-bytes streams');

test(() => {
  new ReadableStream({ type: 'bytes' });
  new ReadableStream({ type: 'bytes', autoAllocateChunkSize: 16 });
}, 'ReadableStream with byte source can be constructed with no errors');

test(() => {
  const ReadableStreamBYOBReader = new ReadableStream({ type: 'bytes' }).getReader({ mode: 'byob' }).constructor;
  const stream = new ReadableStream({ type: 'bytes' });
  let reader = stream.getReader();
  assert_throws_js(TypeError, () => new ReadableStreamBYOBReader(stream), 'constructor must throw for a locked stream');
  reader.releaseLock();
  reader = stream.getReader({ mode: 'byob' });
  assert_throws_js(TypeError, () => new ReadableStreamBYOBReader(stream), 'constructor must throw for a locked stream (byob)');
  reader.releaseLock();
  new ReadableStreamBYOBReader(stream);
  assert_throws_js(TypeError, () => new ReadableStreamBYOBReader(new ReadableStream()), 'constructor must throw for a non-byte stream');
}, 'ReadableStreamBYOBReader can be constructed directly');

test(() => {
  const stream = new ReadableStream({ type: 'bytes' });
  stream.getReader();
  assert_throws_js(TypeError, () => stream.getReader({ mode: 'byob' }), 'getReader() must throw');
}, 'getReader({mode}) must perform ToString()');

promise_test(() => {
  let startCalled = false;
  let startCalledBeforePull = false;
  let desiredSize;
  let controller;
  let resolveTestPromise;
  const testPromise = new Promise((resolve) => { resolveTestPromise = resolve; });
  new ReadableStream({
    start(c) {
      controller = c;
      startCalled = true;
    },
    pull() {
      startCalledBeforePull = startCalled;
      desiredSize = controller.desiredSize;
      resolveTestPromise();
    },
    type: 'bytes',
  }, { highWaterMark: 256 });
  return testPromise.then(() => {
    assert_true(startCalledBeforePull, 'start should be called before pull');
    assert_equals(desiredSize, 256, 'desiredSize should equal highWaterMark');
  });
}, 'ReadableStream with byte source: Construct and expect start and pull being called');

promise_test(() => {
  let pullCount = 0;
  let checkedNoPull = false;
  let resolveTestPromise;
  const testPromise = new Promise((resolve) => { resolveTestPromise = resolve; });
  let resolveStartPromise;
  const stream = new ReadableStream({
    start() { return new Promise((resolve) => { resolveStartPromise = resolve; }); },
    pull() {
      if (checkedNoPull) resolveTestPromise();
      ++pullCount;
    },
    type: 'bytes',
  }, { highWaterMark: 256 });
  Promise.resolve().then(() => {
    assert_equals(pullCount, 0);
    checkedNoPull = true;
    resolveStartPromise();
  });
  return testPromise;
}, 'ReadableStream with byte source: No automatic pull call if start doesn\'t finish');

promise_test(() => {
  new ReadableStream({
    pull: () => assert_unreached('pull must not be called'),
    type: 'bytes',
  }, { highWaterMark: 0 });
  return delay(0);
}, 'ReadableStream with byte source: start() throws an exception');

promise_test((t) => {
  new ReadableStream({
    pull: t.unreached_func('pull() should not be called'),
    type: 'bytes',
  }, { highWaterMark: 0 });
  return Promise.resolve();
}, 'ReadableStream with byte source: Construct with highWaterMark of 0');

test(() => {
  new ReadableStream({
    start(c) {
      assert_equals(c.desiredSize, 10, 'desiredSize must start at the highWaterMark');
      c.close();
      assert_equals(c.desiredSize, 0, 'after closing, desiredSize must be 0');
    },
    type: 'bytes',
  }, { highWaterMark: 10 });
}, 'ReadableStream with byte source: desiredSize when closed');

test(() => {
  new ReadableStream({
    start(c) {
      assert_equals(c.desiredSize, 10, 'desiredSize must start at the highWaterMark');
      c.error();
      assert_equals(c.desiredSize, null, 'after erroring, desiredSize must be null');
    },
    type: 'bytes',
  }, { highWaterMark: 10 });
}, 'ReadableStream with byte source: desiredSize when errored');

promise_test((t) => {
  const stream = new ReadableStream({ type: 'bytes' });
  const reader = stream.getReader();
  reader.releaseLock();
  return promise_rejects_js(t, TypeError, reader.closed, 'closed must reject');
}, 'ReadableStream with byte source: getReader(), then releaseLock()');

promise_test((t) => {
  const stream = new ReadableStream({ type: 'bytes' });
  const reader = stream.getReader({ mode: 'byob' });
  reader.releaseLock();
  return promise_rejects_js(t, TypeError, reader.closed, 'closed must reject');
}, 'ReadableStream with byte source: getReader() with mode set to byob, then releaseLock()');

promise_test(() => {
  const stream = new ReadableStream({ start(c) { c.close(); }, pull: () => assert_unreached('pull must not be called'), type: 'bytes' });
  const reader = stream.getReader();
  return reader.closed.then(() => {
    assert_throws_js(TypeError, () => stream.getReader(), 'getReader() must throw');
  });
}, 'ReadableStream with byte source: Test that closing a stream does not release a reader automatically');

promise_test((t) => {
  const stream = new ReadableStream({ start(c) { c.error(error1); }, pull: () => assert_unreached('pull must not be called'), type: 'bytes' });
  const reader = stream.getReader();
  return promise_rejects_exactly(t, error1, reader.closed, 'first closed must reject').then(() => {
    assert_throws_js(TypeError, () => stream.getReader(), 'getReader() must throw');
  });
}, 'ReadableStream with byte source: Test that erroring a stream does not release a reader automatically');

promise_test(async (t) => {
  const stream = new ReadableStream({ type: 'bytes' });
  const reader = stream.getReader();
  const read = reader.read();
  reader.releaseLock();
  await promise_rejects_js(t, TypeError, read, 'pending read must reject');
}, 'ReadableStream with byte source: releaseLock() on ReadableStreamDefaultReader must reject pending read()');

promise_test(async (t) => {
  const stream = new ReadableStream({ type: 'bytes' });
  const reader = stream.getReader({ mode: 'byob' });
  const read = reader.read(new Uint8Array(1));
  reader.releaseLock();
  await promise_rejects_js(t, TypeError, read, 'pending read must reject');
}, 'ReadableStream with byte source: releaseLock() on ReadableStreamBYOBReader must reject pending read()');

promise_test(() => {
  let pullCount = 0;
  const stream = new ReadableStream({ pull() { ++pullCount; }, type: 'bytes' }, { highWaterMark: 8 });
  stream.getReader();
  assert_equals(pullCount, 0, 'No pull as start() just finished and is not yet reflected to the state of the stream');
  return Promise.resolve().then(() => assert_equals(pullCount, 1, 'pull must be invoked'));
}, 'ReadableStream with byte source: Automatic pull() after start()');

promise_test(() => {
  let pullCount = 0;
  const stream = new ReadableStream({
    pull() { ++pullCount; },
    type: 'bytes',
  }, { highWaterMark: 0 });
  const reader = stream.getReader();
  reader.read();
  assert_equals(pullCount, 0, 'No pull as start() just finished and is not yet reflected to the state of the stream');
  return Promise.resolve().then(() => assert_equals(pullCount, 1, 'pull must be invoked'));
}, 'ReadableStream with byte source: Automatic pull() after start() and read()');

promise_test(() => {
  let pullCount = 0;
  let controller;
  let byobRequest;
  const stream = new ReadableStream({
    start(c) { controller = c; },
    pull() {
      byobRequest = controller.byobRequest;
      ++pullCount;
    },
    type: 'bytes',
    autoAllocateChunkSize: 16,
  }, { highWaterMark: 0 });
  const reader = stream.getReader();
  const p = reader.read();
  return flushAsyncEvents().then(() => {
    assert_equals(pullCount, 1, 'pull must be invoked');
    assert_not_equals(byobRequest, null, 'byobRequest must not be null');
    const view = byobRequest.view;
    assert_equals(view.constructor, Uint8Array, 'view.constructor');
    assert_equals(view.buffer.byteLength, 16, 'view.buffer.byteLength');
    assert_equals(view.byteOffset, 0, 'view.byteOffset');
    assert_equals(view.byteLength, 16, 'view.byteLength');
    view[0] = 0x01;
    view[1] = 0x02;
    byobRequest.respond(2);
    return p;
  }).then((result) => {
    assert_false(result.done, 'result.done');
    const view = result.value;
    assert_equals(view.constructor, Uint8Array, 'view.constructor');
    assert_equals(view.buffer.byteLength, 16, 'view.buffer.byteLength');
    assert_equals(view.byteOffset, 0, 'view.byteOffset');
    assert_equals(view.byteLength, 2, 'view.byteLength');
    assert_equals(view[0], 0x01);
    assert_equals(view[1], 0x02);
  });
}, 'ReadableStream with byte source: autoAllocateChunkSize');

promise_test(() => {
  let pullCount = 0;
  let controller;
  const byobRequests = [];
  const stream = new ReadableStream({
    start(c) { controller = c; },
    pull() {
      const byobRequest = controller.byobRequest;
      const view = byobRequest.view;
      byobRequests[pullCount] = { nonNull: byobRequest !== null, viewNonNull: view !== null, byteLength: view.byteLength };
      if (pullCount === 0) {
        view[0] = 0x01;
        byobRequest.respond(1);
      } else if (pullCount === 1) {
        view[0] = 0x02;
        view[1] = 0x03;
        byobRequest.respond(2);
      }
      ++pullCount;
    },
    type: 'bytes',
    autoAllocateChunkSize: 16,
  }, { highWaterMark: 0 });
  const reader = stream.getReader();
  const p0 = reader.read();
  const p1 = reader.read();
  return Promise.all([p0, p1]).then((result) => {
    assert_equals(pullCount, 2, 'pullCount after completion of all read()s');
    assert_false(result[0].done, 'result[0].done');
    assert_equals(result[0].value.byteLength, 1, 'result[0].value.byteLength');
    assert_equals(result[0].value[0], 0x01);
    assert_false(result[1].done, 'result[1].done');
    assert_equals(result[1].value.byteLength, 2, 'result[1].value.byteLength');
    assert_equals(result[1].value[0], 0x02);
    assert_equals(result[1].value[1], 0x03);
    assert_true(byobRequests[0].nonNull && byobRequests[0].viewNonNull, 'first byobRequest and view');
    assert_equals(byobRequests[1].byteLength, 16, 'second view.byteLength');
  });
}, 'ReadableStream with byte source: Mix of auto allocate and BYOB');

promise_test(() => {
  let pullCount = 0;
  const stream = new ReadableStream({
    start(c) {
      const view = new Uint8Array(16);
      view[0] = 0x01;
      view[8] = 0x02;
      c.enqueue(view);
    },
    pull() { ++pullCount; },
    type: 'bytes',
  });
  const byobReader = stream.getReader({ mode: 'byob' });
  return byobReader.read(new Uint8Array(8)).then((result) => {
    assert_false(result.done, 'done');
    const view = result.value;
    assert_equals(view.constructor, Uint8Array, 'value.constructor');
    assert_equals(view.buffer.byteLength, 8, 'value.buffer.byteLength');
    assert_equals(view.byteOffset, 0, 'value.byteOffset');
    assert_equals(view.byteLength, 8, 'value.byteLength');
    assert_equals(view[0], 0x01);
    byobReader.releaseLock();
    const reader = stream.getReader();
    return reader.read();
  }).then((result) => {
    assert_false(result.done, 'done');
    const view = result.value;
    assert_equals(view.constructor, Uint8Array, 'value.constructor');
    assert_equals(view.buffer.byteLength, 16, 'value.buffer.byteLength');
    assert_equals(view.byteOffset, 8, 'value.byteOffset');
    assert_equals(view.byteLength, 8, 'value.byteLength');
    assert_equals(view[0], 0x02);
  });
}, 'ReadableStream with byte source: Respond to pull() by enqueue() asynchronously, then read() with a smaller buffer and the rest with a default reader');

promise_test(() => {
  let controller;
  const stream = new ReadableStream({
    start(c) { controller = c; },
    type: 'bytes',
  });
  const reader = stream.getReader();
  const promise = reader.read().then((result) => {
    assert_false(result.done);
    const view = result.value;
    assert_equals(view.constructor, Uint8Array);
    assert_equals(view.buffer.byteLength, 1);
    assert_equals(view.byteOffset, 0);
    assert_equals(view.byteLength, 1);
  });
  controller.enqueue(new Uint8Array(1));
  return promise;
}, 'ReadableStream with byte source: Push source that doesn\'t understand pull signal');

test(() => {
  assert_throws_js(TypeError, () => new ReadableStream({ pull: 'foo', type: 'bytes' }), 'constructor should throw');
}, 'ReadableStream with byte source: pull() function is not callable');

promise_test(() => {
  const stream = new ReadableStream({
    start(c) { c.enqueue(new Uint16Array(16)); },
    type: 'bytes',
  });
  const reader = stream.getReader();
  return reader.read().then((result) => {
    assert_false(result.done);
    const view = result.value;
    assert_equals(view.constructor, Uint8Array, 'chunks are always Uint8Arrays for default readers');
    assert_equals(view.byteLength, 32);
  });
}, 'ReadableStream with byte source: enqueue() with Uint16Array, getReader(), then read()');

promise_test(() => {
  const stream = new ReadableStream({
    start(c) {
      const view = new Uint8Array(16);
      view[0] = 0x01;
      view[8] = 0x02;
      c.enqueue(view);
    },
    pull: () => assert_unreached('pull must not be called'),
    type: 'bytes',
  });
  const reader = stream.getReader({ mode: 'byob' });
  return reader.read(new Uint8Array(24)).then((result) => {
    assert_false(result.done, 'done');
    const view = result.value;
    assert_equals(view.byteOffset, 0, 'byteOffset');
    assert_equals(view.byteLength, 16, 'byteLength');
    assert_equals(view.buffer.byteLength, 24, 'the buffer is the one passed to read(), transferred');
    assert_equals(view[0], 0x01);
    assert_equals(view[8], 0x02);
  });
}, 'ReadableStream with byte source: enqueue(), getReader(), then read(view) with a bigger view');

promise_test(() => {
  const stream = new ReadableStream({
    start(c) { c.enqueue(new Uint8Array(16)); },
    type: 'bytes',
  });
  const reader = stream.getReader({ mode: 'byob' });
  const view = new Uint8Array(8);
  const buffer = view.buffer;
  return reader.read(view).then((result) => {
    assert_equals(buffer.byteLength, 0, 'the passed-in buffer is detached');
    assert_true(buffer.detached, 'the passed-in buffer is detached');
    assert_equals(result.value.byteLength, 8);
  });
}, 'ReadableStream with byte source: read(view) transfers the view\'s buffer');

promise_test(() => {
  const stream = new ReadableStream({
    start(c) {
      c.enqueue(new Uint8Array(16));
      c.close();
    },
    type: 'bytes',
  });
  const reader = stream.getReader({ mode: 'byob' });
  return reader.read(new Uint16Array(4)).then((result) => {
    assert_false(result.done);
    const view = result.value;
    assert_equals(view.constructor, Uint16Array, 'value is a Uint16Array');
    assert_equals(view.length, 4);
    return reader.read(new Uint16Array(8));
  }).then((result) => {
    assert_false(result.done);
    assert_equals(result.value.length, 4, 'the remaining 8 bytes');
    return reader.read(new Uint16Array(1));
  }).then((result) => {
    assert_true(result.done, 'done after the queue drains');
    assert_equals(result.value.constructor, Uint16Array, 'the done view keeps its type');
    assert_equals(result.value.byteLength, 0, 'the done view is empty');
  });
}, 'ReadableStream with byte source: read(view) with Uint16Array views, then close');

promise_test((t) => {
  const stream = new ReadableStream({
    start(c) {
      c.enqueue(new Uint8Array(1));
      c.close();
    },
    type: 'bytes',
  });
  const reader = stream.getReader({ mode: 'byob' });
  return promise_rejects_js(t, TypeError, reader.read(new Uint16Array(1)), 'read(view) must fail').then(() =>
    promise_rejects_js(t, TypeError, reader.closed, 'reader.closed should reject'));
}, 'ReadableStream with byte source: A stream must be errored if close()-d before fulfilling read(view) with Uint16Array');

test(() => {
  let controller;
  new ReadableStream({ start(c) { controller = c; }, type: 'bytes' });
  controller.enqueue(new Uint8Array(1));
  // 1 byte queued; a pending 2-byte element read would be partially filled: close must throw
  const stream = new ReadableStream({
    start(c) { controller = c; },
    type: 'bytes',
  });
  const reader = stream.getReader({ mode: 'byob' });
  reader.read(new Uint16Array(1)).catch(() => {});
  controller.enqueue(new Uint8Array(1));
  assert_throws_js(TypeError, () => controller.close(), 'controller.close() must throw');
}, 'ReadableStream with byte source: Throw if close()-ed more than once / with a partial element pending');

test(() => {
  let controller;
  new ReadableStream({ start(c) { controller = c; }, type: 'bytes' });
  controller.close();
  assert_throws_js(TypeError, () => controller.enqueue(new Uint8Array(1)), 'enqueue after close must throw');
  assert_throws_js(TypeError, () => controller.close(), 'close twice must throw');
}, 'ReadableStream with byte source: Throw on enqueue() or close() after close()');

promise_test(() => {
  let controller;
  let byobRequest;
  const stream = new ReadableStream({
    start(c) { controller = c; },
    pull() {
      byobRequest = controller.byobRequest;
      const view = byobRequest.view;
      view[0] = 1;
      view[1] = 2;
      view[2] = 3;
      byobRequest.respond(3);
    },
    type: 'bytes',
  });
  const reader = stream.getReader({ mode: 'byob' });
  return reader.read(new Uint8Array(8)).then((result) => {
    assert_false(result.done);
    assert_array_equals([...result.value], [1, 2, 3]);
    assert_equals(controller.byobRequest, null, 'byobRequest is invalidated after respond');
    assert_equals(byobRequest.view, null, 'the old request\'s view is null');
    assert_throws_js(TypeError, () => byobRequest.respond(1), 'an answered request throws');
  });
}, 'ReadableStream with byte source: read(view), then respond()');

promise_test(() => {
  let controller;
  const stream = new ReadableStream({
    start(c) { controller = c; },
    pull() {
      const request = controller.byobRequest;
      const v = request.view;
      const newView = new Uint8Array(v.buffer, v.byteOffset, 2);
      newView[0] = 7;
      newView[1] = 8;
      request.respondWithNewView(newView);
    },
    type: 'bytes',
  });
  const reader = stream.getReader({ mode: 'byob' });
  return reader.read(new Uint8Array(8)).then((result) => {
    assert_false(result.done);
    assert_array_equals([...result.value], [7, 8]);
  });
}, 'ReadableStream with byte source: read(view), then respondWithNewView() with a shorter view');

promise_test(() => {
  let controller;
  const stream = new ReadableStream({
    start(c) { controller = c; },
    pull() {
      const request = controller.byobRequest;
      const v = request.view;
      assert_throws_js(RangeError, () => request.respondWithNewView(new Uint8Array(v.buffer, v.byteOffset + 1, 1)), 'wrong offset');
      assert_throws_js(RangeError, () => request.respondWithNewView(new Uint8Array(new ArrayBuffer(8))), 'a different buffer length');
      assert_throws_js(RangeError, () => request.respond(9), 'more bytes than the view has');
      assert_throws_js(TypeError, () => request.respond(0), 'zero bytes while readable');
      request.respond(1);
    },
    type: 'bytes',
  });
  return stream.getReader({ mode: 'byob' }).read(new Uint8Array(new ArrayBuffer(16), 4, 8)).then((result) => {
    assert_equals(result.value.byteOffset, 4);
    assert_equals(result.value.byteLength, 1);
  });
}, 'ReadableStream with byte source: respond() and respondWithNewView() validate their arguments');

promise_test(() => {
  let controller;
  const stream = new ReadableStream({
    start(c) { controller = c; },
    type: 'bytes',
  });
  const reader = stream.getReader({ mode: 'byob' });
  const promise = reader.read(new Uint8Array(4)).then((result) => {
    assert_true(result.done, 'done');
    assert_equals(result.value.byteLength, 0, 'an empty view');
    assert_equals(result.value.buffer.byteLength, 4, 'on the transferred buffer');
  });
  return flushAsyncEvents().then(() => {
    controller.close();
    controller.byobRequest.respond(0);
    return promise;
  });
}, 'ReadableStream with byte source: read(view), then close() and respond(0)');

promise_test(() => {
  const stream = new ReadableStream({
    start(c) { c.close(); },
    type: 'bytes',
  });
  const reader = stream.getReader({ mode: 'byob' });
  return reader.read(new Uint8Array(4)).then((result) => {
    assert_true(result.done);
    assert_equals(result.value.byteLength, 0);
    assert_equals(result.value.buffer.byteLength, 4);
  });
}, 'ReadableStream with byte source: read(view) on a closed stream gives an empty done view');

promise_test((t) => {
  const stream = new ReadableStream({
    start(c) { c.error(error1); },
    type: 'bytes',
  });
  const reader = stream.getReader({ mode: 'byob' });
  return promise_rejects_exactly(t, error1, reader.read(new Uint8Array(4)));
}, 'ReadableStream with byte source: read(view) on an errored stream rejects');

promise_test((t) => {
  let controller;
  const stream = new ReadableStream({
    start(c) { controller = c; },
    type: 'bytes',
  });
  const reader = stream.getReader({ mode: 'byob' });
  const promise = promise_rejects_exactly(t, error1, reader.read(new Uint8Array(1)), 'read(view) must fail');
  controller.error(error1);
  return promise;
}, 'ReadableStream with byte source: read(view), then error()');

promise_test((t) => {
  const stream = new ReadableStream({
    pull(controller) {
      controller.byobRequest.view[0] = 1;
      throw error1;
    },
    type: 'bytes',
  });
  const reader = stream.getReader({ mode: 'byob' });
  return promise_rejects_exactly(t, error1, reader.read(new Uint8Array(1)), 'read must fail');
}, 'ReadableStream with byte source: Throwing in pull in response to read(view) must error the stream');

promise_test(() => {
  let cancelReason;
  const stream = new ReadableStream({
    cancel(reason) { cancelReason = reason; },
    type: 'bytes',
  });
  const reader = stream.getReader({ mode: 'byob' });
  const read = reader.read(new Uint8Array(4));
  return reader.cancel('why').then(() => read).then((result) => {
    assert_equals(cancelReason, 'why', 'the reason reaches the source');
    assert_true(result.done, 'the pending read resolves as done');
    assert_equals(result.value, undefined, 'with an undefined value');
  });
}, 'ReadableStream with byte source: cancel() with a pending read(view) resolves it as done with undefined');

promise_test(() => {
  const chunks = [new Uint8Array([1, 2, 3]), new Uint8Array([4, 5]), new Uint8Array([6])];
  let i = 0;
  const stream = new ReadableStream({
    pull(c) {
      if (i < chunks.length) c.enqueue(chunks[i++]);
      else c.close();
    },
    type: 'bytes',
  });
  return readableStreamToArray(stream).then((result) => {
    assert_array_equals(result.map((v) => [...v].join(',')), ['1,2,3', '4,5', '6']);
  });
}, 'ReadableStream with byte source: default reader reads enqueued chunks in order');

promise_test(async () => {
  const bytes = new Uint8Array(100);
  for (let i = 0; i < bytes.length; i++) bytes[i] = i;
  const stream = new ReadableStream({
    start(c) {
      c.enqueue(bytes.slice(0, 30));
      c.enqueue(bytes.slice(30, 100));
      c.close();
    },
    type: 'bytes',
  });
  const reader = stream.getReader({ mode: 'byob' });
  const out = [];
  let buffer = new ArrayBuffer(7);
  for (;;) {
    const { value, done } = await reader.read(new Uint8Array(buffer));
    if (done) break;
    out.push(...value);
    buffer = value.buffer;
  }
  assert_array_equals(out, [...bytes], 'reading through a small reused buffer gives every byte');
}, 'ReadableStream with byte source: reading through a reused 7-byte buffer');

test(() => {
  let controller;
  new ReadableStream({ start(c) { controller = c; }, type: 'bytes' });
  assert_throws_js(TypeError, () => controller.enqueue(new Uint8Array(0)), 'an empty view');
  assert_throws_js(TypeError, () => controller.enqueue(new ArrayBuffer(4)), 'an ArrayBuffer is not a view');
  assert_throws_js(TypeError, () => controller.enqueue('abc'), 'a string');
  const view = new Uint8Array(4);
  view.buffer.transfer();
  assert_throws_js(TypeError, () => controller.enqueue(view), 'a view on a detached buffer');
}, 'ReadableStream with byte source: enqueue() rejects bad chunks');

test(() => {
  let controller;
  new ReadableStream({ start(c) { controller = c; }, type: 'bytes' });
  const view = new Uint8Array([1, 2, 3]);
  const buffer = view.buffer;
  controller.enqueue(view);
  assert_true(buffer.detached, 'enqueue() transfers the chunk\'s buffer');
}, 'ReadableStream with byte source: enqueue() transfers the buffer');

promise_test((t) => {
  const stream = new ReadableStream({ type: 'bytes' });
  const reader = stream.getReader({ mode: 'byob' });
  return Promise.all([
    promise_rejects_js(t, TypeError, reader.read(), 'no view'),
    promise_rejects_js(t, TypeError, reader.read(new ArrayBuffer(4)), 'an ArrayBuffer'),
    promise_rejects_js(t, TypeError, reader.read(new Uint8Array(0)), 'an empty view'),
    promise_rejects_js(t, TypeError, reader.read(new Uint8Array(new ArrayBuffer(0))), 'a view on an empty buffer'),
    promise_rejects_js(t, TypeError, reader.read(new Uint8Array(4), { min: 0 }), 'min 0'),
    promise_rejects_js(t, RangeError, reader.read(new Uint8Array(4), { min: 5 }), 'min past the end'),
    promise_rejects_js(t, RangeError, reader.read(new Uint16Array(2), { min: 3 }), 'min counts elements'),
  ]);
}, 'ReadableStream with byte source: read(view) validates its arguments');

promise_test((t) => {
  const stream = new ReadableStream({ type: 'bytes' });
  const reader = stream.getReader({ mode: 'byob' });
  const view = new Uint8Array(4);
  view.buffer.transfer();
  return promise_rejects_js(t, TypeError, reader.read(view), 'a detached view');
}, 'ReadableStream with byte source: read(view) with a detached buffer rejects');

promise_test(async () => {
  let controller;
  const stream = new ReadableStream({ start(c) { controller = c; }, type: 'bytes' });
  const reader = stream.getReader();
  const read = reader.read();
  const [a] = [new Uint8Array([9])];
  controller.enqueue(a);
  const result = await read;
  assert_array_equals([...result.value], [9]);
  assert_equals(controller.desiredSize, 0, 'desiredSize with the default high water mark 0');
}, 'ReadableStream with byte source: the default highWaterMark is 0');

promise_test(async () => {
  let controller;
  const stream = new ReadableStream({
    start(c) { controller = c; },
    type: 'bytes',
  }, { highWaterMark: 10 });
  controller.enqueue(new Uint8Array(4));
  assert_equals(controller.desiredSize, 6, 'desiredSize counts bytes');
  const reader = stream.getReader();
  await reader.read();
  assert_equals(controller.desiredSize, 10, 'back to the high water mark after the read');
}, 'ReadableStream with byte source: desiredSize counts bytes');

promise_test(async () => {
  let controller;
  const stream = new ReadableStream({ start(c) { controller = c; }, type: 'bytes' });
  controller.enqueue(new Uint8Array([1, 2]));
  controller.close();
  const reader = stream.getReader();
  const r1 = await reader.read();
  assert_array_equals([...r1.value], [1, 2]);
  const r2 = await reader.read();
  assert_true(r2.done, 'the stream closes once the queue drains');
  await reader.closed;
}, 'ReadableStream with byte source: close() with queued bytes closes after they are read');
