// Reporting an uncaught exception or unhandled rejection: one header line, the offending source
// line with a caret, then the stack frames — each said once. Then the run ends with exit code 1.
const { ops } = internals;

function describe(value) {
  if (value instanceof Error || (value !== null && typeof value === "object" && typeof value.stack === "string" && "message" in value)) {
    const name = value.name ?? "Error";
    const message = String(value.message ?? "");
    return message === "" ? String(name) : `${name}: ${message}`;
  }
  return internals.inspect ? internals.inspect(value) : String(value);
}

// Prelude frames, the host function frames ClearScript adds and the dynamic import helper the loader
// appends to each module (Modules/DynamicImportRewriter.cs) are not the user's code.
function userFrames(stack) {
  return stack.split("\n").filter((line) => /^\s+at /.test(line) &&
    !/\besrun[:-](prelude|dispatch|import)/.test(line) && !line.includes("FastHostFunction") && !/^\s+at __dyni \(/.test(line));
}

function codeFrame(frames) {
  for (const frame of frames) {
    const match = /\(?((?:file:\/\/)?[^()\s]+?):(\d+):(\d+)\)?$/.exec(frame);
    if (match === null) continue;
    const [, file, line, column] = match;
    const text = ops.sourceLine(file, Number(line));
    if (text === null) return "";
    const col = Math.max(0, Number(column) - 1);
    const indent = text.slice(0, col).replace(/[^\t]/g, " ");
    return `${text}\n${indent}^\n`;
  }
  return "";
}

internals.formatUncaught = (value, inPromise) => {
  const prefix = inPromise ? "error: Uncaught (in promise) " : "error: Uncaught ";
  if (value !== null && typeof value === "object" && value[internals.moduleErrorMark] === true) {
    return `error: ${value.message}\n`;
  }
  const header = prefix + describe(value) + "\n";
  const stack = value !== null && typeof value === "object" && typeof value.stack === "string" ? value.stack : "";
  const frames = userFrames(stack);
  // A module that did not compile: its location is not among the frames (modules.js).
  const at = value !== null && typeof value === "object" ? value[internals.sourceLocation] : undefined;
  if (typeof at === "string") frames.unshift(`    at ${at}`);
  return header + codeFrame(frames) + frames.map((f) => f + "\n").join("");
};

internals.printUncaught = (value, inPromise) => {
  let text;
  try {
    text = internals.formatUncaught(value, inPromise);
  } catch {
    text = "error: Uncaught exception (could not be formatted)\n";
  }
  ops.print(2, text);
  // An unhandled rejection is reported after its macrotask: stop now. An uncaught exception is
  // reported and script goes on (the rest of a dispatch's listeners, HTML's "report the
  // exception"); the run ends with the current macrotask.
  if (inPromise) ops.fatal(1);
  else ops.fatalAfterTask(1);
};

// Replaced by Web/Events/global_events.js, which fires "error" at the global object first.
internals.reportException = (value, inPromise) => internals.printUncaught(value, inPromise);

internals.defineGlobal("reportError", function reportError(error) {
  if (arguments.length === 0) throw new TypeError("reportError: 1 argument required, but only 0 present");
  internals.reportException(error, false);
});
