// jsonbig: JSON.stringify + JSON.parse of one ~8 MB document, 3 times.
const rows = [];
for (let i = 0; i < 60_000; i++) {
  rows.push({ id: i, user: `user${i}`, ok: i % 2 === 0, value: i / 7, path: ["a", "b", String(i)], meta: { k: i % 13, s: "x".repeat(i % 17) } });
}
let sink = 0;
const t0 = performance.now();
for (let i = 0; i < 3; i++) {
  const text = JSON.stringify(rows);
  sink += JSON.parse(text).length + text.length;
}
console.log(`ms ${(performance.now() - t0).toFixed(1)} (${sink})`);
