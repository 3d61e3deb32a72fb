// crypto: 2 000 × (HMAC-SHA-256 sign + AES-256-GCM encrypt + decrypt) of 1 KiB.
const subtle = crypto.subtle;
const data = crypto.getRandomValues(new Uint8Array(1024));
const iv = crypto.getRandomValues(new Uint8Array(12));
const hmac = await subtle.generateKey({ name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
const aes = await subtle.generateKey({ name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
const alg = { name: "AES-GCM", iv };
const t0 = performance.now();
let last;
for (let i = 0; i < 2_000; i++) {
  await subtle.sign("HMAC", hmac, data);
  last = await subtle.decrypt(alg, aes, await subtle.encrypt(alg, aes, data));
}
console.log(`ms ${(performance.now() - t0).toFixed(1)} (${last.byteLength})`);
