using Xunit.Abstractions;

namespace EsRuntime.Tests.Url;

/// <summary>
/// url.js (the URL and URLSearchParams globals) on a bare engine with the URL ops: the WPT vectors as
/// url-constructor / url-setters / toascii run them, URLSearchParams behaviour, and the WebIDL shape.
/// </summary>
public sealed class UrlJsTests(ITestOutputHelper output)
{
    /// <summary>Runs a script and checks its failures are exactly the listed expected failures of <paramref name="files"/>.</summary>
    private void RunVectors(string code, params string[] files)
    {
        using var host = new UrlJsHost();
        var run = host.Run(code);
        output.WriteLine($"{string.Join(", ", files)}: {run.Passed} passed, {run.Failures.Count} failed in JS");
        Assert.True(run.Passed > 0, "the script did not finish");
        var failedIds = run.Failures.Select(f => f[..f.IndexOf(':')]).ToHashSet();
        var expected = WptUrlVectors.ExpectedFailures.Where(id => files.Any(f => id.StartsWith(f + "#", StringComparison.Ordinal) || id.StartsWith(f + ":", StringComparison.Ordinal))).ToHashSet();
        var unexpected = run.Failures.Where(f => !expected.Contains(f[..f.IndexOf(':')])).ToList();
        var nowPassing = expected.Where(id => !failedIds.Contains(id)).ToList();
        Assert.True(unexpected.Count == 0, "unexpected failures:\n" + string.Join("\n", unexpected.Take(40)));
        Assert.True(nowPassing.Count == 0, "listed as expected failures but passing: " + string.Join(", ", nowPassing));
    }

    [Fact]
    public void UrlConstructorVectors() => RunVectors("""
        for (const file of ["urltestdata.json", "urltestdata-javascript-only.json"]) {
          __test.vectors(file).forEach((expected, index) => {
            if (typeof expected === "string") return;
            test(() => {
              const base = expected.base !== null ? expected.base : undefined;
              if (expected.failure) {
                assert_throws_js(TypeError, () => new URL(expected.input, base), "new URL");
                assert_false(URL.canParse(expected.input, base), "canParse");
                assert_equals(URL.parse(expected.input, base), null, "parse");
                return;
              }
              const url = new URL(expected.input, base);
              for (const key of ["href", "protocol", "username", "password", "host", "hostname", "port", "pathname", "search", "hash", "origin"]) {
                if (key in expected) assert_equals(url[key], expected[key], key);
              }
              if ("searchParams" in expected) assert_equals(url.searchParams.toString(), expected.searchParams, "searchParams");
              assert_true(URL.canParse(expected.input, base), "canParse");
              assert_equals(URL.parse(expected.input, base).href, expected.href, "parse");
            }, `${file}#${index}`);
          });
        }
        done();
        """, "urltestdata.json", "urltestdata-javascript-only.json");

    [Fact]
    public void UrlSetterVectors() => RunVectors("""
        const data = __test.vectors("setters_tests.json");
        for (const attribute of Object.keys(data)) {
          if (attribute === "comment") continue;
          data[attribute].forEach((t, index) => {
            test(() => {
              const url = new URL(t.href);
              url[attribute] = t.new_value;
              for (const key in t.expected) assert_equals(url[key], t.expected[key], key);
            }, `setters_tests.json:${attribute}#${index}`);
          });
        }
        done();
        """, "setters_tests.json");

    [Fact]
    public void IdnaVectors() => RunVectors("""
        __test.vectors("toascii.json").forEach((t, index) => {
          if (typeof t === "string") return;
          test(() => {
            if (t.output !== null) {
              const url = new URL(`https://${t.input}/x`);
              assert_equals(url.host, t.output, "host");
              assert_equals(url.hostname, t.output, "hostname");
              assert_equals(url.pathname, "/x", "pathname");
              assert_equals(url.href, `https://${t.output}/x`, "href");
            } else {
              assert_throws_js(TypeError, () => new URL(`https://${t.input}/x`));
            }
            for (const attribute of ["host", "hostname"]) {
              const url = new URL("https://x/x");
              url[attribute] = t.input;
              assert_equals(url[attribute], t.output ?? "x", attribute + " setter");
            }
          }, `toascii.json#${index}`);
        });
        for (const file of ["IdnaTestV2.json", "IdnaTestV2-removed.json"]) {
          __test.vectors(file).forEach((t, index) => {
            if (typeof t === "string" || t.input === "") return;
            test(() => {
              if (t.output === null) {
                assert_throws_js(TypeError, () => new URL(`https://${t.input}/x`));
              } else {
                const url = new URL(`https://${t.input}/x`);
                assert_equals(url.host, t.output, "host");
                assert_equals(url.href, `https://${t.output}/x`, "href");
              }
            }, `${file}#${index}`);
          });
        }
        done();
        """, "toascii.json", "IdnaTestV2.json", "IdnaTestV2-removed.json");

