// base64: atob(btoa(1 KiB of Latin-1)) × 10 000.
let latin1 = "";
for (let i = 0; i < 1024; i++) latin1 += String.fromCharCode((i * 7) & 0xff); // a rope, as user code builds it
let sink = 0;
const t0 = performance.now();
for (let i = 0; i < 10_000; i++) sink += atob(btoa(latin1)).length;
console.log(`ms ${(performance.now() - t0).toFixed(1)} (${sink})`);
