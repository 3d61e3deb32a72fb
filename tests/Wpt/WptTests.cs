using Xunit.Abstractions;

namespace EsRuntime.Wpt;

/// <summary>
/// The upstream web-platform-tests (../shared/wpt-upstream) and our own (tests/Wpt/tests) on esrun,
/// all files run once, in parallel runtimes (WptSuite), when the first case asks. One case per file
/// (its message names the file and each unexpected subtest) and one per area (stale expectations,
/// the area's counts); <see cref="Summary"/> prints the per-area table.
/// </summary>
public sealed class WptTests(ITestOutputHelper output, WptReportSink sink) : IClassFixture<WptReportSink>
{
    private static readonly Lazy<WptExpectations> Expectations = new(() => WptExpectations.Load(WptPaths.ExpectationsDir));

    public static TheoryData<string> RunnableFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in WptSuite.Runnable.OrderBy(f => f.Key, StringComparer.Ordinal)) data.Add(file.Key);
        return data;
    }

    public static TheoryData<string> Areas()
    {
        var data = new TheoryData<string>();
        foreach (var area in WptSuite.Files.Select(f => f.Area).Distinct().Order(StringComparer.Ordinal)) data.Add(area);
        return data;
    }

    [Theory, MemberData(nameof(RunnableFiles))]
    public void File(string file)
    {
        var result = WptSuite.Result(file);
        var check = WptCheck.Of(result, Expectations.Value.For(file));
        output.WriteLine($"{file}: {result.Subtests.Count} subtests, {check.Passed} passed, {check.Failed} failed ({check.Listed} listed), harness {result.HarnessStatus}, {result.Seconds:0.00} s");
        foreach (var problem in check.Problems) output.WriteLine("  " + problem);
        Assert.True(check.Problems.Count == 0, $"{file}:\n  " + string.Join("\n  ", check.Problems.Take(50))
            + (check.Problems.Count > 50 ? $"\n  … and {check.Problems.Count - 50} more" : ""));
    }

    [Theory, MemberData(nameof(Areas))]
    public void Area(string area)
    {
        var files = WptSuite.Files.Where(f => f.Area == area).ToList();
        var counts = WptAreaCounts.Of(files, WptSuite.Results.Results).Single();
        output.WriteLine($"{area}: {counts.Score} subtests passed; {counts.Files} files, {counts.Skipped} skipped, {counts.Crashed} crashed");
        foreach (var skipped in files.Where(f => f.SkipReason is not null)) output.WriteLine($"  skipped {skipped.Key}: {skipped.SkipReason}");

        var runnable = files.Where(f => f.SkipReason is null).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var stale = Expectations.Value.Files.Where(f => WptExpectations.AreaOf(f) == area && !runnable.Contains(f)).ToList();
        Assert.True(stale.Count == 0, $"expectations/{WptExpectations.FileName(area)}.txt lists files that are not run: {string.Join(", ", stale)}");
    }

    /// <summary>The per-area table (README.md quotes it) and the run's wall time; every file must have run.</summary>
    [Fact]
    public void Summary()
    {
        var run = WptSuite.Results;
        var areas = WptAreaCounts.Of(WptSuite.Files, run.Results);
        var table = WptAreaCounts.Table([("esrun", areas)]);
        output.WriteLine(table);
        var skipped = WptSuite.Files.Where(f => f.SkipReason is not null).ToList();
        var windowOnly = skipped.Where(f => f.SkipReason!.Contains("window", StringComparison.Ordinal)).Select(f => f.Key).ToList();
        sink.Write($"web-platform-tests on esrun: {run.Results.Count} files in {run.Seconds:0.0} s on {run.Workers} runtimes\n{table}\n"
            + $"skipped {skipped.Count} files: {skipped.Count - windowOnly.Count} need the WPT server's Python handlers, "
            + $"{windowOnly.Count} a window ({string.Join(", ", windowOnly)})");
        if (Environment.GetEnvironmentVariable("ESRUN_WPT_PRUNE") == "1")
            sink.Write($"ESRUN_WPT_PRUNE=1: {WptExpectations.Prune(WptPaths.ExpectationsDir, run.Results)} expectation lines that no longer hold were deleted");
        Assert.Equal(WptSuite.Runnable.Count, run.Results.Count);
        var areaFiles = areas.Select(a => WptExpectations.FileName(a.Area) + ".txt").ToHashSet(StringComparer.Ordinal);
        var strays = Directory.EnumerateFiles(WptPaths.ExpectationsDir).Select(Path.GetFileName).Where(n => !areaFiles.Contains(n!)).ToList();
        Assert.True(strays.Count == 0, $"tests/Wpt/expectations holds files for no area: {string.Join(", ", strays)}");
        Assert.True(WptAreaCounts.Total(areas).Passed > 0, "no subtest passed: the runner itself is broken");
    }
}