    [Fact]
    public void SearchParamsBehaviour() => RunVectors("""
        test(() => {
          assert_equals(new URLSearchParams().toString(), "");
          assert_equals(new URLSearchParams("?a=b").toString(), "a=b");
          assert_equals(new URLSearchParams("??a=b").toString(), "%3Fa=b");
          assert_array_equals(new URLSearchParams("a=b&a=c").getAll("a"), ["b", "c"]);
          assert_equals(new URLSearchParams("a=b=c").get("a"), "b=c");
          assert_equals(new URLSearchParams("&&a&&").toString(), "a=");
          assert_equals(new URLSearchParams("a+b=c+d").get("a b"), "c d");
          assert_equals(new URLSearchParams("a=%20%2B%zz%e2%82%ac%ff").get("a"), " +%zz\u20AC\uFFFD");
          assert_equals(new URLSearchParams({ a: "1", b: 2 }).toString(), "a=1&b=2");
          assert_equals(new URLSearchParams([["a", "1"], ["b", "2"]]).toString(), "a=1&b=2");
          assert_equals(new URLSearchParams(new URLSearchParams("x=1&y=2")).toString(), "x=1&y=2");
          assert_equals(new URLSearchParams(new Map([["m", "n"]])).toString(), "m=n");
          assert_equals(new URLSearchParams("a=\uD800").get("a"), "\uFFFD");
          assert_equals(new URLSearchParams(null).toString(), "null=");
          assert_throws_js(TypeError, () => new URLSearchParams([["a"]]));
          assert_throws_js(TypeError, () => new URLSearchParams([["a", "b", "c"]]));
          assert_throws_js(TypeError, () => new URLSearchParams([1]));
          assert_throws_js(TypeError, () => new URLSearchParams({ [Symbol.iterator]: 1 }));
        }, "constructor");
        test(() => {
          const p = new URLSearchParams("a=1&b=2&a=3");
          assert_equals(p.size, 3);
          assert_equals(p.get("a"), "1");
          assert_equals(p.get("z"), null);
          assert_true(p.has("b"));
          assert_true(p.has("a", "3"));
          assert_false(p.has("a", "4"));
          p.append("c", "4");
          p.set("a", "x");
          assert_equals(p.toString(), "a=x&b=2&c=4");
          p.delete("b");
          assert_equals(p.toString(), "a=x&c=4");
          p.append("a", "y");
          p.delete("a", "x");
          assert_equals(p.toString(), "c=4&a=y");
          p.delete("a", undefined);
          assert_equals(p.toString(), "c=4");
          assert_throws_js(TypeError, () => p.append("only-one"));
          assert_throws_js(TypeError, () => p.get());
        }, "methods");
        test(() => {
          const p = new URLSearchParams("z=b&a=b&z=a&a=a&\uFFFD=x&\uD83D\uDE00=y");
          p.sort();
          assert_equals([...p.keys()].join(","), "a,a,z,z,\uD83D\uDE00,\uFFFD");
          assert_equals(p.getAll("a").join(), "b,a");
        }, "sort is stable and by code units");
        test(() => {
          const p = new URLSearchParams();
          p.append("a b", " ~!'()*-._\u00E9\0&=+");
          assert_equals(p.toString(), "a+b=+%7E%21%27%28%29*-._%C3%A9%00%26%3D%2B");
        }, "serializer");
        test(() => {
          const p = new URLSearchParams("a=1&b=2");
          const seen = [];
          p.forEach(function (value, name, object) {
            seen.push(name + value);
            assert_equals(object, p);
            assert_equals(this, seen);
            if (name === "a") p.append("c", "3");
          }, seen);
          assert_equals(seen.join(), "a1,b2,c3");
          const it = p.entries();
          assert_equals(Object.prototype.toString.call(it), "[object URLSearchParams Iterator]");
          assert_equals(Object.getPrototypeOf(Object.getPrototypeOf(it)), Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
          assert_array_equals(it.next().value, ["a", "1"]);
          p.delete("b");
          assert_array_equals(it.next().value, ["c", "3"]);
          assert_true(it.next().done);
          assert_array_equals([...p.values()], ["1", "3"]);
          assert_equals(URLSearchParams.prototype[Symbol.iterator], URLSearchParams.prototype.entries);
          assert_throws_js(TypeError, () => p.forEach(5));
        }, "iteration is live");
        test(() => {
          const url = new URL("http://h/p?a=1#f");
          const p = url.searchParams;
          assert_equals(url.searchParams, p, "same object");
          p.append("b", "2 3");
          assert_equals(url.href, "http://h/p?a=1&b=2+3#f");
          url.search = "?x=y";
          assert_equals(p.toString(), "x=y");
          url.href = "http://h/?q=r";
          assert_equals(p.get("q"), "r");
          p.delete("q");
          assert_equals(url.href, "http://h/");
          assert_equals(url.search, "");
          url.search = "";
          assert_equals(p.size, 0);
          const opaque = new URL("data:space    ?query");
          opaque.searchParams.delete("query");
          assert_equals(opaque.href, "data:space   %20");
        }, "URL.searchParams is live both ways");
        done();
        """, "none");

