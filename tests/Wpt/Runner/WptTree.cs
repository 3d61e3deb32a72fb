namespace EsRuntime.Wpt;

/// <summary>
/// The URL space a WPT server would serve, read from disk: <c>/…</c> is the upstream tree in
/// ../shared/wpt-upstream, <c>/esrun/…</c> our own tests in tests/Wpt/tests, <c>/esrun/shared/…</c>
/// the rest of ../shared (data our own tests compare with). Applies the server's one
/// alias the tests here use (<c>/resources/WebIDLParser.js</c>) and its <c>.sub.</c> substitution of
/// host and port placeholders; everything the server would compute (<c>.py</c> handlers, headers
/// files) is out of reach.
/// </summary>
public static class WptTree
{
    public const string Origin = "http://web-platform.test:8000";
    public const string OwnPrefix = "/esrun/";
    public const string SharedPrefix = "/esrun/shared/";

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["/resources/WebIDLParser.js"] = "/resources/webidl2/lib/webidl2.js",
    };

    // The values of wptserve's default config (tools/wptserve/config.default.json) for the placeholders.
    private static readonly (string Placeholder, string Value)[] Substitutions =
    [
        ("{{host}}", "web-platform.test"),
        ("{{ports[http][0]}}", "8000"), ("{{ports[http][1]}}", "8001"),
        ("{{ports[https][0]}}", "8443"), ("{{ports[https][1]}}", "8444"),
        ("{{ports[ws][0]}}", "8888"), ("{{ports[wss][0]}}", "8889"),
        ("{{domains[www]}}", "www.web-platform.test"), ("{{domains[www1]}}", "www1.web-platform.test"),
        ("{{domains[www2]}}", "www2.web-platform.test"),
        ("{{hosts[alt][]}}", "not-web-platform.test"), ("{{hosts[alt][www]}}", "www.not-web-platform.test"),
        ("{{hosts[alt][www2]}}", "www2.not-web-platform.test"),
        ("{{location[scheme]}}", "http"), ("{{location[host]}}", "web-platform.test:8000"), ("{{location[port]}}", "8000"),
    ];

    /// <summary>The file behind a URL path, or null when the path leaves both trees.</summary>
    public static string? FilePath(string urlPath)
    {
        if (Aliases.TryGetValue(urlPath, out var alias)) urlPath = alias;
        var (root, prefix) = urlPath.StartsWith(SharedPrefix, StringComparison.Ordinal) ? (WptPaths.SharedDir, SharedPrefix)
            : urlPath.StartsWith(OwnPrefix, StringComparison.Ordinal) ? (WptPaths.OwnTestsDir, OwnPrefix)
            : (WptPaths.Upstream, "/");
        var relative = Uri.UnescapeDataString(urlPath[prefix.Length..]);
        var full = Path.GetFullPath(Path.Combine(root, relative));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    /// <summary>The text the server would send for a static file, or null when there is none.</summary>
    public static string? Read(string urlPath)
    {
        var path = FilePath(urlPath);
        if (path is null || !File.Exists(path)) return null;
        var text = File.ReadAllText(path);
        if (!Path.GetFileName(urlPath).Contains(".sub.", StringComparison.Ordinal)) return text;
        foreach (var (placeholder, value) in Substitutions) text = text.Replace(placeholder, value, StringComparison.Ordinal);
        return text;
    }

    /// <summary>A reference (relative, or absolute from the server root) resolved against a URL path.</summary>
    public static string Resolve(string baseUrlPath, string reference) =>
        new Uri(new Uri(Origin + baseUrlPath), reference).AbsolutePath;

    /// <summary>The script URL a dedicated worker running this test file has on a WPT server.</summary>
    public static string WorkerUrl(string urlPath) =>
        Origin + (urlPath.EndsWith(".any.js", StringComparison.Ordinal) ? urlPath[..^3] + ".worker.js" : urlPath);
}
