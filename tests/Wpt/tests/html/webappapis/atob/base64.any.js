// META: title=atob() and btoa()
// META: shared=wpt/fetch/data-urls/resources/base64.json
// Restates upstream html/webappapis/atob/base64.any.js: btoa() against a reference implementation of
// RFC 4648 base64 over Latin-1 strings, and atob() against fetch/data-urls/resources/base64.json
// (forgiving-base64) plus Web IDL conversions of non-string arguments.

/** btoa() as the HTML standard defines it, written out plainly as the reference. */
function mybtoa(s) {
  s = String(s);
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 255) return "INVALID_CHARACTER_ERR";
  }
  let out = "";
  for (let i = 0; i < s.length; i += 3) {
    const groupsOfSix = [undefined, undefined, undefined, undefined];
    groupsOfSix[0] = s.charCodeAt(i) >> 2;
    groupsOfSix[1] = (s.charCodeAt(i) & 0x03) << 4;
    if (s.length > i + 1) {
      groupsOfSix[1] |= s.charCodeAt(i + 1) >> 4;
      groupsOfSix[2] = (s.charCodeAt(i + 1) & 0x0f) << 2;
    }
    if (s.length > i + 2) {
      groupsOfSix[2] |= s.charCodeAt(i + 2) >> 6;
      groupsOfSix[3] = s.charCodeAt(i + 2) & 0x3f;
    }
    for (const sixBits of groupsOfSix) out += sixBits === undefined ? "=" : btoaLookup(sixBits);
  }
  return out;
}

function btoaLookup(index) {
  if (index < 26) return String.fromCharCode(index + "A".charCodeAt(0));
  if (index < 52) return String.fromCharCode(index - 26 + "a".charCodeAt(0));
  if (index < 62) return String.fromCharCode(index - 52 + "0".charCodeAt(0));
  if (index === 62) return "+";
  if (index === 63) return "/";
  return undefined;
}

function testBtoa(input) {
  const normalizedInput = String(input);
  for (let i = 0; i < normalizedInput.length; i++) {
    if (normalizedInput.charCodeAt(i) > 255) {
      assert_throws_dom("InvalidCharacterError", () => { btoa(input); },
        `Code unit ${i} has value ${normalizedInput.charCodeAt(i)}, which is greater than 255`);
      return;
    }
  }
  assert_equals(btoa(input), mybtoa(input));
  assert_equals(atob(btoa(input)), String(input), "atob(btoa(input)) must be the same as String(input)");
}

const btoaTests = ["עברית", "", "ab", "abc", "abcd", "abcde",
  // Thrown in because IE9 failed atob(btoa()) on it.
  "\xff\xff\xc0",
  // Binary safety.
  "\0a", "a\0b",
  // Web IDL conversions.
  undefined, null, 7, 12, 1.5, true, false, NaN, +Infinity, -Infinity, 0, -0,
  { toString() { return "foo"; } },
];
for (let i = 0; i < 258; i++) btoaTests.push(String.fromCharCode(10000 + i));
btoaTests.push(String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i)));

generate_tests(testBtoa, btoaTests.map((input) => [`btoa(${format_value(input)})`, input]));

test(() => {
  assert_throws_js(TypeError, () => btoa());
  assert_throws_js(TypeError, () => atob());
}, "btoa() and atob() require an argument");

// [input, expected bytes or null for InvalidCharacterError]
const idlTests = [
  [undefined, null],
  [null, [158, 233, 101]],
  [7, null],
  [12, [215]],
  [1.5, null],
  [true, [182, 187, 158]],
  [false, null],
  [NaN, [53, 163]],
  [+Infinity, [34, 119, 226, 158, 43, 114]],
  [-Infinity, null],
  [0, null],
  [-0, null],
  [{ toString() { return "foo"; } }, [126, 138]],
  [{ toString() { return "abcd"; } }, [105, 183, 29]],
];

function runAtobTests(tests) {
  const allTests = tests.concat(idlTests);
  for (const [input, output] of allTests) {
    test(() => {
      if (output === null) {
        assert_throws_dom("InvalidCharacterError", () => globalThis.atob(input));
      } else {
        const result = globalThis.atob(input);
        assert_equals(result.length, output.length, "length");
        for (let i = 0; i < output.length; i++) assert_equals(result.charCodeAt(i), output[i]);
      }
    }, `atob(${format_value(input)})`);
  }
}

// Upstream fetches the vectors; here they are injected from ../shared.
promise_test(() => Promise.resolve(wpt_resource("wpt/fetch/data-urls/resources/base64.json")).then(runAtobTests),
  "atob() setup.");
