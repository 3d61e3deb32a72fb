// TEMPORARY stand-in until console.js lands (remove then).
const line = (args) => (internals.format ? internals.format(...args) : args.join(" ")) + "\n";
internals.defineGlobal("console", {
  log: (...a) => internals.ops.print(1, line(a)),
  info: (...a) => internals.ops.print(1, line(a)),
  error: (...a) => internals.ops.print(2, line(a)),
  warn: (...a) => internals.ops.print(2, line(a)),
});
