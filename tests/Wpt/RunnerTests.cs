namespace EsRuntime.Wpt;

/// <summary>
/// The runner itself, on sources written here (run with the upstream testharness.js like any file):
/// what the reporter reports, timeouts on the virtual clock, load errors, crashes, includes, the
/// served vectors, skip rules, and the expectation checks.
/// </summary>
public sealed class RunnerTests
{
    private static WptFileResult Run(string key, string source) =>
        EsrunHost.Run(key, WptEntry.Build(WptTestFile.Parse(key, source), source));

    private static Dictionary<string, WptSubtest> Subtests(WptFileResult result) => result.Subtests.ToDictionary(s => s.Name);

    [Fact]
    public void EachSubtestIsReportedWithItsStatusAndTheHarnessCompletes()
    {
        var result = Run("esrun/selftest/statuses.any.js", """
            test(() => assert_equals(1 + 1, 2), "adds");
            test(() => assert_equals("1", 1), "types differ");
            promise_test(() => Promise.reject(new RangeError("nope")), "rejects");
            async_test((t) => { t.step_timeout(t.step_func_done(), 5000); }, "later");
            test(() => { throw new OptionalFeatureUnsupportedError("not here"); }, "optional");
            """);
        var subtests = Subtests(result);
        Assert.True(result.HarnessStatus == "OK", $"{result.HarnessStatus}: {result.HarnessMessage}");
        Assert.Equal("PASS", subtests["adds"].Status);
        Assert.Equal("FAIL", subtests["types differ"].Status);
        Assert.Equal("assert_equals: expected (number) 1 but got (string) \"1\"", subtests["types differ"].Message);
        Assert.Equal("FAIL", subtests["rejects"].Status);
        Assert.Contains("RangeError: nope", subtests["rejects"].Message);
        Assert.Equal("PASS", subtests["later"].Status);
        Assert.Equal("PRECONDITION_FAILED", subtests["optional"].Status);
    }

    [Fact]
    public void UnfinishedTestsTimeOutOnTheVirtualClock()
    {
        var result = Run("esrun/selftest/timeout.any.js", """
            test(() => {}, "quick");
            async_test(() => {}, "never done");
            setInterval(() => {}, 1);
            """);
        Assert.Equal("TIMEOUT", result.HarnessStatus);
        Assert.Equal("PASS", Subtests(result)["quick"].Status);
        Assert.Equal("TIMEOUT", Subtests(result)["never done"].Status);
        Assert.True(result.Seconds < 5, $"the 10 s harness timeout took {result.Seconds:0.0} s of wall time");
    }

    [Fact]
    public void AThrowWhileLoadingIsAHarnessErrorAndDuplicateNamesToo()
    {
        var thrown = Run("esrun/selftest/throws.any.js", """
            test(() => {}, "before");
            undefinedFunction();
            test(() => {}, "after");
            """);
        Assert.Equal("ERROR", thrown.HarnessStatus);
        Assert.Contains("undefinedFunction", thrown.HarnessMessage);
        Assert.Equal(["before"], thrown.Subtests.Select(s => s.Name));

        var duplicated = Run("esrun/selftest/duplicates.any.js", "test(() => {}, 'dup');\ntest(() => assert_true(false), 'dup');\n");
        Assert.Equal("ERROR", duplicated.HarnessStatus);
        Assert.Contains("duplicate test name", duplicated.HarnessMessage);
        Assert.Equal(["dup", "dup (#2)"], duplicated.Subtests.Select(s => s.Name));
    }

    [Fact]
    public void AListenerThatThrowsIsReportedToTheHarnessAndTheRunGoesOn()
    {
        var result = Run("esrun/selftest/listener-throws.any.js", """
            setup({ allow_uncaught_exception: true });
            test(() => {
              const target = new EventTarget();
              let second = false;
              target.addEventListener("x", () => { throw new Error("from a listener"); });
              target.addEventListener("x", () => { second = true; });
              target.dispatchEvent(new Event("x"));
              assert_true(second, "the next listener ran");
            }, "dispatch goes on");
            promise_test(async () => { Promise.reject(new Error("unhandled")); await new Promise((r) => setTimeout(r, 10)); }, "after a rejection");
            """);
        Assert.Equal("OK", result.HarnessStatus);
        Assert.All(result.Subtests, s => Assert.Equal("PASS", s.Status));
    }

    [Fact]
    public void ARuntimeThatEndsBeforeTheHarnessIsACrash()
    {
        // Clearing every timer, the reporter's timeout among them, leaves the loop nothing to do.
        var result = Run("esrun/selftest/stops.any.js", """
            async_test(() => { for (let id = 0; id < 100; id++) clearTimeout(id); }, "never done");
            """);
        Assert.True(result.Crashed, $"{result.HarnessStatus}: {result.HarnessMessage}");
        Assert.Contains("no work left", result.HarnessMessage);
    }

