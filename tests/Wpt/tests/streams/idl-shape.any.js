// META: global=window,worker
// Restated from what web-platform-tests streams/idlharness.any.js checks of the Streams IDL:
// interface objects, constructors, operation lengths, attribute accessors, @@toStringTag, brand checks.
'use strict';

const interfaces = {
  ReadableStream: {
    ctorLength: 0, constructible: true, statics: { from: 1 },
    ops: { cancel: 0, getReader: 0, pipeThrough: 1, pipeTo: 1, tee: 0, values: 0 }, attrs: ['locked'],
  },
  ReadableStreamDefaultReader: { ctorLength: 1, constructible: true, ops: { read: 0, releaseLock: 0, cancel: 0 }, attrs: ['closed'] },
  ReadableStreamBYOBReader: { ctorLength: 1, constructible: true, ops: { read: 1, releaseLock: 0, cancel: 0 }, attrs: ['closed'] },
  ReadableStreamDefaultController: { ctorLength: 0, constructible: false, ops: { close: 0, enqueue: 0, error: 0 }, attrs: ['desiredSize'] },
  ReadableByteStreamController: { ctorLength: 0, constructible: false, ops: { close: 0, enqueue: 1, error: 0 }, attrs: ['byobRequest', 'desiredSize'] },
  ReadableStreamBYOBRequest: { ctorLength: 0, constructible: false, ops: { respond: 1, respondWithNewView: 1 }, attrs: ['view'] },
  WritableStream: { ctorLength: 0, constructible: true, ops: { abort: 0, close: 0, getWriter: 0 }, attrs: ['locked'] },
  WritableStreamDefaultWriter: {
    ctorLength: 1, constructible: true, ops: { abort: 0, close: 0, releaseLock: 0, write: 0 }, attrs: ['closed', 'desiredSize', 'ready'],
  },
  WritableStreamDefaultController: { ctorLength: 0, constructible: false, ops: { error: 0 }, attrs: ['signal'] },
  TransformStream: { ctorLength: 0, constructible: true, ops: {}, attrs: ['readable', 'writable'] },
  TransformStreamDefaultController: { ctorLength: 0, constructible: false, ops: { enqueue: 0, error: 0, terminate: 0 }, attrs: ['desiredSize'] },
  ByteLengthQueuingStrategy: { ctorLength: 1, constructible: true, ops: {}, attrs: ['highWaterMark', 'size'] },
  CountQueuingStrategy: { ctorLength: 1, constructible: true, ops: {}, attrs: ['highWaterMark', 'size'] },
};

for (const [name, shape] of Object.entries(interfaces)) {
  test(() => {
    const d = Object.getOwnPropertyDescriptor(self, name);
    assert_equals(typeof d.value, 'function', `${name} is a global function`);
    assert_false(d.enumerable, `${name} is not enumerable on the global`);
    assert_true(d.writable && d.configurable, `${name} is writable and configurable on the global`);
    const ctor = d.value;
    assert_equals(ctor.name, name, 'name');
    assert_equals(ctor.length, shape.ctorLength, 'length');
    const protoDesc = Object.getOwnPropertyDescriptor(ctor, 'prototype');
    assert_false(protoDesc.writable || protoDesc.enumerable || protoDesc.configurable, 'prototype is read-only');
  }, `${name}: interface object`);

  test(() => {
    const proto = self[name].prototype;
    const tag = Object.getOwnPropertyDescriptor(proto, Symbol.toStringTag);
    assert_equals(tag.value, name, '@@toStringTag value');
    assert_false(tag.writable || tag.enumerable, '@@toStringTag is neither writable nor enumerable');
    assert_true(tag.configurable, '@@toStringTag is configurable');
    assert_equals(Object.prototype.toString.call(proto), `[object ${name}]`);
  }, `${name}: @@toStringTag`);

  test(() => {
    const proto = self[name].prototype;
    for (const [op, length] of Object.entries(shape.ops)) {
      const d = Object.getOwnPropertyDescriptor(proto, op);
      assert_equals(typeof d.value, 'function', `${op} is a method`);
      assert_true(d.enumerable && d.writable && d.configurable, `${op} is enumerable, writable and configurable`);
      assert_equals(d.value.length, length, `${op}.length`);
      assert_equals(d.value.name, op, `${op}.name`);
    }
    for (const attr of shape.attrs) {
      const d = Object.getOwnPropertyDescriptor(proto, attr);
      assert_equals(typeof d.get, 'function', `${attr} has a getter`);
      assert_equals(d.set, undefined, `${attr} has no setter`);
      assert_true(d.enumerable && d.configurable, `${attr} is enumerable and configurable`);
      assert_equals(d.get.name, `get ${attr}`, `${attr} getter name`);
      assert_equals(d.get.length, 0, `${attr} getter length`);
    }
    for (const [op, length] of Object.entries(shape.statics || {})) {
      const d = Object.getOwnPropertyDescriptor(self[name], op);
      assert_true(d.enumerable, `static ${op} is enumerable`);
      assert_equals(d.value.length, length, `static ${op}.length`);
    }
  }, `${name}: members`);

  if (!shape.constructible) {
    test(() => {
      assert_throws_js(TypeError, () => new self[name](), 'constructing throws');
      assert_throws_js(TypeError, () => self[name](), 'calling throws');
    }, `${name}: cannot be constructed`);
  } else {
    test(() => {
      assert_throws_js(TypeError, () => self[name](new ReadableStream()), 'calling without new throws');
    }, `${name}: cannot be called without new`);
  }

  test(() => {
    const proto = self[name].prototype;
    const fake = Object.create(proto);
    for (const attr of shape.attrs) {
      const get = Object.getOwnPropertyDescriptor(proto, attr).get;
      let threw = false;
      try {
        const result = get.call(fake);
        if (result instanceof Promise) result.catch(() => {});
        else assert_unreached(`${attr} getter returned for a fake object`);
      } catch (e) {
        assert_equals(e.constructor, TypeError, `${attr} throws a TypeError`);
        threw = true;
      }
    }
  }, `${name}: attribute getters check their receiver`);
}

