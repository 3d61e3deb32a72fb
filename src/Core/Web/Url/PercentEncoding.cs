using System.Runtime.CompilerServices;
using System.Buffers;
using System.Text;

namespace EsRuntime.Web.Url;

/// <summary>The URL Standard's percent-encode sets, each nested in the next.</summary>
internal enum EncodeSet : byte
{
    C0Control,
    Fragment,
    Query,
    SpecialQuery,
    Path,
    Userinfo,
    Component,
    FormUrlEncoded,
}

/// <summary>UTF-8 percent-encoding and percent-decoding over spans, without per-char allocation.</summary>
internal static class PercentEncoding
{
    // One 128-bit mask per set: bit c set means ASCII c is encoded. Code points above U+007E always are.
    private static readonly (ulong Low, ulong High)[] Masks = BuildMasks();

    private static (ulong, ulong)[] BuildMasks()
    {
        var masks = new (ulong, ulong)[8];
        ulong low = 0xFFFF_FFFFUL, high = 1UL << (0x7F - 64); // C0 controls and DEL
        void Add(string chars) { foreach (var c in chars) { if (c < 64) low |= 1UL << c; else high |= 1UL << (c - 64); } }
        masks[(int)EncodeSet.C0Control] = (low, high);
        Add(" \"<>`");
        masks[(int)EncodeSet.Fragment] = (low, high);
        low = masks[0].Item1; high = masks[0].Item2;
        Add(" \"#<>");
        masks[(int)EncodeSet.Query] = (low, high);
        Add("'");
        masks[(int)EncodeSet.SpecialQuery] = (low, high);
        low = masks[(int)EncodeSet.Query].Item1; high = masks[(int)EncodeSet.Query].Item2;
        Add("?^`{}");
        masks[(int)EncodeSet.Path] = (low, high);
        Add("/:;=@[\\]|");
        masks[(int)EncodeSet.Userinfo] = (low, high);
        Add("$%&+,");
        masks[(int)EncodeSet.Component] = (low, high);
        Add("!'()~");
        masks[(int)EncodeSet.FormUrlEncoded] = (low, high);
        return masks;
    }

    /// <summary>
    /// ASCII runs the parser may copy as they are (vectorized scans): not in the state's encode set and
    /// not a delimiter that state must look at.
    /// </summary>
    internal static readonly SearchValues<char> PathPlain = Plain(EncodeSet.Path, "/\\");
    internal static readonly SearchValues<char> QueryPlain = Plain(EncodeSet.Query, "");
    internal static readonly SearchValues<char> SpecialQueryPlain = Plain(EncodeSet.SpecialQuery, "");
    internal static readonly SearchValues<char> FragmentPlain = Plain(EncodeSet.Fragment, "");
    internal static readonly SearchValues<char> OpaquePathPlain = Plain(EncodeSet.C0Control, " ?#");

    private static SearchValues<char> Plain(EncodeSet set, string delimiters)
    {
        var chars = new List<char>();
        for (var c = (char)0; c < 0x7F; c++) if (!InSet(c, set) && !delimiters.Contains(c)) chars.Add(c);
        return SearchValues.Create(chars.ToArray());
    }

    /// <summary>How many chars from the start of <paramref name="input"/> are in <paramref name="plain"/>.</summary>
    internal static int PlainRun(ReadOnlySpan<char> input, SearchValues<char> plain)
    {
        var i = input.IndexOfAnyExcept(plain);
        return i < 0 ? input.Length : i;
    }

    /// <summary>Whether <paramref name="c"/> is in <paramref name="set"/>.</summary>
    public static bool InSet(char c, EncodeSet set)
    {
        if (c >= 0x7F) return true;
        var (low, high) = Masks[(int)set];
        return c < 64 ? (low >> c & 1) != 0 : (high >> (c - 64) & 1) != 0;
    }

    private const string Hex = "0123456789ABCDEF";

    public static void AppendPercentByte(CharBuffer output, byte b)
    {
        output.Append('%');
        output.Append(Hex[b >> 4]);
        output.Append(Hex[b & 15]);
    }

