// 300 concurrent GETs (Promise.all). Runs unchanged on esrun, node, deno, bun.
const url = "http://127.0.0.1:18080/";
const t0 = performance.now();
await Promise.all(Array.from({ length: 300 }, async () => (await fetch(url)).text()));
console.log("ms", (performance.now() - t0).toFixed(1));
