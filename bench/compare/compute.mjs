// compute: plain JS with no host calls — a sieve over a typed array, recursive calls, a numeric sort
// and string building. Prints its own time as `ms <n>` (the last such line is the figure).
function sieve(n) {
  const composite = new Uint8Array(n + 1);
  let count = 0;
  for (let i = 2; i <= n; i++) {
    if (composite[i]) continue;
    count++;
    for (let j = i * i; j <= n; j += i) composite[j] = 1;
  }
  return count;
}
const fib = (n) => (n < 2 ? n : fib(n - 1) + fib(n - 2));
function sortNumbers(n) {
  const a = [];
  let x = 12345;
  for (let i = 0; i < n; i++) a.push((x = (x * 1103515245 + 12345) % 2147483648));
  a.sort((p, q) => p - q);
  return a[n >> 1];
}
function strings(n) {
  let s = "";
  for (let i = 0; i < n; i++) s += String.fromCharCode(97 + (i % 26));
  return s.split("a").length;
}
const t0 = performance.now();
const r = sieve(3_000_000) + fib(28) + sortNumbers(200_000) + strings(300_000);
console.log(`ms ${(performance.now() - t0).toFixed(1)} (${r})`);
