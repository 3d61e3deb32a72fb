// async: await Promise.resolve(i) × 1 000 000 in one async function.
async function run() {
  let sink = 0;
  for (let i = 0; i < 1_000_000; i++) sink += await Promise.resolve(i);
  return sink;
}
const t0 = performance.now();
const r = await run();
console.log(`ms ${(performance.now() - t0).toFixed(1)} (${r})`);
