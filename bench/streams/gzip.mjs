// A 10 MB gzip round trip: CompressionStream("gzip") then DecompressionStream("gzip"), fed in 64 KiB
// chunks. Runs unchanged on esrun, node and deno; prints the in-script time and sizes.
const SIZE = 10 * 1024 * 1024;
const data = new Uint8Array(SIZE);
let x = 12345;
for (let i = 0; i < SIZE; i++) {
  x = (x * 1103515245 + 12345) >>> 0;
  // text-like: a small alphabet with some noise, so it compresses about 2-3x
  data[i] = i % 61 === 0 ? x >>> 24 : 97 + ((x >>> 27) & 15);
}

async function pump(bytes, transform) {
  const writer = transform.writable.getWriter();
  const reading = (async () => {
    const chunks = [];
    let total = 0;
    for await (const c of transform.readable) {
      chunks.push(c);
      total += c.length;
    }
    const out = new Uint8Array(total);
    let o = 0;
    for (const c of chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  })();
  for (let i = 0; i < bytes.length; i += 65536) await writer.write(bytes.subarray(i, i + 65536));
  await writer.close();
  return reading;
}

const runs = Number((globalThis.process?.argv ?? [])[2] ?? 3);
const times = [];
let compressedSize = 0;
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const compressed = await pump(data, new CompressionStream('gzip'));
  const back = await pump(compressed, new DecompressionStream('gzip'));
  times.push(performance.now() - t0);
  compressedSize = compressed.length;
  if (back.length !== data.length || back[SIZE - 1] !== data[SIZE - 1] || back[SIZE >> 1] !== data[SIZE >> 1]) throw new Error('round trip mismatch');
}
times.sort((a, b) => a - b);
console.log(`gzip round trip 10 MB: median ${times[times.length >> 1].toFixed(1)} ms, min ${times[0].toFixed(1)} ms (compressed ${compressedSize} bytes)`);
