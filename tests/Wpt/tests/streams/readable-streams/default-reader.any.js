// META: global=window,worker
// META: script=../resources/test-utils.js
// META: script=../resources/rs-utils.js
// META: script=../resources/recording-streams.js
// Restated from web-platform-tests streams/readable-streams/default-reader.any.js and cancel.any.js.
'use strict';

test(() => {
  assert_throws_js(TypeError, () => new ReadableStreamDefaultReader('potato'));
  assert_throws_js(TypeError, () => new ReadableStreamDefaultReader({}));
  assert_throws_js(TypeError, () => new ReadableStreamDefaultReader());
}, 'ReadableStreamDefaultReader constructor should get a ReadableStream object as argument');

test(() => {
  const rsReader = new ReadableStreamDefaultReader(new ReadableStream());
  assert_equals(rsReader.closed, rsReader.closed, 'closed should return the same promise');
}, 'ReadableStreamDefaultReader closed should always return the same promise object');

test(() => {
  const rs = new ReadableStream();
  new ReadableStreamDefaultReader(rs);
  assert_throws_js(TypeError, () => new ReadableStreamDefaultReader(rs), 'constructing directly the second time should fail');
}, 'Constructing a ReadableStreamDefaultReader directly should fail if the stream is already locked (via direct construction)');

test(() => {
  const rs = new ReadableStream();
  new ReadableStreamDefaultReader(rs);
  assert_throws_js(TypeError, () => rs.getReader(), 'getReader() should fail');
}, 'Getting a ReadableStreamDefaultReader via getReader should fail if the stream is already locked (via direct construction)');

test(() => {
  const rs = new ReadableStream();
  rs.getReader();
  assert_throws_js(TypeError, () => new ReadableStreamDefaultReader(rs), 'constructing directly should fail');
}, 'Constructing a ReadableStreamDefaultReader directly should fail if the stream is already locked (via getReader)');

test(() => {
  const rs = new ReadableStream();
  rs.getReader();
  assert_throws_js(TypeError, () => rs.getReader(), 'getReader() should fail');
}, 'Getting a ReadableStreamDefaultReader via getReader should fail if the stream is already locked (via getReader)');

test(() => {
  const rs = new ReadableStream({ start(c) { c.close(); } });
  new ReadableStreamDefaultReader(rs);
}, 'Constructing a ReadableStreamDefaultReader directly should be OK if the stream is closed');

test(() => {
  const theError = new Error('don\'t say i didn\'t warn ya');
  const rs = new ReadableStream({ start(c) { c.error(theError); } });
  new ReadableStreamDefaultReader(rs);
}, 'Constructing a ReadableStreamDefaultReader directly should be OK if the stream is errored');

promise_test(() => {
  let controller;
  const rs = new ReadableStream({ start(c) { controller = c; } });
  const reader = rs.getReader();
  const promise = reader.read().then((result) => {
    assert_object_equals(result, { value: 'a', done: false }, 'read() should fulfill with the enqueued chunk');
  });
  controller.enqueue('a');
  return promise;
}, 'Reading from a reader for an empty stream will wait until a chunk is available');

promise_test(() => {
  let cancelCalled = false;
  const passedReason = new Error('it wasn\'t the right time, sorry');
  const rs = new ReadableStream({
    cancel(reason) {
      assert_true(rs.locked, 'the stream should still be locked');
      assert_throws_js(TypeError, () => rs.getReader(), 'should not be able to get another reader');
      assert_equals(reason, passedReason, 'the cancellation reason is passed through to the underlying source');
      cancelCalled = true;
    },
  });
  const reader = rs.getReader();
  return reader.cancel(passedReason).then(() => assert_true(cancelCalled));
}, 'cancel() on a reader does not release the reader');

promise_test((t) => {
  let controller;
  const rs = new ReadableStream({ start(c) { controller = c; } });
  const reader = rs.getReader();
  const promise = promise_rejects_js(t, TypeError, reader.closed);
  reader.releaseLock();
  return promise;
}, 'closed should be rejected after reader releases its lock (multiple stream locks)');

