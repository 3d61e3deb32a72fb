using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EsRuntime.Wpt;

/// <summary>
/// The ES module that runs one test file, the same for every runtime (esrun in-process; node, deno and
/// bun as processes): it carries the file's configuration and the text of every script and evaluates
/// them as classic scripts in the global scope (harness/loader.js): harness/environment.js, the
/// upstream /resources/testharness.js, harness/reporter.js, then the <c>// META: script=</c> includes
/// and the test as one script (see <see cref="TestScript"/>).
/// </summary>
public static partial class WptEntry
{
    private const string HarnessPath = "/resources/testharness.js";
    public const int NormalTimeoutMs = 10_000;
    public const int LongTimeoutMs = 60_000;

    // fetch("x.json") / fetch_json("x.json") with a literal path: the only fetches the runner answers.
    [GeneratedRegex(@"\bfetch(?:_json)?\s*\(\s*([""'])([^""'\n]+\.json)\1\s*\)")]
    private static partial Regex VectorFetch();

    [GeneratedRegex(@"\bfetch(?:_json)?\s*\(")]
    private static partial Regex AnyFetch();

    [GeneratedRegex(@"\bidl_test\s*\(\s*\[([^\]]*)\]\s*,\s*\[([^\]]*)\]")]
    private static partial Regex IdlTest();

    [GeneratedRegex(@"\bimportScripts\s*\(([^)]*)\)")]
    private static partial Regex ImportScriptsCall();

    [GeneratedRegex(@"([""'])([^""'\n]+)\1")]
    private static partial Regex StringLiteral();

    private static readonly Lazy<string> Harness = new(() => WptTree.Read(HarnessPath)
        ?? throw new FileNotFoundException($"{WptPaths.Upstream}{HarnessPath} is missing"));
    private static readonly Lazy<string> Environment = new(() => File.ReadAllText(Path.Combine(WptPaths.HarnessDir, "environment.js")));
    private static readonly Lazy<string> Reporter = new(() => File.ReadAllText(Path.Combine(WptPaths.HarnessDir, "reporter.js")));
    private static readonly Lazy<string> Loader = new(() => File.ReadAllText(Path.Combine(WptPaths.HarnessDir, "loader.js")));

    public static int TimeoutMs(WptTestFile file) => file.LongTimeout ? LongTimeoutMs : NormalTimeoutMs;

    /// <summary>The module text for <paramref name="file"/> (public so a failing file can be run by hand).</summary>
    public static string Build(WptTestFile file) => Build(file, Read(file.UrlPath, file.Key));

    /// <summary>The module text for <paramref name="file"/> with <paramref name="source"/> as its text (the runner's own tests).</summary>
    public static string Build(WptTestFile file, string source)
    {

        var code = new StringBuilder();
        code.Append("// The WPT runner's entry for ").Append(file.Key).Append(" (tests/Wpt/Runner/WptEntry.cs).\n");
        code.Append("const wpt = {\n  config: {");
        code.Append("\n    url: ").Append(Js(WptTree.WorkerUrl(file.UrlPath))).Append(',');
        code.Append("\n    title: ").Append(file.Title.Length > 0 ? Js(file.Title) : "null").Append(',');
        code.Append("\n    timeout: ").Append(TimeoutMs(file)).Append(',');
        code.Append("\n    served: ").Append(Map(Served(file, source))).Append(',');
        code.Append("\n    scripts: ").Append(Map(ImportedScripts(file, source))).Append(',');
        code.Append("\n  },\n  environment: ").Append(Js(Environment.Value));
        code.Append(",\n  harness: ").Append(Js(Harness.Value));
        code.Append(",\n  reporter: ").Append(Js(Reporter.Value));
        code.Append(",\n  test: ").Append(Js(TestScript(file, source)));
        code.Append(",\n};\n");
        code.Append(Loader.Value);
        return code.ToString();
    }

