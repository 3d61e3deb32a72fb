// META: title=WebCryptoAPI: getRandomValues()
// META: script=webcrypto_util.js
// Restates upstream WebCryptoAPI/getRandomValues.any.js (float arrays and DataView are a
// TypeMismatchError even when too long; integer arrays of every kind, empty ones and subclasses
// work; more than 65536 bytes is a QuotaExceededError) and adds the return-value identity.

test(() => {
  assert_throws_dom("TypeMismatchError", () => crypto.getRandomValues(new Float32Array(6)), "Float32Array");
  assert_throws_dom("TypeMismatchError", () => crypto.getRandomValues(new Float64Array(6)), "Float64Array");
  assert_throws_dom("TypeMismatchError", () => crypto.getRandomValues(new Float32Array(65536 / 4 + 1)), "Float32Array (too long)");
  assert_throws_dom("TypeMismatchError", () => crypto.getRandomValues(new Float64Array(65536 / 8 + 1)), "Float64Array (too long)");
}, "Float arrays");

test(() => {
  if (typeof Float16Array !== "function") return;
  assert_throws_dom("TypeMismatchError", () => crypto.getRandomValues(new Float16Array(6)), "Float16Array");
  assert_throws_dom("TypeMismatchError", () => crypto.getRandomValues(new Float16Array(65536 / 2 + 1)), "Float16Array (too long)");
}, "Float16 arrays");

test(() => {
  assert_throws_dom("TypeMismatchError", () => crypto.getRandomValues(new DataView(new ArrayBuffer(6))), "DataView");
  assert_throws_dom("TypeMismatchError", () => crypto.getRandomValues(new DataView(new ArrayBuffer(65536 + 1))), "DataView (too long)");
}, "DataView");

for (const name of ["Int8Array", "Int16Array", "Int32Array", "BigInt64Array", "Uint8Array", "Uint8ClampedArray", "Uint16Array", "Uint32Array", "BigUint64Array"]) {
  const ctor = globalThis[name];
  test(() => {
    const array = new ctor(8);
    const result = crypto.getRandomValues(array);
    assert_equals(result.constructor, ctor);
    assert_equals(result, array, "the same array is returned");
  }, `Integer array: ${name}`);
  test(() => {
    assert_throws_dom("QuotaExceededError", () => crypto.getRandomValues(new ctor(65536 / ctor.BYTES_PER_ELEMENT + 1)));
    crypto.getRandomValues(new ctor(65536 / ctor.BYTES_PER_ELEMENT));
  }, `Large length: ${name}`);
  test(() => {
    assert_true(crypto.getRandomValues(new ctor(0)).length == 0);
  }, `Null arrays: ${name}`);
  test(() => {
    class Buffer extends ctor {}
    crypto.getRandomValues(new Buffer(256));
  }, `Subclass of ${name}`);
}

test(() => {
  const a = crypto.getRandomValues(new Uint8Array(1024));
  const b = crypto.getRandomValues(new Uint8Array(1024));
  assert_false(sameBytes(a, b), "two draws differ");
  assert_greater_than(new Set(a).size, 128, "the bytes are spread out");
}, "Values look random");

test(() => {
  assert_throws_js(TypeError, () => crypto.getRandomValues(), "no argument");
  assert_throws_js(TypeError, () => crypto.getRandomValues(new ArrayBuffer(4)), "an ArrayBuffer");
  assert_throws_js(TypeError, () => crypto.getRandomValues([1, 2, 3]), "an Array");
  assert_throws_js(TypeError, () => Crypto.prototype.getRandomValues.call({}, new Uint8Array(1)), "a foreign this");
}, "Non-views and bad receivers are TypeErrors");
