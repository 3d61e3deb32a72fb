// META: global=window,worker
// META: script=resources/test-utils.js
// META: script=resources/rs-utils.js
// Restated from web-platform-tests encoding/streams/*.any.js (TextEncoderStream / TextDecoderStream).
'use strict';

async function pipeChunks(transform, chunks) {
  const writer = transform.writable.getWriter();
  for (const chunk of chunks) writer.write(chunk);
  writer.close();
  return readableStreamToArray(transform.readable);
}

function concat(arrays) {
  const total = arrays.reduce((n, a) => n + a.length, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const a of arrays) {
    out.set(a, o);
    o += a.length;
  }
  return out;
}

test(() => {
  const tes = new TextEncoderStream();
  assert_equals(tes.encoding, 'utf-8');
  assert_true(tes.readable instanceof ReadableStream);
  assert_true(tes.writable instanceof WritableStream);
  assert_equals(Object.prototype.toString.call(tes), '[object TextEncoderStream]');
  const tds = new TextDecoderStream();
  assert_equals(tds.encoding, 'utf-8');
  assert_false(tds.fatal);
  assert_false(tds.ignoreBOM);
  assert_equals(Object.prototype.toString.call(tds), '[object TextDecoderStream]');
}, 'TextEncoderStream and TextDecoderStream attributes');

test(() => {
  const tds = new TextDecoderStream('utf-16le', { fatal: true, ignoreBOM: true });
  assert_equals(tds.encoding, 'utf-16le');
  assert_true(tds.fatal);
  assert_true(tds.ignoreBOM);
  assert_throws_js(RangeError, () => new TextDecoderStream('no-such-encoding'), 'unknown label');
  assert_throws_js(RangeError, () => new TextDecoderStream('replacement'), 'the replacement encoding');
  assert_throws_js(TypeError, () => new TextDecoderStream('utf-8', 5), 'options must be a dictionary');
}, 'TextDecoderStream constructor');

promise_test(async () => {
  const out = await pipeChunks(new TextEncoderStream(), ['Hello, ', 'world', '']);
  assert_array_equals([...concat(out)], [...new TextEncoder().encode('Hello, world')]);
  assert_true(out.every((c) => c.constructor === Uint8Array), 'chunks are Uint8Arrays');
  assert_equals(out.length, 2, 'the empty string produces no chunk');
}, 'TextEncoderStream encodes strings');

promise_test(async () => {
  const out = await pipeChunks(new TextEncoderStream(), ['\uD83D', '\uDE00']);
  assert_array_equals([...concat(out)], [0xf0, 0x9f, 0x98, 0x80], 'a surrogate pair split across chunks');
}, 'TextEncoderStream joins a surrogate pair split across chunks');

promise_test(async () => {
  const out = await pipeChunks(new TextEncoderStream(), ['a\uD83D']);
  assert_array_equals([...concat(out)], [0x61, 0xef, 0xbf, 0xbd], 'a lone lead surrogate at the end becomes U+FFFD on flush');
}, 'TextEncoderStream: a trailing lead surrogate becomes U+FFFD');

promise_test(async () => {
  const out = await pipeChunks(new TextEncoderStream(), ['\uD83D', 'b', '\uDE00']);
  assert_array_equals([...concat(out)], [0xef, 0xbf, 0xbd, 0x62, 0xef, 0xbf, 0xbd], 'lone surrogates');
}, 'TextEncoderStream: lone surrogates become U+FFFD');

promise_test(async () => {
  const out = await pipeChunks(new TextEncoderStream(), [1, null, { toString() { return 'x'; } }]);
  assert_equals(new TextDecoder().decode(concat(out)), '1nullx');
}, 'TextEncoderStream converts chunks with ToString');

promise_test(async (t) => {
  const tes = new TextEncoderStream();
  const writer = tes.writable.getWriter();
  const reader = tes.readable.getReader();
  const write = writer.write(Symbol('x'));
  await promise_rejects_js(t, TypeError, reader.read(), 'a symbol chunk errors the stream');
  await promise_rejects_js(t, TypeError, write);
}, 'TextEncoderStream: a Symbol chunk is a TypeError');

promise_test(async () => {
  const bytes = new TextEncoder().encode('€uro 😀 ok');
  const chunks = [];
  for (let i = 0; i < bytes.length; i++) chunks.push(bytes.slice(i, i + 1));
  const out = await pipeChunks(new TextDecoderStream(), chunks);
  assert_equals(out.join(''), '€uro 😀 ok', 'multi-byte characters split byte by byte');
}, 'TextDecoderStream decodes multi-byte characters split across chunks');

promise_test(async () => {
  const out = await pipeChunks(new TextDecoderStream(), [new Uint8Array([0xef, 0xbb]), new Uint8Array([0xbf, 0x41])]);
  assert_equals(out.join(''), 'A', 'the BOM is stripped even when split');
}, 'TextDecoderStream strips a split BOM');