    [Fact]
    public void WebIdlShape() => RunVectors("""
        test(() => {
          assert_equals(URL.length, 1);
          assert_equals(URL.canParse.length, 1);
          assert_equals(URL.parse.length, 1);
          assert_equals(URLSearchParams.length, 0);
          const p = URLSearchParams.prototype;
          for (const [name, length] of [["append", 2], ["delete", 1], ["get", 1], ["getAll", 1], ["has", 1], ["set", 2], ["sort", 0], ["toString", 0], ["forEach", 1], ["keys", 0], ["values", 0], ["entries", 0]]) {
            assert_equals(p[name].length, length, name + ".length");
            assert_true(Object.getOwnPropertyDescriptor(p, name).enumerable, name + " enumerable");
          }
          for (const name of ["href", "origin", "protocol", "username", "password", "host", "hostname", "port", "pathname", "search", "searchParams", "hash"]) {
            const d = Object.getOwnPropertyDescriptor(URL.prototype, name);
            assert_true(d.enumerable && d.configurable && typeof d.get === "function", name);
            assert_equals(typeof d.set, name === "origin" || name === "searchParams" ? "undefined" : "function", name + " setter");
          }
          assert_true(Object.getOwnPropertyDescriptor(URL, "canParse").enumerable, "static enumerable");
          const tag = Object.getOwnPropertyDescriptor(URL.prototype, Symbol.toStringTag);
          assert_equals(tag.value, "URL");
          assert_false(tag.writable || tag.enumerable);
          assert_equals(Object.prototype.toString.call(new URL("http://a")), "[object URL]");
          assert_equals(Object.prototype.toString.call(new URLSearchParams()), "[object URLSearchParams]");
          const g = Object.getOwnPropertyDescriptor(globalThis, "URL");
          assert_true(g.writable && g.configurable && !g.enumerable, "global descriptor");
        }, "descriptors and lengths");
        test(() => {
          assert_throws_js(TypeError, () => URL.prototype.toString.call({}));
          assert_throws_js(TypeError, () => Object.getOwnPropertyDescriptor(URL.prototype, "href").get.call({}));
          assert_throws_js(TypeError, () => URLSearchParams.prototype.get.call(new URL("http://a"), "x"));
          assert_throws_js(TypeError, () => new URL());
          assert_throws_js(TypeError, () => URL.canParse());
          assert_throws_js(TypeError, () => new URL("nope"));
          assert_throws_js(TypeError, () => { new URL("http://a").href = "nope"; });
          assert_throws_js(TypeError, () => new URL("http://a", "nope"), "bad base");
          try { new URL("x", "nope"); } catch (e) {
            assert_equals(`${e.code} ${e.input} ${e.base} ${e.message}`, "ERR_INVALID_URL x nope Invalid URL", "Node-style error");
          }
        }, "brand checks and errors");
        test(() => {
          const url = URL.parse("/x?y", "https://example.com/a/b");
          assert_true(url instanceof URL);
          assert_equals(url.href, "https://example.com/x?y");
          assert_equals(URL.parse("::"), null);
          assert_equals(JSON.stringify({ u: new URL("http://a/\u00E9") }), '{"u":"http://a/%C3%A9"}');
          assert_equals(String(new URL("HTTP://A:80/")), "http://a/");
          assert_equals(new URL("blob:https://a.example:8080/uuid").origin, "https://a.example:8080");
          assert_equals(new URL("blob:ftp://x/").origin, "null");
          const u = new URL("https://u:p@h:1/p?q#f");
          u.port = "443";
          assert_equals(u.port, "", "default port");
          u.port = "8443";
          u.username = "";
          u.protocol = "http";
          assert_equals(u.href, "http://:p@h:8443/p?q#f");
          assert_equals(u.password, "p");
          class Sub extends URL {}
          assert_true(new Sub("http://s/") instanceof Sub);
          assert_equals(new Sub("http://s/").href, "http://s/");
        }, "parse, canParse, stringifiers, setters");
        done();
        """, "none");

    /// <summary>The real runtime: url.js in the prelude and UrlOps registered (the lead's wiring).</summary>
    [Fact]
    public void GlobalsInTheRuntime()
    {
        var result = JsHarness.Run("""
            const u = new URL("../b?x=1 2#h", "https://user@EXAMPLE.com:8443/a/c");
            u.searchParams.append("y", "\u00e9");
            console.log(u.href, u.origin, typeof URLSearchParams, URL.canParse("nope"));
            console.log(String(new URLSearchParams({ a: "1" })), Object.prototype.toString.call(u));
            """);
        Assert.True(result.ExitCode == 0 && result.Stderr.Length == 0, $"exit {result.ExitCode}\n{result.Stderr}");
        Assert.Equal("https://user@example.com:8443/b?x=1+2&y=%C3%A9#h https://example.com:8443 function false\na=1 [object URL]\n", result.Stdout);
    }
}
