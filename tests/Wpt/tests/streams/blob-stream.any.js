// META: global=window,worker
// META: script=resources/test-utils.js
// META: script=resources/rs-utils.js
// Restated from web-platform-tests FileAPI/blob/Blob-stream.any.js (the streams side of Blob.stream()).
'use strict';

function concat(chunks) {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

promise_test(async () => {
  const blob = new Blob(['PASS']);
  const stream = blob.stream();
  assert_true(stream instanceof ReadableStream, 'stream() returns a ReadableStream');
  const chunks = await readableStreamToArray(stream);
  assert_equals(new TextDecoder().decode(concat(chunks)), 'PASS');
  for (const chunk of chunks) assert_equals(chunk.constructor, Uint8Array, 'chunks are Uint8Arrays');
}, 'Blob.stream()');

promise_test(async () => {
  const chunks = await readableStreamToArray(new Blob().stream());
  assert_array_equals(chunks, [], 'an empty blob gives no chunks');
}, 'Blob.stream() empty Blob');

promise_test(async () => {
  const input = new Uint8Array(300000);
  for (let i = 0; i < input.length; i++) input[i] = i * 7;
  const chunks = await readableStreamToArray(new Blob([input]).stream());
  const out = concat(chunks);
  assert_equals(out.length, input.length);
  assert_true(out.every((b, i) => b === input[i]), 'contents');
  assert_greater_than(chunks.length, 1, 'a large blob is read in several chunks');
}, 'Blob.stream() with a large Blob');

promise_test(async () => {
  const blob = new Blob(['0123456789']);
  const reader = blob.stream().getReader({ mode: 'byob' });
  const r1 = await reader.read(new Uint8Array(4));
  assert_equals(new TextDecoder().decode(r1.value), '0123');
  const r2 = await reader.read(new Uint8Array(100));
  assert_equals(new TextDecoder().decode(r2.value), '456789');
  const r3 = await reader.read(new Uint8Array(4));
  assert_true(r3.done, 'done at the end');
}, 'Reading Blob.stream() with a BYOB reader');

promise_test(async () => {
  const bytes = new Uint8Array([1, 2, 3]);
  const blob = new Blob([bytes]);
  const [chunk] = await readableStreamToArray(blob.stream());
  chunk[0] = 99;
  assert_equals(new Uint8Array(await blob.arrayBuffer())[0], 1, 'the blob\'s bytes are not changed through a stream chunk');
  const [again] = await readableStreamToArray(blob.stream());
  assert_equals(again[0], 1, 'a second stream sees the original bytes');
}, 'Blob.stream() chunks are copies');

promise_test(async () => {
  const blob = new Blob(['hello world']);
  const text = (await readableStreamToArray(blob.slice(6).stream().pipeThrough(new TextDecoderStream()))).join('');
  assert_equals(text, 'world');
}, 'Blob.slice().stream() through TextDecoderStream');

test(() => {
  const d = Object.getOwnPropertyDescriptor(Blob.prototype, 'stream');
  assert_equals(typeof d.value, 'function');
  assert_true(d.enumerable, 'stream is enumerable');
  assert_equals(d.value.length, 0);
  assert_throws_js(TypeError, () => Blob.prototype.stream.call({}), 'brand check');
}, 'Blob.prototype.stream shape');
