// META: title=WebCryptoAPI: randomUUID()
// Restates upstream WebCryptoAPI/randomUUID.https.any.js: the format (lower-case hex, version 4,
// variant 10xx) and no repeats over many calls.

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test(() => {
  const seen = new Set();
  for (let i = 0; i < 2000; i++) {
    const uuid = crypto.randomUUID();
    assert_equals(typeof uuid, "string");
    assert_equals(uuid.length, 36);
    assert_regexp_match(uuid, uuidPattern);
    assert_false(seen.has(uuid), "no repeats");
    seen.add(uuid);
  }
}, "randomUUID generates distinct version 4 UUIDs");

test(() => {
  const counts = new Map();
  for (let i = 0; i < 1000; i++) {
    const variant = crypto.randomUUID()[19];
    counts.set(variant, (counts.get(variant) ?? 0) + 1);
  }
  assert_array_equals([...counts.keys()].sort(), ["8", "9", "a", "b"], "every variant nibble appears");
}, "The variant nibble is one of 8, 9, a, b");

test(() => {
  assert_throws_js(TypeError, () => Crypto.prototype.randomUUID.call({}));
  assert_equals(Crypto.prototype.randomUUID.length, 0);
}, "randomUUID needs a Crypto receiver");
