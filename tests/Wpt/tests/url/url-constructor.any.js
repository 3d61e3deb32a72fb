// META: title=URL constructor
// META: shared=wpt/url/resources/urltestdata.json
// META: shared=wpt/url/resources/urltestdata-javascript-only.json
// Restates upstream url/url-constructor.any.js: one subtest per entry of urltestdata.json.
// The URL global lands with the URL issue; until then this file reports no subtests.

function bURL(url, base) {
  return base ? new URL(url, base) : new URL(url);
}

function runURLTests(urlTests) {
  for (const expected of urlTests) {
    // Skip comments
    if (typeof expected === "string") continue;

    const base = expected.base !== null ? expected.base : undefined;

    test(() => {
      if (expected.failure) {
        assert_throws_js(TypeError, () => { bURL(expected.input, base); });
        return;
      }

      const url = bURL(expected.input, base);
      assert_equals(url.href, expected.href, "href");
      assert_equals(url.protocol, expected.protocol, "protocol");
      assert_equals(url.username, expected.username, "username");
      assert_equals(url.password, expected.password, "password");
      assert_equals(url.host, expected.host, "host");
      assert_equals(url.hostname, expected.hostname, "hostname");
      assert_equals(url.port, expected.port, "port");
      assert_equals(url.pathname, expected.pathname, "pathname");
      assert_equals(url.search, expected.search, "search");
      if ("searchParams" in expected) {
        assert_true("searchParams" in url);
        assert_equals(url.searchParams.toString(), expected.searchParams, "searchParams");
      }
      assert_equals(url.hash, expected.hash, "hash");
    }, `Parsing: <${expected.input}> ${base ? `against <${base}>` : "without base"}`);
  }
}

if (typeof URL === "function") {
  promise_test(() => Promise.resolve([
    wpt_resource("wpt/url/resources/urltestdata.json"),
    wpt_resource("wpt/url/resources/urltestdata-javascript-only.json"),
  ]).then(([urlTests, urlTestsJavaScriptOnly]) => {
    runURLTests(urlTests);
    runURLTests(urlTestsJavaScriptOnly);
  }), "Loading data…");
}
