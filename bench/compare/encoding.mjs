// encoding: TextEncoder.encode + TextDecoder.decode round trips: 100 000 × 34 ASCII chars,
// 100 000 × 24 mixed chars, 20 000 × 1 KiB ASCII.
const enc = new TextEncoder();
const dec = new TextDecoder();
const ascii = "Hello, world! The quick brown fox.";
const mixed = "Grüße, 水 and 𝄞 — façade";
const kib = "abcdefghijklmnopqrstuvwxyz0123456789".repeat(29).slice(0, 1024);
let sink = 0;
const t0 = performance.now();
for (let i = 0; i < 100_000; i++) sink += dec.decode(enc.encode(ascii)).length;
for (let i = 0; i < 100_000; i++) sink += dec.decode(enc.encode(mixed)).length;
for (let i = 0; i < 20_000; i++) sink += dec.decode(enc.encode(kib)).length;
console.log(`ms ${(performance.now() - t0).toFixed(1)} (${sink})`);
