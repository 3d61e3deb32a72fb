// Helpers shared by esrun's restatements of the upstream WebCryptoAPI tests.
function unhex(text) {
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(text.substr(i * 2, 2), 16);
  return bytes;
}
function toHex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
}
function sameBytes(a, b) {
  return toHex(a) === toHex(b);
}
// Every subset of `items` (including the empty one), as arrays.
function subsetsOf(items) {
  let result = [[]];
  for (const item of items) result = result.concat(result.map((subset) => subset.concat([item])));
  return result;
}
// The upstream checks on a fresh key: its class, type, extractability, algorithm name and usages.
function assertGoodKey(key, expected) {
  assert_equals(key.constructor, CryptoKey, "a CryptoKey");
  assert_equals(key.type, expected.type, "type");
  assert_equals(key.extractable, expected.extractable, "extractable");
  assert_equals(key.algorithm.name, expected.name, "algorithm.name");
  assert_array_equals([...key.usages].sort(), [...new Set(expected.usages)].sort(), "usages");
}
const ALL_USAGES = ["encrypt", "decrypt", "sign", "verify", "deriveKey", "deriveBits", "wrapKey", "unwrapKey"];
