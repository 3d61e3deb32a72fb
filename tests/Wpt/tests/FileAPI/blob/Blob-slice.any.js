// META: title=Blob slice()
// META: script=../support/blob-helpers.js
// After upstream FileAPI/blob/Blob-slice.any.js: slicing with positive, negative, fractional and
// out-of-range bounds over string, Blob, ArrayBuffer and view parts, and valid/invalid content types.

test_blob(() => {
  const blobTemp = new Blob(["PASS"]);
  return blobTemp.slice();
}, { expected: "PASS", type: "", desc: "no-argument Blob slice" });

test_blob(() => new Blob(["squiggle"]), { expected: "squiggle", type: "", desc: "blob1." });
test_blob(() => new Blob(["steak"], { type: "content/type" }), { expected: "steak", type: "content/type", desc: "blob2." });

test_blob(() => new Blob().slice(0, 0, null), { expected: "", type: "null", desc: "null type Blob slice" });
test_blob(() => new Blob().slice(0, 0, undefined), { expected: "", type: "", desc: "undefined type Blob slice" });
test_blob(() => new Blob().slice(0, 0), { expected: "", type: "", desc: "no type Blob slice" });

const arrayBuffer = new ArrayBuffer(16);
const int8View = new Int8Array(arrayBuffer);
for (let i = 0; i < 16; i++) int8View[i] = i + 65;

const testData = [
  [["PASSSTRING"], [
    [[4], "STRING"], [[-6], "STRING"], [[0, 4], "PASS"], [[4, 10], "STRING"], [[5, -5], ""],
    [[0, -6], "PASS"], [[-6, 10], "STRING"], [[-6, 100], "STRING"], [[-100, 4], "PASS"],
    [[0, 0], ""], [[4, 4], ""], [[10, 10], ""], [[11, 2], ""], [[1.5, 3.5], "SS"], [[NaN, 4], "PASS"],
  ]],
  [["steak", new Blob(["mushrooms"])], [
    [[], "steakmushrooms"], [[5], "mushrooms"], [[3], "akmushrooms"], [[3, 8], "akmus"], [[-3], "oms"],
  ]],
  [[arrayBuffer], [
    [[], "ABCDEFGHIJKLMNOP"], [[0, 4], "ABCD"], [[10, 14], "KLMN"], [[-4], "MNOP"],
  ]],
  [[new Int8Array(arrayBuffer, 2, 4), "xyz"], [
    [[], "CDEFxyz"], [[1, 5], "DEFx"], [[-5, -2], "EFx"],
  ]],
];

testData.forEach(([parts, cases], i) => {
  cases.forEach(([args, expected], j) => {
    test_blob(() => new Blob(parts).slice(...args), {
      expected, type: "", desc: `Slicing test: slice (${i},${j}).`,
    });
  });
});

const validTypes = ["te(xt/plain", "te)xt/plain", "te<xt/plain", "te>xt/plain", "te@xt/plain", "te,xt/plain",
  "te;xt/plain", "te:xt/plain", "te\\xt/plain", "te\"xt/plain", "te/xt/plain", "te[xt/plain", "te]xt/plain",
  "te?xt/plain", "te=xt/plain", "te{xt/plain", "te}xt/plain", "te\x20xt/plain", "TEXT/PLAIN", "text/plain;charset = UTF-8",
  "text/plain;charset=UTF-8"];
validTypes.forEach((type) => {
  test_blob(() => new Blob(["PASS"]).slice(0, 4, type), {
    expected: "PASS", type: type.toLowerCase(), desc: `Valid contentType (${format_value(type)})`,
  });
});

const invalidTypes = ["\xFFtext/plain", "te\x09xt/plain", "te\x00xt/plain", "te\x1Fxt/plain", "te\x7Fxt/plain"];
invalidTypes.forEach((type) => {
  test_blob(() => new Blob(["PASS"]).slice(0, 4, type), {
    expected: "PASS", type: "", desc: `Invalid contentType (${format_value(type)})`,
  });
});

test(() => {
  const file = new File(["abc"], "f.txt", { type: "text/plain" });
  const slice = file.slice(1);
  assert_true(slice instanceof Blob);
  assert_false(slice instanceof File, "slice() of a File is a Blob");
  assert_equals(slice.type, "");
  assert_equals(slice.size, 2);
}, "slice() of a File returns a Blob");
