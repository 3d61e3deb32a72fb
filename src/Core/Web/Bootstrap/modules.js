// Dynamic import through our own op: the target graph is evaluated by a synthetic module that
// publishes its namespace here, and the evaluation promise tells when top-level await settled.
const { ops } = internals;
const namespaces = new Map();  // url -> namespace, once evaluated
const loading = new Map();     // url -> Promise<namespace>
const expected = new Set();    // urls whose synthetic importer is being evaluated
const moduleErrorMark = Symbol("esrun.moduleError");
internals.moduleErrorMark = moduleErrorMark;
const then = Promise.prototype.then;
const SyntaxErrorType = SyntaxError;
// A module that does not compile throws a SyntaxError with no stack frame in it: where V8 found the
// error is kept on the error under this key, for the report's code frame (report.js).
const sourceLocation = Symbol("esrun.sourceLocation");
internals.sourceLocation = sourceLocation;

function moduleError(message) {
  const error = new TypeError(message);
  error[moduleErrorMark] = true;
  return error;
}

Object.defineProperty(globalThis, "__esrun_publish", {
  value(url, namespace) { if (expected.delete(url)) namespaces.set(url, namespace); },
  enumerable: false, writable: false, configurable: false,
});

function importModule(specifier, referrer) {
  // import() converts its argument with ToString (a Symbol is a TypeError), before any resolution.
  let text;
  try {
    text = `${specifier}`;
  } catch (error) {
    return Promise.reject(error);
  }
  let url;
  try {
    url = internals.call(ops.resolve, text, referrer ?? "");
  } catch (error) {
    return Promise.reject(error instanceof TypeError ? moduleError(error.message) : error);
  }
  let pending = loading.get(url);
  if (pending === undefined) {
    pending = evaluate(url);
    loading.set(url, pending);
  }
  return pending;
}

function evaluate(url) {
  expected.add(url);
  const result = ops.importEval(url);
  const status = internals.transferU32[0];
  if (status === 1) return Promise.reject(located(result));
  if (status === 2) return Promise.reject(moduleError(String(result)));
  const done = () => namespaces.get(url);
  if (!(result instanceof Promise)) return Promise.resolve(done());
  // C# must know while a graph is still evaluating (see RuntimeContext.Exit).
  ops.asyncModules(1);
  const settled = () => { try { ops.asyncModules(-1); } catch { /* the run is ending */ } };
  Reflect.apply(then, result, [settled, settled]);
  return Reflect.apply(then, result, [done]);
}
internals.importModule = importModule;

/** The namespace of an evaluated module, by canonical URL (the embedder calls the main module's exports). */
internals.namespaceOf = (url) => namespaces.get(url);

function located(error) {
  const at = ops.syntaxErrorAt();
  if (at !== null && error instanceof SyntaxErrorType && !String(error.stack).includes(at)) {
    Object.defineProperty(error, sourceLocation, { value: at });
  }
  return error;
}

// import.meta.resolve(specifier): one function shared by every module's import.meta (the engine
// puts it there), resolving against the import.meta it is called on, as a URL string.
internals.importMetaResolve = function resolve(specifier) {
  const url = this !== null && typeof this === "object" ? this.url : undefined;
  if (typeof url !== "string") throw new TypeError("import.meta.resolve must be called as import.meta.resolve(specifier)");
  return internals.call(ops.resolve, String(specifier), url);
};

Object.defineProperty(globalThis, "__esrun_import", {
  value: function (specifier, referrer) { return importModule(specifier, referrer); },
  enumerable: false, writable: false, configurable: false,
});
