namespace EsRuntime.Wpt;

/// <summary>
/// tests/Wpt/expectations.txt: every known failure, one per line, as
/// <c>&lt;file&gt; :: &lt;subtest name&gt; :: &lt;one-line reason&gt;</c> (<c>#</c> starts a comment line).
/// The subtest name <c>(harness)</c> stands for a harness status other than OK.
/// </summary>
public sealed class WptExpectations
{
    public const string HarnessName = "(harness)";
    private const string Separator = " :: ";

    private readonly Dictionary<string, Dictionary<string, string>> _byFile = new(StringComparer.Ordinal);

    public static WptExpectations Load(string path)
    {
        var expectations = new WptExpectations();
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.TrimEnd();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var first = line.IndexOf(Separator, StringComparison.Ordinal);
            var last = line.LastIndexOf(Separator, StringComparison.Ordinal);
            if (first < 0 || last == first)
                throw new FormatException($"{path}:{number}: expected '<file> :: <subtest> :: <reason>'");
            var file = line[..first];
            var name = line[(first + Separator.Length)..last];
            var reason = line[(last + Separator.Length)..];
            if (reason.Trim().Length == 0) throw new FormatException($"{path}:{number}: the reason is empty");
            if (!expectations._byFile.TryGetValue(file, out var names)) expectations._byFile[file] = names = new(StringComparer.Ordinal);
            if (!names.TryAdd(name, reason)) throw new FormatException($"{path}:{number}: duplicate entry for {name}");
        }
        return expectations;
    }

    /// <summary>The listed failures of one file: subtest name → reason.</summary>
    public IReadOnlyDictionary<string, string> For(string file) =>
        _byFile.TryGetValue(file, out var names) ? names : new Dictionary<string, string>();

    public IEnumerable<string> Files => _byFile.Keys;
}
