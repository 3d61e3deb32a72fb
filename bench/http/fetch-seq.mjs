// 300 sequential GETs (connection reuse, per-request overhead). Runs unchanged on esrun, node, deno, bun.
const url = "http://127.0.0.1:18080/";
const t0 = performance.now();
for (let i = 0; i < 300; i++) await (await fetch(url)).text();
console.log("ms", (performance.now() - t0).toFixed(1));
