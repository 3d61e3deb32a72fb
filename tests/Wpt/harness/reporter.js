// The runner's testharnessreport.js: written for esrun's WPT runner (tests/Wpt/Runner), evaluated
// right after the upstream testharness.js. It prints one stdout line per subtest,
//   __WPT_RESULT__ {"name":…,"status":"PASS|FAIL|TIMEOUT|NOTRUN|PRECONDITION_FAILED","message":…}
// and one when the file completes,
//   __WPT_DONE__ {"status":"OK|ERROR|TIMEOUT|PRECONDITION_FAILED","message":…}
// which WptOutput.cs parses. A shell global has no harness timeout of its own (testharness.js
// treats it as explicit_timeout), so this arms the file's timeout (10 s, or 60 s for
// `// META: timeout=long`) and calls the harness's timeout() when it runs out.
(function (config) {
  "use strict";
  // Tests may replace console or JSON; keep the originals.
  const log = console.log;
  const stringify = JSON.stringify;
  const testStatus = ["PASS", "FAIL", "TIMEOUT", "NOTRUN", "PRECONDITION_FAILED"];
  const harnessStatus = ["OK", "ERROR", "TIMEOUT", "PRECONDITION_FAILED"];
  const messageLimit = 2000;
  const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
  const reported = new WeakSet();

  // Lone surrogates as testharness.js itself names them at completion ("U+d800"), so every line is
  // well-formed UTF-8; "%" escaped so no console format directive can apply.
  const text = (value) => {
    if (value === null || value === undefined) return null;
    let s = String(value);
    if (s.length > messageLimit) s = s.slice(0, messageLimit) + "…";
    return s.replace(lone, (c) => "U+" + c.charCodeAt(0).toString(16));
  };
  const emit = (tag, record) => Reflect.apply(log, console, [tag + " " + stringify(record).replace(/%/g, "\\u0025")]);

  const report = (test) => {
    if (reported.has(test)) return;
    reported.add(test);
    emit("__WPT_RESULT__", { name: text(test.name), status: testStatus[test.status] ?? String(test.status), message: text(test.message) });
  };

  const timer = setTimeout(() => timeout(), config.timeout);
  add_result_callback(report);
  add_completion_callback((tests, status) => {
    clearTimeout(timer);
    for (const test of tests) report(test);
    emit("__WPT_DONE__", { status: harnessStatus[status.status] ?? String(status.status), message: text(status.message) });
  });
})
