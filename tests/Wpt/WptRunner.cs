using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using EsRuntime.Capabilities;
using EsRuntime.Providers;
using EsRuntime.Providers.Sim;
using EsRuntime.Providers.Sim.Disk;
using EsRuntime.Runtime;

namespace EsRuntime.Wpt;

/// <summary>One subtest as the harness reported it: PASS, FAIL, TIMEOUT, NOTRUN or PRECONDITION_FAILED.</summary>
public sealed record WptSubtest(string Name, string Status, string? Message);

/// <summary>How one test file ran: its subtests and the harness status (OK, ERROR, TIMEOUT, or CRASH when the runtime ended first).</summary>
public sealed record WptFileResult(string File, IReadOnlyList<WptSubtest> Subtests, string HarnessStatus, string? HarnessMessage);

/// <summary>
/// Runs a WPT-style <c>*.any.js</c> file in-process on esrun with simulated providers: the module is
/// <c>__wpt_config</c> + <c>__wpt_resources</c> + testharness.js + the <c>// META: script=</c> includes and
/// the test file (inside one try block, so a throw while loading is a harness error, not a crash).
/// <c>// META: shared=&lt;path under ../shared&gt;</c> in the file or an include injects that file's text.
/// Each file runs once per test process; results are cached.
/// </summary>
public static partial class WptRunner
{
    private const string SubtestTag = "__WPT__ ";
    private const string DoneTag = "__WPT_DONE__ ";
    private static readonly TimeSpan Watchdog = TimeSpan.FromMinutes(2);
    private static readonly ConcurrentDictionary<string, Lazy<WptFileResult>> Cache = new(StringComparer.Ordinal);

    [GeneratedRegex(@"^//\s*META:\s*(\w+)=(.*?)\s*$", RegexOptions.Multiline)]
    private static partial Regex MetaLine();

    public static WptFileResult Get(string file) => Cache.GetOrAdd(file, f => new Lazy<WptFileResult>(() => Run(f))).Value;

    public static WptFileResult Run(string file) =>
        Execute(file, BuildModule(file, File.ReadAllText(Path.Combine(WptPaths.TestsDir, file))));

    /// <summary>Runs test source that is not a file under tests/ (the harness's own tests); includes resolve from tests/.</summary>
    public static WptFileResult RunSource(string name, string source) => Execute(name, BuildModule(name, source));

    private static WptFileResult Execute(string file, string code)
    {
        var console = new CapturingConsole();
        var providers = new ProviderSet(new VirtualClock(), new SeededEntropy(1), console, new SimProcessHost(), new SimFileSystem());
        int exitCode;
        using (var runtime = JsRuntime.FromCode(new RuntimeOptions { Providers = providers, Capabilities = Capability.All }, code))
        using (new Timer(_ => runtime.Interrupt(), null, Watchdog, Timeout.InfiniteTimeSpan))
            exitCode = runtime.RunToCompletion();
        return Parse(file, console.Stdout, console.Stderr, exitCode);
    }

    /// <summary>The module text for one test file (public so a failing file can be reproduced by hand).</summary>
    public static string BuildModule(string file, string source)
    {
        var path = Path.Combine(WptPaths.TestsDir, file);
        var metas = Metas(source);
        var timeout = metas.Any(m => m is ("timeout", "long")) ? 60_000 : 10_000;

        var includes = new List<(string Path, string Source)>();
        foreach (var (key, value) in metas)
        {
            if (key != "script") continue;
            var includePath = value.StartsWith('/')
                ? Path.Combine(WptPaths.TestsDir, value.TrimStart('/'))
                : Path.Combine(Path.GetDirectoryName(path)!, value);
            includes.Add((includePath, File.ReadAllText(includePath)));
        }

        var shared = metas.Concat(includes.SelectMany(i => Metas(i.Source)))
            .Where(m => m.Key == "shared").Select(m => m.Value).Distinct().ToList();

        var code = new StringBuilder();
        code.Append("globalThis.__wpt_config = { file: ").Append(JsString(file)).Append(", timeout: ").Append(timeout).Append(" };\n");
        code.Append("globalThis.__wpt_resources = {");
        foreach (var resource in shared)
        {
            var full = Path.GetFullPath(Path.Combine(WptPaths.SharedDir, resource));
            if (!full.StartsWith(WptPaths.SharedDir + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new InvalidOperationException($"{file}: META shared={resource} is outside ../shared");
            code.Append('\n').Append(JsString(resource)).Append(": ").Append(JsString(File.ReadAllText(full))).Append(',');
        }
        code.Append("\n};\n");
        code.Append(File.ReadAllText(WptPaths.Harness)).Append('\n');
        code.Append("try {\n");
        foreach (var (includePath, includeSource) in includes)
            code.Append("// ---- ").Append(Path.GetRelativePath(WptPaths.TestsDir, includePath)).Append('\n').Append(includeSource).Append('\n');
        code.Append("// ---- ").Append(file).Append('\n').Append(source).Append('\n');
        code.Append("} catch (e) { __wpt_harness_error(e); }\n__wpt_file_loaded();\n");
        return code.ToString();
    }

    private static List<(string Key, string Value)> Metas(string source) =>
        MetaLine().Matches(source).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();

    private static string JsString(string text)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            writer.WriteStringValue(text);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static WptFileResult Parse(string file, string stdout, string stderr, int exitCode)
    {
        var subtests = new List<WptSubtest>();
        string? status = null, message = null;
        foreach (var line in stdout.Split('\n'))
        {
            if (line.StartsWith(SubtestTag, StringComparison.Ordinal))
            {
                using var json = JsonDocument.Parse(line[SubtestTag.Length..]);
                var root = json.RootElement;
                subtests.Add(new WptSubtest(root.GetProperty("name").GetString()!, root.GetProperty("status").GetString()!,
                    root.GetProperty("message").ValueKind == JsonValueKind.String ? root.GetProperty("message").GetString() : null));
            }
            else if (line.StartsWith(DoneTag, StringComparison.Ordinal))
            {
                using var json = JsonDocument.Parse(line[DoneTag.Length..]);
                status = json.RootElement.GetProperty("status").GetString();
                var m = json.RootElement.GetProperty("message");
                message = m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            }
        }
        if (status is null)
        {
            status = "CRASH";
            message = $"the runtime ended (exit code {exitCode}) before the harness finished: {stderr.Trim()}";
        }
        return new WptFileResult(file, subtests, status, message);
    }
}
