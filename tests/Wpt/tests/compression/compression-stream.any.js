// META: global=window,worker
// META: script=resources/helpers.js
// esrun's own test of CompressionStream, kept because ../shared/wpt-upstream has no compression/
// files. Written for esrun (upstream's need pako and /media files); it checks what upstream's
// compression-*.any.js files check — constructor errors, round trips of empty, chunked, large and
// flushed inputs, output lengths, bad chunks — and some subtest names follow theirs. Drop it once
// the upstream files are in ../shared/wpt-upstream.
'use strict';

test(() => {
  assert_throws_js(TypeError, () => new CompressionStream('a'), 'constructor should throw');
  assert_throws_js(TypeError, () => new CompressionStream(), 'constructor should throw without a format');
  assert_throws_js(TypeError, () => new CompressionStream('GZIP'), 'formats are case-sensitive');
  assert_throws_js(TypeError, () => new CompressionStream('br'), 'brotli is not a format here');
}, 'non-supported format should throw');

test(() => {
  const cs = new CompressionStream('gzip');
  assert_true(cs.readable instanceof ReadableStream);
  assert_true(cs.writable instanceof WritableStream);
  assert_equals(cs.readable, cs.readable, 'the same readable each time');
  assert_equals(Object.prototype.toString.call(cs), '[object CompressionStream]');
  assert_equals(CompressionStream.length, 1);
  assert_throws_js(TypeError, () => Object.getOwnPropertyDescriptor(CompressionStream.prototype, 'readable').get.call({}));
}, 'CompressionStream shape');

for (const format of compressionFormats) {
  promise_test(async () => {
    const input = new TextEncoder().encode('Hello, world! Hello, world! Hello, world!');
    const compressed = await compressArrayBuffer(input, format);
    const output = await decompressArrayBuffer(compressed, format);
    assert_array_equals([...output], [...input], 'round trip');
  }, `compressing and decompressing a short text with ${format}`);

  promise_test(async () => {
    const compressed = await compressArrayBuffer(new Uint8Array(0), format);
    assert_true(compressed.length >= 2, 'an empty input still produces a valid stream');
    const output = await decompressArrayBuffer(compressed, format);
    assert_equals(output.length, 0, 'the empty stream decompresses to nothing');
  }, `compressing an empty input with ${format}`);

  promise_test(async () => {
    const chunks = [new TextEncoder().encode('Hello'), new Uint8Array(0), new TextEncoder().encode(', world')];
    const cs = new CompressionStream(format);
    const writer = cs.writable.getWriter();
    for (const chunk of chunks) writer.write(chunk);
    writer.close();
    const compressed = await concatenateStream(cs.readable);
    const output = await decompressArrayBuffer(compressed, format);
    assert_equals(new TextDecoder().decode(output), 'Hello, world', 'the empty chunk changes nothing');
  }, `the result of compressing [Hello,,world] with ${format} should be 'Hello, world'`);

  promise_test(async () => {
    const input = makeData(200000);
    const cs = new CompressionStream(format);
    const writer = cs.writable.getWriter();
    for (let i = 0; i < input.length; i += 1000) writer.write(input.subarray(i, i + 1000));
    writer.close();
    const compressed = await concatenateStream(cs.readable);
    const output = await decompressArrayBuffer(compressed, format);
    assert_equals(output.length, input.length, 'length');
    assert_true(output.every((b, i) => b === input[i]), 'contents');
  }, `compressing 200 chunks of 1000 bytes with ${format}`);

  promise_test(async () => {
    const input = makeData(2 * 1024 * 1024, 7);
    const compressed = await compressArrayBuffer(input, format);
    const output = await decompressArrayBuffer(compressed, format);
    assert_equals(output.length, input.length, 'length');
    let same = true;
    for (let i = 0; i < input.length && same; i++) same = output[i] === input[i];
    assert_true(same, 'contents');
  }, `compressing and decompressing 2 MiB in one chunk with ${format} (large flush output)`);

  promise_test(async () => {
    const input = new Uint8Array(300000).fill(65);
    const compressed = await compressArrayBuffer(input, format);
    assert_less_than(compressed.length, 2000, 'a run of one byte compresses well');
    const ds = new DecompressionStream(format);
    const writer = ds.writable.getWriter();
    writer.write(compressed);
    writer.close();
    const reader = ds.readable.getReader();
    let total = 0;
    let chunks = 0;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      assert_equals(value.constructor, Uint8Array, 'chunks are Uint8Arrays');
      total += value.length;
      chunks++;
    }
    assert_equals(total, input.length, 'all bytes come out');
    assert_greater_than(chunks, 1, 'large output comes in several chunks');
  }, `decompressing a highly compressed ${format} stream gives Uint8Array chunks of bounded size`);

  for (const [name, chunk] of [['undefined', undefined], ['null', null], ['numeric', 3.14], ['object', {}], ['array', [65]],
    ['SharedArrayBuffer', typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(1) : {}], ['string', 'hello']]) {
    promise_test(async (t) => {
      const cs = new CompressionStream(format);
      const reader = cs.readable.getReader();
      const writer = cs.writable.getWriter();
      const writePromise = writer.write(chunk);
      const readPromise = reader.read();
      await promise_rejects_js(t, TypeError, writePromise, 'write should reject');
      await promise_rejects_js(t, TypeError, readPromise, 'read should reject');
    }, `chunk of type ${name} should error the stream for ${format}`);
  }

  for (const [name, make] of [['ArrayBuffer', (b) => b.buffer], ['Int8Array', (b) => new Int8Array(b.buffer)],
    ['Uint16Array', (b) => new Uint16Array(b.buffer)], ['DataView', (b) => new DataView(b.buffer)],
    ['Float64Array', (b) => new Float64Array(b.buffer)]]) {
    promise_test(async () => {
      const input = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
      const compressed = await compressArrayBuffer(make(input.slice()), format);
      const output = await decompressArrayBuffer(compressed, format);
      assert_array_equals([...output], [...input]);
    }, `a chunk of type ${name} can be compressed with ${format}`);
  }
}

promise_test(async () => {
  const input = new TextEncoder().encode(expectedOutput);
  const compressed = await compressArrayBuffer(input, 'gzip');
  assert_equals(compressed[0], 0x1f, 'gzip magic 1');
  assert_equals(compressed[1], 0x8b, 'gzip magic 2');
  assert_equals(compressed[2], 8, 'deflate method');
}, 'gzip output starts with the gzip header');

promise_test(async () => {
  const compressed = await compressArrayBuffer(new TextEncoder().encode(expectedOutput), 'deflate');
  assert_equals(((compressed[0] << 8) | compressed[1]) % 31, 0, 'zlib header check');
  assert_equals(compressed[0] & 0x0f, 8, 'deflate method');
}, 'deflate output starts with a zlib header');
