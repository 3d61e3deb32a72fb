// 2 000 × (HMAC-SHA-256 sign + AES-256-GCM encrypt + decrypt) of 1 KiB, awaited one at a time.
const N = 2000;
const subtle = crypto.subtle;
const data = crypto.getRandomValues(new Uint8Array(1024));
const iv = crypto.getRandomValues(new Uint8Array(12));
const hmac = await subtle.generateKey({ name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
const aes = await subtle.generateKey({ name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
const alg = { name: "AES-GCM", iv };
async function round() {
  await subtle.sign("HMAC", hmac, data);
  const c = await subtle.encrypt(alg, aes, data);
  return subtle.decrypt(alg, aes, c);
}
for (let i = 0; i < 100; i++) await round(); // warm-up
const start = performance.now();
let last;
for (let i = 0; i < N; i++) last = await round();
const ms = performance.now() - start;
console.log(`hmac+gcm: ${N} x (sign + encrypt + decrypt of 1 KiB) in ${ms.toFixed(1)} ms (${((ms * 1000) / N).toFixed(2)} us each), ${last.byteLength} bytes`);