    /// <summary>
    /// The includes and the test file as one classic script. A worker's wrapper imports them one by
    /// one, but indirect eval (the only classic-script evaluation every runtime has) keeps top-level
    /// let/const/class inside each evaluation, so separate evaluations would hide an include's
    /// <c>const encodings_table</c> from the test. As in the wrapper, a throw stops the rest, and an
    /// include missing from the tree (a 404 there) throws where importScripts would. The script is
    /// strict only when every part starts with "use strict" (then it means the same for each).
    /// </summary>
    public static string TestScript(WptTestFile file, string source)
    {
        var parts = new List<(string Path, string? Text)>();
        foreach (var path in file.Scripts) parts.Add((path, WptTree.Read(path)));
        parts.Add((file.UrlPath, source));
        var strict = parts.All(p => p.Text is not null && UseStrict().IsMatch(p.Text));
        var script = new StringBuilder(strict ? "\"use strict\";\n" : ";\n");
        foreach (var (path, text) in parts)
        {
            if (text is null)
            {
                script.Append("throw new Error(").Append(Js($"NetworkError: {path} is not in the tree (a WPT server would answer 404)")).Append(");\n");
                break;
            }
            script.Append("// ---- ").Append(path).Append('\n').Append(text).Append('\n');
        }
        return script.Append("//# sourceURL=").Append(file.UrlPath).Append('\n').ToString();
    }

    // A directive prologue's "use strict", after the file's leading comments.
    [GeneratedRegex(@"^(?:\s|//[^\n]*\n|/\*.*?\*/)*([""'])use strict\1", RegexOptions.Singleline)]
    private static partial Regex UseStrict();

    private static string Read(string urlPath, string forKey) =>
        WptTree.Read(urlPath) ?? throw new FileNotFoundException($"{forKey}: {urlPath} is not in the tree");

    /// <summary>
    /// The tree files the runner answers fetch() with: the JSON vectors a test fetches by literal path,
    /// and the <c>/interfaces/*.idl</c> files an <c>idl_test([specs], [deps])</c> call reads. Only when
    /// every fetch in the test is such a literal, and never in the fetch area, so a test of fetch
    /// itself never meets the runner's stand-in (harness/environment.js). Our own tests also get the
    /// files their <c>// META: shared=</c> lines name. Null: nothing served.
    /// </summary>
    private static Dictionary<string, string>? Served(WptTestFile file, string source)
    {
        if (file.Area == "fetch") return null;
        var vectors = VectorFetch().Matches(source);
        if (vectors.Count != AnyFetch().Matches(source).Count && file.Shared.Count == 0) return null;
        var paths = vectors.Select(m => WptTree.Resolve(file.UrlPath, m.Groups[2].Value)).Concat(file.Shared).ToList();
        foreach (Match call in IdlTest().Matches(source))
            foreach (Match name in StringLiteral().Matches(call.Groups[1].Value + "," + call.Groups[2].Value))
                paths.Add($"/interfaces/{name.Groups[2].Value}.idl");
        return paths.Count == 0 ? null : paths.Distinct().ToDictionary(p => p, p => Read(p, file.Key), StringComparer.Ordinal);
    }

    /// <summary>The scripts a *.worker.js file names in importScripts() calls (testharness.js is given anyway).</summary>
    private static Dictionary<string, string>? ImportedScripts(WptTestFile file, string source)
    {
        if (!file.IsWorkerScript) return null;
        var scripts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match call in ImportScriptsCall().Matches(source))
            foreach (Match literal in StringLiteral().Matches(call.Groups[1].Value))
            {
                var path = WptTree.Resolve(file.UrlPath, literal.Groups[2].Value);
                if (path != HarnessPath) scripts[path] = Read(path, file.Key);
            }
        return scripts;
    }

    private static string Map(Dictionary<string, string>? entries)
    {
        if (entries is null) return "null";
        var text = new StringBuilder("{");
        foreach (var (key, value) in entries) text.Append("\n      ").Append(Js(key)).Append(": ").Append(Js(value)).Append(',');
        return text.Append(" }").ToString();
    }

    /// <summary>A JS string literal (JSON's syntax is a subset).</summary>
    public static string Js(string text)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            writer.WriteStringValue(text);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
