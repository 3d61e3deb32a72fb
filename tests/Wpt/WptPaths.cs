using System.Runtime.CompilerServices;

namespace EsRuntime.Wpt;

/// <summary>
/// Where the WPT material lives: the repository root is the directory holding EsRuntime.sln above the test
/// binary or this source file; test files and the harness are read from the source tree, vectors from ../shared.
/// </summary>
public static class WptPaths
{
    private static readonly Lazy<string> Root = new(() => Locate());

    // The test binary may live outside the tree (--artifacts-path), so this source file's
    // compile-time location is the second place to start from.
    private static string Locate([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "EsRuntime.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no EsRuntime.sln above {AppContext.BaseDirectory} or {sourceFile}");
    }

    public static string RepoRoot => Root.Value;
    public static string WptDir => Path.Combine(RepoRoot, "tests", "Wpt");
    public static string TestsDir => Path.Combine(WptDir, "tests");
    public static string Harness => Path.Combine(WptDir, "harness", "testharness.js");
    public static string Expectations => Path.Combine(WptDir, "expectations.txt");
    public static string SharedDir => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>Every test file, as a '/'-separated path under tests/Wpt/tests, in a stable order.</summary>
    public static IReadOnlyList<string> TestFiles() =>
        Directory.EnumerateFiles(TestsDir, "*.any.js", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(TestsDir, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
}
