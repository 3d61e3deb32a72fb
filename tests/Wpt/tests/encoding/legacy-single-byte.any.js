// META: title=Encoding API: legacy single-byte decoders
// META: script=resources/encodings.js
// META: shared=encoding/index-ibm866.txt
// META: shared=encoding/index-iso-8859-10.txt
// META: shared=encoding/index-iso-8859-13.txt
// META: shared=encoding/index-iso-8859-14.txt
// META: shared=encoding/index-iso-8859-15.txt
// META: shared=encoding/index-iso-8859-16.txt
// META: shared=encoding/index-iso-8859-2.txt
// META: shared=encoding/index-iso-8859-3.txt
// META: shared=encoding/index-iso-8859-4.txt
// META: shared=encoding/index-iso-8859-5.txt
// META: shared=encoding/index-iso-8859-6.txt
// META: shared=encoding/index-iso-8859-7.txt
// META: shared=encoding/index-iso-8859-8.txt
// META: shared=encoding/index-koi8-r.txt
// META: shared=encoding/index-koi8-u.txt
// META: shared=encoding/index-macintosh.txt
// META: shared=encoding/index-windows-1250.txt
// META: shared=encoding/index-windows-1251.txt
// META: shared=encoding/index-windows-1252.txt
// META: shared=encoding/index-windows-1253.txt
// META: shared=encoding/index-windows-1254.txt
// META: shared=encoding/index-windows-1255.txt
// META: shared=encoding/index-windows-1256.txt
// META: shared=encoding/index-windows-1257.txt
// META: shared=encoding/index-windows-1258.txt
// META: shared=encoding/index-windows-874.txt
// META: shared=encoding/index-x-mac-cyrillic.txt
// Restates what upstream encoding/single-byte-decoder.window.js and encoding/legacy-sb checks,
// with the expectations generated from the Encoding Standard's index files in ../shared: every byte
// decodes to its index code point (ASCII below 0x80, U+FFFD where the index has none), and with
// fatal set an unmapped byte throws.

function singleByteTable(name) {
  const index = name === "ISO-8859-8-I" ? "iso-8859-8" : name.toLowerCase();
  const table = new Array(256).fill(null);
  for (let i = 0; i < 0x80; i++) table[i] = i;
  for (const line of wpt_resource(`encoding/index-${index}.txt`).split("\n")) {
    const m = /^\s*(\d+)\t0x([0-9A-F]+)/.exec(line);
    if (m) table[0x80 + Number(m[1])] = parseInt(m[2], 16);
  }
  return table;
}

const allBytes = Uint8Array.from({ length: 256 }, (_, i) => i);

function checkEncoding(name, table) {
  test(() => {
    const expected = table.map((cp) => String.fromCodePoint(cp === null ? 0xFFFD : cp)).join("");
    assert_equals(new TextDecoder(name).decode(allBytes), expected);
  }, `${name}: every byte decodes to its index code point`);

  test(() => {
    for (let b = 0; b < 256; b++) {
      const decoder = new TextDecoder(name, { fatal: true });
      if (table[b] === null) {
        assert_throws_js(TypeError, () => decoder.decode(Uint8Array.of(b)), `byte 0x${b.toString(16)}`);
      } else {
        assert_equals(decoder.decode(Uint8Array.of(b)), String.fromCodePoint(table[b]), `byte 0x${b.toString(16)}`);
      }
    }
  }, `${name}: fatal mode rejects exactly the unmapped bytes`);

  test(() => {
    const decoder = new TextDecoder(name);
    let out = "";
    for (let b = 0; b < 256; b++) out += decoder.decode(Uint8Array.of(b), { stream: true });
    out += decoder.decode();
    assert_equals(out, new TextDecoder(name).decode(allBytes));
  }, `${name}: streaming one byte at a time decodes the same`);
}

for (const section of encodings_table) {
  if (section.heading !== "Legacy single-byte encodings") continue;
  for (const encoding of section.encodings) checkEncoding(encoding.name, singleByteTable(encoding.name));
}

// x-user-defined: 0x80-0xFF map to U+F780-U+F7FF.
checkEncoding("x-user-defined", Array.from({ length: 256 }, (_, b) => (b < 0x80 ? b : 0xF780 + b - 0x80)));
