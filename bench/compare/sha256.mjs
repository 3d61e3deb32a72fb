// sha256: 20 000 × crypto.subtle.digest("SHA-256") of 4 KiB, awaited one at a time.
const data = crypto.getRandomValues(new Uint8Array(4096));
const subtle = crypto.subtle;
const t0 = performance.now();
let last;
for (let i = 0; i < 20_000; i++) last = await subtle.digest("SHA-256", data);
console.log(`ms ${(performance.now() - t0).toFixed(1)} (${new Uint8Array(last).length})`);
