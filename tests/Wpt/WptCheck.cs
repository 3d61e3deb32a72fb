namespace EsRuntime.Wpt;

/// <summary>
/// One file's result against its expectations. A problem is a failure the file does not list, a
/// listed failure that passes or is no longer reported (so the lists stay honest), a harness status
/// other than OK, or a crash, that is not listed, or a listed one that did not happen.
/// </summary>
public sealed record WptCheck(int Passed, int Failed, int Listed, IReadOnlyList<string> Problems)
{
    public static WptCheck Of(WptFileResult result, IReadOnlyDictionary<string, string> expected)
    {
        var problems = new List<string>();
        int passed = 0, failed = 0, listed = 0;
        foreach (var subtest in result.Subtests)
        {
            var isListed = expected.ContainsKey(subtest.Name);
            if (subtest.Status == "PASS")
            {
                passed++;
                if (isListed) problems.Add($"listed as failing but passes: {subtest.Name}");
                continue;
            }
            failed++;
            if (isListed) listed++;
            else problems.Add($"unexpected {subtest.Status}: {WptExpectations.Escape(subtest.Name)} — {subtest.Message}");
        }

        var crashListed = expected.ContainsKey(WptExpectations.Crash);
        var harnessListed = expected.ContainsKey(WptExpectations.Harness);
        if (result.Crashed && !crashListed) problems.Add($"crashed: {result.HarnessMessage}");
        if (!result.Crashed && crashListed) problems.Add($"listed as crashing, but the harness completed ({result.HarnessStatus})");
        if (!result.Crashed && result.HarnessStatus != "OK" && !harnessListed) problems.Add($"harness {result.HarnessStatus}: {result.HarnessMessage}");
        if (result.HarnessStatus == "OK" && harnessListed) problems.Add("listed harness failure, but the harness finished OK");
        // A listed harness failure may say which status it is ("ERROR: …"); then it must stay that one.
        if (harnessListed && !result.Crashed && result.HarnessStatus != "OK" && expected[WptExpectations.Harness] is var reason
            && reason.IndexOf(':') is > 0 and var colon && reason[..colon] is "ERROR" or "TIMEOUT" or "PRECONDITION_FAILED" && reason[..colon] != result.HarnessStatus)
            problems.Add($"listed as harness {reason[..colon]}, but it is {result.HarnessStatus}: {result.HarnessMessage}");

        // A crash cuts the report short, so only a file that completed proves a listed name gone.
        if (!result.Crashed)
        {
            var reported = result.Subtests.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var name in expected.Keys)
                if (name is not (WptExpectations.Harness or WptExpectations.Crash) && !reported.Contains(name))
                    problems.Add($"listed but not reported (stale expectation): {WptExpectations.Escape(name)}");
        }
        return new WptCheck(passed, failed, listed, problems);
    }
}