promise_test(async () => {
  const out = await pipeChunks(new TextDecoderStream('utf-8', { ignoreBOM: true }), [new Uint8Array([0xef, 0xbb, 0xbf, 0x41])]);
  assert_equals(out.join(''), '\uFEFFA', 'ignoreBOM keeps the BOM');
}, 'TextDecoderStream ignoreBOM');

promise_test(async () => {
  const out = await pipeChunks(new TextDecoderStream(), [new Uint8Array([0xe2, 0x82])]);
  assert_equals(out.join(''), '\uFFFD', 'an incomplete sequence at the end becomes U+FFFD on flush');
}, 'TextDecoderStream: an incomplete sequence at the end');

promise_test(async (t) => {
  const tds = new TextDecoderStream('utf-8', { fatal: true });
  const writer = tds.writable.getWriter();
  const reader = tds.readable.getReader();
  writer.write(new Uint8Array([0xff])).catch(() => {});
  await promise_rejects_js(t, TypeError, reader.read(), 'invalid input errors a fatal stream');
}, 'TextDecoderStream fatal: invalid bytes error the stream');

promise_test(async (t) => {
  const tds = new TextDecoderStream('utf-8', { fatal: true });
  const writer = tds.writable.getWriter();
  const read = tds.readable.getReader().read();
  writer.write(new Uint8Array([0xe2, 0x82])).catch(() => {});
  const close = writer.close();
  await promise_rejects_js(t, TypeError, close, 'an incomplete sequence at the end errors a fatal stream on close');
  await promise_rejects_js(t, TypeError, read, 'and the readable side');
}, 'TextDecoderStream fatal: an incomplete sequence at the end');

promise_test(async () => {
  const out = await pipeChunks(new TextDecoderStream('utf-16le'), [new Uint8Array([0x41]), new Uint8Array([0x00, 0x3d, 0xd8]), new Uint8Array([0x00, 0xde])]);
  assert_equals(out.join(''), 'A😀', 'UTF-16LE with code units and a surrogate pair split across chunks');
}, 'TextDecoderStream UTF-16LE split across chunks');

promise_test(async () => {
  const out = await pipeChunks(new TextDecoderStream('windows-1252'), [new Uint8Array([0x80, 0x41])]);
  assert_equals(out.join(''), '€A');
}, 'TextDecoderStream with a legacy single-byte encoding');

promise_test(async () => {
  const buffer = new ArrayBuffer(3);
  new Uint8Array(buffer).set([0x61, 0x62, 0x63]);
  const out = await pipeChunks(new TextDecoderStream(), [buffer, new DataView(buffer, 1, 1)]);
  assert_equals(out.join(''), 'abcb', 'ArrayBuffer and DataView chunks');
}, 'TextDecoderStream accepts ArrayBuffer and DataView chunks');

for (const bad of [undefined, null, 'abc', 5, {}, [1, 2]]) {
  promise_test(async (t) => {
    const tds = new TextDecoderStream();
    const writer = tds.writable.getWriter();
    const reader = tds.readable.getReader();
    writer.write(bad).catch(() => {});
    await promise_rejects_js(t, TypeError, reader.read());
  }, `TextDecoderStream: a chunk of ${JSON.stringify(bad) ?? 'undefined'} is a TypeError`);
}

promise_test(async () => {
  const out = await pipeChunks(new TextDecoderStream(), [new Uint8Array(0), new Uint8Array([0x61]), new Uint8Array(0)]);
  assert_array_equals(out, ['a'], 'empty chunks produce nothing');
}, 'TextDecoderStream: empty chunks enqueue nothing');

promise_test(async () => {
  const text = 'round trip ✓ 𝄞';
  const rs = ReadableStream.from([text.slice(0, 5), text.slice(5)]);
  const out = await readableStreamToArray(rs.pipeThrough(new TextEncoderStream()).pipeThrough(new TextDecoderStream()));
  assert_equals(out.join(''), text);
}, 'TextEncoderStream piped into TextDecoderStream round-trips');

test(() => {
  for (const [name, ctor] of [['TextEncoderStream', TextEncoderStream], ['TextDecoderStream', TextDecoderStream]]) {
    for (const attr of name === 'TextEncoderStream' ? ['encoding', 'readable', 'writable'] : ['encoding', 'fatal', 'ignoreBOM', 'readable', 'writable']) {
      const d = Object.getOwnPropertyDescriptor(ctor.prototype, attr);
      assert_equals(typeof d.get, 'function', `${name}.${attr} is an accessor`);
      assert_true(d.enumerable, `${name}.${attr} is enumerable`);
      assert_throws_js(TypeError, () => d.get.call({}), `${name}.${attr} brand check`);
    }
  }
  assert_equals(TextEncoderStream.length, 0);
  assert_equals(TextDecoderStream.length, 0);
}, 'TextEncoderStream and TextDecoderStream Web IDL shape');
