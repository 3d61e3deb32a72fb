// META: global=window,worker
// META: script=../resources/test-utils.js
// META: script=../resources/rs-utils.js
// Restated from web-platform-tests streams/readable-byte-streams/read-min.any.js.
'use strict';

promise_test(async () => {
  let controller;
  const rs = new ReadableStream({ type: 'bytes', start(c) { controller = c; } });
  const reader = rs.getReader({ mode: 'byob' });
  const read = reader.read(new Uint8Array(3), { min: 3 });
  let settled = false;
  read.then(() => { settled = true; });
  controller.enqueue(new Uint8Array([1]));
  await flushAsyncEvents();
  assert_false(settled, 'one byte is not enough');
  controller.enqueue(new Uint8Array([2]));
  await flushAsyncEvents();
  assert_false(settled, 'two bytes are not enough');
  controller.enqueue(new Uint8Array([3]));
  const result = await read;
  assert_false(result.done);
  assert_typed_array_equals(result.value, new Uint8Array([1, 2, 3]));
}, 'read(view, { min }) waits for min elements');

promise_test(async () => {
  let controller;
  const rs = new ReadableStream({ type: 'bytes', start(c) { controller = c; } });
  const reader = rs.getReader({ mode: 'byob' });
  controller.enqueue(new Uint8Array([1, 2, 3, 4, 5]));
  const result = await reader.read(new Uint8Array(4), { min: 2 });
  assert_typed_array_equals(result.value, new Uint8Array([1, 2, 3, 4]), 'fills as much as the view can hold');
  const rest = await reader.read(new Uint8Array(4), { min: 1 });
  assert_typed_array_equals(rest.value, new Uint8Array([5, 0, 0, 0]).subarray(0, 1));
}, 'read(view, { min }) fills beyond min when the queue has more');

promise_test(async () => {
  let controller;
  const rs = new ReadableStream({ type: 'bytes', start(c) { controller = c; } });
  const reader = rs.getReader({ mode: 'byob' });
  const read = reader.read(new Uint16Array(2), { min: 2 });
  controller.enqueue(new Uint8Array([1, 0, 2]));
  await flushAsyncEvents();
  controller.enqueue(new Uint8Array([0]));
  const result = await read;
  assert_equals(result.value.constructor, Uint16Array);
  assert_array_equals([...result.value], [1, 2]);
}, 'read(view, { min }) with a Uint16Array counts elements');

promise_test(async () => {
  let controller;
  const rs = new ReadableStream({ type: 'bytes', start(c) { controller = c; } });
  const reader = rs.getReader({ mode: 'byob' });
  const read = reader.read(new Uint8Array(4), { min: 4 });
  controller.enqueue(new Uint8Array([1, 2]));
  await flushAsyncEvents();
  controller.close();
  controller.byobRequest.respond(0);
  const result = await read;
  assert_true(result.done, 'a close before min is reached ends the read as done');
  assert_typed_array_equals(result.value, new Uint8Array([1, 2, 0, 0]).subarray(0, 2), 'with what was filled');
}, 'read(view, { min }) resolves with a partial view and done when the stream closes');

promise_test(async (t) => {
  let controller;
  const rs = new ReadableStream({ type: 'bytes', start(c) { controller = c; } });
  const reader = rs.getReader({ mode: 'byob' });
  const read = reader.read(new Uint8Array(4), { min: 4 });
  controller.enqueue(new Uint8Array([1]));
  await flushAsyncEvents();
  const theError = new Error('boom');
  controller.error(theError);
  await promise_rejects_exactly(t, theError, read);
}, 'read(view, { min }) rejects when the stream errors before min is reached');

promise_test(async () => {
  let controller;
  const rs = new ReadableStream({
    type: 'bytes',
    start(c) { controller = c; },
    pull(c) {
      const v = c.byobRequest.view;
      v[0] = 42;
      c.byobRequest.respond(1);
    },
  });
  const reader = rs.getReader({ mode: 'byob' });
  const result = await reader.read(new Uint8Array(3), { min: 3 });
  assert_typed_array_equals(result.value, new Uint8Array([42, 42, 42]), 'respond() in several steps until min is met');
}, 'read(view, { min }) keeps pulling until min bytes were responded');

promise_test(async (t) => {
  const rs = new ReadableStream({ type: 'bytes' });
  const reader = rs.getReader({ mode: 'byob' });
  await promise_rejects_js(t, TypeError, reader.read(new Uint8Array(1), { min: -1 }), 'a negative min');
  await promise_rejects_js(t, TypeError, reader.read(new Uint8Array(1), { min: Infinity }), 'an infinite min');
  await promise_rejects_js(t, RangeError, reader.read(new DataView(new ArrayBuffer(2)), { min: 3 }), 'min larger than a DataView');
}, 'read(view, { min }) validates min');

promise_test(async () => {
  const rs = new ReadableStream({
    type: 'bytes',
    start(c) {
      c.enqueue(new Uint8Array([1, 2, 3]));
      c.close();
    },
  });
  const reader = rs.getReader({ mode: 'byob' });
  const result = await reader.read(new Uint8Array(3), { min: 3 });
  assert_false(result.done);
  assert_typed_array_equals(result.value, new Uint8Array([1, 2, 3]));
  const end = await reader.read(new Uint8Array(3), { min: 3 });
  assert_true(end.done);
}, 'read(view, { min }) on a closing stream with exactly min bytes queued');