promise_test((t) => {
  let controller;
  const rs = new ReadableStream({ start(c) { controller = c; } });
  const reader1 = rs.getReader();
  reader1.releaseLock();
  const reader2 = rs.getReader();
  controller.close();
  return Promise.all([promise_rejects_js(t, TypeError, reader1.closed), reader2.closed]);
}, 'closed is replaced when stream closes and reader releases its lock');

promise_test((t) => {
  const theError = { name: 'unique error' };
  let controller;
  const rs = new ReadableStream({ start(c) { controller = c; } });
  const reader1 = rs.getReader();
  reader1.releaseLock();
  const reader2 = rs.getReader();
  controller.error(theError);
  return Promise.all([promise_rejects_js(t, TypeError, reader1.closed), promise_rejects_exactly(t, theError, reader2.closed)]);
}, 'closed is replaced when stream errors and reader releases its lock');

promise_test(() => {
  const rs = new ReadableStream({
    start(c) {
      c.enqueue('a');
      c.enqueue('b');
      c.close();
    },
  });
  const reader1 = rs.getReader();
  const promise1 = reader1.read().then((r) => assert_object_equals(r, { value: 'a', done: false }, 'reading the first chunk from reader1 works'));
  reader1.releaseLock();
  const reader2 = rs.getReader();
  const promise2 = reader2.read().then((r) => assert_object_equals(r, { value: 'b', done: false }, 'reading the second chunk from reader2 works'));
  reader2.releaseLock();
  return Promise.all([promise1, promise2]);
}, 'Multiple readers can access the stream in sequence');

promise_test(() => {
  const rs = new ReadableStream({ start(c) { c.enqueue('a'); } });
  const reader1 = rs.getReader();
  reader1.releaseLock();
  const reader2 = rs.getReader();
  reader1.releaseLock();
  return reader2.read().then((result) => {
    assert_object_equals(result, { value: 'a', done: false }, 'the chunk should be read through reader2');
  });
}, 'Cannot use an already-released reader to unlock a stream again');

promise_test((t) => {
  const rs = new ReadableStream({
    start(c) { c.enqueue('a'); },
    cancel() { assert_unreached('underlying source cancel should not be called'); },
  });
  const reader = rs.getReader();
  reader.releaseLock();
  const cancelPromise = reader.cancel();
  const reader2 = rs.getReader();
  const readPromise = reader2.read().then((r) => assert_object_equals(r, { value: 'a', done: false }, 'a new reader should be able to read a chunk'));
  return Promise.all([promise_rejects_js(t, TypeError, cancelPromise), readPromise]);
}, 'cancel() on a released reader is a no-op and does not pass through');

promise_test((t) => {
  const promiseAsserts = [];
  let controller;
  const theError = { name: 'unique error' };
  const rs = new ReadableStream({ start(c) { controller = c; } });
  const reader1 = rs.getReader();
  promiseAsserts.push(promise_rejects_exactly(t, theError, reader1.closed), promise_rejects_exactly(t, theError, reader1.read()));
  assert_throws_js(TypeError, () => rs.getReader(), 'trying to get another reader before erroring should throw');
  controller.error(theError);
  reader1.releaseLock();
  const reader2 = rs.getReader();
  promiseAsserts.push(promise_rejects_exactly(t, theError, reader2.closed), promise_rejects_exactly(t, theError, reader2.read()));
  return Promise.all(promiseAsserts);
}, 'Getting a second reader after erroring the stream and releasing the reader should succeed');

promise_test((t) => {
  let controller;
  const rs = new ReadableStream({ start(c) { controller = c; } });
  const promise = rs.getReader().closed.then(
    t.unreached_func('closed promise should not be fulfilled when stream is errored'),
    (err) => assert_equals(err, undefined, 'passed error should be undefined as it was'));
  controller.error();
  return promise;
}, 'ReadableStreamDefaultReader closed promise should be rejected with undefined if that is the error');

promise_test((t) => {
  const rs = new ReadableStream({ start() { return Promise.reject(); } });
  return rs.getReader().read().then(t.unreached_func('read promise should not be fulfilled when stream is errored'),
    (err) => assert_equals(err, undefined, 'passed error should be undefined as it was'));
}, 'ReadableStreamDefaultReader: if start rejects with no parameter, it should error the stream with an undefined error');

