// A testharness.js-compatible harness for running web-platform-tests `*.any.js` files under esrun.
// Written for esrun (not upstream's file): the same API and assertion messages, reporting each
// subtest as one stdout line "__WPT__ <json>" and the run as "__WPT_DONE__ <json>", which
// tests/Wpt/WptRunner.cs parses. The runner defines globalThis.__wpt_config ({ file, timeout }) and
// globalThis.__wpt_resources (path under ../shared → text) before this file.
(function () {
  "use strict";
  const G = globalThis;
  const config = G.__wpt_config || { file: "?", timeout: 10000 };
  const resources = G.__wpt_resources || {};

  const PASS = 0, FAIL = 1, TIMEOUT = 2, NOTRUN = 3, PRECONDITION_FAILED = 4;
  const STATUS = ["PASS", "FAIL", "TIMEOUT", "NOTRUN", "PRECONDITION_FAILED"];

  // "%" is escaped so no console format directive can ever apply to a report line. Lone surrogates
  // (test names built from invalid strings) are written as the text "\uXXXX": a JSON reader would
  // reject them, and names must stay one well-formed line for expectations.txt.
  const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
  const wellFormed = (s) => (typeof s !== "string" || s.isWellFormed()
    ? s : s.replace(LONE, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`));
  const emit = (tag, record) => {
    const clean = { ...record, name: wellFormed(record.name), message: wellFormed(record.message) };
    if (!("name" in record)) delete clean.name;
    console.log(`${tag} ${JSON.stringify(clean).replace(/%/g, "\\u0025")}`);
  };

  // ---- harness state ----
  const all = [];
  const usedNames = new Map();
  let pending = 0;
  let fileLoaded = false;
  let explicitDone = false;
  let doneCalled = false;
  let finished = false;
  let harnessStatus = "OK";
  let harnessMessage = null;
  let promiseQueue = null;
  const completionCallbacks = [];
  const timeoutTimer = setTimeout(onTimeout, config.timeout);

  function uniqueName(name) {
    const seen = usedNames.get(name) || 0;
    usedNames.set(name, seen + 1);
    return seen === 0 ? name : `${name} (#${seen + 1})`;
  }

  function maybeFinish() {
    if (finished || !fileLoaded || pending > 0) return;
    if (explicitDone && !doneCalled && harnessStatus === "OK") return;
    finish();
  }

  function finish() {
    if (finished) return;
    finished = true;
    clearTimeout(timeoutTimer);
    for (const cb of completionCallbacks) {
      try { cb(all, { status: harnessStatus, message: harnessMessage }); } catch {}
    }
    const counts = [0, 0, 0, 0, 0];
    for (const t of all) counts[t.status]++;
    emit("__WPT_DONE__", {
      status: harnessStatus, message: harnessMessage, total: all.length,
      pass: counts[PASS], fail: counts[FAIL], timeout: counts[TIMEOUT], notrun: counts[NOTRUN],
    });
  }

  function onTimeout() {
    if (finished) return;
    harnessStatus = "TIMEOUT";
    harnessMessage = `file timed out after ${config.timeout} ms`;
    for (const t of all) if (!t._reported) t._finish(TIMEOUT, "Test timed out");
    finish();
  }

  function harnessError(error) {
    if (harnessStatus === "OK") {
      harnessStatus = "ERROR";
      harnessMessage = describe(error);
    }
  }

  function describe(e) {
    if (e !== null && typeof e === "object" && "message" in e) {
      return e.name && !(e instanceof AssertionError) ? `${e.name}: ${e.message}` : String(e.message);
    }
    return String(e);
  }

  // ---- Test ----
  class AssertionError extends Error {
    constructor(message) {
      super(message);
      this.name = "AssertionError";
    }
  }

  class OptionalFeatureUnsupportedError extends AssertionError {
    constructor(message) {
      super(message);
      this.name = "OptionalFeatureUnsupportedError";
    }
  }

  class Test {
    constructor(name, properties) {
      this.name = uniqueName(name);
      this.properties = properties || {};
      this.status = NOTRUN;
      this.message = null;
      this.phase = 0; // 0 running, 1 has result, 2 complete
      this._cleanups = [];
      this._reported = false;
      this._onComplete = null;
      all.push(this);
      pending++;
    }

    get PASS() { return PASS; }
    get FAIL() { return FAIL; }
    get TIMEOUT() { return TIMEOUT; }
    get NOTRUN() { return NOTRUN; }

    step(func, thisObj, ...args) {
      if (this.phase > 0) return undefined;
      if (arguments.length === 1) thisObj = this;
      try {
        return func.apply(thisObj, args);
      } catch (e) {
        if (this.phase > 0) return undefined;
        this.status = e instanceof OptionalFeatureUnsupportedError ? PRECONDITION_FAILED : FAIL;
        this.message = describe(e);
        this.phase = 1;
        this.done();
        return undefined;
      }
    }

    step_func(func, thisObj) {
      const test = this;
      const bindThis = arguments.length === 1;
      return function (...args) {
        return test.step(func, bindThis ? test : thisObj, ...args);
      };
    }

    step_func_done(func, thisObj) {
      const test = this;
      const bindThis = arguments.length === 1;
      return function (...args) {
        let result;
        if (func) result = test.step(func, bindThis ? test : thisObj, ...args);
        test.done();
        return result;
      };
    }

    unreached_func(description) {
      return this.step_func(() => assert_unreached(description));
    }

    step_timeout(func, timeout, ...args) {
      const test = this;
      return setTimeout(this.step_func(function () {
        return func.apply(test, args);
      }), timeout);
    }

    add_cleanup(callback) {
      this._cleanups.push(callback);
    }

    done() {
      if (this.phase === 2) return;
      if (this.phase === 0) this.status = PASS;
      this.phase = 2;
      this._cleanup(() => this._finish(this.status, this.message));
    }

    // Runs cleanups (waiting for any that return a promise), then reports.
    _cleanup(then) {
      const waits = [];
      for (const cleanup of this._cleanups) {
        try {
          const r = cleanup();
          if (r && typeof r.then === "function") waits.push(r);
        } catch (e) {
          harnessError(e);
        }
      }
      this._cleanups = [];
      if (waits.length === 0) then();
      else Promise.all(waits).then(then, (e) => { harnessError(e); then(); });
    }

    _finish(status, message) {
      if (this._reported) return;
      this._reported = true;
      this.status = status;
      this.message = message;
      this.phase = 2;
      pending--;
      emit("__WPT__", { name: this.name, status: STATUS[status], message });
      if (this._onComplete) this._onComplete();
      maybeFinish();
    }
  }

  function testName(func, name) {
    if (name !== undefined) return String(name);
    if (func && func.name) return func.name;
    return config.file;
  }

  // ---- test definition API ----
  function test(func, name, properties) {
    const t = new Test(testName(func, name), properties);
    t.step(func, t, t);
    if (t.phase === 0) t.done();
    return t;
  }

  function async_test(func, name, properties) {
    if (typeof func !== "function") {
      properties = name;
      name = func;
      func = null;
    }
    const t = new Test(testName(func, name), properties);
    if (func) t.step(func, t, t);
    return t;
  }

  function promise_test(func, name, properties) {
    if (typeof func !== "function") {
      properties = name;
      name = func;
      func = null;
    }
    const t = new Test(testName(func, name), properties);
    if (promiseQueue === null) promiseQueue = Promise.resolve();
    // Promise tests run one after another, in the order they were defined.
    promiseQueue = promiseQueue.then(() => new Promise((resolve) => {
      if (t._reported) return resolve();
      t._onComplete = resolve;
      const promise = t.step(func, t, t);
      if (t.phase > 0) return;
      t.step(() => {
        if (!promise || typeof promise.then !== "function") {
          throw new AssertionError(`promise_test: test body must return a 'thenable' object (received ${format_value(promise)})`);
        }
      });
      if (t.phase > 0) return;
      Promise.resolve(promise).then(
        () => t.done(),
        (e) => t.step(() => { throw e; }));
    }));
    return t;
  }

  function promise_setup(func, properties) {
    if (properties) setup(properties);
    if (promiseQueue === null) promiseQueue = Promise.resolve();
    promiseQueue = promiseQueue.then(() => Promise.resolve().then(func)).catch((e) => {
      harnessError(e);
      for (const t of all) if (!t._reported) t._finish(NOTRUN, "promise_setup failed");
      maybeFinish();
      return new Promise(() => {}); // later promise tests never start
    });
  }

  function setup(funcOrProperties, maybeProperties) {
    let func = null, properties = {};
    if (typeof funcOrProperties === "function") {
      func = funcOrProperties;
      properties = maybeProperties || {};
    } else {
      properties = funcOrProperties || {};
    }
    if (properties.explicit_done) explicitDone = true;
    if (func) {
      try {
        func();
      } catch (e) {
        harnessError(e);
      }
    }
  }

  function done() {
    doneCalled = true;
    fileLoaded = true;
    maybeFinish();
  }

  function step_timeout(func, timeout, ...args) {
    return setTimeout(() => func.apply(G, args), timeout);
  }

  function generate_tests(func, args, properties) {
    for (const [name, ...params] of args) test(() => func(...params), name, properties);
  }

  function add_completion_callback(callback) {
    completionCallbacks.push(callback);
  }

  // ---- format_value ----
  const CONTROL = ["0", "x01", "x02", "x03", "x04", "x05", "x06", "x07", "b", "t", "n", "v", "f", "r",
    "x0e", "x0f", "x10", "x11", "x12", "x13", "x14", "x15", "x16", "x17", "x18", "x19", "x1a", "x1b",
    "x1c", "x1d", "x1e", "x1f"];

  function formatString(s) {
    let out = '"';
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 32) out += `\\${CONTROL[c]}`;
      else if (c === 0x22) out += '\\"';
      else if (c === 0x5c) out += "\\\\";
      else if (c >= 0xfffd) out += `\\u${c.toString(16)}`;
      else if (c >= 0xd800 && c <= 0xdbff) {
        const next = s.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          out += s[i] + s[i + 1];
          i++;
        } else out += `\\u${c.toString(16)}`;
      } else if (c >= 0xdc00 && c <= 0xdfff) out += `\\u${c.toString(16)}`;
      else out += s[i];
    }
    return `${out}"`;
  }

  function format_value(val, seen) {
    if (!seen) seen = [];
    if (typeof val === "object" && val !== null) {
      if (seen.indexOf(val) >= 0) return "[...]";
      seen.push(val);
    }
    if (Array.isArray(val)) return `[${val.map((x) => format_value(x, seen)).join(", ")}]`;
    switch (typeof val) {
      case "string": return formatString(val);
      case "boolean":
      case "undefined": return String(val);
      case "number": return Object.is(val, -0) ? "-0" : String(val);
      case "bigint": return `${val}n`;
      case "object": if (val === null) return "null";
      // falls through
      default:
        try {
          const text = String(val);
          return `${typeof val} "${text.length > 1000 ? `${text.slice(0, 1000)}…` : text}"`;
        } catch (e) {
          return `[stringifying object threw ${String(e)} with type ${String(typeof e)}]`;
        }
    }
  }

  // ---- assertions ----
  function fail(name, description, message) {
    throw new AssertionError(`${name}: ${description ? `${description} ` : ""}${message}`);
  }

  function assert(ok, name, description, message) {
    if (!ok) fail(name, description, message);
  }

  const sameValue = (x, y) => Object.is(x, y) || (x === 0 && y === 0 && 1 / x === 1 / y);

  function assert_true(actual, description) {
    assert(actual === true, "assert_true", description, `expected true got ${format_value(actual)}`);
  }

  function assert_false(actual, description) {
    assert(actual === false, "assert_false", description, `expected false got ${format_value(actual)}`);
  }

  function assert_equals(actual, expected, description) {
    if (typeof actual !== typeof expected) {
      fail("assert_equals", description,
        `expected (${typeof expected}) ${format_value(expected)} but got (${typeof actual}) ${format_value(actual)}`);
    }
    assert(sameValue(actual, expected), "assert_equals", description,
      `expected ${format_value(expected)} but got ${format_value(actual)}`);
  }

  function assert_not_equals(actual, expected, description) {
    assert(!sameValue(actual, expected), "assert_not_equals", description, `got disallowed value ${format_value(actual)}`);
  }

  function assert_in_array(actual, expected, description) {
    assert(expected.indexOf(actual) !== -1, "assert_in_array", description,
      `value ${format_value(actual)} not in array ${format_value(expected)}`);
  }

  function assert_array_equals(actual, expected, description) {
    assert(typeof actual === "object" && actual !== null && "length" in actual, "assert_array_equals", description,
      `value is ${format_value(actual)}, expected array`);
    assert(actual.length === expected.length, "assert_array_equals", description,
      `lengths differ, expected array ${format_value(expected)} length ${expected.length}, got ${format_value(actual)} length ${actual.length}`);
    for (let i = 0; i < actual.length; i++) {
      assert(Object.prototype.hasOwnProperty.call(actual, i) === Object.prototype.hasOwnProperty.call(expected, i),
        "assert_array_equals", description,
        `expected property ${i} to be ${Object.prototype.hasOwnProperty.call(expected, i) ? "present" : "missing"} but it was not`);
      assert(sameValue(expected[i], actual[i]), "assert_array_equals", description,
        `expected property ${i} to be ${format_value(expected[i])} but got ${format_value(actual[i])} (expected array ${format_value(expected)} got ${format_value(actual)})`);
    }
  }

  function assert_object_equals(actual, expected, description) {
    assert(typeof actual === "object" && actual !== null, "assert_object_equals", description,
      `value is ${format_value(actual)}, expected object`);
    const check = (a, e, path, stack) => {
      for (const p in a) {
        assert(Object.prototype.hasOwnProperty.call(e, p), "assert_object_equals", description,
          `unexpected property ${format_value(p)} at ${path}`);
        if (typeof a[p] === "object" && a[p] !== null) {
          if (stack.indexOf(a[p]) < 0) check(a[p], e[p], `${path}.${p}`, stack.concat([a[p]]));
        } else {
          assert(sameValue(a[p], e[p]), "assert_object_equals", description,
            `property ${format_value(p)} expected ${format_value(e[p])} got ${format_value(a[p])}`);
        }
      }
      for (const p in e) {
        assert(Object.prototype.hasOwnProperty.call(a, p), "assert_object_equals", description,
          `expected property ${format_value(p)} missing`);
      }
    };
    check(actual, expected, "", [actual]);
  }

  function assert_approx_equals(actual, expected, epsilon, description) {
    assert(typeof actual === typeof expected, "assert_approx_equals", description,
      `expected a ${typeof expected} but got a ${typeof actual}`);
    assert(Math.abs(actual - expected) <= epsilon, "assert_approx_equals", description,
      `expected ${format_value(expected)} +/- ${format_value(epsilon)} but got ${format_value(actual)}`);
  }

  function comparison(name, op, test) {
    return function (actual, expected, description) {
      assert(typeof actual === "number" || typeof actual === "bigint", name, description,
        `expected a number but got a ${typeof actual}`);
      assert(typeof actual === typeof expected, name, description,
        `expected a ${typeof expected} but got a ${typeof actual}`);
      assert(test(actual, expected), name, description,
        `expected a number ${op} ${format_value(expected)} but got ${format_value(actual)}`);
    };
  }

  const assert_less_than = comparison("assert_less_than", "less than", (a, e) => a < e);
  const assert_greater_than = comparison("assert_greater_than", "greater than", (a, e) => a > e);
  const assert_less_than_equal = comparison("assert_less_than_equal", "less than or equal to", (a, e) => a <= e);
  const assert_greater_than_equal = comparison("assert_greater_than_equal", "greater than or equal to", (a, e) => a >= e);

  function assert_regexp_match(actual, expected, description) {
    assert(expected.test(actual), "assert_regexp_match", description,
      `expected ${format_value(expected)} but got ${format_value(actual)}`);
  }

  function assert_class_string(object, classString, description) {
    const actual = Object.prototype.toString.call(object);
    const expected = `[object ${classString}]`;
    assert(actual === expected, "assert_class_string", description,
      `expected ${format_value(expected)} but got ${format_value(actual)}`);
  }

  function assert_own_property(object, name, description) {
    assert(object !== null && object !== undefined && Object.prototype.hasOwnProperty.call(object, name),
      "assert_own_property", description, `expected property ${format_value(name)} missing`);
  }

  function assert_unreached(description) {
    fail("assert_unreached", "", `Reached unreachable code${description ? `: ${description}` : ""}`);
  }

  function assert_implements_optional(condition, description) {
    if (!condition) throw new OptionalFeatureUnsupportedError(description);
  }

  function assert_throws_js_impl(constructor, func, description, name) {
    try {
      func.call(null);
    } catch (e) {
      assert(typeof e === "object" || typeof e === "function", name, description,
        `${format_value(func)} threw ${format_value(e)} with type ${typeof e}, not an object`);
      assert(e !== null, name, description, `${format_value(func)} threw null, not an object`);
      assert(e.constructor === constructor && e.name === constructor.name, name, description,
        `${format_value(func)} threw ${format_value(e)} (${e && e.name}) expected instance of ${constructor.name}`);
      return;
    }
    fail(name, description, `${format_value(func)} did not throw`);
  }

  function assert_throws_js(constructor, func, description) {
    assert_throws_js_impl(constructor, func, description, "assert_throws_js");
  }

  // DOMException names and their legacy codes (names not listed have code 0).
  const DOM_CODES = {
    IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
    NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InUseAttributeError: 10,
    InvalidStateError: 11, SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14,
    InvalidAccessError: 15, TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20,
    URLMismatchError: 21, QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25,
  };
  const LEGACY_NAMES = {
    INDEX_SIZE_ERR: "IndexSizeError", HIERARCHY_REQUEST_ERR: "HierarchyRequestError",
    WRONG_DOCUMENT_ERR: "WrongDocumentError", INVALID_CHARACTER_ERR: "InvalidCharacterError",
    NO_MODIFICATION_ALLOWED_ERR: "NoModificationAllowedError", NOT_FOUND_ERR: "NotFoundError",
    NOT_SUPPORTED_ERR: "NotSupportedError", INVALID_STATE_ERR: "InvalidStateError", SYNTAX_ERR: "SyntaxError",
    INVALID_MODIFICATION_ERR: "InvalidModificationError", NAMESPACE_ERR: "NamespaceError",
    INVALID_ACCESS_ERR: "InvalidAccessError", TYPE_MISMATCH_ERR: "TypeMismatchError", SECURITY_ERR: "SecurityError",
    NETWORK_ERR: "NetworkError", ABORT_ERR: "AbortError", URL_MISMATCH_ERR: "URLMismatchError",
    QUOTA_EXCEEDED_ERR: "QuotaExceededError", TIMEOUT_ERR: "TimeoutError",
    INVALID_NODE_TYPE_ERR: "InvalidNodeTypeError", DATA_CLONE_ERR: "DataCloneError",
  };

  function assert_throws_dom_impl(type, func, description, name, constructor) {
    let expectedName;
    if (typeof type === "number") {
      expectedName = Object.keys(DOM_CODES).find((k) => DOM_CODES[k] === type);
    } else if (type in LEGACY_NAMES) {
      expectedName = LEGACY_NAMES[type];
    } else {
      expectedName = type;
    }
    const expectedCode = DOM_CODES[expectedName] || 0;
    try {
      func.call(null);
    } catch (e) {
      assert(typeof e === "object" && e !== null, name, description,
        `${format_value(func)} threw ${format_value(e)} with type ${typeof e}, not an object`);
      assert(e.constructor === constructor, name, description,
        `${format_value(func)} threw ${format_value(e)} (${e.name}) that is not a DOMException ${expectedName}`);
      assert(e.name === expectedName, name, description,
        `${format_value(func)} threw ${format_value(e)} that is not a DOMException ${expectedName}: property "name" is equal to ${format_value(e.name)}, expected ${format_value(expectedName)}`);
      assert(e.code === expectedCode, name, description,
        `${format_value(func)} threw ${format_value(e)} that is not a DOMException ${expectedName}: property "code" is equal to ${format_value(e.code)}, expected ${format_value(expectedCode)}`);
      return;
    }
    fail(name, description, `${format_value(func)} did not throw`);
  }

  function assert_throws_dom(type, funcOrConstructor, descriptionOrFunc, maybeDescription) {
    if (funcOrConstructor && funcOrConstructor.name === "DOMException") {
      assert_throws_dom_impl(type, descriptionOrFunc, maybeDescription, "assert_throws_dom", funcOrConstructor);
    } else {
      assert_throws_dom_impl(type, funcOrConstructor, descriptionOrFunc, "assert_throws_dom", G.DOMException);
    }
  }

  function assert_throws_exactly_impl(exception, func, description, name) {
    try {
      func.call(null);
    } catch (e) {
      assert(sameValue(e, exception), name, description,
        `${format_value(func)} threw ${format_value(e)} but we expected it to throw ${format_value(exception)}`);
      return;
    }
    fail(name, description, `${format_value(func)} did not throw`);
  }

  function assert_throws_exactly(exception, func, description) {
    assert_throws_exactly_impl(exception, func, description, "assert_throws_exactly");
  }

  function promise_rejects_js(test, constructor, promise, description) {
    return promise.then(test.unreached_func(`Should have rejected: ${description}`), (e) => {
      assert_throws_js_impl(constructor, () => { throw e; }, description, "promise_rejects_js");
    });
  }

  function promise_rejects_dom(test, type, promiseOrConstructor, descriptionOrPromise, maybeDescription) {
    let constructor = G.DOMException, promise = promiseOrConstructor, description = descriptionOrPromise;
    if (promiseOrConstructor && promiseOrConstructor.name === "DOMException") {
      constructor = promiseOrConstructor;
      promise = descriptionOrPromise;
      description = maybeDescription;
    }
    return promise.then(test.unreached_func(`Should have rejected: ${description}`), (e) => {
      assert_throws_dom_impl(type, () => { throw e; }, description, "promise_rejects_dom", constructor);
    });
  }

  function promise_rejects_exactly(test, exception, promise, description) {
    return promise.then(test.unreached_func(`Should have rejected: ${description}`), (e) => {
      assert_throws_exactly_impl(exception, () => { throw e; }, description, "promise_rejects_exactly");
    });
  }

  // ---- vectors from ../shared, injected by the runner (declared with "// META: shared=<path>") ----
  function wpt_resource(path) {
    if (!Object.prototype.hasOwnProperty.call(resources, path)) {
      throw new Error(`wpt_resource: ${path} was not declared with "// META: shared=${path}"`);
    }
    const text = resources[path];
    return path.endsWith(".json") ? JSON.parse(text) : text;
  }

  // ---- called by the runner's wrapper around the test file ----
  // (With explicit_done, maybeFinish still waits for done().)
  function __wpt_file_loaded() {
    fileLoaded = true;
    maybeFinish();
  }

  const api = {
    test, async_test, promise_test, promise_setup, setup, done, step_timeout, generate_tests,
    add_completion_callback, format_value, wpt_resource,
    assert_true, assert_false, assert_equals, assert_not_equals, assert_in_array, assert_array_equals,
    assert_object_equals, assert_approx_equals, assert_less_than, assert_greater_than,
    assert_less_than_equal, assert_greater_than_equal, assert_regexp_match, assert_class_string,
    assert_own_property, assert_unreached, assert_implements_optional, assert_throws_js, assert_throws_dom,
    assert_throws_exactly, promise_rejects_js, promise_rejects_dom, promise_rejects_exactly,
    AssertionError, OptionalFeatureUnsupportedError,
    __wpt_file_loaded, __wpt_harness_error: harnessError,
  };
  for (const key of Object.keys(api)) {
    Object.defineProperty(G, key, { value: api[key], writable: true, configurable: true, enumerable: false });
  }
})();
