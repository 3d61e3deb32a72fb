using Xunit.Abstractions;

namespace EsRuntime.Wpt;

/// <summary>
/// One theory case per WPT test file. A case fails when a subtest that is not listed in
/// expectations.txt fails or times out, when a listed one passes or no longer exists (so the list
/// stays honest), or when the harness did not finish cleanly and that is not listed either.
/// </summary>
public sealed class WptTests(ITestOutputHelper output)
{
    private static readonly Lazy<WptExpectations> Expectations = new(() => WptExpectations.Load(WptPaths.Expectations));

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in WptPaths.TestFiles()) data.Add(file);
        return data;
    }

    [Theory, MemberData(nameof(Files))]
    public void File(string file)
    {
        var result = WptRunner.Get(file);
        var (passed, failed, listed, problems) = Check(result);
        output.WriteLine($"{file}: {result.Subtests.Count} subtests, {passed} passed, {failed} failed ({listed} listed), harness {result.HarnessStatus}");
        foreach (var problem in problems) output.WriteLine("  " + problem);
        Assert.True(problems.Count == 0, $"{file}:\n" + string.Join("\n", problems));
    }

    /// <summary>Totals over every file: "N passed, N failed" for WPT subtests.</summary>
    [Fact]
    public void Summary()
    {
        int files = 0, passed = 0, failed = 0, listed = 0, problems = 0;
        foreach (var file in WptPaths.TestFiles())
        {
            var (p, f, l, issues) = Check(WptRunner.Get(file));
            files++;
            passed += p;
            failed += f;
            listed += l;
            problems += issues.Count;
            output.WriteLine($"{file}: {p} passed, {f} failed ({l} listed)");
        }
        output.WriteLine($"WPT: {files} files, {passed} passed, {failed} failed ({listed} listed as known failures, {problems} unexpected results)");
        foreach (var stale in Expectations.Value.Files.Where(f => !WptPaths.TestFiles().Contains(f)))
            Assert.Fail($"expectations.txt lists {stale}, which is not a test file");
    }

    private static (int Passed, int Failed, int Listed, List<string> Problems) Check(WptFileResult result)
    {
        var expected = Expectations.Value.For(result.File);
        var problems = new List<string>();
        int passed = 0, failed = 0, listed = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var subtest in result.Subtests)
        {
            seen.Add(subtest.Name);
            var isListed = expected.ContainsKey(subtest.Name);
            if (subtest.Status == "PASS")
            {
                passed++;
                if (isListed) problems.Add($"listed as failing but passes: {subtest.Name}");
            }
            else
            {
                failed++;
                if (isListed) listed++;
                else problems.Add($"unexpected {subtest.Status}: {subtest.Name} — {subtest.Message}");
            }
        }
        var harnessListed = expected.ContainsKey(WptExpectations.HarnessName);
        if (result.HarnessStatus != "OK" && !harnessListed)
            problems.Add($"harness {result.HarnessStatus}: {result.HarnessMessage}");
        if (result.HarnessStatus == "OK" && harnessListed)
            problems.Add("listed harness failure, but the harness finished OK");
        foreach (var name in expected.Keys)
            if (name != WptExpectations.HarnessName && !seen.Contains(name))
                problems.Add($"listed but not reported (stale expectation): {name}");
        return (passed, failed, listed, problems);
    }
}
