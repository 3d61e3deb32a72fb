// Timers and microtasks: the order below is the HTML event loop's.
console.log("start");
setTimeout(() => console.log("timeout 10"), 10);
setTimeout(() => console.log("timeout 0"), 0);
queueMicrotask(() => console.log("microtask"));

let count = 0;
const id = setInterval(() => {
  count++;
  console.log(`interval ${count}`);
  if (count === 3) {
    clearInterval(id);
    setTimeout(() => console.log("done"), 5);
  }
}, 20);
