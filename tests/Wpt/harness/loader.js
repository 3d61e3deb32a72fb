// The end of every WPT entry module (tests/Wpt/Runner/WptEntry.cs puts `const wpt = {…}` before
// it). Written for esrun's WPT runner. Indirect eval runs a script as a classic script in the global
// scope — top-level `var` and functions land on the global object — as importScripts would.
const evaluate = eval;

evaluate(wpt.environment)(wpt.config);
evaluate(wpt.harness + "\n//# sourceURL=/resources/testharness.js\n");
evaluate(wpt.reporter)(wpt.config);
try {
  evaluate(wpt.test);
} catch (error) {
  // As a worker reports a script's uncaught exception: testharness.js's "error" listener makes it the
  // harness status. A runtime without reportError (node) ends here instead.
  if (typeof reportError !== "function") throw error;
  reportError(error);
}
