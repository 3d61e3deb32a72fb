// atob and btoa (HTML "forgiving-base64"). V8's Uint8Array toBase64 and setFromBase64 (whose default
// "loose" decoding is forgiving-base64) do the base64 over the transfer buffer, and one op each does
// what JS is slow at, Latin-1 string <-> bytes: so only one string crosses per call (D66). Strings
// whose bytes do not fit the buffer, or an engine without those methods, go through C# (Base64.cs).
const { ops } = internals;
const retype = internals.retype;
const flatten = internals.flatten; // see encoding.js: ropes are copied at every op call otherwise
const opAtob = ops.atob;
const opBtoa = ops.btoa;
const opLatin1Bytes = ops.latin1Bytes;
const opLatin1String = ops.latin1String;
const scratch = internals.transferU8.subarray(0, internals.transferLimit);
// Captured now, so that a script replacing Uint8Array.prototype methods cannot change atob and btoa.
const uncurryThis = Function.prototype.bind.bind(Function.prototype.call);
const U8 = Uint8Array.prototype;
const native = typeof U8.toBase64 === "function" && typeof U8.setFromBase64 === "function";
const toBase64 = native ? uncurryThis(U8.toBase64) : undefined;
const setFromBase64 = native ? uncurryThis(U8.setFromBase64) : undefined;
const subarray = uncurryThis(Object.getPrototypeOf(U8).subarray);

const required = (name, count) => {
  if (count < 1) throw new TypeError(`${name}: 1 argument required, but only 0 present.`);
};

function btoa(data) {
  required("btoa", arguments.length);
  const s = flatten(`${data}`);
  try {
    if (native) {
      const n = opLatin1Bytes(s);
      if (n >= 0) return toBase64(subarray(scratch, 0, n));
    }
    return opBtoa(s);
  } catch (error) {
    throw retype(error);
  }
}

function atob(data) {
  required("atob", arguments.length);
  const s = flatten(`${data}`);
  if (native) {
    let result;
    try {
      result = setFromBase64(scratch, s);
    } catch {
      throw new internals.DOMException("The string to be decoded is not correctly encoded.", "InvalidCharacterError");
    }
    if (result.read === s.length) return opLatin1String(result.written);
  }
  try {
    return opAtob(s);
  } catch (error) {
    throw retype(error);
  }
}

// Web IDL: operations of the global scope (unlike interface objects) are enumerable.
for (const fn of [btoa, atob]) {
  Object.defineProperty(globalThis, fn.name, { value: fn, writable: true, enumerable: true, configurable: true });
}
internals.atob = atob;
