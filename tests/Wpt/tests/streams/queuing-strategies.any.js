// META: global=window,worker
// Restated from web-platform-tests streams/queuing-strategies.any.js.
'use strict';

const highWaterMarkConversions = new Map([
  [-Infinity, -Infinity], [-5, -5], [false, 0], [true, 1], [NaN, NaN], ['foo', NaN], ['0', 0], [{}, NaN], [() => {}, NaN],
]);

for (const [QueuingStrategy, expectedSize] of [[CountQueuingStrategy, 1], [ByteLengthQueuingStrategy, 12]]) {
  const name = QueuingStrategy.name;

  test(() => {
    new QueuingStrategy({ highWaterMark: 4 });
  }, `${name}: Can construct a ${name} with a valid high water mark`);

  test(() => {
    const highWaterMark = 1;
    const highWaterMarkObjectGetter = { get highWaterMark() { return highWaterMark; } };
    const error = new Error('wow!');
    const highWaterMarkObjectGetterThrowing = { get highWaterMark() { throw error; } };
    assert_throws_js(TypeError, () => new QueuingStrategy(), 'construction fails with undefined');
    assert_throws_js(TypeError, () => new QueuingStrategy(null), 'construction fails with null');
    assert_throws_js(TypeError, () => new QueuingStrategy(true), 'construction fails with true');
    assert_throws_js(TypeError, () => new QueuingStrategy(5), 'construction fails with 5');
    assert_throws_js(TypeError, () => new QueuingStrategy({}), 'construction fails with {}');
    assert_throws_exactly(error, () => new QueuingStrategy(highWaterMarkObjectGetterThrowing), 'construction fails with an object with a throwing highWaterMark getter');
    assert_equals((new QueuingStrategy(highWaterMarkObjectGetter)).highWaterMark, highWaterMark);
  }, `${name}: Constructor behaves as expected with strange arguments`);

  test(() => {
    for (const [input, output] of highWaterMarkConversions.entries()) {
      const strategy = new QueuingStrategy({ highWaterMark: input });
      assert_equals(strategy.highWaterMark, output, `${String(input)} gets set correctly`);
    }
  }, `${name}: highWaterMark constructor values are converted per the unrestricted double rules`);

  test(() => {
    const size1 = (new QueuingStrategy({ highWaterMark: 5 })).size;
    const size2 = (new QueuingStrategy({ highWaterMark: 10 })).size;
    assert_equals(size1, size2);
  }, `${name}: size is the same function across all instances`);

  test(() => {
    const size = (new QueuingStrategy({ highWaterMark: 5 })).size;
    assert_equals(size.name, 'size');
  }, `${name}: size should have the right name`);

  test(() => {
    class SubClass extends QueuingStrategy {
      size() { return 2; }
      subClassMethod() { return true; }
    }
    const sc = new SubClass({ highWaterMark: 77 });
    assert_equals(sc.constructor.name, 'SubClass', 'constructor.name should be correct');
    assert_equals(sc.highWaterMark, 77, 'highWaterMark should come from the parent class');
    assert_equals(sc.size(), 2, 'size() on the subclass should override the parent');
    assert_true(sc.subClassMethod(), 'subClassMethod() should work');
  }, `${name}: subclassing should work correctly`);

  test(() => {
    const size = new QueuingStrategy({ highWaterMark: 5 }).size;
    assert_false('prototype' in size);
    assert_throws_js(TypeError, () => new size(), 'size is not a constructor');
  }, `${name}: size should not have a prototype property`);

  test(() => {
    const size = new QueuingStrategy({ highWaterMark: 5 }).size;
    assert_equals(size.length, name === 'CountQueuingStrategy' ? 0 : 1, 'size.length');
    const chunk = { byteLength: 12 };
    assert_equals(size(chunk), expectedSize);
    assert_equals(size.call(undefined, chunk), expectedSize, 'size works without a this value');
  }, `${name}: size returns the expected value and ignores its this value`);

  test(() => {
    const thisValue = null;
    const getter = Object.getOwnPropertyDescriptor(QueuingStrategy.prototype, 'highWaterMark').get;
    assert_throws_js(TypeError, () => getter.call(thisValue), 'highWaterMark getter on a non-strategy throws');
    const sizeGetter = Object.getOwnPropertyDescriptor(QueuingStrategy.prototype, 'size').get;
    assert_throws_js(TypeError, () => sizeGetter.call({}), 'size getter on a non-strategy throws');
  }, `${name}: the getters throw for objects that are not ${name}s`);

  test(() => {
    const strategy = new QueuingStrategy({ highWaterMark: 4 });
    assert_equals(Object.prototype.toString.call(strategy), `[object ${name}]`);
    assert_equals(QueuingStrategy.length, 1);
    for (const key of ['highWaterMark', 'size']) {
      const d = Object.getOwnPropertyDescriptor(QueuingStrategy.prototype, key);
      assert_true(d.enumerable, `${key} is enumerable`);
      assert_true(d.configurable, `${key} is configurable`);
      assert_equals(typeof d.get, 'function', `${key} is an accessor`);
    }
  }, `${name}: Web IDL shape`);
}

