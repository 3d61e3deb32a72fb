namespace EsRuntime.Web.Url;

/// <summary>
/// Unicode Normalization Form C over code point lists, from <see cref="IdnaData"/>'s tables.
/// Needed because string.Normalize does nothing under invariant globalization.
/// </summary>
internal static class Nfc
{
    private const int SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7;
    private const int LCount = 19, VCount = 21, TCount = 28, NCount = VCount * TCount, SCount = LCount * NCount;

    /// <summary>The index of the last range start at or below <paramref name="cp"/>.</summary>
    public static int FindRange(ReadOnlySpan<int> starts, int cp)
    {
        int lo = 0, hi = starts.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >> 1;
            if (starts[mid] <= cp) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    public static int CombiningClass(int cp) => cp < 0x300 ? 0 : IdnaData.CccValues[FindRange(IdnaData.CccStarts, cp)];

    /// <summary>Normalizes <paramref name="cps"/> to NFC in place.</summary>
    public static void Normalize(List<int> cps)
    {
        var needed = false;
        foreach (var cp in cps) if (cp >= 0x300) { needed = true; break; }
        if (!needed) return;

        var decomposed = new List<int>(cps.Count + 8);
        foreach (var cp in cps) Decompose(cp, decomposed);
        Reorder(decomposed);
        Compose(decomposed);
        cps.Clear();
        cps.AddRange(decomposed);
    }

    private static void Decompose(int cp, List<int> output)
    {
        if (cp is >= SBase and < SBase + SCount)
        {
            var s = cp - SBase;
            output.Add(LBase + s / NCount);
            output.Add(VBase + s % NCount / TCount);
            if (s % TCount != 0) output.Add(TBase + s % TCount);
            return;
        }
        var index = cp < 0xC0 ? -1 : IdnaData.DecompKeys.BinarySearch(cp);
        if (index < 0)
        {
            output.Add(cp);
            return;
        }
        Decompose(IdnaData.DecompFirst[index], output);
        var second = IdnaData.DecompSecond[index];
        if (second >= 0) Decompose(second, output);
    }

    /// <summary>The canonical ordering algorithm: a stable sort of each run of non-starters by class.</summary>
    private static void Reorder(List<int> cps)
    {
        for (var i = 1; i < cps.Count; i++)
        {
            var ccc = CombiningClass(cps[i]);
            if (ccc == 0) continue;
            for (var j = i; j > 0; j--)
            {
                var previous = CombiningClass(cps[j - 1]);
                if (previous <= ccc) break;
                (cps[j - 1], cps[j]) = (cps[j], cps[j - 1]);
            }
        }
    }

    private static int ComposePair(int first, int second)
    {
        if (first is >= LBase and < LBase + LCount && second is >= VBase and < VBase + VCount)
            return SBase + ((first - LBase) * VCount + second - VBase) * TCount;
        if (first is >= SBase and < SBase + SCount && (first - SBase) % TCount == 0 && second is > TBase and < TBase + TCount)
            return first + second - TBase;
        var index = IdnaData.CompKeys.BinarySearch((long)first << 21 | (uint)second);
        return index < 0 ? -1 : IdnaData.CompValues[index];
    }

    private static void Compose(List<int> cps)
    {
        if (cps.Count == 0) return;
        var starterPos = 0;
        var starter = cps[0];
        var lastClass = CombiningClass(starter);
        if (lastClass != 0) lastClass = 256; // a leading non-starter blocks everything after it
        var write = 1;
        for (var read = 1; read < cps.Count; read++)
        {
            var cp = cps[read];
            var ccc = CombiningClass(cp);
            var composite = ComposePair(starter, cp);
            if (composite >= 0 && (lastClass < ccc || lastClass == 0))
            {
                cps[starterPos] = composite;
                starter = composite;
                continue;
            }
            if (ccc == 0)
            {
                starterPos = write;
                starter = cp;
            }
            lastClass = ccc;
            cps[write++] = cp;
        }
        cps.RemoveRange(write, cps.Count - write);
    }
}
