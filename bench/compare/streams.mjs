// streams: 5 000 chunks of 1 KiB through ReadableStream → TransformStream → WritableStream.
const CHUNKS = 5000;
const chunk = new Uint8Array(1024).map((_, i) => i & 0xff);
let produced = 0;
let written = 0;
const source = new ReadableStream({
  pull(controller) {
    if (produced++ === CHUNKS) controller.close();
    else controller.enqueue(chunk.slice());
  },
});
const transform = new TransformStream({ transform(c, controller) { c[0] ^= 1; controller.enqueue(c); } });
const sink = new WritableStream({ write(c) { written += c.length; } });
const t0 = performance.now();
await source.pipeThrough(transform).pipeTo(sink);
console.log(`ms ${(performance.now() - t0).toFixed(1)} (${written})`);
