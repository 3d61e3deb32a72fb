// Web-platform micro workloads: URL parsing and component reads, TextEncoder/TextDecoder round
// trips, btoa/atob. Runs unchanged on esrun, node and deno; each line is the best of 5 timed runs
// after a warm-up.
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

const urls = ["https://user:pass@example.com:8080/a/b/c?x=1&y=2#frag", "http://example.org/", "file:///tmp/x.txt", "https://例え.jp/パス?q=値"];
bench("100 000 x new URL + component reads (4 inputs)", 100000, (i) => {
  const u = new URL(urls[i & 3]);
  return u.protocol.length + u.host.length + u.pathname.length + u.search.length + u.hash.length;
});
bench("100 000 x new URL + reads (distinct inputs)", 100000, (i) => {
  const u = new URL(`https://host${i}.example.com/p/${i}?q=${i}`);
  return u.hostname.length + u.pathname.length + u.search.length;
});
