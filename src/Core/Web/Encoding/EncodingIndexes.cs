using System.Collections.Concurrent;

namespace EsRuntime.Web.Encoding;

/// <summary>
/// The Encoding Standard's index tables (pointer → code point), embedded from ../shared/encoding at
/// build time and parsed on first use. They are immutable, so one copy serves every runtime.
/// </summary>
internal static class EncodingIndexes
{
    /// <summary>Marks a pointer the index has no code point for.</summary>
    public const int None = -1;

    private static readonly ConcurrentDictionary<string, int[]> Cache = new(StringComparer.Ordinal);
    private static readonly Lazy<(int[] Pointers, int[] CodePoints)> Ranges = new(LoadRanges);

    /// <summary>The index "name" (as in index-name.txt) as an array indexed by pointer.</summary>
    public static int[] Get(string name) => Cache.GetOrAdd(name, static n => Load(n));

    private static int[] Load(string name)
    {
        var entries = Parse(name);
        var max = -1;
        foreach (var (pointer, _) in entries) max = Math.Max(max, pointer);
        var table = new int[max + 1];
        Array.Fill(table, None);
        foreach (var (pointer, codePoint) in entries) table[pointer] = codePoint;
        return table;
    }

    /// <summary>"index gb18030 ranges code point" from the standard.</summary>
    public static int Gb18030RangesCodePoint(int pointer)
    {
        if (pointer is > 39419 and < 189000 || pointer > 1237575) return None;
        if (pointer == 7457) return 0xE7C7;
        if (pointer >= 189000) return 0x10000 + pointer - 189000;
        var (pointers, codePoints) = Ranges.Value;
        // The last range whose start pointer is <= pointer.
        var i = Array.BinarySearch(pointers, pointer);
        if (i < 0) i = ~i - 1;
        return codePoints[i] + pointer - pointers[i];
    }

    private static (int[], int[]) LoadRanges()
    {
        var entries = Parse("gb18030-ranges");
        entries.Sort((a, b) => a.Pointer.CompareTo(b.Pointer));
        return (entries.Select(e => e.Pointer).ToArray(), entries.Select(e => e.CodePoint).ToArray());
    }

    /// <summary>Reads "pointer TAB 0xCODE TAB comment" lines, skipping '#' comments and blanks.</summary>
    private static List<(int Pointer, int CodePoint)> Parse(string name)
    {
        var path = $"encoding/index-{name}.txt";
        using var stream = typeof(EncodingIndexes).Assembly.GetManifestResourceStream(path)
            ?? throw new InvalidOperationException($"the encoding index {path} is missing from the build");
        using var reader = new StreamReader(stream);
        var entries = new List<(int, int)>();
        while (reader.ReadLine() is { } line)
        {
            var span = line.AsSpan().Trim();
            if (span.IsEmpty || span[0] == '#') continue;
            var tab = span.IndexOf('\t');
            var pointer = int.Parse(span[..tab].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            var rest = span[(tab + 1)..].TrimStart();
            var end = rest.IndexOf('\t');
            var hex = (end < 0 ? rest : rest[..end]).Trim();
            var codePoint = int.Parse(hex[2..], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
            entries.Add((pointer, codePoint));
        }
        return entries;
    }
}
