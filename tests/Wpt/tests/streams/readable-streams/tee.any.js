// META: global=window,worker
// META: script=../resources/test-utils.js
// META: script=../resources/rs-utils.js
// META: script=../resources/recording-streams.js
// Restated from web-platform-tests streams/readable-streams/tee.any.js.
'use strict';

test(() => {
  const rs = new ReadableStream();
  const result = rs.tee();
  assert_true(Array.isArray(result), 'return value should be an array');
  assert_equals(result.length, 2, 'array should have length 2');
  assert_equals(result[0].constructor, ReadableStream, '0th element should be a ReadableStream');
  assert_equals(result[1].constructor, ReadableStream, '1st element should be a ReadableStream');
}, 'ReadableStream teeing: rs.tee() returns an array of two ReadableStreams');

promise_test((t) => {
  const rs = new ReadableStream({
    start(c) {
      c.enqueue('a');
      c.enqueue('b');
      c.close();
    },
  });
  const [branch1, branch2] = rs.tee();
  const reader1 = branch1.getReader();
  const reader2 = branch2.getReader();
  reader2.closed.then(t.unreached_func('branch2 should not be closed'));
  return Promise.all([
    reader1.closed,
    reader1.read().then((r) => assert_object_equals(r, { value: 'a', done: false }, 'first chunk from branch1 should be correct')),
    reader1.read().then((r) => assert_object_equals(r, { value: 'b', done: false }, 'second chunk from branch1 should be correct')),
    reader1.read().then((r) => assert_object_equals(r, { value: undefined, done: true }, 'third read() from branch1 should be done')),
    reader2.read().then((r) => assert_object_equals(r, { value: 'a', done: false }, 'first chunk from branch2 should be correct')),
  ]);
}, 'ReadableStream teeing: should be able to read one branch to the end without affecting the other');

promise_test(() => {
  const theObject = { the: 'test object' };
  const rs = new ReadableStream({
    start(c) { c.enqueue(theObject); },
  });
  const [branch1, branch2] = rs.tee();
  return Promise.all([branch1.getReader().read(), branch2.getReader().read()]).then(([r1, r2]) => {
    assert_equals(r1.value, r2.value, 'the first chunks from each branch should be the same object');
    assert_equals(r1.value, theObject, 'the first chunks should be the object that was enqueued');
  });
}, 'ReadableStream teeing: values should be equal across each branch');

promise_test((t) => {
  const theError = { name: 'boo!' };
  const rs = new ReadableStream({
    start(c) {
      c.enqueue('a');
      c.enqueue('b');
    },
    pull() { throw theError; },
  });
  const [branch1, branch2] = rs.tee();
  const reader1 = branch1.getReader();
  const reader2 = branch2.getReader();
  const closedPromise = Promise.all([
    promise_rejects_exactly(t, theError, reader1.closed),
    promise_rejects_exactly(t, theError, reader2.closed),
  ]);
  return reader1.read().then((r) => {
    assert_object_equals(r, { value: 'a', done: false }, 'should be able to read the first chunk in branch1');
    return reader1.read();
  }).then((r) => {
    assert_object_equals(r, { value: 'b', done: false }, 'should be able to read the second chunk in branch1');
    return promise_rejects_exactly(t, theError, reader2.read());
  }).then(() => promise_rejects_exactly(t, theError, reader1.read())).then(() => closedPromise);
}, 'ReadableStream teeing: errors in the source should propagate to both branches');

promise_test(() => {
  const rs = new ReadableStream({
    start(c) {
      c.enqueue('a');
      c.enqueue('b');
      c.close();
    },
  });
  const [branch1, branch2] = rs.tee();
  branch1.cancel();
  return Promise.all([readableStreamToArray(branch1), readableStreamToArray(branch2)]).then(([chunks1, chunks2]) => {
    assert_array_equals(chunks1, [], 'branch1 should have no chunks');
    assert_array_equals(chunks2, ['a', 'b'], 'branch2 should have two chunks');
  });
}, 'ReadableStream teeing: canceling branch1 should not impact branch2');

