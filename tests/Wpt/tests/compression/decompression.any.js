// META: global=window,worker
// META: script=resources/helpers.js
// esrun's own test of DecompressionStream, kept because ../shared/wpt-upstream has no compression/
// files. Written for esrun; it checks what upstream's decompression-*.any.js files check — correct,
// corrupt, empty, split and extra input, bad chunks, every BufferSource kind, Uint8Array output,
// constructor errors — and some subtest names follow theirs. Drop it once the upstream files are in
// ../shared/wpt-upstream.
'use strict';

test(() => {
  assert_throws_js(TypeError, () => new DecompressionStream('a'), 'constructor should throw');
  assert_throws_js(TypeError, () => new DecompressionStream(), 'constructor should throw without a format');
}, 'non-supported format should throw');

for (const format of compressionFormats) {
  const compressed = compressedExpected[format];

  promise_test(async () => {
    const output = await decompressArrayBuffer(compressed, format);
    assert_equals(new TextDecoder().decode(output), expectedOutput);
  }, `decompressing ${format} input should work`);

  for (let chunkSize = 1; chunkSize < 16; chunkSize++) {
    promise_test(async () => {
      const chunks = [];
      for (let i = 0; i < compressed.length; i += chunkSize) chunks.push(compressed.slice(i, i + chunkSize));
      const output = await decompressChunks(chunks, format);
      assert_equals(new TextDecoder().decode(output), expectedOutput);
    }, `decompressing splitted chunk into pieces of size ${chunkSize} should work in ${format}`);
  }

  promise_test(async () => {
    const ds = new DecompressionStream(format);
    const reader = ds.readable.getReader();
    const writer = ds.writable.getWriter();
    writer.write(compressed);
    writer.close();
    const { value } = await reader.read();
    assert_equals(Object.prototype.toString.call(value), '[object Uint8Array]');
  }, `decompressing ${format} output should give Uint8Array chunks`);

  for (const [name, make] of [['ArrayBuffer', (b) => b.buffer], ['Int8Array', (b) => new Int8Array(b.buffer)],
    ['Uint8Array', (b) => b], ['Uint8ClampedArray', (b) => new Uint8ClampedArray(b.buffer)],
    ['DataView', (b) => new DataView(b.buffer)], ['Uint8Array with an offset', (b) => {
      const big = new Uint8Array(b.length + 5);
      big.set(b, 5);
      return new Uint8Array(big.buffer, 5, b.length);
    }]]) {
    promise_test(async () => {
      const output = await decompressArrayBuffer(make(compressed.slice()), format);
      assert_equals(new TextDecoder().decode(output), expectedOutput);
    }, `chunk of type ${name} should work for ${format}`);
  }

  promise_test(async (t) => {
    const ds = new DecompressionStream(format);
    const reader = ds.readable.getReader();
    const writer = ds.writable.getWriter();
    const closePromise = writer.close();
    await promise_rejects_js(t, TypeError, reader.read(), 'read should reject: empty input is truncated');
    await promise_rejects_js(t, TypeError, closePromise, 'close should reject');
  }, `decompressing an empty input with ${format} should fail`);

  promise_test(async (t) => {
    const truncated = compressed.slice(0, compressed.length - 1);
    const ds = new DecompressionStream(format);
    const reader = ds.readable.getReader();
    const writer = ds.writable.getWriter();
    writer.write(truncated).catch(() => {});
    writer.close().catch(() => {});
    let error;
    try {
      for (;;) {
        const { done } = await reader.read();
        if (done) break;
      }
    } catch (e) {
      error = e;
    }
    assert_true(error instanceof TypeError, 'truncated input must error with a TypeError on flush');
  }, `decompressing truncated ${format} input should fail`);

  promise_test(async (t) => {
    const extra = new Uint8Array([...compressed, 0x01, 0x02, 0x03]);
    const ds = new DecompressionStream(format);
    const reader = ds.readable.getReader();
    const writer = ds.writable.getWriter();
    writer.write(extra).catch(() => {});
    writer.close().catch(() => {});
    await promise_rejects_js(t, TypeError, reader.read(), 'extra bytes after the end are an error');
  }, `decompressing ${format} input with trailing junk should fail`);

  promise_test(async (t) => {
    const ds = new DecompressionStream(format);
    const reader = ds.readable.getReader();
    const writer = ds.writable.getWriter();
    writer.write(compressed).catch(() => {});
    writer.write(new Uint8Array([0])).catch(() => {});
    writer.close().catch(() => {});
    let text = '';
    let error;
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
    } catch (e) {
      error = e;
    }
    assert_true(error instanceof TypeError, 'a chunk after the end is an error');
  }, `decompressing ${format} input followed by a separate junk chunk should fail`);

  for (const [name, chunk] of [['undefined', undefined], ['null', null], ['numeric', 3.14], ['object', {}], ['array', [65]],
    ['string', 'hello'], ['invalid gzip bytes', new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0])]]) {
    promise_test(async (t) => {
      const ds = new DecompressionStream(format);
      const reader = ds.readable.getReader();
      const writer = ds.writable.getWriter();
      const writePromise = writer.write(chunk);
      const readPromise = reader.read();
      await promise_rejects_js(t, TypeError, writePromise, 'write should reject');
      await promise_rejects_js(t, TypeError, readPromise, 'read should reject');
    }, `chunk of type ${name} should error the stream for ${format}`);
  }
}

