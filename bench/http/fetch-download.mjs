// A 100 MB streamed download, read chunk by chunk (peak RSS shows whether it streams). Runs unchanged on all four.
const t0 = performance.now();
const response = await fetch("http://127.0.0.1:18080/big");
let bytes = 0;
for await (const chunk of response.body) bytes += chunk.byteLength;
if (bytes !== 100 * 1024 * 1024) throw new Error(`got ${bytes} bytes`);
console.log("ms", (performance.now() - t0).toFixed(1));
