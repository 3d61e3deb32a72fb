using System.Globalization;
using System.Text;

namespace EsRuntime.Wpt;

/// <summary>
/// The known failures, one file per area in tests/Wpt/expectations (<c>url.txt</c>; our own tests'
/// area <c>esrun/x</c> in <c>esrun-x.txt</c>), one line each:
/// <c>&lt;file&gt; :: &lt;subtest&gt; :: &lt;one-line reason&gt;</c>, <c>#</c> starting a comment. The subtest
/// <c>(harness)</c> stands for a harness status other than OK, <c>(crash)</c> for a file whose runtime
/// ends before the harness completes — allowed only with the issue that owns the fix in its reason.
/// Names are written with <c>\n</c>, <c>\t</c>, <c>\\</c> and <c>\uXXXX</c> escapes for what a line cannot hold.
/// </summary>
public sealed class WptExpectations
{
    public const string Harness = "(harness)";
    public const string Crash = "(crash)";
    private const string Separator = " :: ";

    /// <summary>The issues a crash may be expected under (the brief of issue 15).</summary>
    private static readonly string[] CrashOwners = ["issue 16", "issue 17"];

    private readonly Dictionary<string, Dictionary<string, string>> _byFile = new(StringComparer.Ordinal);

    public static WptExpectations Load(string directory)
    {
        var expectations = new WptExpectations();
        foreach (var path in Directory.EnumerateFiles(directory, "*.txt").Order(StringComparer.Ordinal))
        {
            var area = Path.GetFileNameWithoutExtension(path);
            var number = 0;
            foreach (var raw in File.ReadLines(path))
            {
                number++;
                var line = raw.TrimEnd();
                if (line.Length == 0 || line.StartsWith('#')) continue;
                var where = $"{Path.GetFileName(path)}:{number}";
                var first = line.IndexOf(Separator, StringComparison.Ordinal);
                var last = line.LastIndexOf(Separator, StringComparison.Ordinal);
                if (first < 0 || last == first) throw new FormatException($"{where}: expected '<file> :: <subtest> :: <reason>'");
                var file = line[..first];
                var name = Unescape(line[(first + Separator.Length)..last]);
                var reason = line[(last + Separator.Length)..].Trim();
                if (reason.Length == 0) throw new FormatException($"{where}: the reason is empty");
                if (FileName(AreaOf(file)) != area) throw new FormatException($"{where}: {file} belongs in {FileName(AreaOf(file))}.txt");
                if (name == Crash && !CrashOwners.Any(o => reason.Contains(o, StringComparison.Ordinal)))
                    throw new FormatException($"{where}: an expected crash must name the issue that owns its fix ({string.Join(" or ", CrashOwners)})");
                if (!expectations._byFile.TryGetValue(file, out var names)) expectations._byFile[file] = names = new(StringComparer.Ordinal);
                if (!names.TryAdd(name, reason)) throw new FormatException($"{where}: {file} lists {line[(first + Separator.Length)..last]} twice");
            }
        }
        return expectations;
    }

    /// <summary>The listed failures of one file: subtest name (or <see cref="Harness"/>, <see cref="Crash"/>) → reason.</summary>
    public IReadOnlyDictionary<string, string> For(string file) =>
        _byFile.TryGetValue(file, out var names) ? names : new Dictionary<string, string>();

    public IEnumerable<string> Files => _byFile.Keys;

    /// <summary>
    /// Deletes the lines that no longer hold (a listed subtest that passes or is gone, a listed harness
    /// status or crash that did not happen, a file that is not run) and keeps everything else as it is;
    /// never adds a line. Returns how many lines went. The fix of a listed failure runs this.
    /// </summary>
    public static int Prune(string directory, IReadOnlyDictionary<string, WptFileResult> results)
    {
        var removed = 0;
        foreach (var path in Directory.EnumerateFiles(directory, "*.txt"))
        {
            var kept = new List<string>();
            foreach (var line in File.ReadLines(path))
            {
                var first = line.IndexOf(Separator, StringComparison.Ordinal);
                var last = line.LastIndexOf(Separator, StringComparison.Ordinal);
                if (line.StartsWith('#') || first < 0 || last == first || StillHolds(line[..first], Unescape(line[(first + Separator.Length)..last]), results))
                    kept.Add(line);
                else removed++;
            }
            File.WriteAllText(path, string.Join('\n', kept).TrimEnd('\n') + "\n");
        }
        return removed;
    }

    private static bool StillHolds(string file, string name, IReadOnlyDictionary<string, WptFileResult> results)
    {
        if (!results.TryGetValue(file, out var result)) return false;
        return name switch
        {
            Crash => result.Crashed,
            Harness => !result.Crashed && result.HarnessStatus != "OK",
            _ => result.Crashed || result.Subtests.Any(s => s.Name == name && s.Status != "PASS"),
        };
    }

    public static string AreaOf(string key)
    {
        var segments = key.Split('/');
        return segments[0] == "esrun" && segments.Length > 2 ? "esrun/" + segments[1] : segments[0];
    }

    public static string FileName(string area) => area.Replace('/', '-');

    public static string Line(string file, string name, string reason) => file + Separator + Escape(name) + Separator + reason;

    /// <summary>A subtest name as one line: control and format characters, lone surrogates and the backslash escaped.</summary>
    public static string Escape(string name)
    {
        var text = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                text.Append(c).Append(name[++i]);
                continue;
            }
            switch (c)
            {
                case '\\': text.Append(@"\\"); break;
                case '\n': text.Append(@"\n"); break;
                case '\r': text.Append(@"\r"); break;
                case '\t': text.Append(@"\t"); break;
                default:
                    var category = char.GetUnicodeCategory(c);
                    if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse)
                        text.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else text.Append(c);
                    break;
            }
        }
        return text.ToString();
    }

    public static string Unescape(string text)
    {
        if (!text.Contains('\\')) return text;
        var name = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length)
            {
                name.Append(text[i]);
                continue;
            }
            var next = text[++i];
            switch (next)
            {
                case 'n': name.Append('\n'); break;
                case 'r': name.Append('\r'); break;
                case 't': name.Append('\t'); break;
                case 'u' when i + 4 < text.Length && int.TryParse(text.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    name.Append((char)code);
                    i += 4;
                    break;
                default: name.Append(next); break;
            }
        }
        return name.ToString();
    }
}
