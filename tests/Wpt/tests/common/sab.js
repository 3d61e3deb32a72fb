// createBuffer(type, length, opts): an ArrayBuffer or a SharedArrayBuffer of the given length, as
// upstream's /common/sab.js provides (there through WebAssembly.Memory when the global is hidden).
function createBuffer(type, length, opts) {
  if (type === "ArrayBuffer") return new ArrayBuffer(length, opts);
  if (type === "SharedArrayBuffer") {
    if (typeof SharedArrayBuffer === "function") return new SharedArrayBuffer(length, opts);
    const memory = new WebAssembly.Memory({ initial: 0, maximum: 1, shared: true });
    return new memory.buffer.constructor(length, opts);
  }
  throw new TypeError(`createBuffer: unknown type ${type}`);
}
