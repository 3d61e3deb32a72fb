using System.Runtime.CompilerServices;
using System.Globalization;
using System.Text;

namespace EsRuntime.Web.Url;

/// <summary>
/// The URL Standard's "domain to ASCII": UTS #46 ToASCII with CheckHyphens=false, CheckBidi=true,
/// CheckJoiners=true, UseSTD3ASCIIRules=false, Transitional_Processing=false, VerifyDnsLength=false.
/// Written against generated Unicode 17 tables, since IdnMapping under invariant globalization is
/// plain Punycode without the UTS #46 mapping.
/// </summary>
internal static class Idna
{
    private enum Status { Valid = 0, Mapped = 1, Deviation = 2, Disallowed = 3, Ignored = 4 }

    // Bidi_Class and Joining_Type values as numbered in IdnaData.
    private const int L = 0, R = 1, AL = 2, EN = 3, ES = 4, ET = 5, AN = 6, CS = 7, NSM = 8, BN = 9, ON = 13;
    private const int JtD = 2, JtL = 3, JtR = 4, JtT = 5;

    /// <summary>Appends the ASCII form of <paramref name="domain"/>; false on any UTS #46 error or an empty result.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool DomainToAscii(ReadOnlySpan<char> domain, CharBuffer output)
    {
        if (IsPlainAscii(domain))
        {
            // For ASCII without Punycode labels, UTS #46 reduces to lowercasing.
            foreach (var c in domain) output.Append(c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c);
            return domain.Length > 0;
        }
        var mark = output.Length;
        if (!ToAscii(domain, output)) return false;
        return output.Length > mark;
    }

    private static bool IsPlainAscii(ReadOnlySpan<char> domain)
    {
        for (var i = 0; i < domain.Length; i++)
        {
            var c = domain[i];
            if (c >= 0x80) return false;
            if ((i == 0 || domain[i - 1] == '.') && IsPunycodePrefix(domain[i..])) return false;
        }
        return true;
    }

    private static bool IsPunycodePrefix(ReadOnlySpan<char> label) =>
        label.Length >= 4 && (label[0] | 0x20) == 'x' && (label[1] | 0x20) == 'n' && label[2] == '-' && label[3] == '-';

    private static Status Lookup(int cp, out ReadOnlySpan<char> mapping)
    {
        var info = IdnaData.MapInfo[Nfc.FindRange(IdnaData.MapStarts, cp)];
        mapping = IdnaData.MapChars.AsSpan(info >> 8, (info >> 3) & 31);
        return (Status)(info & 7);
    }

    private static Status StatusOf(int cp) => Lookup(cp, out _);

    private static bool ToAscii(ReadOnlySpan<char> domain, CharBuffer output)
    {
        // 1. Map. Any error fails the whole domain for the URL Standard, so stop at the first.
        var cps = new List<int>(domain.Length);
        for (var i = 0; i < domain.Length; i++)
        {
            int cp = domain[i];
            if (char.IsHighSurrogate(domain[i]) && i + 1 < domain.Length && char.IsLowSurrogate(domain[i + 1])) cp = char.ConvertToUtf32(domain[i], domain[++i]);
            else if (char.IsSurrogate(domain[i])) return false;
            switch (Lookup(cp, out var mapping))
            {
                case Status.Valid or Status.Deviation:
                    cps.Add(cp);
                    break;
                case Status.Mapped:
                    for (var j = 0; j < mapping.Length; j++)
                        cps.Add(char.IsHighSurrogate(mapping[j]) ? char.ConvertToUtf32(mapping[j], mapping[++j]) : mapping[j]);
                    break;
                case Status.Ignored:
                    break;
                default:
                    return false;
            }
        }

        // 2. Normalize. 3. Break into labels; decode Punycode labels.
        Nfc.Normalize(cps);
        var labels = new List<(List<int> Label, bool FromPunycode)>();
        var start = 0;
        for (var i = 0; i <= cps.Count; i++)
        {
            if (i < cps.Count && cps[i] != '.') continue;
            var label = cps.GetRange(start, i - start);
            start = i + 1;
            if (label.Count >= 4 && label[0] == 'x' && label[1] == 'n' && label[2] == '-' && label[3] == '-')
            {
                var text = new char[label.Count - 4];
                for (var j = 4; j < label.Count; j++)
                {
                    if (label[j] >= 0x80) return false;
                    text[j - 4] = (char)label[j];
                }
                var decoded = new List<int>();
                if (!Punycode.Decode(text, decoded)) return false;
                if (decoded.Count == 0 || decoded.TrueForAll(cp => cp < 0x80)) return false;
                labels.Add((decoded, true));
            }
            else labels.Add((label, false));
        }

        // 4. Validity criteria, per label; the Bidi rule only for a Bidi domain name.
        var bidiDomain = false;
        foreach (var (label, _) in labels)
            foreach (var cp in label)
                if (cp >= 0x590 && BidiClass(cp) is R or AL or AN) bidiDomain = true;
        foreach (var (label, fromPunycode) in labels)
        {
            if (label.Count == 0) continue;
            if (!IsValid(label, fromPunycode)) return false;
            if (bidiDomain && !SatisfiesBidiRule(label)) return false;
        }

        // 5. Convert to ASCII: non-ASCII labels become "xn--" + Punycode.
        var sb = new StringBuilder();
        for (var i = 0; i < labels.Count; i++)
        {
            if (i > 0) output.Append('.');
            var label = labels[i].Label;
            if (label.TrueForAll(cp => cp < 0x80))
            {
                foreach (var cp in label) output.Append((char)cp);
                continue;
            }
            sb.Clear();
            if (!Punycode.Encode(label.ToArray(), sb)) return false;
            output.Append("xn--");
            output.Append(sb.ToString());
        }
        return true;
    }