promise_test(async (t) => {
  const methodsReturningPromises = [
    [ReadableStream.prototype, 'cancel'], [ReadableStream.prototype, 'pipeTo'],
    [ReadableStreamDefaultReader.prototype, 'read'], [ReadableStreamDefaultReader.prototype, 'cancel'],
    [ReadableStreamBYOBReader.prototype, 'read'], [ReadableStreamBYOBReader.prototype, 'cancel'],
    [WritableStream.prototype, 'abort'], [WritableStream.prototype, 'close'],
    [WritableStreamDefaultWriter.prototype, 'write'], [WritableStreamDefaultWriter.prototype, 'close'],
    [WritableStreamDefaultWriter.prototype, 'abort'],
  ];
  for (const [proto, method] of methodsReturningPromises) {
    await promise_rejects_js(t, TypeError, proto[method].call({}), `${proto[Symbol.toStringTag]}.${method} rejects for a fake this`);
  }
  const promiseGetters = [
    [ReadableStreamDefaultReader.prototype, 'closed'], [ReadableStreamBYOBReader.prototype, 'closed'],
    [WritableStreamDefaultWriter.prototype, 'closed'], [WritableStreamDefaultWriter.prototype, 'ready'],
  ];
  for (const [proto, attr] of promiseGetters) {
    await promise_rejects_js(t, TypeError, Object.getOwnPropertyDescriptor(proto, attr).get.call({}), `${attr} rejects for a fake this`);
  }
}, 'Promise-returning members reject (not throw) for a wrong this');

test(() => {
  const throwingMethods = [
    [ReadableStream.prototype, 'getReader'], [ReadableStream.prototype, 'tee'], [ReadableStream.prototype, 'pipeThrough'],
    [ReadableStream.prototype, 'values'], [ReadableStreamDefaultReader.prototype, 'releaseLock'],
    [ReadableStreamBYOBReader.prototype, 'releaseLock'], [WritableStream.prototype, 'getWriter'],
    [WritableStreamDefaultWriter.prototype, 'releaseLock'], [WritableStreamDefaultController.prototype, 'error'],
    [TransformStreamDefaultController.prototype, 'enqueue'], [TransformStreamDefaultController.prototype, 'error'],
    [TransformStreamDefaultController.prototype, 'terminate'], [ReadableByteStreamController.prototype, 'close'],
    [ReadableStreamBYOBRequest.prototype, 'respond'], [ReadableStreamBYOBRequest.prototype, 'respondWithNewView'],
  ];
  for (const [proto, method] of throwingMethods) {
    assert_throws_js(TypeError, () => proto[method].call({}, new Uint8Array(1)), `${proto[Symbol.toStringTag]}.${method} throws for a fake this`);
  }
}, 'Other members throw for a wrong this');

promise_test(async () => {
  const rs = new ReadableStream({ start(c) { c.enqueue(1); c.close(); } });
  const reader = rs.getReader();
  const result = await reader.read();
  assert_equals(Object.getPrototypeOf(result), Object.prototype, 'read() results are plain objects');
  assert_array_equals(Object.keys(result), ['value', 'done'], 'in value, done order');
}, 'read() results are ordinary objects');

test(() => {
  const ws = new WritableStream({ start(c) { assert_true(c.signal instanceof AbortSignal, 'signal is an AbortSignal'); } });
  assert_false(ws.locked);
}, 'WritableStreamDefaultController.signal is an AbortSignal');
