using System.Globalization;
using EsRuntime.Web.Url;

namespace EsRuntime.Tests.Url;

/// <summary>
/// The Encoding Standard's encoders for the legacy encodings percent-encoding.json uses, built from the
/// index files in ../shared/encoding. Only tests need them: the URL API always encodes queries as UTF-8.
/// </summary>
internal sealed class LegacyQueryEncoder : IQueryEncoder
{
    private readonly string _name;

    private LegacyQueryEncoder(string name) => _name = name;

    public static IQueryEncoder? For(string label) => label switch
    {
        "utf-8" => null,
        "windows-1252" or "big5" or "euc-kr" or "shift_jis" or "gb18030" or "iso-2022-jp" => new LegacyQueryEncoder(label),
        _ => throw new NotSupportedException(label),
    };

    private static readonly Dictionary<string, List<(int Pointer, int CodePoint)>> Indexes = [];

    /// <summary>An index file's (pointer, code point) entries in file order.</summary>
    private static List<(int Pointer, int CodePoint)> Index(string name)
    {
        lock (Indexes)
        {
            if (Indexes.TryGetValue(name, out var list)) return list;
            list = [];
            foreach (var line in File.ReadLines(Path.Combine(WptUrlVectors.SharedDir, "encoding", $"index-{name}.txt")))
            {
                if (line.Length == 0 || line[0] == '#') continue;
                var parts = line.Split('\t', StringSplitOptions.RemoveEmptyEntries);
                list.Add((int.Parse(parts[0].Trim(), CultureInfo.InvariantCulture), int.Parse(parts[1].Trim()[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
            }
            Indexes[name] = list;
            return list;
        }
    }

    /// <summary>The first (or last) pointer for a code point, skipping pointers the predicate excludes.</summary>
    private static int? Pointer(string index, int cp, Func<int, bool>? include = null, bool last = false)
    {
        int? found = null;
        foreach (var (pointer, codePoint) in Index(index))
        {
            if (codePoint != cp || (include is not null && !include(pointer))) continue;
            found = pointer;
            if (!last) break;
        }
        return found;
    }

    public void Encode(ReadOnlySpan<char> text, List<int> output)
    {
        var cps = new List<int>();
        for (var i = 0; i < text.Length; i++)
            cps.Add(char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? char.ConvertToUtf32(text[i], text[++i]) : text[i]);
        if (_name == "iso-2022-jp") { EncodeIso2022Jp(cps, output); return; }
        foreach (var cp in cps)
        {
            if (cp < 0x80) { output.Add(cp); continue; }
            switch (_name)
            {
                case "windows-1252":
                    if (Pointer("windows-1252", cp) is { } p) output.Add(0x80 + p);
                    else output.Add(~cp);
                    break;
                case "euc-kr":
                    if (Pointer("euc-kr", cp) is { } k) { output.Add(k / 190 + 0x81); output.Add(k % 190 + 0x41); }
                    else output.Add(~cp);
                    break;
                case "big5":
                    {
                        const int hkscsEnd = (0xA1 - 0x81) * 157;
                        var useLast = cp is 0x2550 or 0x255E or 0x2561 or 0x256A or 0x5341 or 0x5345;
                        if (Pointer("big5", cp, ptr => ptr >= hkscsEnd, useLast) is { } b)
                        {
                            var trail = b % 157;
                            output.Add(b / 157 + 0x81);
                            output.Add(trail + (trail < 0x3F ? 0x40 : 0x62));
                        }
                        else output.Add(~cp);
                        break;
                    }
                case "shift_jis":
                    {
                        if (cp == 0xA5) { output.Add(0x5C); break; }
                        if (cp == 0x203E) { output.Add(0x7E); break; }
                        if (cp is >= 0xFF61 and <= 0xFF9F) { output.Add(cp - 0xFF61 + 0xA1); break; }
                        var c = cp == 0x2212 ? 0xFF0D : cp;
                        if (Pointer("jis0208", c, ptr => ptr is < 8272 or > 8835) is { } s)
                        {
                            var lead = s / 188;
                            var trail = s % 188;
                            output.Add(lead + (lead < 0x1F ? 0x81 : 0xC1));
                            output.Add(trail + (trail < 0x3F ? 0x40 : 0x41));
                        }
                        else output.Add(~cp);
                        break;
                    }
                case "gb18030":
                    EncodeGb18030(cp, output);
                    break;
            }
        }
    }

    private static void EncodeGb18030(int cp, List<int> output)
    {
        if (cp == 0xE5E5) { output.Add(~cp); return; }
        if (Pointer("gb18030", cp) is { } p)
        {
            var trail = p % 190;
            output.Add(p / 190 + 0x81);
            output.Add(trail + (trail < 0x3F ? 0x40 : 0x41));
            return;
        }
        int pointer;
        if (cp == 0xE7C7) pointer = 7457;
        else
        {
            var (rangePointer, rangeCp) = Index("gb18030-ranges").Last(e => e.CodePoint <= cp);
            pointer = rangePointer + cp - rangeCp;
        }
        output.Add(pointer / (10 * 126 * 10) + 0x81);
        pointer %= 10 * 126 * 10;
        output.Add(pointer / (10 * 126) + 0x30);
        pointer %= 10 * 126;
        output.Add(pointer / 10 + 0x81);
        output.Add(pointer % 10 + 0x30);
    }

    private static void EncodeIso2022Jp(List<int> cps, List<int> output)
    {
        const int Ascii = 0, Roman = 1, Jis0208 = 2;
        var state = Ascii;
        var queue = new Queue<int>(cps);
        while (queue.Count > 0)
        {
            var cp = queue.Peek();
            if (state is Ascii or Roman && cp is 0x0E or 0x0F or 0x1B) { queue.Dequeue(); output.Add(~0xFFFD); continue; }
            if (state == Ascii && cp < 0x80) { output.Add(queue.Dequeue()); continue; }
            if (state == Roman && ((cp < 0x80 && cp is not (0x5C or 0x7E)) || cp is 0xA5 or 0x203E))
            {
                queue.Dequeue();
                output.Add(cp switch { 0xA5 => 0x5C, 0x203E => 0x7E, _ => cp });
                continue;
            }
            if (cp < 0x80 && state != Ascii) { state = Ascii; output.AddRange([0x1B, 0x28, 0x42]); continue; }
            if (cp is 0xA5 or 0x203E && state != Roman) { state = Roman; output.AddRange([0x1B, 0x28, 0x4A]); continue; }
            var c = cp == 0x2212 ? 0xFF0D : cp;
            if (c is >= 0xFF61 and <= 0xFF9F) c = Index("iso-2022-jp-katakana").First(e => e.Pointer == c - 0xFF61).CodePoint;
            var pointer = Pointer("jis0208", c);
            if (pointer is null)
            {
                if (state == Jis0208) { state = Ascii; output.AddRange([0x1B, 0x28, 0x42]); continue; }
                queue.Dequeue();
                output.Add(~cp);
                continue;
            }
            if (state != Jis0208) { state = Jis0208; output.AddRange([0x1B, 0x24, 0x42]); continue; }
            queue.Dequeue();
            output.Add(pointer.Value / 94 + 0x21);
            output.Add(pointer.Value % 94 + 0x21);
        }
        if (state != Ascii) output.AddRange([0x1B, 0x28, 0x42]);
    }
}
