// META: title=Encoding API: legacy single-byte decoders
// META: script=/encoding/resources/encodings.js
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
// esrun's own test, kept because no upstream file in ../shared/wpt-upstream that a worker can run
// checks the single-byte mappings (upstream's single-byte-decoder.window.js needs a document):
// every byte of every legacy single-byte encoding decodes to the code point the Encoding
// Standard's index file gives (ASCII below 0x80, U+FFFD where the index has none), fatal mode
// rejects exactly the unmapped bytes, and byte-at-a-time streaming agrees. The runner serves the
// index files from ../shared/encoding (`// META: shared=`, our own tests only).

async function singleByteTable(name) {
  const index = name === "ISO-8859-8-I" ? "iso-8859-8" : name.toLowerCase();
  const text = await (await fetch(`/esrun/shared/encoding/index-${index}.txt`)).text();
  const table = new Array(256).fill(null);
  for (let i = 0; i < 0x80; i++) table[i] = i;
  for (const line of text.split("\n")) {
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

promise_test(async () => {
  for (const section of encodings_table) {
    if (section.heading !== "Legacy single-byte encodings") continue;
    for (const encoding of section.encodings) checkEncoding(encoding.name, await singleByteTable(encoding.name));
  }
}, "the Encoding Standard's single-byte index files load");

// x-user-defined: 0x80-0xFF map to U+F780-U+F7FF.
checkEncoding("x-user-defined", Array.from({ length: 256 }, (_, b) => (b < 0x80 ? b : 0xF780 + b - 0x80)));
