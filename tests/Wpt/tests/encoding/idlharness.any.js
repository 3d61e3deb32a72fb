// META: title=Encoding API: Web IDL shape
// Restates the checks upstream encoding/idlharness.any.js makes through idlharness.js for
// TextEncoder and TextDecoder (interface objects, prototypes, attributes, operations, brand
// checks), plus those html/webappapis/atob's IDL test makes for atob() and btoa().

function checkInterface(name, ctorLength, members, makeInstance) {
  const I = globalThis[name];

  test(() => {
    const desc = Object.getOwnPropertyDescriptor(globalThis, name);
    assert_equals(typeof desc.value, "function", "is a function");
    assert_true(desc.writable, "writable");
    assert_false(desc.enumerable, "enumerable");
    assert_true(desc.configurable, "configurable");
    assert_equals(Object.getPrototypeOf(I), Function.prototype, "[[Prototype]]");
    assert_throws_js(TypeError, () => I(), "calling without new");
  }, `${name} interface: existence and properties of interface object`);

  test(() => {
    assert_equals(I.length, ctorLength);
  }, `${name} interface object length`);

  test(() => {
    assert_equals(I.name, name);
  }, `${name} interface object name`);

  test(() => {
    const desc = Object.getOwnPropertyDescriptor(I, "prototype");
    assert_false(desc.writable, "writable");
    assert_false(desc.enumerable, "enumerable");
    assert_false(desc.configurable, "configurable");
    assert_equals(Object.getPrototypeOf(I.prototype), Object.prototype, "[[Prototype]]");
    assert_class_string(I.prototype, name, "class string of the prototype");
  }, `${name} interface: existence and properties of interface prototype object`);

  test(() => {
    const desc = Object.getOwnPropertyDescriptor(I.prototype, "constructor");
    assert_equals(desc.value, I);
    assert_true(desc.writable, "writable");
    assert_false(desc.enumerable, "enumerable");
    assert_true(desc.configurable, "configurable");
  }, `${name} interface: existence and properties of interface prototype object's "constructor" property`);

  test(() => {
    const desc = Object.getOwnPropertyDescriptor(I.prototype, Symbol.toStringTag);
    assert_equals(desc.value, name);
    assert_false(desc.writable, "writable");
    assert_false(desc.enumerable, "enumerable");
    assert_true(desc.configurable, "configurable");
  }, `${name} interface: @@toStringTag`);

  test(() => {
    const instance = makeInstance();
    assert_equals(Object.getPrototypeOf(instance), I.prototype);
  }, `${name} must be primary interface of new ${name}()`);

  test(() => {
    assert_class_string(makeInstance(), name);
  }, `Stringification of new ${name}()`);

  for (const member of members) {
    if (member.attribute) {
      test(() => {
        const desc = Object.getOwnPropertyDescriptor(I.prototype, member.attribute);
        assert_equals(typeof desc.get, "function", "getter");
        assert_equals(desc.set, undefined, "no setter");
        assert_true(desc.enumerable, "enumerable");
        assert_true(desc.configurable, "configurable");
        assert_equals(desc.get.name, `get ${member.attribute}`, "getter name");
        assert_equals(desc.get.length, 0, "getter length");
        assert_throws_js(TypeError, () => desc.get.call({}), "getter on a plain object");
        assert_throws_js(TypeError, () => I.prototype[member.attribute], "getter on the prototype");
        assert_equals(typeof makeInstance()[member.attribute], member.type, "type of the value");
      }, `${name} interface: attribute ${member.attribute}`);
    } else {
      test(() => {
        const desc = Object.getOwnPropertyDescriptor(I.prototype, member.operation);
        assert_equals(typeof desc.value, "function", "is a function");
        assert_true(desc.writable, "writable");
        assert_true(desc.enumerable, "enumerable");
        assert_true(desc.configurable, "configurable");
        assert_equals(desc.value.name, member.operation, "name");
        assert_equals(desc.value.length, member.length, "length");
        assert_throws_js(TypeError, () => desc.value.call({}), "called on a plain object");
        assert_throws_js(TypeError, () => new desc.value(), "is not a constructor");
      }, `${name} interface: operation ${member.signature}`);

      if (member.length > 0) {
        test(() => {
          const instance = makeInstance();
          assert_throws_js(TypeError, () => instance[member.operation]());
        }, `${name} interface: calling ${member.signature} on new ${name}() with too few arguments must throw TypeError`);
      }
    }
  }
}

checkInterface("TextEncoder", 0, [
  { attribute: "encoding", type: "string" },
  { operation: "encode", length: 0, signature: "encode(optional USVString)" },
  { operation: "encodeInto", length: 2, signature: "encodeInto(USVString, Uint8Array)" },
], () => new TextEncoder());

checkInterface("TextDecoder", 0, [
  { attribute: "encoding", type: "string" },
  { attribute: "fatal", type: "boolean" },
  { attribute: "ignoreBOM", type: "boolean" },
  { operation: "decode", length: 0, signature: "decode(optional AllowSharedBufferSource, optional TextDecodeOptions)" },
], () => new TextDecoder());

for (const name of ["atob", "btoa"]) {
  test(() => {
    const desc = Object.getOwnPropertyDescriptor(globalThis, name);
    assert_equals(typeof desc.value, "function", "is a function");
    assert_true(desc.writable, "writable");
    assert_true(desc.enumerable, "enumerable");
    assert_true(desc.configurable, "configurable");
    assert_equals(desc.value.name, name, "name");
    assert_equals(desc.value.length, 1, "length");
    assert_throws_js(TypeError, () => desc.value(), "too few arguments");
  }, `WindowOrWorkerGlobalScope interface: operation ${name}(DOMString)`);
}

test(() => {
  assert_throws_js(TypeError, () => new TextDecoder("utf-8", 1), "a number is not a dictionary");
  assert_throws_js(TypeError, () => new TextDecoder().decode(new Uint8Array(1), 1), "a number is not a dictionary");
  assert_throws_js(TypeError, () => new TextDecoder().decode([1, 2]), "an array is not a BufferSource");
  assert_throws_js(TypeError, () => new TextDecoder().decode("abc"), "a string is not a BufferSource");
}, "TextDecoder argument conversions");

test(() => {
  // Each BufferSource flavour decodes the bytes it views.
  const bytes = new Uint8Array([0x00, 0x61, 0x62, 0x63, 0x00]);
  const decoder = new TextDecoder();
  assert_equals(decoder.decode(bytes.buffer), "\0abc\0", "ArrayBuffer");
  assert_equals(decoder.decode(new DataView(bytes.buffer, 1, 3)), "abc", "DataView");
  assert_equals(decoder.decode(new Uint8Array(bytes.buffer, 1, 3)), "abc", "Uint8Array");
  assert_equals(decoder.decode(new Uint16Array(bytes.buffer.slice(1, 5))), "abc\0", "Uint16Array");
}, "TextDecoder decodes every kind of BufferSource");
