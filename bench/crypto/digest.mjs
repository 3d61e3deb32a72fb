// 20 000 × SHA-256 of 4 KiB through crypto.subtle.digest, awaited one at a time.
// Runs unchanged on esrun, node and deno; prints the in-script time (the wall time, with start-up,
// is measured by run.sh).
const N = 20000;
const data = new Uint8Array(4096);
crypto.getRandomValues(data);
const subtle = crypto.subtle;
for (let i = 0; i < 500; i++) await subtle.digest("SHA-256", data); // warm-up
const start = performance.now();
let last;
for (let i = 0; i < N; i++) last = await subtle.digest("SHA-256", data);
const ms = performance.now() - start;
console.log(`digest: ${N} x SHA-256(4 KiB) in ${ms.toFixed(1)} ms (${((ms * 1000) / N).toFixed(2)} us each), last byte ${new Uint8Array(last)[0]}`);