promise_test(() => {
  const rs = new ReadableStream({
    start(c) {
      c.enqueue('a');
      c.enqueue('b');
      c.close();
    },
  });
  const [branch1, branch2] = rs.tee();
  branch2.cancel();
  return Promise.all([readableStreamToArray(branch1), readableStreamToArray(branch2)]).then(([chunks1, chunks2]) => {
    assert_array_equals(chunks1, ['a', 'b'], 'branch1 should have two chunks');
    assert_array_equals(chunks2, [], 'branch2 should have no chunks');
  });
}, 'ReadableStream teeing: canceling branch2 should not impact branch1');

for (const [name, reasons] of [['', ['We\'re wanted men.', 'The answer is 42']], [' (with undefined reasons)', [undefined, undefined]]]) {
  promise_test(() => {
    let totalCancels = 0;
    let recorded;
    const rs = new ReadableStream({
      cancel(reason) {
        totalCancels++;
        recorded = reason;
      },
    });
    const [branch1, branch2] = rs.tee();
    const p1 = branch1.cancel(reasons[0]);
    const p2 = branch2.cancel(reasons[1]);
    return Promise.all([p1, p2]).then(() => {
      assert_equals(totalCancels, 1, 'the source is canceled once');
      assert_array_equals(recorded, reasons, 'the cancel reason should be an array containing those from the branches');
    });
  }, `ReadableStream teeing: canceling both branches should aggregate the cancel reasons into an array${name}`);
}

promise_test((t) => {
  const theError = { name: 'I\'ll be careful next time, Dad!' };
  const rs = new ReadableStream({ cancel() { throw theError; } });
  const [branch1, branch2] = rs.tee();
  return Promise.all([
    promise_rejects_exactly(t, theError, branch1.cancel()),
    promise_rejects_exactly(t, theError, branch2.cancel()),
  ]);
}, 'ReadableStream teeing: failing to cancel the original stream should cause cancel() to reject on branches');

promise_test(async (t) => {
  const theError = { name: 'boo!' };
  let controller;
  const rs = new ReadableStream({ start(c) { controller = c; } });
  const [branch1, branch2] = rs.tee();
  const cancel1 = branch1.cancel();
  controller.error(theError);
  assert_equals(await cancel1, undefined, 'the canceled branch\'s cancel() fulfills');
  await promise_rejects_exactly(t, theError, branch2.cancel(), 'the other branch is errored');
  await promise_rejects_exactly(t, theError, branch2.getReader().closed);
}, 'ReadableStream teeing: erroring a teed stream should properly handle canceled branches');

promise_test(async () => {
  let controller;
  const rs = new ReadableStream({ start(c) { controller = c; } });
  const [branch1, branch2] = rs.tee();
  const cancel1 = branch1.cancel();
  await flushAsyncEvents();
  controller.close();
  const cancel2 = branch2.cancel();
  await Promise.all([cancel1, cancel2]);
}, 'ReadableStream teeing: closing the original should close the branches and resolve pending cancels');

promise_test(() => {
  let controller;
  const rs = new ReadableStream({ start(c) { controller = c; } });
  const [branch1, branch2] = rs.tee();
  const reader1 = branch1.getReader();
  const reader2 = branch2.getReader();
  const promise = Promise.all([reader1.closed, reader2.closed]);
  controller.close();
  return promise;
}, 'ReadableStream teeing: closing the original should immediately close the branches');

promise_test((t) => {
  let controller;
  const rs = new ReadableStream({ start(c) { controller = c; } });
  const [branch1, branch2] = rs.tee();
  const reader1 = branch1.getReader();
  const reader2 = branch2.getReader();
  const theError = { name: 'boo!' };
  const promise = Promise.all([
    promise_rejects_exactly(t, theError, reader1.closed),
    promise_rejects_exactly(t, theError, reader2.closed),
  ]);
  controller.error(theError);
  return promise;
}, 'ReadableStream teeing: erroring the original should immediately error the branches');

