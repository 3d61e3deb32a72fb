// Helpers shared by the streams tests (our own versions of what upstream's streams/resources offer).
'use strict';

self.delay = (ms) => new Promise((resolve) => step_timeout(resolve, ms));

// Four trips around the event loop: enough for any reasonable implementation to finish its work.
self.flushAsyncEvents = () => delay(0).then(() => delay(0)).then(() => delay(0)).then(() => delay(0));

self.methodRejects = (t, obj, methodName, target, args) =>
  promise_rejects_js(t, TypeError, obj[methodName].apply(target, args), `${methodName} should reject with a TypeError`);

self.methodThrows = (obj, methodName, target, args) =>
  assert_throws_js(TypeError, () => obj[methodName].apply(target, args), `${methodName} should throw a TypeError`);

self.getterRejects = (t, obj, getterName, target) => {
  const getter = Object.getOwnPropertyDescriptor(obj, getterName).get;
  return promise_rejects_js(t, TypeError, getter.call(target), `${getterName} should reject with a TypeError`);
};

self.getterThrows = (obj, getterName, target) => {
  const getter = Object.getOwnPropertyDescriptor(obj, getterName).get;
  assert_throws_js(TypeError, () => getter.call(target), `${getterName} should throw a TypeError`);
};

self.assert_typed_array_equals = (actual, expected, message) => {
  const prefix = message === undefined ? '' : `${message} `;
  assert_equals(typeof actual, 'object', `${prefix}type is object`);
  assert_equals(actual.constructor, expected.constructor, `${prefix}constructor`);
  assert_equals(actual.byteOffset, expected.byteOffset, `${prefix}byteOffset`);
  assert_equals(actual.byteLength, expected.byteLength, `${prefix}byteLength`);
  assert_equals(actual.buffer.byteLength, expected.buffer.byteLength, `${prefix}buffer.byteLength`);
  assert_array_equals([...actual], [...expected], `${prefix}contents`);
  assert_array_equals([...new Uint8Array(actual.buffer)], [...new Uint8Array(expected.buffer)], `${prefix}buffer contents`);
};

self.makePromiseAndResolveFunc = () => {
  let resolve;
  const promise = new Promise((r) => { resolve = r; });
  return [promise, resolve];
};

self.garbageValues = [undefined, null, true, 'a', 1, Symbol(), {}];
