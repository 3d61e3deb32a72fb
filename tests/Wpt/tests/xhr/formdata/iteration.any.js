// META: title=FormData: changes to entry list during iteration
// Restates upstream xhr/formdata/iteration.any.js.

function makeFormData(pairs) {
  const fd = new FormData();
  for (const [name, value] of pairs) fd.append(name, value);
  return fd;
}

test(() => {
  const fd = makeFormData([["foo", "0"], ["baz", "1"], ["BAR", "2"]]);
  const keys = [], values = [];
  for (const [name, value] of fd) {
    keys.push(name);
    values.push(value);
    fd.delete("baz");
  }
  assert_array_equals(keys, ["foo", "BAR"]);
  assert_array_equals(values, ["0", "2"]);
}, "Iteration skips elements removed while iterating");

test(() => {
  const fd = makeFormData([["foo", "0"], ["baz", "1"], ["BAR", "2"], ["quux", "3"]]);
  const keys = [], values = [];
  for (const [name, value] of fd) {
    keys.push(name);
    values.push(value);
    if (name === "baz") fd.delete("foo");
  }
  assert_array_equals(keys, ["foo", "baz", "quux"]);
  assert_array_equals(values, ["0", "1", "3"]);
}, "Removing elements already iterated over causes an element to be skipped during iteration");

test(() => {
  const fd = makeFormData([["foo", "0"], ["baz", "1"], ["BAR", "2"], ["quux", "3"]]);
  const keys = [], values = [];
  for (const [name, value] of fd) {
    keys.push(name);
    values.push(value);
    if (name === "baz") fd.append("X-yZ", "4");
  }
  assert_array_equals(keys, ["foo", "baz", "BAR", "quux", "X-yZ"]);
  assert_array_equals(values, ["0", "1", "2", "3", "4"]);
}, "Appending a value pair during iteration causes it to be reached during iteration");
