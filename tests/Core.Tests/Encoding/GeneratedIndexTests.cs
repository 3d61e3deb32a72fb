using System.Globalization;
using System.Text;
using EsRuntime.Tests.Url;

namespace EsRuntime.Tests.Encoding;

/// <summary>
/// The decoder indexes are generated into the repository (tools/encoding → EncodingIndexes.bin). These
/// tests decode every pointer of each multi-byte index, as the bytes the standard assigns to it, and
/// compare with the index file in ../shared/encoding: a stale or damaged blob fails here.
/// </summary>
public sealed class GeneratedIndexTests
{
    private static List<(int Pointer, int CodePoint)> Index(string name)
    {
        var entries = new List<(int, int)>();
        foreach (var raw in File.ReadLines(Path.Combine(WptUrlVectors.SharedDir, "encoding", $"index-{name}.txt")))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var fields = line.Split('\t', StringSplitOptions.TrimEntries);
            entries.Add((int.Parse(fields[0], CultureInfo.InvariantCulture),
                int.Parse(fields[1].AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
        }
        return entries;
    }

    /// <summary>Decodes the bytes of every (pointer, code point) entry in one call and compares the text.</summary>
    private static void AssertDecodes(string label, string index, Func<int, byte[]?> bytesOf)
    {
        var bytes = new List<byte>();
        var expected = new StringBuilder();
        var checkedEntries = 0;
        foreach (var (pointer, codePoint) in Index(index))
        {
            var sequence = bytesOf(pointer);
            if (sequence is null) continue;
            bytes.AddRange(sequence);
            expected.Append(char.ConvertFromUtf32(codePoint));
            checkedEntries++;
        }
        Assert.True(checkedEntries > 1000, $"only {checkedEntries} entries of {index} were checked");
        var result = JsHarness.Run($$"""
            const bytes = new Uint8Array([{{string.Join(",", bytes)}}]);
            const expected = {{System.Text.Json.JsonSerializer.Serialize(expected.ToString())}};
            const actual = new TextDecoder("{{label}}", { fatal: true }).decode(bytes);
            if (actual === expected) console.log("same");
            else {
              const a = [...actual], e = [...expected];
              let i = 0;
              while (i < e.length && a[i] === e[i]) i++;
              console.log(`entry ${i}: expected U+${e[i]?.codePointAt(0).toString(16)}, got U+${a[i]?.codePointAt(0).toString(16)}`);
            }
            """);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("same\n", result.Stdout);
    }

    private static byte Trail(int trail, int low) => (byte)(trail + (trail < 0x3F ? low : low + 1));

    [Fact]
    public void Big5() => AssertDecodes("big5", "big5", p =>
        // The four pointers the decoder maps to two code points are not index lookups.
        p is 1133 or 1135 or 1164 or 1166 ? null : [(byte)(p / 157 + 0x81), (byte)(p % 157 + (p % 157 < 0x3F ? 0x40 : 0x62))]);

    [Fact]
    public void EucKr() => AssertDecodes("euc-kr", "euc-kr", p => [(byte)(p / 190 + 0x81), (byte)(p % 190 + 0x41)]);

    [Fact]
    public void Gb18030TwoByte() => AssertDecodes("gb18030", "gb18030", p => [(byte)(p / 190 + 0x81), Trail(p % 190, 0x40)]);

    [Fact]
    public void Jis0208ThroughShiftJis() => AssertDecodes("shift_jis", "jis0208", p =>
    {
        // Pointers 8836–10715 decode to the private use area, not through the index.
        if (p is >= 8836 and <= 10715) return null;
        var lead = p / 188;
        return [(byte)(lead + (lead < 0x1F ? 0x81 : 0xC1)), Trail(p % 188, 0x40)];
    });

    [Fact]
    public void Jis0212ThroughEucJp() => AssertDecodes("euc-jp", "jis0212", p => [0x8F, (byte)(p / 94 + 0xA1), (byte)(p % 94 + 0xA1)]);

    [Fact]
    public void EverySingleByteIndex()
    {
        // Pointer p is byte 0x80 + p; ISO-8859-8-I shares ISO-8859-8's index.
        var names = Directory.GetFiles(Path.Combine(WptUrlVectors.SharedDir, "encoding"), "index-*.txt")
            .Select(f => Path.GetFileNameWithoutExtension(f)["index-".Length..])
            .Where(n => File.ReadLines(Path.Combine(WptUrlVectors.SharedDir, "encoding", $"index-{n}.txt")).Count(l => l.Length > 0 && l[0] != '#') <= 128
                && n is not "iso-2022-jp-katakana" and not "gb18030-ranges")
            .ToList();
        Assert.True(names.Count >= 27, $"{names.Count} single-byte indexes");
        foreach (var name in names)
        {
            var entries = Index(name);
            var bytes = string.Join(",", entries.Select(e => 0x80 + e.Pointer));
            var expected = System.Text.Json.JsonSerializer.Serialize(string.Concat(entries.Select(e => char.ConvertFromUtf32(e.CodePoint))));
            var result = JsHarness.Run($$"""
                const actual = new TextDecoder("{{name}}", { fatal: true }).decode(new Uint8Array([{{bytes}}]));
                console.log(actual === {{expected}} ? "same" : "differs");
                """);
            Assert.True(result.Stdout == "same\n", $"{name}: {result.Stdout}{result.Stderr}");
        }
    }

    [Fact]
    public void Gb18030Ranges()
    {
        // Four-byte gb18030 sequences for the first pointer of every range, and one past it.
        var result = JsHarness.Run("""
            const ranges = [RANGES];
            const d = new TextDecoder("gb18030", { fatal: true });
            const bytesOf = p => {
              const b1 = Math.floor(p / 12600), b2 = Math.floor(p / 1260) % 10, b3 = Math.floor(p / 10) % 126, b4 = p % 10;
              return [b1 + 0x81, b2 + 0x30, b3 + 0x81, b4 + 0x30];
            };
            const starts = new Set(ranges.map(r => r[0]));
            let bad = 0;
            for (const [p, cp] of ranges) {
              for (const k of [0, 1]) {
                if (p + k === 7457 || p + k > 39419 || (k === 1 && starts.has(p + 1))) continue;
                const got = d.decode(new Uint8Array(bytesOf(p + k))).codePointAt(0);
                if (got !== cp + k) { console.log(`pointer ${p + k}: expected ${cp + k}, got ${got}`); bad++; }
              }
            }
            console.log(bad ? "bad" : `checked ${ranges.length}`);
            """.Replace("RANGES", string.Join(",", Index("gb18030-ranges").Select(e => $"[{e.Pointer},{e.CodePoint}]"))));
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal($"checked {Index("gb18030-ranges").Count}\n", result.Stdout);
    }
}
