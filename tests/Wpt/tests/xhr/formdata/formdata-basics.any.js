// META: title=FormData append/get/getAll/has/delete/set
// Restates upstream xhr/formdata/append.html, get.html, has.html, delete.html and set.html
// (their parts that do not need a form element).

test(() => {
  const fd = new FormData();
  fd.append("key", "value1");
  fd.append("key", "value2");
  assert_equals(fd.get("key"), "value1");
  assert_array_equals(fd.getAll("key"), ["value1", "value2"]);
}, "testFormDataAppend");

test(() => {
  const fd = new FormData();
  fd.append("key", "");
  assert_equals(fd.get("key"), "");
  fd.append("", "value");
  assert_equals(fd.get(""), "value");
  fd.append("nil", null);
  assert_equals(fd.get("nil"), "null");
  fd.append("undef", undefined);
  assert_equals(fd.get("undef"), "undefined");
}, "values and names are converted to strings");

test(() => {
  const fd = new FormData();
  fd.append("n\uD800", "v\uDC00");
  assert_true(fd.has("n\uFFFD"));
  assert_equals(fd.get("n\uFFFD"), "v\uFFFD");
}, "names and values are USVStrings");

test(() => {
  const fd = new FormData();
  assert_equals(fd.get("missing"), null);
  assert_array_equals(fd.getAll("missing"), []);
  assert_false(fd.has("missing"));
}, "missing entries");

test(() => {
  const fd = new FormData();
  fd.append("a", "1");
  fd.append("b", "2");
  fd.append("a", "3");
  fd.delete("a");
  assert_false(fd.has("a"));
  assert_true(fd.has("b"));
  fd.delete("absent");
}, "delete() removes every entry with the name");

test(() => {
  const fd = new FormData();
  fd.append("a", "1");
  fd.append("b", "2");
  fd.append("a", "3");
  fd.set("a", "4");
  assert_array_equals([...fd.keys()], ["a", "b"]);
  assert_array_equals(fd.getAll("a"), ["4"]);
  fd.set("c", "5");
  assert_array_equals([...fd.keys()], ["a", "b", "c"]);
}, "set() replaces the first entry and removes the others, or appends");

test(() => {
  const fd = new FormData();
  assert_throws_js(TypeError, () => fd.append("a"));
  assert_throws_js(TypeError, () => fd.append("a", "not a blob", "name"));
  assert_throws_js(TypeError, () => fd.set("a", "not a blob", "name"));
  assert_throws_js(TypeError, () => fd.get());
}, "argument checks");

test(() => {
  assert_throws_js(TypeError, () => new FormData({}));
  assert_throws_js(TypeError, () => new FormData(null));
  assert_equals([...new FormData(undefined)].length, 0);
}, "the form argument is not supported");

test(() => {
  const fd = new FormData();
  fd.append("a", "1");
  fd.append("b", new Blob(["x"]));
  const seen = [];
  fd.forEach(function (value, key, self) {
    assert_equals(self, fd);
    assert_equals(this, seen);
    seen.push(key);
  }, seen);
  assert_array_equals(seen, ["a", "b"]);
  assert_equals(FormData.prototype[Symbol.iterator], FormData.prototype.entries);
  assert_class_string(fd.entries(), "FormData Iterator");
}, "forEach and iterators");