    [Fact]
    public void IncludesResolveInTheTreeAndShareTopLevelDeclarations()
    {
        var result = Run("encoding/selftest.any.js", """
            // META: title=includes
            // META: script=/encoding/resources/encodings.js
            // META: script=/common/sab.js
            test(() => assert_true(Array.isArray(encodings_table)), "a const of an include");
            test(() => assert_equals(typeof createBuffer, "function"), "a function of an include");
            test(() => assert_equals(location.pathname, "/encoding/selftest.any.worker.js"), "location");
            test(() => assert_true(GLOBAL.isWorker() && !GLOBAL.isWindow()), "GLOBAL");
            """);
        Assert.Equal("OK", result.HarnessStatus);
        Assert.All(result.Subtests, s => Assert.True(s.Status == "PASS", $"{s.Name}: {s.Message}"));
    }

    [Fact]
    public void JsonVectorsAreServedOnlyWhenEveryFetchIsOne()
    {
        var served = Run("url/selftest-served.any.js", """
            promise_test(() => fetch("resources/urltestdata.json").then((r) => r.json()).then((d) => assert_true(d.length > 100)), "vector");
            """);
        Assert.Equal("PASS", served.Subtests.Single().Status);

        var notServed = Run("url/selftest-not-served.any.js", """
            promise_test(() => fetch("resources/urltestdata.json").then((r) => r.json()), "vector");
            promise_test(() => fetch(location.href), "not a vector");
            """);
        // Not served: the real fetch runs, and the runner's runtime has no network.
        Assert.All(notServed.Subtests, s => Assert.Contains("fetch failed: resolve web-platform.test the network is unreachable", s.Message));

        var fetchArea = Run("fetch/selftest.any.js", """
            promise_test(() => fetch("resources/urltestdata.json"), "vector");
            """);
        Assert.Contains("fetch failed", fetchArea.Subtests.Single().Message);
    }

    [Theory]
    [InlineData("// META: global=window\ntest(() => {});", "needs a window")]
    [InlineData("// META: global=window,worker\npromise_test(() => fetch('resources/echo.py'));", "echo.py")]
    [InlineData("// META: global=window,dedicatedworker,shadowrealm\ntest(() => {});", null)]
    [InlineData("test(() => {});", null)]
    public void FilesThatNeedAWindowOrTheServerAreSkippedWithTheReason(string source, string? reason)
    {
        var file = WptTestFile.Parse("dom/selftest.any.js", source);
        if (reason is null) Assert.Null(file.SkipReason);
        else Assert.Contains(reason, file.SkipReason);
    }

    [Fact]
    public void ExpectationNamesRoundTripThroughTheirEscapes()
    {
        foreach (var name in new[] { "plain", "tab\there", "line\nbreak", "back\\slash", "lone \ud800 surrogate", "pair \ud83d\ude00", "nul \0", "bidi \u202e" })
        {
            var escaped = WptExpectations.Escape(name);
            Assert.DoesNotContain('\n', escaped);
            Assert.Equal(name, WptExpectations.Unescape(escaped));
        }
    }

    [Fact]
    public void ChecksFlagUnlistedFailuresStaleEntriesAndUnexpectedPasses()
    {
        var result = new WptFileResult("x.any.js", [new("a", "PASS", null), new("b", "FAIL", "m"), new("c", "FAIL", "m")], "OK", null, 0);
        var check = WptCheck.Of(result, new Dictionary<string, string> { ["a"] = "r", ["b"] = "r", ["gone"] = "r", [WptExpectations.Harness] = "r" });
        Assert.Equal(1, check.Listed);
        Assert.Contains(check.Problems, p => p.StartsWith("listed as failing but passes: a", StringComparison.Ordinal));
        Assert.Contains(check.Problems, p => p.StartsWith("unexpected FAIL: c", StringComparison.Ordinal));
        Assert.Contains(check.Problems, p => p.Contains("stale expectation): gone", StringComparison.Ordinal));
        Assert.Contains(check.Problems, p => p.StartsWith("listed harness failure", StringComparison.Ordinal));

        var timedOut = new WptFileResult("x.any.js", [], "TIMEOUT", "late", 0);
        Assert.Empty(WptCheck.Of(timedOut, new Dictionary<string, string> { [WptExpectations.Harness] = "TIMEOUT: slow" }).Problems);
        Assert.Contains(WptCheck.Of(timedOut, new Dictionary<string, string> { [WptExpectations.Harness] = "ERROR: throws" }).Problems,
            p => p.StartsWith("listed as harness ERROR, but it is TIMEOUT", StringComparison.Ordinal));

        var crashed = new WptFileResult("x.any.js", [], WptFileResult.Crash, "ended", 0);
        Assert.Contains(WptCheck.Of(crashed, new Dictionary<string, string>()).Problems, p => p.StartsWith("crashed", StringComparison.Ordinal));
        Assert.Empty(WptCheck.Of(crashed, new Dictionary<string, string> { [WptExpectations.Crash] = "issue 17: x" }).Problems);
    }

    [Fact]
    public void AnExpectedCrashMustNameTheIssueThatOwnsIt()
    {
        var dir = Directory.CreateTempSubdirectory("wpt-expectations-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "dom.txt"), "dom/x.any.js :: (crash) :: it crashes\n");
            var error = Assert.Throws<FormatException>(() => WptExpectations.Load(dir));
            Assert.Contains("issue 16 or issue 17", error.Message);
            File.WriteAllText(Path.Combine(dir, "dom.txt"), "url/x.any.js :: a :: wrong file\n");
            Assert.Contains("belongs in url.txt", Assert.Throws<FormatException>(() => WptExpectations.Load(dir)).Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
