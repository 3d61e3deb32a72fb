// META: title=Encoding API: invalid label
// META: timeout=long
// META: script=resources/encodings.js
// Restates upstream encoding/api-invalid-label.any.js: only ASCII whitespace is stripped from a
// label, so NUL, VT, NBSP and the Unicode line/paragraph separators make every label invalid.

const tests = ["invalid-invalidLabel"];
setup(() => {
  encodings_table.forEach((section) => {
    section.encodings.forEach((encoding) => {
      encoding.labels.forEach((label) => {
        ["\u0000", "\u000b", "\u00a0", "\u2028", "\u2029"].forEach((ws) => {
          tests.push(ws + label);
          tests.push(label + ws);
          tests.push(ws + label + ws);
        });
      });
    });
  });
});

tests.forEach((input) => {
  test(() => {
    assert_throws_js(RangeError, () => { new TextDecoder(input); });
  }, `Invalid label ${format_value(input)} should be rejected by TextDecoder.`);
});

test(() => {
  // U+212A KELVIN SIGN lowercases to "k" outside ASCII; label matching is ASCII case-insensitive only.
  assert_throws_js(RangeError, () => { new TextDecoder("\u212Aoi8-r"); });
}, "Non-ASCII case folding is not applied to labels");
