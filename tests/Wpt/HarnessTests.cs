namespace EsRuntime.Wpt;

/// <summary>
/// The harness itself: statuses, assertion messages, async and promise tests, timeouts on the virtual
/// clock, harness errors and explicit_done, run through the same runner as the WPT files.
/// </summary>
public sealed class HarnessTests
{
    private static Dictionary<string, WptSubtest> Run(string source, out WptFileResult result)
    {
        result = WptRunner.RunSource("harness-selftest.any.js", source);
        return result.Subtests.ToDictionary(s => s.Name);
    }

    [Fact]
    public void SyncTestsPassAndFailWithUpstreamMessages()
    {
        var r = Run("""
            test(() => assert_equals(1 + 1, 2), "adds");
            test(() => assert_equals("1", 1, "types"), "type mismatch");
            test(() => assert_array_equals([1, 2], [1, 3]), "arrays");
            test(() => { throw new RangeError("boom"); }, "throws");
            test(() => assert_throws_js(TypeError, () => {}), "does not throw");
            test(() => assert_throws_dom("InvalidCharacterError", () => atob("*")), "dom exception");
            test(() => assert_throws_dom("SyntaxError", () => atob("*")), "wrong dom exception");
            test(() => assert_equals(format_value("a\n\"\uD800"), '"a\\n\\"\\ud800"'), "format_value");
            test(() => {}, "dup");
            test(() => {}, "dup");
            """, out var result);
        Assert.Equal("OK", result.HarnessStatus);
        Assert.Equal("PASS", r["adds"].Status);
        Assert.Equal("assert_equals: types expected (number) 1 but got (string) \"1\"", r["type mismatch"].Message);
        Assert.StartsWith("assert_array_equals: expected property 1 to be 3 but got 2", r["arrays"].Message);
        Assert.Equal("RangeError: boom", r["throws"].Message);
        Assert.EndsWith("did not throw", r["does not throw"].Message);
        Assert.Equal("PASS", r["dom exception"].Status);
        Assert.Contains("property \"name\" is equal to \"InvalidCharacterError\", expected \"SyntaxError\"", r["wrong dom exception"].Message);
        Assert.Equal("PASS", r["format_value"].Status);
        Assert.True(r.ContainsKey("dup (#2)"));
    }

    [Fact]
    public void AsyncAndPromiseTestsRunOnTheVirtualClock()
    {
        var r = Run("""
            const order = [];
            async_test((t) => { t.step_timeout(() => { order.push("async"); t.done(); }, 5000); }, "async");
            promise_test(() => new Promise((resolve) => setTimeout(() => { order.push("p1"); resolve(); }, 100)), "p1");
            promise_test(async () => { order.push("p2"); }, "p2");
            promise_test((t) => promise_rejects_js(t, TypeError, Promise.reject(new TypeError("x"))), "rejects");
            promise_test(() => Promise.reject(new Error("nope")), "rejected body");
            promise_test((t) => {
              t.add_cleanup(() => order.push("cleanup"));
              return Promise.resolve();
            }, "cleanup");
            async_test((t) => t.step_timeout(t.step_func_done(() => assert_array_equals(order, ["p1", "p2", "cleanup", "async"])), 6000), "order");
            """, out var result);
        Assert.Equal("OK", result.HarnessStatus);
        Assert.All(new[] { "async", "p1", "p2", "rejects", "cleanup", "order" }, n => Assert.Equal("PASS", r[n].Status));
        Assert.Equal("FAIL", r["rejected body"].Status);
        Assert.Equal("Error: nope", r["rejected body"].Message);
    }

    [Fact]
    public void UnfinishedTestsTimeOut()
    {
        var r = Run("""
            test(() => {}, "quick");
            async_test(() => {}, "never done");
            promise_test(() => new Promise(() => {}), "never settles");
            promise_test(async () => {}, "queued behind");
            """, out var result);
        Assert.Equal("TIMEOUT", result.HarnessStatus);
        Assert.Equal("PASS", r["quick"].Status);
        Assert.Equal("TIMEOUT", r["never done"].Status);
        Assert.Equal("TIMEOUT", r["never settles"].Status);
        Assert.Equal("TIMEOUT", r["queued behind"].Status);
    }

    [Fact]
    public void AThrowWhileLoadingIsAHarnessError()
    {
        var r = Run("""
            test(() => {}, "before");
            undefinedFunction();
            test(() => {}, "after");
            """, out var result);
        Assert.Equal("ERROR", result.HarnessStatus);
        Assert.Contains("undefinedFunction", result.HarnessMessage);
        Assert.Equal("PASS", r["before"].Status);
        Assert.False(r.ContainsKey("after"));
    }

    [Fact]
    public void ExplicitDoneWaitsForDone()
    {
        var r = Run("""
            setup({ explicit_done: true });
            test(() => {}, "first");
            setTimeout(() => { test(() => {}, "late"); done(); }, 3000);
            """, out var result);
        Assert.Equal("OK", result.HarnessStatus);
        Assert.Equal("PASS", r["late"].Status);
    }

    [Fact]
    public void SharedResourcesAndIncludesAreInjected()
    {
        var r = Run("""
            // META: script=/common/sab.js
            // META: shared=wpt/fetch/data-urls/resources/base64.json
            test(() => assert_equals(typeof createBuffer, "function"), "include");
            test(() => assert_true(Array.isArray(wpt_resource("wpt/fetch/data-urls/resources/base64.json"))), "resource");
            test(() => assert_throws_js(Error, () => wpt_resource("encoding/encodings.json")), "undeclared resource");
            """, out var result);
        Assert.Equal("OK", result.HarnessStatus);
        Assert.All(r.Values, s => Assert.Equal("PASS", s.Status));
    }
}