test(() => {
  const size = (new ByteLengthQueuingStrategy({ highWaterMark: 5 })).size;
  assert_throws_js(TypeError, () => size(undefined), 'size fails with undefined');
  assert_throws_js(TypeError, () => size(null), 'size fails with null');
  assert_equals(size('potato'), undefined, 'size succeeds with undefined with a random non-object type');
  assert_equals(size({}), undefined, 'size succeeds with undefined with an object without hwm property');
  assert_equals(size({ byteLength: 5 }), 5, 'size succeeds with the right amount with an object with a hwm');
  assert_equals(size({ byteLength: Infinity }), Infinity, 'size succeeds with the right amount with an object with a hwm');
  const error = new Error('wow!');
  assert_throws_exactly(error, () => size({ get byteLength() { throw error; } }), 'size fails with the error thrown by the getter');
}, 'ByteLengthQueuingStrategy: size behaves as expected with strange arguments');

test(() => {
  const size = (new CountQueuingStrategy({ highWaterMark: 5 })).size;
  assert_equals(size(), 1, 'size returns 1 with undefined');
  assert_equals(size(null), 1, 'size returns 1 with null');
  assert_equals(size('potato'), 1, 'size returns 1 with non-object type');
  assert_equals(size({}), 1, 'size returns 1 with empty object');
  assert_equals(size({ byteLength: 5 }), 1, 'size returns 1 with object with byteLength');
}, 'CountQueuingStrategy: size behaves as expected with strange arguments');

promise_test(async () => {
  const rs = new ReadableStream({
    start(c) {
      assert_equals(c.desiredSize, 16, 'desiredSize starts at the high water mark');
      c.enqueue(new Uint8Array(10));
      assert_equals(c.desiredSize, 6, 'a 10-byte chunk takes 10 bytes');
      c.enqueue(new Uint8Array(10));
      assert_equals(c.desiredSize, -4, 'another 10-byte chunk takes the stream over its high water mark');
    },
  }, new ByteLengthQueuingStrategy({ highWaterMark: 16 }));
  const reader = rs.getReader();
  await reader.read();
}, 'ByteLengthQueuingStrategy: a ReadableStream counts bytes');

promise_test(async () => {
  let controller;
  const rs = new ReadableStream({ start(c) { controller = c; } }, new CountQueuingStrategy({ highWaterMark: 2 }));
  assert_equals(controller.desiredSize, 2);
  controller.enqueue('a');
  controller.enqueue('b');
  assert_equals(controller.desiredSize, 0);
  controller.enqueue('c');
  assert_equals(controller.desiredSize, -1);
  const reader = rs.getReader();
  await reader.read();
  assert_equals(controller.desiredSize, 0);
}, 'CountQueuingStrategy: a ReadableStream counts chunks');
