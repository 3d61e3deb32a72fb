// 5 000 chunks of 1 KiB: ReadableStream → TransformStream → WritableStream.
// Runs unchanged on esrun, node and deno; prints the in-script time and a checksum.
const CHUNKS = 5000;
const SIZE = 1024;
const chunk = new Uint8Array(SIZE).map((_, i) => i & 0xff);

async function once() {
  let produced = 0;
  let written = 0;
  let sum = 0;
  const source = new ReadableStream({
    pull(controller) {
      if (produced === CHUNKS) {
        controller.close();
        return;
      }
      produced++;
      controller.enqueue(chunk.slice());
    },
  });
  const transform = new TransformStream({
    transform(c, controller) {
      c[0] ^= 1;
      controller.enqueue(c);
    },
  });
  const sink = new WritableStream({
    write(c) {
      written += c.length;
      sum = (sum + c[0] + c[SIZE - 1]) % 65521;
    },
  });
  await source.pipeThrough(transform).pipeTo(sink);
  return [written, sum];
}

const runs = Number((globalThis.process?.argv ?? [])[2] ?? 5);
await once(); // warm-up
const times = [];
let result;
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  result = await once();
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(`pipe 5000x1KiB: median ${times[times.length >> 1].toFixed(2)} ms, min ${times[0].toFixed(2)} ms (bytes ${result[0]}, sum ${result[1]})`);