const corruptions = {
  gzip: [
    ['ID1', 0, 0x00], ['ID2', 1, 0x00], ['CM', 2, 0x00], ['FLG', 3, 0xe0],
    ['data', 12, 0xff], ['CRC', 29, 0x00], ['ISIZE', 31, 0x00],
  ],
  deflate: [
    ['CMF', 0, 0x00], ['FLG', 1, 0x00], ['data', 4, 0xff], ['ADLER', 21, 0x00],
  ],
  'deflate-raw': [
    ['data', 0, 0xff],
  ],
};

for (const format of compressionFormats) {
  for (const [field, offset, value] of corruptions[format]) {
    promise_test(async (t) => {
      const bad = compressedExpected[format].slice();
      bad[offset] = bad[offset] === value ? value ^ 0x55 : value;
      let error;
      try {
        await decompressArrayBuffer(bad, format);
      } catch (e) {
        error = e;
      }
      assert_true(error instanceof TypeError, `a corrupt ${field} must error with a TypeError`);
    }, `the ${field} field of ${format} input should be checked`);
  }
}

promise_test(async () => {
  // FEXTRA, FNAME, FCOMMENT and FHCRC in the header are skipped (FHCRC checked).
  const body = compressedExpected['deflate-raw'];
  const gz = compressedExpected.gzip;
  const trailer = gz.slice(gz.length - 8);
  const header = [0x1f, 0x8b, 8, 4 | 8 | 16, 0, 0, 0, 0, 0, 3, 3, 0, 1, 2, 3, ...new TextEncoder().encode('name\0comment\0')];
  const output = await decompressArrayBuffer(new Uint8Array([...header, ...body, ...trailer]), 'gzip');
  assert_equals(new TextDecoder().decode(output), expectedOutput);
}, 'gzip headers with optional fields are understood');

promise_test(async (t) => {
  const gz = compressedExpected.gzip;
  let error;
  try {
    await decompressArrayBuffer(new Uint8Array([...gz, ...gz]), 'gzip');
  } catch (e) {
    error = e;
  }
  assert_true(error instanceof TypeError, 'a second gzip member is data after the end');
}, 'a second gzip member is an error');

promise_test(async () => {
  const ds = new DecompressionStream('deflate');
  const writer = ds.writable.getWriter();
  const reason = new Error('cancel');
  const readable = ds.readable;
  await readable.cancel(reason);
  await writer.closed.then(() => assert_unreached(), (e) => assert_equals(e, reason));
}, 'canceling a DecompressionStream errors its writable side');
