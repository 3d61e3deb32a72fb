// META: title=Encoding API: legacy multi-byte decoders
// Known byte sequences through the standard's multi-byte decoders, restating upstream
// encoding/gb18030-decoder.any.js, encoding/gbk-decoder.any.js and the legacy-mb-* decoder checks
// (error handling: which bytes are prepended back after an error, end-of-queue, escapes).

const cases = {
  gb18030: [
    [[115], "s", "ASCII"],
    [[0x80], "\u20AC", "euro"],
    [[0xFF], "\uFFFD", "initial byte out of accepted ranges"],
    [[0x81], "\uFFFD", "end of queue, gb18030 first not 0"],
    [[0x81, 0x28], "\uFFFD(", "two bytes 0x81 0x28"],
    [[0x81, 0x40], "\u4E02", "two bytes 0x81 0x40"],
    [[0x81, 0x7E], "\u4E8A", "two bytes 0x81 0x7e"],
    [[0x81, 0x7F], "\uFFFD\u007F", "two bytes 0x81 0x7f"],
    [[0x81, 0x80], "\u4E90", "two bytes 0x81 0x80"],
    [[0x81, 0xFE], "\u4FA2", "two bytes 0x81 0xFE"],
    [[0x81, 0x30], "\uFFFD", "end of queue, gb18030 first 0x81 second 0x30"],
    [[0x81, 0x30, 0xFE], "\uFFFD", "3 bytes 0x81 0x30 0xFE"],
    [[0x81, 0x30, 0x2A], "\uFFFD0*", "3 bytes 0x81 0x30 0x2A"],
    [[0x81, 0x30, 0xFE, 0x2A], "\uFFFD0\uFFFD*", "4 bytes 0x81 0x30 0xFE 0x2A"],
    [[0x81, 0x30, 0x81, 0x30], "\u0080", "four bytes, pointer 0"],
    [[0x84, 0x31, 0xA4, 0x39], "\uFFFF", "pointer 39419"],
    [[0x84, 0x31, 0xA5, 0x30], "\uFFFD", "pointer 39420 (between the BMP and supplementary ranges)"],
    [[0x90, 0x30, 0x81, 0x30], "\u{10000}", "pointer 189000"],
    [[0xE3, 0x32, 0x9A, 0x35], "\u{10FFFF}", "pointer 1237575"],
    [[0xE3, 0x32, 0x9A, 0x36], "\uFFFD", "pointer 1237576"],
    [[0x81, 0x35, 0xF4, 0x37], "\uE7C7", "pointer 7457"],
    [[0x83, 0x36, 0xC8, 0x30], "\uE7C8", "legacy ICU special case 1"],
    [[0xA1, 0xAD], "\u2026", "legacy ICU special case 2"],
    [[0xA1, 0xAB], "\uFF5E", "legacy ICU special case 3"],
    [[0xA3, 0xA0], "\u3000", "0xA3 0xA0 maps to U+3000"],
  ],
  big5: [
    [[0x61], "a", "ASCII"],
    [[0x80], "\uFFFD", "0x80 is not a lead byte"],
    [[0xA4, 0x40], "\u4E00", "two bytes 0xA4 0x40"],
    [[0xA1, 0x40], "\u3000", "two bytes 0xA1 0x40"],
    [[0x87, 0x40], "\u43F0", "HKSCS 0x87 0x40"],
    [[0x87, 0x45], "\u{27267}", "HKSCS, above the BMP"],
    [[0xFE, 0xFE], "\u79D4", "two bytes 0xFE 0xFE"],
    [[0x88, 0x62], "\u00CA\u0304", "pointer 1133 decodes to two code points"],
    [[0x88, 0x64], "\u00CA\u030C", "pointer 1135 decodes to two code points"],
    [[0x88, 0xA3], "\u00EA\u0304", "pointer 1164 decodes to two code points"],
    [[0x88, 0xA5], "\u00EA\u030C", "pointer 1166 decodes to two code points"],
    [[0x81, 0x40], "\uFFFD@", "unmapped pointer, ASCII trail byte is prepended"],
    [[0x81, 0xA1], "\uFFFD", "unmapped pointer, non-ASCII trail byte is consumed"],
    [[0xA4], "\uFFFD", "end of queue after a lead byte"],
  ],
  "euc-jp": [
    [[0x41], "A", "ASCII"],
    [[0xA4, 0xA2], "\u3042", "JIS X 0208"],
    [[0xA1, 0xA1], "\u3000", "JIS X 0208 first pointer"],
    [[0x8E, 0xB1], "\uFF71", "half-width katakana"],
    [[0x8E, 0xE0], "\uFFFD", "0x8E with a trail byte past the katakana"],
    [[0x8F, 0xA2, 0xAF], "\u02D8", "JIS X 0212"],
    [[0x8F, 0xA2, 0xA1], "\uFFFD", "JIS X 0212 unmapped pointer"],
    [[0x8F, 0xB0, 0xA1], "\u4E02", "JIS X 0212 kanji"],
    [[0xA4, 0x41], "\uFFFDA", "invalid trail byte, ASCII prepended"],
    [[0xA4], "\uFFFD", "end of queue after a lead byte"],
    [[0xFF], "\uFFFD", "0xFF is not a lead byte"],
  ],
  "iso-2022-jp": [
    [[0x41, 0x42], "AB", "ASCII"],
    [[0x1B, 0x24, 0x42, 0x24, 0x22, 0x1B, 0x28, 0x42], "\u3042", "JIS X 0208 between escapes"],
    [[0x1B, 0x24, 0x40, 0x24, 0x22, 0x1B, 0x28, 0x42, 0x61], "\u3042a", "ESC $ @ selects JIS X 0208 too"],
    [[0x1B, 0x28, 0x4A, 0x5C, 0x7E, 0x41], "\u00A5\u203EA", "JIS-Roman"],
    [[0x1B, 0x28, 0x49, 0x31, 0x5F], "\uFF71\uFF9F", "katakana"],
    [[0x1B, 0x28, 0x42, 0x1B, 0x28, 0x42, 0x41], "\uFFFDA", "two escapes in a row are an error"],
    [[0x1B, 0x28, 0x4A, 0x1B, 0x28, 0x42], "\uFFFD", "an escape directly after another and then end of queue"],
    [[0x1B], "\uFFFD", "escape at end of queue"],
    [[0x1B, 0x24], "\uFFFD$", "truncated escape at end of queue"],
    [[0x1B, 0x41], "\uFFFDA", "unknown escape, byte prepended"],
    [[0x1B, 0x24, 0x42, 0x24], "\uFFFD", "lead byte at end of queue"],
    [[0x1B, 0x24, 0x42, 0x24, 0x1B, 0x28, 0x42, 0x41], "\uFFFDA", "escape in the middle of a character"],
    [[0x0E], "\uFFFD", "SO is not allowed"],
    [[0x80], "\uFFFD", "non-ASCII byte"],
  ],
  shift_jis: [
    [[0x5C, 0x7E], "\\~", "ASCII"],
    [[0x80], "\u0080", "0x80 is U+0080"],
    [[0xA0], "\uFFFD", "0xA0 is an error"],
    [[0xB1], "\uFF71", "half-width katakana"],
    [[0x81, 0x40], "\u3000", "two bytes 0x81 0x40"],
    [[0x82, 0xA0], "\u3042", "hiragana"],
    [[0x88, 0x9F], "\u4E9C", "kanji"],
    [[0xFA, 0x40], "\u2170", "IBM extension"],
    [[0xF0, 0x40], "\uE000", "user-defined area maps to the PUA"],
    [[0xF9, 0xFC], "\uE757", "end of the user-defined area"],
    [[0x81, 0x20], "\uFFFD ", "invalid trail byte, ASCII prepended"],
    [[0x81], "\uFFFD", "end of queue after a lead byte"],
    [[0xFD], "\uFFFD", "0xFD is not a lead byte"],
  ],
  "euc-kr": [
    [[0x41], "A", "ASCII"],
    [[0xB0, 0xA1], "\uAC00", "hangul syllable"],
    [[0x81, 0x41], "\uAC02", "windows-949 extension"],
    [[0xA1, 0xA1], "\u3000", "ideographic space"],
    [[0xC8, 0xFE], "\uD79D", "last KS X 1001 hangul syllable"],
    [[0xFE, 0xFE], "\uFFFD", "unmapped pointer"],
    [[0x81, 0x30], "\uFFFD0", "invalid trail byte, ASCII prepended"],
    [[0x80], "\uFFFD", "0x80 is not a lead byte"],
    [[0xB0], "\uFFFD", "end of queue after a lead byte"],
  ],
};

