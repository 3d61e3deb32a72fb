// META: title=File constructor
// Restates upstream FileAPI/file/File-constructor.any.js.

const toStringObj = { toString: () => "a string" };
const toStringThrows = { toString: () => { throw new Error("expected"); } };

test(() => {
  assert_true("File" in globalThis);
  assert_equals(File.length, 2);
}, "File interface object exists");

test(() => {
  assert_throws_js(TypeError, () => new File(), "Bits argument is required");
  assert_throws_js(TypeError, () => new File([]), "Name argument is required");
}, "Required arguments");

function checkBits(bits, expectedSize, name) {
  test(() => {
    const file = new File(bits, "dummy");
    assert_true(file instanceof File);
    assert_equals(file.name, "dummy");
    assert_equals(file.size, expectedSize);
    assert_equals(file.type, "");
    assert_not_equals(file.lastModified, "");
  }, name);
}

checkBits([], 0, "empty fileBits");
checkBits(["bits"], 4, "DOMString fileBits");
checkBits(["\u{1d4fd}\u{1d4ee}\u{1d501}\u{1d4fd}"], 16, "Unicode DOMString fileBits");
checkBits([new String("string object")], 13, "String object fileBits");
checkBits([new Blob()], 0, "Empty Blob fileBits");
checkBits([new Blob(["bits"])], 4, "Blob fileBits");
checkBits([new File([], "world.txt")], 0, "Empty File fileBits");
checkBits([new File(["bits"], "world.txt")], 4, "File fileBits");
checkBits([new ArrayBuffer(8)], 8, "ArrayBuffer fileBits");
checkBits([new Uint8Array([0x50, 0x41, 0x53, 0x53])], 4, "Typed array fileBits");
checkBits(["bits", new Blob(["bits"]), new Blob(), new Uint8Array([0x50, 0x41]), new Uint16Array([0x5353]),
  new Uint32Array([0x53534150])], 16, "Various fileBits");
checkBits([12], 2, "Number in fileBits");
checkBits([[1, 2, 3]], 5, "Array in fileBits");
checkBits([{}], 15, "Object in fileBits");
checkBits([toStringObj], 8, "Object with toString in fileBits");
checkBits({
  [Symbol.iterator]() {
    let i = 0;
    return { next: () => [{ done: false, value: "ab" }, { done: false, value: "cde" }, { done: true }][i++] };
  },
}, 5, "Custom @@iterator");

["hello", 0, null].forEach((arg) => {
  test(() => {
    assert_throws_js(TypeError, () => new File(arg, "world.html"));
  }, `Invalid bits argument: ${JSON.stringify(arg)}`);
});

test(() => {
  assert_throws_js(Error, () => new File([toStringThrows], "name.txt"));
}, "Bits argument: object that throws");

function checkName(name, expected, description) {
  test(() => {
    const file = new File(["bits"], name);
    assert_equals(file.name, expected);
  }, description);
}

checkName("dummy", "dummy", "Using fileName");
checkName("dummy/foo", "dummy/foo", "No replacement when using special character in fileName");
checkName(null, "null", "Using null fileName");
checkName(1, "1", "Using number fileName");
checkName("", "", "Using empty string fileName");

[
  { type: "text/plain", expected: "text/plain" },
  { type: "text/plain;charset=UTF-8", expected: "text/plain;charset=utf-8" },
  { type: "TEXT/PLAIN", expected: "text/plain" },
  { type: "\u{1d4fd}\u{1d4ee}\u{1d501}\u{1d4fd}/\u{1d52d}\u{1d529}\u{1d51e}\u{1d526}\u{1d52b}", expected: "" },
  { type: "ascii/nonprintable\u001F", expected: "" },
  { type: "ascii/nonprintable\u007F", expected: "" },
  { type: "nonascii\u00EE", expected: "" },
  { type: "nonascii\u1234", expected: "" },
  { type: "nonparsable", expected: "nonparsable" },
].forEach(({ type, expected }) => {
  test(() => {
    assert_equals(new File(["bits"], "dummy", { type }).type, expected);
  }, `Using type in File constructor: ${type}`);
});

test(() => {
  assert_equals(new File(["bits"], "dummy", { lastModified: 42 }).lastModified, 42);
}, "Using lastModified");

test(() => {
  const before = Date.now();
  const file = new File(["bits"], "dummy");
  const after = Date.now();
  assert_true(file.lastModified >= before && file.lastModified <= after);
}, "lastModified defaults to now");

test(() => {
  assert_equals(new File(["bits"], "dummy", { name: "foo" }).name, "dummy");
}, "Misusing name");

test(() => {
  assert_equals(new File(["bits"], "dummy", { unknownKey: "value" }).name, "dummy");
}, "Unknown properties are ignored");

[123, 123.4, true, "abc"].forEach((arg) => {
  test(() => {
    assert_throws_js(TypeError, () => new File(["bits"], "name.txt", arg));
  }, `Invalid property bag: ${JSON.stringify(arg)}`);
});

[null, undefined, [1, 2, 3], /regex/, function () {}].forEach((arg) => {
  test(() => {
    assert_equals(new File(["bits"], "name.txt", arg).size, 4);
  }, `Unusual but valid property bag: ${arg}`);
});

test(() => {
  assert_throws_js(Error, () => new File(["bits"], "name.txt", { type: toStringThrows }));
}, "Property bag propagates exceptions");
