// Recording-overhead workload: many timers, each drawing randomness and reading clocks.
let sum = 0;
let pending = 0;
await new Promise((resolve) => {
  for (let i = 0; i < 5000; i++) {
    pending++;
    setTimeout(() => {
      for (let j = 0; j < 20; j++) sum += Math.random();
      sum += Date.now() % 7 + performance.now() % 3;
      if (--pending === 0) resolve();
    }, i % 50);
  }
});
console.log("done", sum > 0);