for (const [encoding, list] of Object.entries(cases)) {
  for (const [input, output, description] of list) {
    test(() => {
      assert_equals(new TextDecoder(encoding).decode(new Uint8Array(input)), output);
      if (encoding === "gb18030") {
        // gbk's decoder is gb18030's.
        assert_equals(new TextDecoder("gbk").decode(new Uint8Array(input)), output, "gbk");
      }
    }, `${encoding} decoder: ${description}`);
  }

  test(() => {
    // The same bytes fed one at a time with stream: true decode identically.
    for (const [input, output] of list) {
      const decoder = new TextDecoder(encoding);
      let out = "";
      for (const b of input) out += decoder.decode(Uint8Array.of(b), { stream: true });
      out += decoder.decode();
      assert_equals(out, output, format_value(input));
    }
  }, `${encoding} decoder: streaming one byte at a time`);

  test(() => {
    for (const [input, output] of list) {
      const decoder = new TextDecoder(encoding, { fatal: true });
      if (output.includes("\uFFFD")) {
        assert_throws_js(TypeError, () => decoder.decode(new Uint8Array(input)), format_value(input));
      } else {
        assert_equals(decoder.decode(new Uint8Array(input)), output, format_value(input));
      }
    }
  }, `${encoding} decoder: fatal mode`);
}
