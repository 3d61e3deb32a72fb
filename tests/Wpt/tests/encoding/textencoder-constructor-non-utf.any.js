// META: title=Encoding API: legacy encodings
// META: script=resources/encodings.js
// Restates upstream encoding/textencoder-constructor-non-utf.any.js.

encodings_table.forEach((section) => {
  section.encodings.forEach((encoding) => {
    if (encoding.name !== "replacement") {
      test(() => {
        assert_equals(new TextDecoder(encoding.name).encoding, encoding.name.toLowerCase());
      }, `Encoding argument supported for decode: ${encoding.name}`);
    }
    test(() => {
      assert_equals(new TextEncoder(encoding.name).encoding, "utf-8");
    }, `Encoding argument not considered for encode: ${encoding.name}`);
  });
});
