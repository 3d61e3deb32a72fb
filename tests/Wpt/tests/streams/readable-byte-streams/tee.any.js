// META: global=window,worker
// META: script=../resources/test-utils.js
// META: script=../resources/rs-utils.js
// META: script=../resources/recording-streams.js
// Restated from web-platform-tests streams/readable-byte-streams/tee.any.js.
'use strict';

test(() => {
  const rs = new ReadableStream({ type: 'bytes' });
  const result = rs.tee();
  assert_true(Array.isArray(result), 'return value should be an array');
  assert_equals(result.length, 2, 'array should have length 2');
  assert_equals(result[0].constructor, ReadableStream, '0th element should be a ReadableStream');
  assert_equals(result[1].constructor, ReadableStream, '1st element should be a ReadableStream');
}, 'ReadableStream teeing with byte source: rs.tee() returns an array of two ReadableStreams');

promise_test(async (t) => {
  const rs = new ReadableStream({
    type: 'bytes',
    start(c) {
      c.enqueue(new Uint8Array([0x01]));
      c.enqueue(new Uint8Array([0x02]));
      c.close();
    },
  });
  const [branch1, branch2] = rs.tee();
  const reader1 = branch1.getReader({ mode: 'byob' });
  const reader2 = branch2.getReader({ mode: 'byob' });
  reader2.closed.then(t.unreached_func('branch2 should not be closed'));
  {
    const result = await reader1.read(new Uint8Array(1));
    assert_false(result.done, 'done');
    assert_typed_array_equals(result.value, new Uint8Array([0x01]), 'value');
  }
  {
    const result = await reader1.read(new Uint8Array(1));
    assert_false(result.done, 'done');
    assert_typed_array_equals(result.value, new Uint8Array([0x02]), 'value');
  }
  {
    const result = await reader1.read(new Uint8Array(1));
    assert_true(result.done, 'done');
    assert_typed_array_equals(result.value, new Uint8Array([0]).subarray(0, 0), 'value');
  }
  {
    const result = await reader2.read(new Uint8Array(1));
    assert_false(result.done, 'done');
    assert_typed_array_equals(result.value, new Uint8Array([0x01]), 'value');
  }
  await reader1.closed;
}, 'ReadableStream teeing with byte source: should be able to read one branch to the end without affecting the other');

promise_test(async () => {
  let pullCount = 0;
  const enqueuedChunk = new Uint8Array([0x01]);
  const rs = new ReadableStream({
    type: 'bytes',
    pull(c) {
      ++pullCount;
      if (pullCount === 1) c.enqueue(enqueuedChunk);
    },
  }, { highWaterMark: 0 });
  const [branch1, branch2] = rs.tee();
  const reader1 = branch1.getReader();
  const reader2 = branch2.getReader();
  const [result1, result2] = await Promise.all([reader1.read(), reader2.read()]);
  assert_not_equals(result1.value, result2.value, 'chunks should be different objects');
  assert_not_equals(result1.value.buffer, result2.value.buffer, 'chunks should have different buffers');
  assert_typed_array_equals(result1.value, new Uint8Array([0x01]), 'first chunk from branch1 should be correct');
  assert_typed_array_equals(result2.value, new Uint8Array([0x01]), 'first chunk from branch2 should be correct');
  assert_equals(enqueuedChunk.byteLength, 0, 'the enqueued chunk was transferred');
}, 'ReadableStream teeing with byte source: chunks should be cloned for each branch');

promise_test(async (t) => {
  const theError = { name: 'boo!' };
  const rs = new ReadableStream({
    type: 'bytes',
    start(c) {
      c.enqueue(new Uint8Array([0x01]));
      c.enqueue(new Uint8Array([0x02]));
    },
    pull() { throw theError; },
  });
  const [branch1, branch2] = rs.tee();
  const reader1 = branch1.getReader({ mode: 'byob' });
  const reader2 = branch2.getReader({ mode: 'byob' });
  {
    const result = await reader1.read(new Uint8Array(1));
    assert_typed_array_equals(result.value, new Uint8Array([0x01]), 'value');
  }
  {
    const result = await reader1.read(new Uint8Array(1));
    assert_typed_array_equals(result.value, new Uint8Array([0x02]), 'value');
  }
  // The next read pulls from the source, whose pull() throws: both branches error (their queues are dropped).
  await promise_rejects_exactly(t, theError, reader1.read(new Uint8Array(1)));
  await promise_rejects_exactly(t, theError, reader2.read(new Uint8Array(1)));
  await Promise.all([promise_rejects_exactly(t, theError, reader1.closed), promise_rejects_exactly(t, theError, reader2.closed)]);
}, 'ReadableStream teeing with byte source: errors in the source should propagate to both branches');

promise_test(async () => {
  const rs = new ReadableStream({
    type: 'bytes',
    start(c) {
      c.enqueue(new Uint8Array([0x01]));
      c.enqueue(new Uint8Array([0x02]));
      c.close();
    },
  });
  const [branch1, branch2] = rs.tee();
  branch1.cancel();
  const [chunks1, chunks2] = await Promise.all([readableStreamToArray(branch1), readableStreamToArray(branch2)]);
  assert_array_equals(chunks1, [], 'branch1 should have no chunks');
  assert_equals(chunks2.length, 2, 'branch2 should have two chunks');
  assert_typed_array_equals(chunks2[0], new Uint8Array([0x01]), 'first chunk from branch2 should be correct');
  assert_typed_array_equals(chunks2[1], new Uint8Array([0x02]), 'second chunk from branch2 should be correct');
}, 'ReadableStream teeing with byte source: canceling branch1 should not impact branch2');