promise_test((t) => {
  const theError = { name: 'unique string' };
  let controller;
  const rs = new ReadableStream({ start(c) { controller = c; } });
  const closedPromise = new ReadableStreamDefaultReader(rs).closed.then(() => assert_unreached('closed should be rejected'), (e) => {
    assert_equals(e, theError, 'rejected error should be the same');
  });
  controller.error(theError);
  return closedPromise;
}, 'Erroring a ReadableStream after checking closed should reject ReadableStreamDefaultReader closed promise');

promise_test((t) => {
  const theError = { name: 'unique string' };
  let controller;
  const rs = new ReadableStream({ start(c) { controller = c; } });
  controller.error(theError);
  return promise_rejects_exactly(t, theError, new ReadableStreamDefaultReader(rs).closed);
}, 'Erroring a ReadableStream before checking closed should reject ReadableStreamDefaultReader closed promise');

promise_test(() => {
  let controller;
  const rs = new ReadableStream({ start(c) { controller = c; } });
  const reader = new ReadableStreamDefaultReader(rs);
  const promise = Promise.all([
    reader.read().then((result) => assert_object_equals(result, { value: undefined, done: true }, 'read()ing from the reader should give a done result')),
    reader.read().then((result) => assert_object_equals(result, { value: undefined, done: true }, 'read()ing from the reader should give a done result')),
  ]);
  controller.close();
  return promise;
}, 'Reading twice on a stream that gets closed');

promise_test(() => {
  let controller;
  const rs = new ReadableStream({ start(c) { controller = c; } });
  controller.close();
  const reader = rs.getReader();
  return Promise.all([
    reader.read().then((result) => assert_object_equals(result, { value: undefined, done: true }, 'read()ing from the reader should give a done result')),
    reader.read().then((result) => assert_object_equals(result, { value: undefined, done: true }, 'read()ing from the reader should give a done result')),
  ]);
}, 'Reading twice on a closed stream');

promise_test((t) => {
  let controller;
  const rs = new ReadableStream({ start(c) { controller = c; } });
  const myError = { name: 'mashed potatoes' };
  controller.error(myError);
  const reader = rs.getReader();
  return Promise.all([
    promise_rejects_exactly(t, myError, reader.read()),
    promise_rejects_exactly(t, myError, reader.read()),
    promise_rejects_exactly(t, myError, reader.closed),
  ]);
}, 'Reading twice on an errored stream');

promise_test((t) => {
  let controller;
  const rs = new ReadableStream({ start(c) { controller = c; } });
  const myError = { name: 'mashed potatoes' };
  const reader = rs.getReader();
  const promise = Promise.all([
    promise_rejects_exactly(t, myError, reader.read()),
    promise_rejects_exactly(t, myError, reader.read()),
    promise_rejects_exactly(t, myError, reader.closed),
  ]);
  controller.error(myError);
  return promise;
}, 'Reading twice on a stream that gets errored');

test(() => {
  const rs = new ReadableStream({});
  const reader = rs.getReader();
  reader.read().catch(() => {});
  reader.read().catch(() => {});
  reader.releaseLock();
  assert_false(rs.locked, 'the stream should be unlocked');
}, 'releaseLock() should not throw if there are pending read requests');

promise_test(async (t) => {
  const rs = new ReadableStream();
  const reader = rs.getReader();
  const read1 = reader.read();
  const read2 = reader.read();
  reader.releaseLock();
  await Promise.all([promise_rejects_js(t, TypeError, read1), promise_rejects_js(t, TypeError, read2)]);
}, 'releaseLock() rejects pending read requests with a TypeError');

test(() => {
  const rs = new ReadableStream();
  const reader = rs.getReader();
  reader.releaseLock();
  reader.releaseLock();
}, 'releaseLock() on a released reader is a no-op');

promise_test((t) => {
  const rs = new ReadableStream();
  const reader = rs.getReader();
  reader.releaseLock();
  return Promise.all([promise_rejects_js(t, TypeError, reader.read()), promise_rejects_js(t, TypeError, reader.cancel())]);
}, 'read() and cancel() on a released reader reject with a TypeError');

