// Everything a script could read from the world without an op is routed to one here, so that a
// run is a function of its providers' answers: Date reads the clock provider, Math.random is a
// PRNG seeded from the entropy provider, and Intl formatting without a date uses that Date.
const { ops } = internals;
const NativeDate = globalThis.Date;

// Math.random: xoshiro128** seeded lazily with 16 bytes of provider entropy (no entropy is drawn
// by a script that never calls it).
let s0 = 0, s1 = 0, s2 = 0, s3 = 0, seeded = false;
function seed() {
  ops.entropyFill(16);
  const u32 = internals.transferU32;
  s0 = u32[0] | 0; s1 = u32[1] | 0; s2 = u32[2] | 0; s3 = u32[3] | 0;
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  seeded = true;
}
function next32() {
  const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
  const t = s1 << 9;
  s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11);
  return result;
}
function rotl(x, k) { return (x << k) | (x >>> (32 - k)); }
Object.defineProperty(Math, "random", {
  value: function random() {
    if (!seeded) seed();
    // 53 random bits, as V8's own Math.random gives.
    return ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
  },
  writable: true, configurable: true, enumerable: false,
});

// Date: same prototype and statics, but "now" comes from the clock provider.
// A named function expression: a declaration named Date would shadow the global above.
const Date = function Date(...args) {
  if (new.target === undefined) return new NativeDate(ops.wallNow()).toString();
  if (args.length === 0) return Reflect.construct(NativeDate, [ops.wallNow()], new.target);
  return Reflect.construct(NativeDate, args, new.target);
};
Object.defineProperty(Date, "length", { value: 7 });
Object.defineProperty(Date, "prototype", { value: NativeDate.prototype, writable: false });
Object.defineProperty(NativeDate.prototype, "constructor", { value: Date, writable: true, configurable: true });
Object.defineProperty(Date, "now", { value: function now() { return ops.wallNow(); }, writable: true, configurable: true });
Object.defineProperty(Date, "parse", { value: NativeDate.parse, writable: true, configurable: true });
Object.defineProperty(Date, "UTC", { value: NativeDate.UTC, writable: true, configurable: true });
internals.defineGlobal("Date", Date);

// Intl.DateTimeFormat#format()/formatToParts() with no date read the real clock inside V8.
if (typeof Intl === "object") {
  const proto = Intl.DateTimeFormat.prototype;
  const formatGetter = Object.getOwnPropertyDescriptor(proto, "format").get;
  Object.defineProperty(proto, "format", {
    get() {
      const bound = Reflect.apply(formatGetter, this, []);
      return (date) => bound(date === undefined ? ops.wallNow() : date);
    },
    configurable: true, enumerable: false,
  });
  const nativeFormatToParts = proto.formatToParts;
  Object.defineProperty(proto, "formatToParts", {
    value: function formatToParts(date) { return Reflect.apply(nativeFormatToParts, this, [date === undefined ? ops.wallNow() : date]); },
    writable: true, configurable: true,
  });
}

// --audit: count each touch of ambient nondeterminism (the report says what was done about it).
const audit = ops.auditEnabled();
const touch = audit ? (what) => ops.auditTouch(what) : () => {};

