// TextEncoder/TextDecoder round trips and btoa/atob, as in the encoding issue's closing note.
// Runs unchanged on esrun and node; each line is the best of 5 timed runs after a warm-up.
const enc = new TextEncoder();
const dec = new TextDecoder();

function bench(name, n, f) {
  for (let i = 0; i < 5000; i++) f(i); // warm-up
  let best = Infinity;
  let sink = 0;
  for (let r = 0; r < 5; r++) {
    const start = performance.now();
    for (let i = 0; i < n; i++) sink += f(i);
    best = Math.min(best, performance.now() - start);
  }
  console.log(`${name.padEnd(44)} ${best.toFixed(1).padStart(7)} ms  ${((best * 1000) / n).toFixed(2)} us each  (${sink % 997})`);
}

const ascii = "Hello, world! The quick brown fox.";
const mixed = "Grüße, 水 and 𝄞 — façade";
const kib = "abcdefghijklmnopqrstuvwxyz0123456789".repeat(29).slice(0, 1024);
let latin1 = "";
for (let i = 0; i < 1024; i++) latin1 += String.fromCharCode((i * 7) & 0xff); // a rope, as user code builds it
const b64 = btoa(latin1);

bench("100 000 x encode+decode, 34 ASCII chars", 100000, () => dec.decode(enc.encode(ascii)).length);
bench("100 000 x encode+decode, 24 mixed chars", 100000, () => dec.decode(enc.encode(mixed)).length);
bench("100 000 x encode+decode, 1 KiB ASCII", 100000, () => dec.decode(enc.encode(kib)).length);
bench("10 000 x btoa, 1 KiB Latin-1", 10000, () => btoa(latin1).length);
bench("10 000 x atob, 1 KiB decoded", 10000, () => atob(b64).length);
