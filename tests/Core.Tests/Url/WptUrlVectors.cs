using System.Text.Json;

namespace EsRuntime.Tests.Url;

/// <summary>
/// The web-platform-tests URL vectors, read in place from ../shared/wpt/url/resources beside the repo,
/// and the expected-failures list that keeps the pass count honest.
/// </summary>
public static class WptUrlVectors
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SharedDir => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string ResourcesDir => Path.Combine(SharedDir, "wpt", "url", "resources");

    /// <summary>
    /// Walks up from the test binaries, then (for builds with an artifacts path outside the repo) from
    /// this source file's compile-time location, to the directory holding EsRuntime.sln or src/Core.
    /// </summary>
    private static string FindRepoRoot([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "", Directory.GetCurrentDirectory() })
        {
            for (var dir = start.Length == 0 ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "EsRuntime.sln")) || Directory.Exists(Path.Combine(dir.FullName, "src", "Core")))
                    return dir.FullName;
        }
        throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }

    private static readonly Dictionary<string, JsonDocument> Documents = [];

    /// <summary>A vector file, parsed once per test run.</summary>
    public static JsonElement Load(string file)
    {
        lock (Documents)
        {
            if (!Documents.TryGetValue(file, out var doc))
                Documents[file] = doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(ResourcesDir, file)));
            return doc.RootElement;
        }
    }

    /// <summary>Indexes of the test objects in a top-level array (strings there are comments).</summary>
    public static IEnumerable<int> CaseIndexes(JsonElement array)
    {
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object) yield return i;
            i++;
        }
    }

    public static string? Str(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? StringValue(v) : null;

    /// <summary>A JSON string's value, keeping lone surrogates (escaped as \uD800 etc.), which GetString rejects.</summary>
    public static string StringValue(JsonElement value)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            var raw = value.GetRawText();
            var sb = new System.Text.StringBuilder(raw.Length);
            for (var i = 1; i < raw.Length - 1; i++)
            {
                if (raw[i] != '\\') { sb.Append(raw[i]); continue; }
                var e = raw[++i];
                switch (e)
                {
                    case 'u':
                        sb.Append((char)Convert.ToInt32(raw.Substring(i + 1, 4), 16));
                        i += 4;
                        break;
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    case 'r': sb.Append('\r'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    default: sb.Append(e); break;
                }
            }
            return sb.ToString();
        }
    }

    /// <summary>Case ids expected to fail, from tests/Core.Tests/Url/expected-failures.txt ("id  reason" per line).</summary>
    public static HashSet<string> ExpectedFailures { get; } = LoadExpectedFailures();

    private static HashSet<string> LoadExpectedFailures()
    {
        var path = Path.Combine(RepoRoot, "tests", "Core.Tests", "Url", "expected-failures.txt");
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return set;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var space = line.IndexOfAny([' ', '\t']);
            set.Add(space < 0 ? line : line[..space]);
        }
        return set;
    }

    /// <summary>Asserts a case fails exactly when it is listed as an expected failure.</summary>
    public static void Check(string id, string? failure)
    {
        var expectedToFail = ExpectedFailures.Contains(id);
        if (failure is null && expectedToFail) Assert.Fail($"{id} passes but is listed in expected-failures.txt: remove it");
        if (failure is not null && !expectedToFail) Assert.Fail($"{id}: {failure}");
    }
}
