// atob and btoa (HTML "forgiving-base64"). The work runs in C# (Base64.cs): a vectorized Latin-1
// check and base64 conversion beat a JS loop once strings pass a few dozen chars.
const { ops } = internals;
const retype = internals.retype;
const flatten = internals.flatten; // see encoding.js: ropes are copied at every op call otherwise
const opAtob = ops.atob;
const opBtoa = ops.btoa;

const required = (name, count) => {
  if (count < 1) throw new TypeError(`${name}: 1 argument required, but only 0 present.`);
};

function btoa(data) {
  required("btoa", arguments.length);
  const s = `${data}`;
  try {
    return opBtoa(flatten(s));
  } catch (error) {
    throw retype(error);
  }
}

function atob(data) {
  required("atob", arguments.length);
  const s = `${data}`;
  try {
    return opAtob(flatten(s));
  } catch (error) {
    throw retype(error);
  }
}

// Web IDL: operations of the global scope (unlike interface objects) are enumerable.
for (const fn of [btoa, atob]) {
  Object.defineProperty(globalThis, fn.name, { value: fn, writable: true, enumerable: true, configurable: true });
}
internals.atob = atob;
