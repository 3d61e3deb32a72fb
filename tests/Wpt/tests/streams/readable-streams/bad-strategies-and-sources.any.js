// META: global=window,worker
// META: script=../resources/test-utils.js
// Restated from web-platform-tests streams/readable-streams/bad-strategies.any.js,
// bad-underlying-sources.any.js and constructor.any.js.
'use strict';

const error1 = new Error('a unique string');
error1.name = 'error1';

test(() => {
  const theError = new Error('a unique string');
  assert_throws_exactly(theError, () => {
    new ReadableStream({}, { get size() { throw theError; }, highWaterMark: 5 });
  }, 'construction should re-throw the error');
}, 'Readable stream: throwing strategy.size getter');

promise_test((t) => {
  const controllerError = { name: 'controller error' };
  const thrownError = { name: 'thrown error' };
  let controller;
  const rs = new ReadableStream({ start(c) { controller = c; } }, {
    size() {
      controller.error(controllerError);
      throw thrownError;
    },
    highWaterMark: 5,
  });
  assert_throws_exactly(thrownError, () => controller.enqueue('a'), 'enqueue should re-throw the error');
  return promise_rejects_exactly(t, controllerError, rs.getReader().closed);
}, 'Readable stream: strategy.size errors the stream and then throws');

promise_test((t) => {
  const theError = { name: 'my error' };
  let controller;
  const rs = new ReadableStream({ start(c) { controller = c; } }, {
    size() {
      controller.error(theError);
      return Infinity;
    },
    highWaterMark: 5,
  });
  assert_throws_js(RangeError, () => controller.enqueue('a'), 'enqueue should throw a RangeError');
  return promise_rejects_exactly(t, theError, rs.getReader().closed, 'closed should reject with the error');
}, 'Readable stream: strategy.size errors the stream and then returns Infinity');

promise_test(() => {
  const theError = new Error('a unique string');
  const rs = new ReadableStream({
    start(c) {
      assert_throws_exactly(theError, () => c.enqueue('a'), 'enqueue should throw the error');
    },
  }, {
    size() { throw theError; },
    highWaterMark: 5,
  });
  return rs.getReader().closed.catch((e) => assert_equals(e, theError, 'closed should reject with the error'));
}, 'Readable stream: throwing strategy.size method');

test(() => {
  const theError = new Error('a unique string');
  assert_throws_exactly(theError, () => {
    new ReadableStream({}, { size() { return 1; }, get highWaterMark() { throw theError; } });
  }, 'construction should re-throw the error');
}, 'Readable stream: throwing strategy.highWaterMark getter');

test(() => {
  for (const highWaterMark of [-1, -Infinity, NaN, 'foo', {}]) {
    assert_throws_js(RangeError, () => {
      new ReadableStream({}, { size() { return 1; }, highWaterMark });
    }, `construction should throw a RangeError for ${highWaterMark}`);
  }
}, 'Readable stream: invalid strategy.highWaterMark');

promise_test(() => {
  const promises = [];
  for (const size of [NaN, -Infinity, Infinity, -1]) {
    let theError;
    const rs = new ReadableStream({
      start(c) {
        try {
          c.enqueue('hi');
          assert_unreached('enqueue didn\'t throw');
        } catch (error) {
          assert_equals(error.name, 'RangeError', `enqueue should throw a RangeError for ${size}`);
          theError = error;
        }
      },
    }, { size() { return size; }, highWaterMark: 5 });
    promises.push(rs.getReader().closed.catch((e) => assert_equals(e, theError, `closed should reject with the error for ${size}`)));
  }
  return Promise.all(promises);
}, 'Readable stream: invalid strategy.size return value');

promise_test(() => {
  const promises = [];
  for (const size of [NaN, -Infinity, Infinity, -1]) {
    let theError;
    const rs = new ReadableStream({
      pull(c) {
        try {
          c.enqueue('hi');
          assert_unreached('enqueue didn\'t throw');
        } catch (error) {
          assert_equals(error.name, 'RangeError', `enqueue should throw a RangeError for ${size}`);
          theError = error;
        }
      },
    }, { size() { return size; }, highWaterMark: 5 });
    promises.push(rs.getReader().closed.catch((e) => assert_equals(e, theError, `closed should reject with the error for ${size}`)));
  }
  return Promise.all(promises);
}, 'Readable stream: invalid strategy.size return value when pulling');

test(() => {
  assert_throws_js(TypeError, () => new ReadableStream({}, { size: 'not a function' }), 'a non-callable size');
  assert_throws_js(TypeError, () => new ReadableStream({}, 5), 'a non-object strategy');
  new ReadableStream({}, null);
}, 'Readable stream: strategy conversion');

test(() => {
  assert_throws_js(RangeError, () => new ReadableStream({ type: 'bytes' }, { size() { return 1; } }), 'a byte stream with a size function');
  assert_throws_js(RangeError, () => new ReadableStream({ type: 'bytes' }, { highWaterMark: -1 }), 'a byte stream with a negative highWaterMark');
}, 'Readable byte stream: bad strategies');