// Simulated, recorded and replayed runs: remove what V8 leaks of real time and thread scheduling.
if (ops.deterministic()) {
  // Garbage collection timing decides when a FinalizationRegistry callback runs and when a WeakRef
  // empties. Here callbacks never run and a WeakRef holds its target strongly.
  class FinalizationRegistry {
    #held = new Map();
    constructor(cleanup) {
      if (typeof cleanup !== "function") throw new TypeError("FinalizationRegistry: cleanup must be callable");
      touch("finalization");
    }
    register(target, heldValue, token) { if (token !== undefined) this.#held.set(token, heldValue); }
    unregister(token) { return this.#held.delete(token); }
    get [Symbol.toStringTag]() { return "FinalizationRegistry"; }
  }
  class WeakRef {
    #target;
    constructor(target) {
      if (target === null || (typeof target !== "object" && typeof target !== "function")) throw new TypeError("WeakRef: invalid target");
      touch("weakref");
      this.#target = target;
    }
    deref() { return this.#target; }
    get [Symbol.toStringTag]() { return "WeakRef"; }
  }
  internals.defineGlobal("FinalizationRegistry", FinalizationRegistry);
  internals.defineGlobal("WeakRef", WeakRef);
  // Atomics.waitAsync resolves from V8's own timer thread; Atomics.wait blocks on the real clock.
  delete Atomics.waitAsync;
  delete Atomics.wait;
  if (audit) {
    for (const name of ["wait", "waitAsync"]) {
      Object.defineProperty(Atomics, name, { get() { touch("atomics.wait"); return undefined; }, configurable: true, enumerable: false });
    }
  }
}

// Audited only: the wrappers cost a call each, so ordinary runs keep the engine's own functions.
if (audit) {
  const counted = (target, what) => new Proxy(target, {
    construct(t, args, newTarget) { touch(what); return Reflect.construct(t, args, newTarget); },
    apply(t, self, args) { touch(what); return Reflect.apply(t, self, args); },
  });
  if (typeof SharedArrayBuffer === "function") internals.defineGlobal("SharedArrayBuffer", counted(SharedArrayBuffer, "sab"));
  for (const name of ["DateTimeFormat", "NumberFormat", "Collator", "PluralRules", "RelativeTimeFormat", "ListFormat", "Segmenter", "DisplayNames"]) {
    if (typeof Intl[name] === "function") Object.defineProperty(Intl, name, { value: counted(Intl[name], "locale"), writable: true, configurable: true, enumerable: false });
  }
  const wrap = (proto, names, what) => {
    for (const name of names) {
      const native = proto[name];
      if (typeof native !== "function") continue;
      Object.defineProperty(proto, name, {
        value: { [name](...args) { touch(what); return Reflect.apply(native, this, args); } }[name],
        writable: true, configurable: true, enumerable: false,
      });
    }
  };
  wrap(Date.prototype, ["toLocaleString", "toLocaleDateString", "toLocaleTimeString"], "locale");
  wrap(Number.prototype, ["toLocaleString"], "locale");
  wrap(String.prototype, ["localeCompare", "toLocaleUpperCase", "toLocaleLowerCase"], "locale");
  wrap(Date.prototype, ["toString", "toDateString", "toTimeString", "getTimezoneOffset", "getHours", "getDate", "getDay", "getMonth",
    "getFullYear", "getMinutes", "setHours", "setDate", "setMonth", "setFullYear"], "timezone");
}

// WebAssembly's async compilation finishes on V8's background threads and settles from a task the
// loop cannot see: outside a deterministic run the program could end (or the engine be disposed)
// while it is pending, and its settling order is the threads'. So compile synchronously, always, and
// settle as an ordinary promise on the loop thread. The streaming variants take a Response.
if (typeof WebAssembly === "object") {
  const { Module, Instance } = WebAssembly;
  const compile = async (bytes) => { touch("wasm.async"); return new Module(bytes); };
  const instantiate = async (source, imports) => {
    touch("wasm.async");
    if (source instanceof Module) return new Instance(source, imports);
    const module = new Module(source);
    return { module, instance: new Instance(module, imports) };
  };
  const streamed = async (source) => new Uint8Array(await (await source).arrayBuffer());
  const methods = {
    compile(bytes) { return compile(bytes); },
    instantiate(source, imports) { return instantiate(source, imports); },
    async compileStreaming(source) { return compile(await streamed(source)); },
    async instantiateStreaming(source, imports) { return instantiate(await streamed(source), imports); },
  };
  for (const name of Object.keys(methods)) {
    Object.defineProperty(WebAssembly, name, { value: methods[name], writable: true, configurable: true, enumerable: false });
  }
}