promise_test(async () => {
  const rs = new ReadableStream({
    type: 'bytes',
    start(c) {
      c.enqueue(new Uint8Array([0x01]));
      c.enqueue(new Uint8Array([0x02]));
      c.close();
    },
  });
  const [branch1, branch2] = rs.tee();
  branch2.cancel();
  const [chunks1, chunks2] = await Promise.all([readableStreamToArray(branch1), readableStreamToArray(branch2)]);
  assert_equals(chunks1.length, 2, 'branch1 should have two chunks');
  assert_typed_array_equals(chunks1[0], new Uint8Array([0x01]), 'first chunk from branch1 should be correct');
  assert_typed_array_equals(chunks1[1], new Uint8Array([0x02]), 'second chunk from branch1 should be correct');
  assert_array_equals(chunks2, [], 'branch2 should have no chunks');
}, 'ReadableStream teeing with byte source: canceling branch2 should not impact branch1');

promise_test(async () => {
  const reason1 = new Error('We\'re wanted men.');
  const reason2 = new Error('The answer is 42.');
  const rs = recordingReadableStream({ type: 'bytes' });
  const [branch1, branch2] = rs.tee();
  await Promise.all([branch1.cancel(reason1), branch2.cancel(reason2)]);
  assert_equals(rs.events.filter((e) => e === 'cancel').length, 1, 'the source is canceled once');
  const reasons = rs.eventsWithoutPulls[1];
  assert_array_equals(reasons, [reason1, reason2], 'the cancel reason should be an array containing those from the branches');
}, 'ReadableStream teeing with byte source: canceling both branches should aggregate the cancel reasons into an array');

promise_test(async (t) => {
  const theError = { name: 'I\'ll be careful next time, Dad!' };
  const rs = new ReadableStream({ type: 'bytes', cancel() { throw theError; } });
  const [branch1, branch2] = rs.tee();
  await Promise.all([promise_rejects_exactly(t, theError, branch1.cancel()), promise_rejects_exactly(t, theError, branch2.cancel())]);
}, 'ReadableStream teeing with byte source: failing to cancel the original stream should cause cancel() to reject on branches');

promise_test(async () => {
  let controller;
  const rs = new ReadableStream({ type: 'bytes', start(c) { controller = c; } });
  const [branch1, branch2] = rs.tee();
  const reader1 = branch1.getReader();
  const reader2 = branch2.getReader({ mode: 'byob' });
  // A byte tee closes its branches when a pending read on the original sees the close.
  const read1 = reader1.read();
  await flushAsyncEvents();
  controller.close();
  assert_true((await read1).done, 'the pending read sees the close');
  await Promise.all([reader1.closed, reader2.closed]);
}, 'ReadableStream teeing with byte source: closing the original should close the branches');

promise_test(async (t) => {
  let controller;
  const rs = new ReadableStream({ type: 'bytes', start(c) { controller = c; } });
  const [branch1, branch2] = rs.tee();
  const reader1 = branch1.getReader();
  const reader2 = branch2.getReader({ mode: 'byob' });
  const theError = { name: 'boo!' };
  const promise = Promise.all([promise_rejects_exactly(t, theError, reader1.closed), promise_rejects_exactly(t, theError, reader2.closed)]);
  controller.error(theError);
  await promise;
}, 'ReadableStream teeing with byte source: erroring the original should immediately error the branches');

promise_test(async () => {
  let byobRequest;
  const rs = new ReadableStream({
    type: 'bytes',
    pull(c) {
      byobRequest = c.byobRequest;
      const view = byobRequest.view;
      view[0] = 0x7f;
      byobRequest.respond(1);
    },
  });
  const [branch1, branch2] = rs.tee();
  const reader1 = branch1.getReader({ mode: 'byob' });
  const reader2 = branch2.getReader();
  const result1 = await reader1.read(new Uint8Array(4));
  assert_typed_array_equals(result1.value, new Uint8Array([0x7f, 0, 0, 0]).subarray(0, 1), 'branch1 reads into its own view');
  assert_not_equals(byobRequest, undefined, 'the source got a BYOB request from the branch1 read');
  const result2 = await reader2.read();
  assert_typed_array_equals(result2.value, new Uint8Array([0x7f]), 'branch2 gets a copy');
}, 'ReadableStream teeing with byte source: a BYOB read on one branch becomes a BYOB read on the source');

promise_test(async () => {
  const rs = new ReadableStream({
    type: 'bytes',
    start(c) {
      c.enqueue(new Uint8Array([1, 2, 3]));
      c.close();
    },
  });
  const [branch1, branch2] = rs.tee();
  const [a, b] = await Promise.all([readableStreamToArray(branch1), readableStreamToArray(branch2)]);
  assert_typed_array_equals(a[0], new Uint8Array([1, 2, 3]));
  assert_typed_array_equals(b[0], new Uint8Array([1, 2, 3]));
  assert_not_equals(a[0].buffer, b[0].buffer, 'the branches never share a buffer');
  a[0][0] = 99;
  assert_equals(b[0][0], 1, 'writing to one branch\'s chunk does not change the other\'s');
}, 'ReadableStream teeing with byte source: branch 2 gets a clone (cloneForBranch2)');