// ---- bad underlying sources ----

test(() => {
  const theError = new Error('a unique string');
  const source = { get start() { throw theError; } };
  assert_throws_exactly(theError, () => new ReadableStream(source), 'constructing the stream should re-throw the error');
}, 'Underlying source start: throwing getter');

test(() => {
  const theError = new Error('a unique string');
  const source = { start() { throw theError; } };
  assert_throws_exactly(theError, () => new ReadableStream(source), 'constructing the stream should re-throw the error');
}, 'Underlying source start: throwing method');

test(() => {
  const theError = new Error('a unique string');
  assert_throws_exactly(theError, () => new ReadableStream({ get pull() { throw theError; } }), 'constructor should re-throw the error');
}, 'Underlying source: throwing pull getter (initial pull)');

promise_test((t) => {
  const theError = new Error('a unique string');
  const rs = new ReadableStream({ pull() { throw theError; } });
  return promise_rejects_exactly(t, theError, rs.getReader().closed);
}, 'Underlying source: throwing pull method (initial pull)');

promise_test((t) => {
  const theError = new Error('a unique string');
  let counter = 0;
  const rs = new ReadableStream({
    pull(c) {
      if (++counter === 1) c.enqueue('a');
      else throw theError;
    },
  });
  const reader = rs.getReader();
  return Promise.all([
    reader.read().then((r) => assert_object_equals(r, { value: 'a', done: false }, 'the first chunk read should be correct')),
    reader.read().then(() => assert_unreached('the second read should reject'), (e) => assert_equals(e, theError)),
    promise_rejects_exactly(t, theError, reader.closed),
  ]);
}, 'Underlying source pull: throwing method (second pull)');

test(() => {
  const theError = new Error('a unique string');
  assert_throws_exactly(theError, () => new ReadableStream({ get cancel() { throw theError; } }), 'constructor should re-throw the error');
}, 'Underlying source cancel: throwing getter');

promise_test((t) => {
  const theError = new Error('a unique string');
  const rs = new ReadableStream({ cancel() { throw theError; } });
  return promise_rejects_exactly(t, theError, rs.cancel());
}, 'Underlying source cancel: throwing method');

promise_test(() => {
  let controller;
  const rs = new ReadableStream({ start(c) { controller = c; } });
  rs.cancel();
  assert_throws_js(TypeError, () => controller.enqueue('a'), 'Calling enqueue after canceling should throw');
  return rs.getReader().closed;
}, 'Underlying source: calling enqueue on an empty canceled stream should throw');

promise_test(() => {
  let controller;
  const rs = new ReadableStream({
    start(c) {
      c.enqueue('a');
      c.enqueue('b');
      controller = c;
    },
  });
  rs.cancel();
  assert_throws_js(TypeError, () => controller.enqueue('c'), 'Calling enqueue after canceling should throw');
  return rs.getReader().closed;
}, 'Underlying source: calling enqueue on a non-empty canceled stream should throw');

promise_test(() => new ReadableStream({
  start(c) {
    c.close();
    assert_throws_js(TypeError, () => c.enqueue('a'), 'call to enqueue should throw a TypeError');
  },
}).getReader().closed, 'Underlying source: calling enqueue on a closed stream should throw');

promise_test((t) => {
  const theError = new Error('boo');
  const closed = new ReadableStream({
    start(c) {
      c.error(theError);
      assert_throws_js(TypeError, () => c.enqueue('a'), 'call to enqueue should throw the error');
    },
  }).getReader().closed;
  return promise_rejects_exactly(t, theError, closed);
}, 'Underlying source: calling enqueue on an errored stream should throw');

promise_test(() => new ReadableStream({
  start(c) {
    c.close();
    assert_throws_js(TypeError, () => c.close(), 'second call to close should throw a TypeError');
  },
}).getReader().closed, 'Underlying source: calling close twice on an empty stream should throw the second time');

promise_test(() => {
  let startCalled = false;
  let readCalled = false;
  const reader = new ReadableStream({
    start(c) {
      c.enqueue('a');
      c.close();
      assert_throws_js(TypeError, () => c.close(), 'second call to close should throw a TypeError');
      startCalled = true;
    },
  }).getReader();
  return Promise.all([
    reader.read().then((r) => {
      assert_object_equals(r, { value: 'a', done: false }, 'read() should read the enqueued chunk');
      readCalled = true;
    }),
    reader.closed.then(() => {
      assert_true(startCalled);
      assert_true(readCalled);
    }),
  ]);
}, 'Underlying source: calling close twice on a non-empty stream should throw the second time');

promise_test(() => {
  let controller;
  let startCalled = false;
  const rs = new ReadableStream({
    start(c) {
      controller = c;
      startCalled = true;
    },
  });
  rs.cancel();
  assert_throws_js(TypeError, () => controller.close(), 'Calling close after canceling should throw');
  return rs.getReader().closed.then(() => assert_true(startCalled));
}, 'Underlying source: calling close on an empty canceled stream should throw');

