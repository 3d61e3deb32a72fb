using System.Text.Json;

namespace EsRuntime.Web.Encoding;

/// <summary>One encoding of the standard; <see cref="Id"/> is what crosses to JS.</summary>
internal sealed record EncodingInfo(int Id, string Name, bool SingleByte);

/// <summary>
/// The standard's encodings and labels, from the embedded encodings.json (read once per process).
/// "Get an encoding": strip ASCII whitespace, match ASCII case-insensitively.
/// </summary>
internal static class EncodingRegistry
{
    private static readonly Lazy<(List<EncodingInfo> All, Dictionary<string, EncodingInfo> ByLabel)> Table = new(Load);

    /// <summary>UTF-8 is the first encoding of encodings.json; encoding.js relies on its id without asking.</summary>
    public const int Utf8Id = 0;

    public static IReadOnlyList<EncodingInfo> All => Table.Value.All;

    public static EncodingInfo? Lookup(string label)
    {
        var key = Normalize(label);
        return key is not null && Table.Value.ByLabel.TryGetValue(key, out var info) ? info : null;
    }

    public static EncodingInfo? ById(int id) => id >= 0 && id < All.Count ? All[id] : null;

    /// <summary>Trims ASCII whitespace and lowercases A–Z only (U+212A KELVIN SIGN must not become "k").</summary>
    private static string? Normalize(string label)
    {
        var span = label.AsSpan().Trim("\t\n\f\r ");
        if (span.IsEmpty || span.Length > 64) return null;
        Span<char> buffer = stackalloc char[span.Length];
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            buffer[i] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }
        return new string(buffer);
    }

    private static (List<EncodingInfo>, Dictionary<string, EncodingInfo>) Load()
    {
        using var stream = typeof(EncodingRegistry).Assembly.GetManifestResourceStream("encoding/encodings.json")
            ?? throw new InvalidOperationException("encoding/encodings.json is missing from the build");
        using var json = JsonDocument.Parse(stream);
        var all = new List<EncodingInfo>();
        var byLabel = new Dictionary<string, EncodingInfo>(StringComparer.Ordinal);
        foreach (var section in json.RootElement.EnumerateArray())
        {
            var singleByte = section.GetProperty("heading").GetString() == "Legacy single-byte encodings";
            foreach (var encoding in section.GetProperty("encodings").EnumerateArray())
            {
                var info = new EncodingInfo(all.Count, encoding.GetProperty("name").GetString()!, singleByte);
                all.Add(info);
                foreach (var label in encoding.GetProperty("labels").EnumerateArray())
                    byLabel[label.GetString()!] = info;
            }
        }
        if (all.Count == 0 || all[Utf8Id].Name != "UTF-8") throw new InvalidOperationException("encodings.json must list UTF-8 first");
        return (all, byLabel);
    }
}
