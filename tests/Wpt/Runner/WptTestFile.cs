using System.Text.RegularExpressions;

namespace EsRuntime.Wpt;

/// <summary>
/// One test file and what its <c>// META:</c> header asks for. <see cref="Key"/> is its URL path without
/// the leading slash (<c>url/url-constructor.any.js</c>, <c>esrun/compression/…</c> for our own);
/// <see cref="Area"/> the first directory (our own files: <c>esrun/</c> + it). <c>// META: variant=</c> is
/// not split: one run with an empty <c>location.search</c> covers every variant. A file is run unless
/// <see cref="SkipReason"/> says why not. <see cref="Shared"/> (<c>// META: shared=</c>, our own tests
/// only) names files under ../shared that the runner serves to the test at <c>/esrun/shared/…</c>.
/// </summary>
public sealed partial record WptTestFile(
    string Key, string Area, string Title, bool LongTimeout, IReadOnlyList<string> Globals,
    IReadOnlyList<string> Scripts, IReadOnlyList<string> Shared, string? SkipReason)
{
    /// <summary>The globals a shell runtime stands for: a worker (no DOM) or a ShadowRealm's.</summary>
    private static readonly HashSet<string> WorkerLikeGlobals = new(StringComparer.Ordinal)
    {
        "worker", "dedicatedworker", "sharedworker", "serviceworker", "jsshell",
        "shadowrealm", "shadowrealm-in-window", "shadowrealm-in-shadowrealm", "shadowrealm-in-dedicatedworker",
        "shadowrealm-in-sharedworker", "shadowrealm-in-serviceworker", "shadowrealm-in-audioworklet",
    };

    public string UrlPath => "/" + Key;
    public bool IsWorkerScript => Key.EndsWith(".worker.js", StringComparison.Ordinal);

    [GeneratedRegex(@"^//\s*META:\s*([\w-]+)\s*=\s*(.*?)\s*$")]
    private static partial Regex MetaLine();

    // A fetch of a Python handler: only a WPT server can answer it.
    [GeneratedRegex(@"[\w./-]+\.py\b")]
    private static partial Regex PythonHandler();

    /// <summary>Every test file of both trees, ordered by key.</summary>
    public static IReadOnlyList<WptTestFile> All() =>
        Discover(WptPaths.Upstream, "").Concat(Discover(WptPaths.OwnTestsDir, WptTree.OwnPrefix.Trim('/') + "/"))
            .OrderBy(f => f.Key, StringComparer.Ordinal).ToList();

    private static IEnumerable<WptTestFile> Discover(string root, string prefix) =>
        Directory.EnumerateFiles(root, "*.js", SearchOption.AllDirectories)
            .Select(p => prefix + Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Where(IsTestKey)
            .Select(key => Parse(key, File.ReadAllText(WptTree.FilePath("/" + key)!)));

    // *.any.js and *.worker.js are tests, except where WPT keeps helpers (resources/, support/).
    private static bool IsTestKey(string key) =>
        (key.EndsWith(".any.js", StringComparison.Ordinal) || key.EndsWith(".worker.js", StringComparison.Ordinal)) &&
        !key.Split('/').Any(segment => segment is "resources" or "support" or "common" or "interfaces");

    public static WptTestFile Parse(string key, string source)
    {
        var area = WptExpectations.AreaOf(key);
        string? title = null;
        var longTimeout = false;
        var globals = new List<string>();
        var scripts = new List<string>();
        var shared = new List<string>();
        // wptserve reads META lines from the comment block that opens the file.
        foreach (var line in source.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0) continue;
            if (!trimmed.StartsWith("//", StringComparison.Ordinal)) break;
            var match = MetaLine().Match(trimmed);
            if (!match.Success) continue;
            var value = match.Groups[2].Value;
            switch (match.Groups[1].Value)
            {
                case "title": title = value; break;
                case "timeout": longTimeout = value == "long"; break;
                case "global": globals.AddRange(value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)); break;
                case "script": scripts.Add(WptTree.Resolve("/" + key, value)); break;
                case "shared" when area.StartsWith(WptTree.OwnPrefix.Trim('/'), StringComparison.Ordinal):
                    shared.Add(WptTree.SharedPrefix + value);
                    break;
            }
        }
        return new WptTestFile(key, area, title ?? "", longTimeout, globals, scripts, shared, SkipFor(key, source, globals));
    }

    private static string? SkipFor(string key, string source, List<string> globals)
    {
        // No global= means WPT's default, window and dedicatedworker.
        if (!key.EndsWith(".worker.js", StringComparison.Ordinal) && globals.Count > 0 && !globals.Any(WorkerLikeGlobals.Contains))
            return $"global={string.Join(',', globals)}: needs a window (DOM) global";
        var handlers = PythonHandler().Matches(source).Select(m => Path.GetFileName(m.Value)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (handlers.Count > 0)
            return $"needs the WPT server's Python handlers ({string.Join(", ", handlers)})";
        return null;
    }
}
