// Helpers for the Blob tests: a restatement of upstream FileAPI/support/Blob.js (test_blob and
// test_blob_binary check a Blob's type and contents through text() / arrayBuffer()).

function test_blob(fn, { expected, type, desc }) {
  promise_test(async () => {
    const blob = fn();
    assert_true(blob instanceof Blob, "a Blob");
    assert_false(blob instanceof File, "not a File");
    assert_equals(blob.type, type, "type");
    assert_equals(blob.size, expected.length, "size");
    assert_equals(await blob.text(), expected, "contents");
  }, desc);
}

function test_blob_binary(fn, { expected, type, desc }) {
  promise_test(async () => {
    const blob = fn();
    assert_true(blob instanceof Blob, "a Blob");
    assert_false(blob instanceof File, "not a File");
    assert_equals(blob.type, type, "type");
    assert_array_equals(new Uint8Array(await blob.arrayBuffer()), expected, "contents");
  }, desc);
}
