// META: title=Blob text(), arrayBuffer() and bytes()
// Restates upstream FileAPI/blob/Blob-text.any.js, Blob-array-buffer.any.js and Blob-bytes.any.js.

promise_test(async () => {
  assert_equals(await new Blob(["HELLO"]).text(), "HELLO");
}, "Blob.text() returns correct string");

promise_test(async () => {
  assert_equals(await new Blob([]).text(), "");
}, "Blob.text() returns empty string for empty blob");

promise_test(async () => {
  const input = "\u4f60\u597d\u{1F600}";
  assert_equals(await new Blob([input]).text(), input);
}, "Blob.text() decodes UTF-8");

promise_test(async () => {
  const bytes = new Uint8Array([0xEF, 0xBB, 0xBF, 0x41, 0x42]);
  assert_equals(await new Blob([bytes]).text(), "AB");
}, "Blob.text() drops a UTF-8 BOM");

promise_test(async () => {
  const bytes = new Uint8Array([0x61, 0xC3, 0x62, 0xFF]);
  assert_equals(await new Blob([bytes]).text(), "a\uFFFDb\uFFFD");
}, "Blob.text() replaces invalid UTF-8");

promise_test(async () => {
  const input = "\uD800abc\uDC00";
  assert_equals(await new Blob([input]).text(), "\uFFFDabc\uFFFD");
}, "lone surrogates are encoded as U+FFFD");

promise_test(async () => {
  const buffer = await new Blob(["PASS"]).arrayBuffer();
  assert_true(buffer instanceof ArrayBuffer);
  assert_array_equals(new Uint8Array(buffer), [0x50, 0x41, 0x53, 0x53]);
}, "Blob.arrayBuffer()");

promise_test(async () => {
  const buffer = await new Blob([]).arrayBuffer();
  assert_true(buffer instanceof ArrayBuffer);
  assert_equals(buffer.byteLength, 0);
}, "Blob.arrayBuffer() empty Blob data");

promise_test(async () => {
  const input = new Uint8Array([8, 241, 48, 123, 151]);
  const blob = new Blob([input]);
  const a = await blob.arrayBuffer();
  const b = await blob.arrayBuffer();
  assert_not_equals(a, b, "a new buffer each time");
  assert_array_equals(new Uint8Array(a), input);
  new Uint8Array(a)[0] = 0;
  assert_array_equals(new Uint8Array(await blob.arrayBuffer()), input, "the Blob is unchanged");
}, "Blob.arrayBuffer() returns a copy");

promise_test(async () => {
  const bytes = await new Blob(["PASS"]).bytes();
  assert_true(bytes instanceof Uint8Array);
  assert_array_equals(bytes, [0x50, 0x41, 0x53, 0x53]);
}, "Blob.bytes()");

promise_test(async () => {
  const bytes = await new Blob([]).bytes();
  assert_true(bytes instanceof Uint8Array);
  assert_equals(bytes.length, 0);
}, "Blob.bytes() empty Blob data");

promise_test(async (t) => {
  await promise_rejects_js(t, TypeError, Blob.prototype.text.call({}));
  await promise_rejects_js(t, TypeError, Blob.prototype.arrayBuffer.call({}));
  await promise_rejects_js(t, TypeError, Blob.prototype.bytes.call({}));
}, "reading methods reject on a non-Blob this");

promise_test(async () => {
  const input = new Uint8Array([1, 2, 3]);
  const blob = new Blob([input]);
  input[0] = 9;
  assert_array_equals(await blob.bytes(), [1, 2, 3]);
}, "the bytes are copied when the Blob is made");
