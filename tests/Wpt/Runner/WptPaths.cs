using System.Runtime.CompilerServices;

namespace EsRuntime.Wpt;

/// <summary>
/// Where the WPT material lives. The repository root is the directory holding EsRuntime.sln above the
/// test binary or this source file; the upstream tests are read from ../shared/wpt-upstream (never
/// copied into the repository), our own harness files, tests and expectations from tests/Wpt.
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
    public static string HarnessDir => Path.Combine(WptDir, "harness");
    public static string OwnTestsDir => Path.Combine(WptDir, "tests");
    public static string ExpectationsDir => Path.Combine(WptDir, "expectations");
    public static string SharedDir => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
    public static string Upstream => Path.Combine(SharedDir, "wpt-upstream");
}
