// META: title=Various edge cases where listeners are removed during iteration
// Restates upstream dom/events/remove-all-listeners.any.js.

test(() => {
  const target = new EventTarget();
  let c1 = 0, c2 = 0, c3 = 0;
  function listener1() {
    c1++;
    target.removeEventListener("foo", listener1);
    target.removeEventListener("foo", listener2);
    target.addEventListener("foo", listener3);
  }
  function listener2() { c2++; }
  function listener3() { c3++; }
  target.addEventListener("foo", listener1);
  target.addEventListener("foo", listener2);
  target.dispatchEvent(new Event("foo"));
  assert_array_equals([c1, c2, c3], [1, 0, 0]);
  target.dispatchEvent(new Event("foo"));
  assert_array_equals([c1, c2, c3], [1, 0, 1]);
}, "Removing all listeners and then adding a new one should work.");

test(() => {
  const target = new EventTarget();
  let c1 = 0, c2 = 0, c3 = 0;
  function listener1() {
    c1++;
    target.dispatchEvent(new Event("foo"));
    assert_array_equals([c1, c2, c3], [1, 1, 0]);
    target.addEventListener("foo", listener3);
  }
  function listener2() { c2++; }
  function listener3() { c3++; }
  target.addEventListener("foo", listener1, { once: true });
  target.addEventListener("foo", listener2, { once: true });
  target.dispatchEvent(new Event("foo"));
  assert_array_equals([c1, c2, c3], [1, 1, 0]);
  target.dispatchEvent(new Event("foo"));
  assert_array_equals([c1, c2, c3], [1, 1, 1]);
}, "Nested usage of once listeners should work.");