promise_test((t) => {
  const theError = new Error('boo');
  let startCalled = false;
  const closedPromise = new ReadableStream({
    start(c) {
      c.error(theError);
      assert_throws_js(TypeError, () => c.close(), 'call to close should throw a TypeError');
      startCalled = true;
    },
  }).getReader().closed;
  return promise_rejects_exactly(t, theError, closedPromise).then(() => assert_true(startCalled));
}, 'Underlying source: calling close after error should throw');

promise_test((t) => {
  const theError = new Error('boo');
  let startCalled = false;
  const closedPromise = new ReadableStream({
    start(c) {
      c.error(theError);
      c.error();
      startCalled = true;
    },
  }).getReader().closed;
  return promise_rejects_exactly(t, theError, closedPromise).then(() => assert_true(startCalled));
}, 'Underlying source: calling error twice should not throw');

promise_test(() => {
  let startCalled = false;
  const closedPromise = new ReadableStream({
    start(c) {
      c.close();
      c.error();
      startCalled = true;
    },
  }).getReader().closed;
  return closedPromise.then(() => assert_true(startCalled));
}, 'Underlying source: calling error after close should not throw');

promise_test(() => {
  let startCalled = false;
  const firstError = new Error('1');
  const secondError = new Error('2');
  const closedPromise = new ReadableStream({
    start(c) {
      c.error(firstError);
      startCalled = true;
      return Promise.reject(secondError);
    },
  }).getReader().closed;
  return closedPromise.then(() => assert_unreached('closed promise should not be fulfilled'), (e) => {
    assert_true(startCalled);
    assert_equals(e, firstError, 'closed promise should reject with the first error');
  });
}, 'Underlying source: calling error and returning a rejected promise from start should cause the stream to error with the first error');

promise_test(() => {
  let startCalled = false;
  const firstError = new Error('1');
  const secondError = new Error('2');
  const closedPromise = new ReadableStream({
    pull(c) {
      c.error(firstError);
      startCalled = true;
      return Promise.reject(secondError);
    },
  }).getReader().closed;
  return closedPromise.then(() => assert_unreached('closed promise should not be fulfilled'), (e) => {
    assert_true(startCalled);
    assert_equals(e, firstError, 'closed promise should reject with the first error');
  });
}, 'Underlying source: calling error and returning a rejected promise from pull should cause the stream to error with the first error');

const fakeController = Object.create(ReadableStreamDefaultController.prototype);
for (const method of ['close', 'enqueue', 'error']) {
  test(() => {
    assert_throws_js(TypeError, () => ReadableStreamDefaultController.prototype[method].call(fakeController), `${method} on a fake controller throws`);
  }, `ReadableStreamDefaultController.prototype.${method} brand check`);
}

// ---- constructor argument conversion order ----

test(() => {
  const operations = [];
  const underlyingSource = {
    get start() { operations.push('start'); return undefined; },
    get pull() { operations.push('pull'); return undefined; },
    get cancel() { operations.push('cancel'); return undefined; },
    get type() { operations.push('type'); return undefined; },
    get autoAllocateChunkSize() { operations.push('autoAllocateChunkSize'); return undefined; },
  };
  const strategy = {
    get size() { operations.push('size'); return undefined; },
    get highWaterMark() { operations.push('highWaterMark'); return undefined; },
  };
  new ReadableStream(underlyingSource, strategy);
  assert_array_equals(operations, ['highWaterMark', 'size', 'autoAllocateChunkSize', 'cancel', 'pull', 'start', 'type']);
}, 'ReadableStream constructor should get the members in the right order: strategy first, then the source');

for (const member of ['start', 'pull', 'cancel']) {
  test(() => {
    const source = { [member]: 'not a function' };
    assert_throws_js(TypeError, () => new ReadableStream(source), `${member}: non-callable`);
    assert_throws_js(TypeError, () => new ReadableStream({ [member]: null }), `${member}: null`);
  }, `ReadableStream constructor should throw for a non-callable ${member}`);
}

test(() => {
  assert_throws_js(TypeError, () => new ReadableStream({ type: 'bytes', autoAllocateChunkSize: 0 }), 'autoAllocateChunkSize 0');
  assert_throws_js(TypeError, () => new ReadableStream({ type: 'bytes', autoAllocateChunkSize: -1 }), 'autoAllocateChunkSize negative');
  assert_throws_js(TypeError, () => new ReadableStream({ type: 'bytes', autoAllocateChunkSize: Infinity }), 'autoAllocateChunkSize infinite');
  new ReadableStream({ type: 'bytes', autoAllocateChunkSize: 1.5 });
}, 'ReadableStream constructor: autoAllocateChunkSize is [EnforceRange] unsigned long long and not 0');
