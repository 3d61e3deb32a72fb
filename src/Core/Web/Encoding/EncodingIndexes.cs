using System.Buffers.Binary;
using System.Collections.Concurrent;

namespace EsRuntime.Web.Encoding;

/// <summary>
/// The Encoding Standard's index tables (pointer → code point), generated into the embedded
/// EncodingIndexes.bin (see EncodingData.cs) and read on first use of each index. They are immutable,
/// so one copy serves every runtime.
/// </summary>
internal static class EncodingIndexes
{
    /// <summary>Marks a pointer the index has no code point for.</summary>
    public const int None = -1;

    private const string Resource = "encoding/EncodingIndexes.bin";
    private static readonly ConcurrentDictionary<string, int[]> Cache = new(StringComparer.Ordinal);
    private static readonly Lazy<(int[] Pointers, int[] CodePoints)> Ranges = new(LoadRanges);

    /// <summary>The index "name" (as in index-name.txt) as an array indexed by pointer.</summary>
    public static int[] Get(string name) => Cache.GetOrAdd(name, static n => Load(n));

    private static int[] Load(string name)
    {
        var location = Array.Find(EncodingData.Indexes, l => l.Name == name);
        if (location.Name is null) throw new InvalidOperationException($"no encoding index named {name}");
        var bytes = Read(location.Offset, location.Count * location.Width);
        var table = new int[location.First + location.Count];
        Array.Fill(table, None, 0, location.First);
        for (var i = 0; i < location.Count; i++)
        {
            var codePoint = location.Width == 2
                ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i * 2))
                : BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(i * 4));
            table[location.First + i] = codePoint == 0 ? None : codePoint;
        }
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
        var count = EncodingData.Gb18030RangesCount;
        var bytes = Read(EncodingData.Gb18030RangesOffset, count * 8);
        var pointers = new int[count];
        var codePoints = new int[count];
        for (var i = 0; i < count; i++)
        {
            pointers[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(i * 8));
            codePoints[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(i * 8 + 4));
        }
        return (pointers, codePoints);
    }

    /// <summary>One slice of the blob (the resource stream is over the mapped assembly: seeking costs nothing).</summary>
    private static byte[] Read(int offset, int length)
    {
        using var stream = typeof(EncodingIndexes).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"{Resource} is missing from the build");
        stream.Position = offset;
        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
