'use strict';
// Helpers for esrun's own compression tests (written for esrun).

self.compressionFormats = ['deflate', 'deflate-raw', 'gzip'];

self.expectedOutput = 'expected output';
self.compressedExpected = {
  deflate: new Uint8Array([120, 156, 75, 173, 40, 72, 77, 46, 73, 77, 81, 200, 47, 45, 41, 40, 45, 1, 0, 48, 173, 6, 36]),
  gzip: new Uint8Array([31, 139, 8, 0, 0, 0, 0, 0, 0, 3, 75, 173, 40, 72, 77, 46, 73, 77, 81, 200, 47, 45, 41, 40, 45, 1, 0, 176, 1, 57, 179, 15, 0, 0, 0]),
  'deflate-raw': new Uint8Array([75, 173, 40, 72, 77, 46, 73, 77, 81, 200, 47, 45, 41, 40, 45, 1, 0]),
};

self.concatenateStream = async (readableStream) => {
  const reader = readableStream.getReader();
  let totalSize = 0;
  const buffers = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffers.push(value);
    totalSize += value.byteLength;
  }
  reader.releaseLock();
  const concatenated = new Uint8Array(totalSize);
  let offset = 0;
  for (const buffer of buffers) {
    concatenated.set(buffer, offset);
    offset += buffer.byteLength;
  }
  return concatenated;
};

self.compressArrayBuffer = async (input, format) => {
  const cs = new CompressionStream(format);
  const writer = cs.writable.getWriter();
  writer.write(input);
  const closePromise = writer.close();
  const out = await concatenateStream(cs.readable);
  await closePromise;
  return out;
};

self.decompressArrayBuffer = async (input, format) => {
  const ds = new DecompressionStream(format);
  const writer = ds.writable.getWriter();
  writer.write(input).catch(() => {});
  writer.close().catch(() => {});
  return concatenateStream(ds.readable);
};

self.decompressChunks = async (chunks, format) => {
  const ds = new DecompressionStream(format);
  const writer = ds.writable.getWriter();
  for (const chunk of chunks) writer.write(chunk).catch(() => {});
  writer.close().catch(() => {});
  return concatenateStream(ds.readable);
};

self.makeData = (size, seed = 1) => {
  const data = new Uint8Array(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    data[i] = (x >>> 24) % 16 + (i % 97 === 0 ? 100 : 65);
  }
  return data;
};
