using System.Text;

namespace EsRuntime.Web.Url;

/// <summary>Punycode (RFC 3492) over code point lists, with the RFC's overflow checks.</summary>
internal static class Punycode
{
    private const int Base = 36, TMin = 1, TMax = 26, Skew = 38, Damp = 700, InitialBias = 72, InitialN = 128;

    private static int Adapt(int delta, int numPoints, bool firstTime)
    {
        delta = firstTime ? delta / Damp : delta / 2;
        delta += delta / numPoints;
        var k = 0;
        while (delta > (Base - TMin) * TMax / 2)
        {
            delta /= Base - TMin;
            k += Base;
        }
        return k + (Base - TMin + 1) * delta / (delta + Skew);
    }

    private static int DigitValue(char c) => c switch
    {
        >= 'a' and <= 'z' => c - 'a',
        >= 'A' and <= 'Z' => c - 'A',
        >= '0' and <= '9' => c - '0' + 26,
        _ => -1,
    };

    private static char DigitChar(int d) => (char)(d < 26 ? 'a' + d : '0' + d - 26);

    /// <summary>Decodes the part of a label after "xn--"; false on malformed input.</summary>
    public static bool Decode(ReadOnlySpan<char> input, List<int> output)
    {
        output.Clear();
        var delimiter = input.LastIndexOf('-');
        if (delimiter > 0)
        {
            foreach (var c in input[..delimiter])
            {
                if (c >= 0x80) return false;
                output.Add(c);
            }
        }
        int n = InitialN, i = 0, bias = InitialBias;
        for (var p = delimiter > 0 ? delimiter + 1 : 0; p < input.Length;)
        {
            var oldI = i;
            var w = 1;
            for (var k = Base; ; k += Base)
            {
                if (p >= input.Length) return false;
                var digit = DigitValue(input[p++]);
                if (digit < 0) return false;
                if (digit > (int.MaxValue - i) / w) return false;
                i += digit * w;
                var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                if (digit < t) break;
                if (w > int.MaxValue / (Base - t)) return false;
                w *= Base - t;
            }
            var count = output.Count + 1;
            bias = Adapt(i - oldI, count, oldI == 0);
            if (i / count > int.MaxValue - n) return false;
            n += i / count;
            i %= count;
            if (n > 0x10FFFF || n is >= 0xD800 and <= 0xDFFF) return false;
            output.Insert(i, n);
            i++;
        }
        return true;
    }

    /// <summary>Encodes a label's code points (the result does not include "xn--").</summary>
    public static bool Encode(ReadOnlySpan<int> input, StringBuilder output)
    {
        var basicCount = 0;
        foreach (var cp in input)
        {
            if (cp >= 0x80) continue;
            output.Append((char)cp);
            basicCount++;
        }
        var handled = basicCount;
        if (basicCount > 0) output.Append('-');
        int n = InitialN, delta = 0, bias = InitialBias;
        while (handled < input.Length)
        {
            var m = int.MaxValue;
            foreach (var cp in input) if (cp >= n && cp < m) m = cp;
            if (m - n > (int.MaxValue - delta) / (handled + 1)) return false;
            delta += (m - n) * (handled + 1);
            n = m;
            foreach (var cp in input)
            {
                if (cp < n && ++delta == int.MaxValue) return false;
                if (cp != n) continue;
                var q = delta;
                for (var k = Base; ; k += Base)
                {
                    var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                    if (q < t) break;
                    output.Append(DigitChar(t + (q - t) % (Base - t)));
                    q = (q - t) / (Base - t);
                }
                output.Append(DigitChar(q));
                bias = Adapt(delta, handled + 1, handled == basicCount);
                delta = 0;
                handled++;
            }
            delta++;
            n++;
        }
        return true;
    }
}
