// performance.now() reads the clock provider; without the HrTime capability the op coarsens it.
const { ops } = internals;
const timeOrigin = ops.timeOrigin();

class Performance {
  now() {
    if (!(this instanceof Performance)) throw new TypeError("Illegal invocation");
    return ops.monoNow();
  }
  get timeOrigin() {
    if (!(this instanceof Performance)) throw new TypeError("Illegal invocation");
    return timeOrigin;
  }
  toJSON() {
    return { timeOrigin };
  }
  get [Symbol.toStringTag]() {
    return "Performance";
  }
}
Object.defineProperty(Performance.prototype, "timeOrigin", { enumerable: true });
internals.defineGlobal("Performance", Performance);
internals.defineGlobal("performance", new Performance());