promise_test(async (t) => {
  let controller;
  const rs = new ReadableStream({ start(c) { controller = c; } });
  const [branch1, branch2] = rs.tee();
  const reader1 = branch1.getReader();
  const reader2 = branch2.getReader();
  const theError = { name: 'boo!' };
  const promise = Promise.all([
    promise_rejects_exactly(t, theError, reader1.read()),
    promise_rejects_exactly(t, theError, reader2.read()),
  ]);
  controller.error(theError);
  await promise;
}, 'ReadableStream teeing: erroring the original should error pending reads from default reader');

promise_test(() => {
  const rs = new ReadableStream({
    start(c) {
      c.enqueue('a');
      c.enqueue('b');
      c.close();
    },
  });
  const reader = rs.getReader();
  reader.releaseLock();
  const [branch1, branch2] = rs.tee();
  return Promise.all([readableStreamToArray(branch1), readableStreamToArray(branch2)]).then(([c1, c2]) => {
    assert_array_equals(c1, ['a', 'b']);
    assert_array_equals(c2, ['a', 'b']);
  });
}, 'ReadableStream teeing: can tee a stream after a reader was released');

test(() => {
  const rs = new ReadableStream();
  rs.getReader();
  assert_throws_js(TypeError, () => rs.tee(), 'tee() on a locked stream throws');
}, 'ReadableStream teeing: tee() on a locked stream throws');

test(() => {
  const rs = new ReadableStream();
  rs.tee();
  assert_true(rs.locked, 'the original stream is locked by the tee');
}, 'ReadableStream teeing: the original stream is locked');

promise_test(async () => {
  const rs = recordingReadableStream({}, { highWaterMark: 0 });
  // Two branches with a high water mark of 1 each: one chunk is pulled, not two.
  rs.tee();
  await flushAsyncEvents();
  assert_array_equals(rs.events, ['pull'], 'pull should only be called once');
}, 'ReadableStreamTee should not pull more chunks than can fit in the branch queue');

promise_test(async () => {
  const rs = recordingReadableStream({ pull(controller) { controller.enqueue('a'); } }, { highWaterMark: 0 });
  const [reader1, reader2] = rs.tee().map((branch) => branch.getReader());
  await flushAsyncEvents();
  assert_array_equals(rs.events, ['pull'], 'pull should be called once');
  await reader1.read();
  await flushAsyncEvents();
  assert_array_equals(rs.events, ['pull', 'pull'], 'pull should be called again once branch1 has room');
  await reader2.read();
  await reader2.read();
  await flushAsyncEvents();
  assert_array_equals(rs.events, ['pull', 'pull', 'pull'], 'and again once both branches have room');
}, 'ReadableStreamTee should only pull enough to fill the emptiest queue');

promise_test(async () => {
  const rs = recordingReadableStream({}, { highWaterMark: 0 });
  const [branch1, branch2] = rs.tee();
  const reader1 = branch1.getReader();
  const reader2 = branch2.getReader();
  reader1.read().catch(() => {});
  reader2.read().catch(() => {});
  await flushAsyncEvents();
  assert_array_equals(rs.events, ['pull'], 'pull should be called once while the read is pending');
}, 'ReadableStream teeing: only one pull at a time for both branches');

promise_test(async (t) => {
  const theError = new Error('boo');
  const rs = new ReadableStream({
    start(c) { c.enqueue('a'); },
  });
  const [branch1, branch2] = rs.tee();
  branch1.cancel(theError);
  const reader2 = branch2.getReader();
  assert_object_equals(await reader2.read(), { value: 'a', done: false });
}, 'ReadableStream teeing: the other branch keeps reading after one is canceled');
