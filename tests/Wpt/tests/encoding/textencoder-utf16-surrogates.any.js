// META: title=Encoding API: USVString surrogate handling when encoding
// Restates upstream encoding/textencoder-utf16-surrogates.any.js.

const bad = [
  { input: "\uD834", expected: "\uFFFD", name: "lone surrogate lead" },
  { input: "\uDD1E", expected: "\uFFFD", name: "lone surrogate trail" },
  { input: "\uD834\u0000", expected: "\uFFFD\u0000", name: "unmatched surrogate lead" },
  { input: "\uDD1E\u0000", expected: "\uFFFD\u0000", name: "unmatched surrogate trail" },
  { input: "\uDD1E\uD834", expected: "\uFFFD\uFFFD", name: "swapped surrogate pair" },
  { input: "\uD834\uDD1E", expected: "\uD834\uDD1E", name: "properly encoded MUSICAL SYMBOL G CLEF (U+1D11E)" },
];

bad.forEach((t) => {
  test(() => {
    const encoded = new TextEncoder().encode(t.input);
    assert_equals(new TextDecoder().decode(encoded), t.expected);
  }, `USVString handling: ${t.name}`);
});

test(() => {
  assert_equals(new TextEncoder().encode().length, 0, "Should default to empty string");
}, "USVString default");