    /// <summary>
    /// Appends <paramref name="input"/> UTF-8 percent-encoded with <paramref name="set"/>. Lone surrogates
    /// encode as U+FFFD, as the USVString conversion before parsing would have made them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Append(CharBuffer output, ReadOnlySpan<char> input, EncodeSet set, bool spaceAsPlus = false)
    {
        var (low, high) = Masks[(int)set];
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            if (c < 0x7F)
            {
                var encode = c < 64 ? (low >> c & 1) != 0 : (high >> (c - 64) & 1) != 0;
                if (!encode) output.Append(c);
                else if (spaceAsPlus && c == ' ') output.Append('+');
                else AppendPercentByte(output, (byte)c);
                continue;
            }
            int cp = c;
            if (char.IsHighSurrogate(c) && i + 1 < input.Length && char.IsLowSurrogate(input[i + 1])) cp = char.ConvertToUtf32(c, input[++i]);
            else if (char.IsSurrogate(c)) cp = 0xFFFD;
            AppendUtf8(output, cp);
        }
    }

    /// <summary>Appends one code point as percent-encoded UTF-8 bytes.</summary>
    public static void AppendUtf8(CharBuffer output, int cp)
    {
        if (cp < 0x80) AppendPercentByte(output, (byte)cp);
        else if (cp < 0x800)
        {
            AppendPercentByte(output, (byte)(0xC0 | cp >> 6));
            AppendPercentByte(output, (byte)(0x80 | cp & 0x3F));
        }
        else if (cp < 0x10000)
        {
            AppendPercentByte(output, (byte)(0xE0 | cp >> 12));
            AppendPercentByte(output, (byte)(0x80 | cp >> 6 & 0x3F));
            AppendPercentByte(output, (byte)(0x80 | cp & 0x3F));
        }
        else
        {
            AppendPercentByte(output, (byte)(0xF0 | cp >> 18));
            AppendPercentByte(output, (byte)(0x80 | cp >> 12 & 0x3F));
            AppendPercentByte(output, (byte)(0x80 | cp >> 6 & 0x3F));
            AppendPercentByte(output, (byte)(0x80 | cp & 0x3F));
        }
    }

    /// <summary>Whether any char of <paramref name="input"/> would be changed by encoding with <paramref name="set"/>.</summary>
    public static bool NeedsEncoding(ReadOnlySpan<char> input, EncodeSet set)
    {
        foreach (var c in input) if (InSet(c, set)) return true;
        return false;
    }

    /// <summary>Percent-encodes a whole string (the URL API's "encode" helpers and the setters use this).</summary>
    public static string Encode(ReadOnlySpan<char> input, EncodeSet set, bool spaceAsPlus = false)
    {
        if (!NeedsEncoding(input, set)) return input.ToString();
        var buffer = new CharBuffer(input.Length + 16);
        Append(buffer, input, set, spaceAsPlus);
        return buffer.ToString();
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>
    /// Percent-decodes <paramref name="input"/> (taken as its UTF-8 bytes) and decodes the bytes as UTF-8
    /// with replacement, optionally turning '+' into a space first (application/x-www-form-urlencoded).
    /// </summary>
    public static string DecodeToString(ReadOnlySpan<char> input, bool plusAsSpace = false)
    {
        if (input.IndexOf('%') < 0 && (!plusAsSpace || input.IndexOf('+') < 0)) return ToWellFormed(input);
        var bytes = DecodeToBytes(input, plusAsSpace);
        return System.Text.Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Percent-decodes to bytes: the string is UTF-8 encoded first, then each valid %XX becomes a byte.</summary>
    public static byte[] DecodeToBytes(ReadOnlySpan<char> input, bool plusAsSpace = false)
    {
        var utf8 = new byte[System.Text.Encoding.UTF8.GetMaxByteCount(input.Length)];
        var length = System.Text.Encoding.UTF8.GetBytes(input, utf8);
        var w = 0;
        for (var r = 0; r < length; r++)
        {
            var b = utf8[r];
            if (b == '%' && r + 2 < length && HexValue((char)utf8[r + 1]) is var h and >= 0 && HexValue((char)utf8[r + 2]) is var l and >= 0)
            {
                utf8[w++] = (byte)(h << 4 | l);
                r += 2;
            }
            else utf8[w++] = plusAsSpace && b == '+' ? (byte)' ' : b;
        }
        return utf8.AsSpan(0, w).ToArray();
    }

    /// <summary>The string with lone surrogates replaced by U+FFFD (a USVString).</summary>
    public static string ToWellFormed(ReadOnlySpan<char> input)
    {
        var i = 0;
        for (; i < input.Length; i++)
        {
            var c = input[i];
            if (!char.IsSurrogate(c)) continue;
            if (char.IsHighSurrogate(c) && i + 1 < input.Length && char.IsLowSurrogate(input[i + 1])) { i++; continue; }
            break;
        }
        if (i == input.Length) return input.ToString();
        var chars = input.ToArray();
        for (; i < chars.Length; i++)
        {
            var c = chars[i];
            if (!char.IsSurrogate(c)) continue;
            if (char.IsHighSurrogate(c) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) { i++; continue; }
            chars[i] = '\uFFFD';
        }
        return new string(chars);
    }
}

/// <summary>A growable char buffer, reused across parses to avoid per-URL allocation.</summary>
internal sealed class CharBuffer(int capacity = 64)
{
    private char[] _chars = new char[capacity];

    public int Length { get; private set; }

    public ReadOnlySpan<char> Span => _chars.AsSpan(0, Length);

    public char this[int index]
    {
        get => _chars[index];
        set => _chars[index] = value;
    }

    public void Clear() => Length = 0;

    public void Truncate(int length) => Length = length;

    public void Append(char c)
    {
        if (Length == _chars.Length) Grow(1);
        _chars[Length++] = c;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        if (Length + text.Length > _chars.Length) Grow(text.Length);
        text.CopyTo(_chars.AsSpan(Length));
        Length += text.Length;
    }

    public void AppendNumber(int value)
    {
        Span<char> digits = stackalloc char[11];
        value.TryFormat(digits, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        Append(digits[..written]);
    }

    public void Set(ReadOnlySpan<char> text)
    {
        Length = 0;
        Append(text);
    }

    private void Grow(int extra) => Array.Resize(ref _chars, Math.Max(_chars.Length * 2, Length + extra));

    public override string ToString() => new(_chars, 0, Length);
}
