// timers: 5 rounds of 20 000 setTimeout(fn, 0) created together (a quarter cleared again), each
// round awaited until its last timer fired.
let fired = 0;
const t0 = performance.now();
for (let round = 0; round < 5; round++) {
  await new Promise((resolve) => {
    const ids = [];
    for (let i = 0; i < 20_000; i++) ids.push(setTimeout(() => fired++, 0));
    for (let i = 0; i < ids.length; i += 4) clearTimeout(ids[i]);
    setTimeout(resolve, 0);
  });
}
console.log(`ms ${(performance.now() - t0).toFixed(1)} (${fired})`);
