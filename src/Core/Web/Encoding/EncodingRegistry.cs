namespace EsRuntime.Web.Encoding;

/// <summary>One encoding of the standard; <see cref="Id"/> is what crosses to JS.</summary>
internal sealed record EncodingInfo(int Id, string Name, bool SingleByte);

/// <summary>
/// The standard's encodings and labels, from the generated EncodingData (indexed once per process).
/// "Get an encoding": strip ASCII whitespace, match ASCII case-insensitively.
/// </summary>
internal static class EncodingRegistry
{
    private static readonly Lazy<(List<EncodingInfo> All, Dictionary<string, EncodingInfo> ByLabel)> Table = new(Load);

    /// <summary>UTF-8 is the standard's first encoding; encoding.js relies on its id without asking.</summary>
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
        var all = new List<EncodingInfo>(EncodingData.Encodings.Length);
        var byLabel = new Dictionary<string, EncodingInfo>(StringComparer.Ordinal);
        foreach (var (name, singleByte, labels) in EncodingData.Encodings)
        {
            var info = new EncodingInfo(all.Count, name, singleByte);
            all.Add(info);
            foreach (var label in labels.Split(' ')) byLabel[label] = info;
        }
        if (all[Utf8Id].Name != "UTF-8") throw new InvalidOperationException("the Encoding Standard lists UTF-8 first");
        return (all, byLabel);
    }
}