    private static bool IsValid(List<int> label, bool fromPunycode)
    {
        if (fromPunycode)
        {
            // A decoded label must already be NFC and must not itself look like Punycode.
            var normalized = new List<int>(label);
            Nfc.Normalize(normalized);
            if (!normalized.SequenceEqual(label)) return false;
            if (label.Count >= 4 && label[0] == 'x' && label[1] == 'n' && label[2] == '-' && label[3] == '-') return false;
        }
        if (CharUnicodeInfo.GetUnicodeCategory(label[0]) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            return false;
        for (var i = 0; i < label.Count; i++)
        {
            var cp = label[i];
            if (cp == '.') return false;
            if (StatusOf(cp) is not (Status.Valid or Status.Deviation)) return false;
            if (cp is 0x200C or 0x200D && !JoinerAllowed(label, i)) return false;
        }
        return true;
    }

    /// <summary>CheckJoiners: the CONTEXTJ rules of RFC 5892 Appendix A.1 and A.2.</summary>
    private static bool JoinerAllowed(List<int> label, int i)
    {
        if (i > 0 && Nfc.CombiningClass(label[i - 1]) == 9) return true; // after a virama
        if (label[i] == 0x200D) return false;
        // ZWNJ: (L|D) T* ZWNJ T* (R|D)
        var j = i - 1;
        while (j >= 0 && JoiningType(label[j]) == JtT) j--;
        if (j < 0 || JoiningType(label[j]) is not (JtL or JtD)) return false;
        j = i + 1;
        while (j < label.Count && JoiningType(label[j]) == JtT) j++;
        return j < label.Count && JoiningType(label[j]) is JtR or JtD;
    }

    /// <summary>CheckBidi: the six conditions of RFC 5893 section 2.</summary>
    private static bool SatisfiesBidiRule(List<int> label)
    {
        var first = BidiClass(label[0]);
        if (first is not (L or R or AL)) return false;
        var last = label.Count - 1;
        while (last > 0 && BidiClass(label[last]) == NSM) last--;
        var end = BidiClass(label[last]);
        if (first == L)
        {
            foreach (var cp in label)
                if (BidiClass(cp) is not (L or EN or ES or CS or ET or ON or BN or NSM)) return false;
            return end is L or EN;
        }
        bool hasEN = false, hasAN = false;
        foreach (var cp in label)
        {
            var bc = BidiClass(cp);
            if (bc is not (R or AL or AN or EN or ES or CS or ET or ON or BN or NSM)) return false;
            hasEN |= bc == EN;
            hasAN |= bc == AN;
        }
        return end is R or AL or EN or AN && !(hasEN && hasAN);
    }

    private static int BidiClass(int cp) => IdnaData.BidiClasses[Nfc.FindRange(IdnaData.BidiStarts, cp)];

    private static int JoiningType(int cp) => IdnaData.JoiningTypes[Nfc.FindRange(IdnaData.JoiningStarts, cp)];
}
