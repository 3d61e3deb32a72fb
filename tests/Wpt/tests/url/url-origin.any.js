// META: title=URL origin
// META: shared=wpt/url/resources/urltestdata.json
// Restates upstream url/url-origin.any.js: the origin of every urltestdata.json entry that has one.
// The URL global lands with the URL issue; until then this file reports no subtests.

function runURLTests(urlTests) {
  for (const expected of urlTests) {
    // Skip comments and tests without "origin" expectation
    if (typeof expected === "string" || !("origin" in expected)) continue;

    const base = expected.base !== null ? expected.base : undefined;

    test(() => {
      const url = base ? new URL(expected.input, base) : new URL(expected.input);
      assert_equals(url.origin, expected.origin, "origin");
    }, `Origin parsing: <${expected.input}> ${base ? `against <${base}>` : "without base"}`);
  }
}

if (typeof URL === "function") {
  promise_test(() => Promise.resolve(wpt_resource("wpt/url/resources/urltestdata.json")).then(runURLTests),
    "Loading data…");
}