// ---- cancel ----

promise_test((t) => {
  const randomSource = [];
  let i = 0;
  let canceled = false;
  const rs = new ReadableStream({
    pull(c) {
      if (!canceled) c.enqueue(`chunk ${i++}`);
      return delay(5);
    },
    cancel() {
      canceled = true;
    },
  });
  const reader = rs.getReader();
  return reader.read().then(() => reader.cancel()).then((v) => {
    assert_equals(v, undefined, 'cancel() return value should be fulfilled with undefined');
    assert_true(canceled, 'source.cancel() should have been called');
    return reader.closed;
  }).then(() => reader.read()).then((result) => assert_object_equals(result, { value: undefined, done: true }, 'after cancel the stream is closed'));
}, 'ReadableStream cancellation: integration test on an infinite stream derived from a random push source');

promise_test(() => {
  let recordedReason;
  const rs = new ReadableStream({ cancel(reason) { recordedReason = reason; } });
  const passedReason = new Error('Sorry, it just wasn\'t meant to be.');
  rs.cancel(passedReason);
  assert_equals(recordedReason, passedReason, 'the error passed to the underlying source\'s cancel method should equal the one passed to the stream\'s cancel');
  return Promise.resolve();
}, 'ReadableStream cancellation: cancel(reason) should pass through the given reason to the underlying source');

promise_test(() => {
  const rs = new ReadableStream({
    start(c) {
      c.enqueue('a');
      c.close();
    },
    cancel() { assert_unreached('underlying source cancel() should not have been called'); },
  });
  const reader = rs.getReader();
  return rs.cancel().then(() => assert_unreached('cancel() should be rejected'), (e) => {
    assert_equals(e.name, 'TypeError', 'cancel() should be rejected with a TypeError');
  }).then(() => reader.read()).then((result) => {
    assert_object_equals(result, { value: 'a', done: false }, 'read() should still work after the attempted cancel');
    return reader.closed;
  });
}, 'ReadableStream cancellation: cancel() on a locked stream should fail and not call the underlying source cancel');

promise_test(() => {
  let cancelReceived = false;
  const cancelReason = new Error('I am tired of this stream, I prefer to cancel it');
  const rs = new ReadableStream({
    cancel(reason) {
      cancelReceived = true;
      assert_equals(reason, cancelReason, 'cancellation reason given to the underlying source should be equal to the one passed');
    },
  });
  return rs.cancel(cancelReason).then(() => assert_true(cancelReceived));
}, 'ReadableStream cancellation: should fulfill promise when cancel callback went fine');

promise_test(() => {
  const rs = new ReadableStream({ cancel() { return 'Hello'; } });
  return rs.cancel().then((v) => assert_equals(v, undefined, 'cancel() return value should be fulfilled with undefined'));
}, 'ReadableStream cancellation: returning a value from the underlying source\'s cancel should not cause it to be returned by ReadableStream\'s cancel');

promise_test((t) => {
  const thrownError = new Error('test');
  let cancelCalled = false;
  const rs = new ReadableStream({
    cancel() {
      cancelCalled = true;
      throw thrownError;
    },
  });
  return promise_rejects_exactly(t, thrownError, rs.cancel('test'), 'cancel should reject with the thrown error').then(() => assert_true(cancelCalled));
}, 'ReadableStream cancellation: should reject promise when cancel callback raises an exception');

promise_test(() => {
  const cancelReason = new Error('test');
  const rs = new ReadableStream({
    cancel(error) {
      assert_equals(error, cancelReason);
      return delay(1);
    },
  });
  return rs.cancel(cancelReason);
}, 'ReadableStream cancellation: if the underlying source\'s cancel method returns a promise, the promise returned by the stream\'s cancel should fulfill when that one does (1)');

promise_test((t) => {
  let resolveSourceCancelPromise;
  let sourceCancelPromiseHasFulfilled = false;
  const rs = new ReadableStream({
    cancel() {
      const sourceCancelPromise = new Promise((resolve) => { resolveSourceCancelPromise = resolve; });
      sourceCancelPromise.then(() => { sourceCancelPromiseHasFulfilled = true; });
      return sourceCancelPromise;
    },
  });
  step_timeout(() => resolveSourceCancelPromise('Hello'), 1);
  return rs.cancel().then((value) => {
    assert_true(sourceCancelPromiseHasFulfilled, 'cancel() return value should be fulfilled only after the promise returned by the underlying source\'s cancel');
    assert_equals(value, undefined, 'cancel() return value should be fulfilled with undefined');
  });
}, 'ReadableStream cancellation: if the underlying source\'s cancel method returns a promise, the promise returned by the stream\'s cancel should fulfill when that one does (2)');

promise_test((t) => {
  let rejectSourceCancelPromise;
  let sourceCancelPromiseHasRejected = false;
  const rs = new ReadableStream({
    cancel() {
      const sourceCancelPromise = new Promise((resolve, reject) => { rejectSourceCancelPromise = reject; });
      sourceCancelPromise.catch(() => { sourceCancelPromiseHasRejected = true; });
      return sourceCancelPromise;
    },
  });
  const errorInCancel = new Error('Sorry, it just wasn\'t meant to be.');
  step_timeout(() => rejectSourceCancelPromise(errorInCancel), 1);
  return rs.cancel().then(() => assert_unreached('cancel() return value should be rejected'), (r) => {
    assert_true(sourceCancelPromiseHasRejected, 'cancel() return value should be rejected only after the promise returned by the underlying source\'s cancel');
    assert_equals(r, errorInCancel, 'cancel() return value should be rejected with the underlying source\'s rejection reason');
  });
}, 'ReadableStream cancellation: if the underlying source\'s cancel method returns a promise, the promise returned by the stream\'s cancel should reject when that one does');

promise_test(() => {
  const rs = new ReadableStream({
    start() { return new Promise(() => {}); },
    pull() { assert_unreached('pull should not have been called'); },
  });
  return Promise.all([rs.cancel(), rs.getReader().closed]);
}, 'ReadableStream cancellation: cancelling before start finishes should prevent pull() from being called');

promise_test(() => {
  const events = [];
  const pendingPromise = new Promise(() => {});
  const rs = new ReadableStream({
    pull() {
      events.push('pull');
      return pendingPromise;
    },
    cancel() { events.push('cancel'); },
  });
  const reader = rs.getReader();
  reader.read().catch(() => {});
  return delay(0).then(() => {
    assert_array_equals(events, ['pull'], 'pull should have been called');
    reader.releaseLock();
    return rs.cancel();
  }).then(() => assert_array_equals(events, ['pull', 'cancel'], 'cancel should have been called'));
}, 'ReadableStream cancellation: underlyingSource.cancel() should called, even with pending pull');

promise_test(async () => {
  let cancelCount = 0;
  const rs = new ReadableStream({
    cancel() {
      ++cancelCount;
      return new Promise(() => {});
    },
  });
  rs.cancel();
  await delay(0);
  rs.cancel();
  await delay(0);
  assert_equals(cancelCount, 1, 'cancel should be called once');
}, 'ReadableStream cancellation: cancel() on a canceled stream does not call the underlying source again');

promise_test(() => {
  const rs = new ReadableStream({ start(controller) { controller.close(); } });
  return rs.cancel('reason').then((v) => assert_equals(v, undefined));
}, 'ReadableStream cancellation: cancel() on a closed stream fulfills with undefined');

promise_test((t) => {
  const theError = new Error('boo');
  const rs = new ReadableStream({ start(controller) { controller.error(theError); } });
  return promise_rejects_exactly(t, theError, rs.cancel());
}, 'ReadableStream cancellation: cancel() on an errored stream rejects with the stored error');

promise_test(() => {
  const rs = recordingReadableStream({ start(c) { c.enqueue('a'); c.enqueue('b'); } });
  const reader = rs.getReader();
  return reader.cancel('reason').then(() => {
    assert_array_equals(rs.eventsWithoutPulls, ['cancel', 'reason']);
    return reader.read();
  }).then((r) => assert_object_equals(r, { value: undefined, done: true }, 'queued chunks are discarded on cancel'));
}, 'ReadableStream cancellation: queued chunks are discarded');
