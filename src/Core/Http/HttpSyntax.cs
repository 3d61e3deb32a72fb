using System.Buffers;

namespace EsRuntime.Http;

/// <summary>The result of reading one line.</summary>
internal enum LineStatus { Line, NeedMore, TooLong, BareCr, BareLf }

/// <summary>
/// The byte-level grammar of RFC 9112/9110 the parsers share: character classes, CRLF lines (a CR
/// not followed by LF and an LF not preceded by CR are both errors, RFC 9112 §2.2), field lines
/// (§5) and comma-separated lists (RFC 9110 §5.6.1). Nothing here allocates.
/// </summary>
internal static class HttpSyntax
{
    public const byte CR = (byte)'\r', LF = (byte)'\n', SP = (byte)' ', HTAB = (byte)'\t';

    /// <summary>tchar (RFC 9110 §5.6.2).</summary>
    public static readonly SearchValues<byte> TokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    /// <summary>Bytes a field value may not hold: controls other than HTAB, and DEL (RFC 9110 §5.5).</summary>
    public static readonly SearchValues<byte> FieldValueForbidden = SearchValues.Create(ControlsExceptTab());

    /// <summary>Bytes a request target may hold: visible ASCII.</summary>
    public static readonly SearchValues<byte> TargetChars = SearchValues.Create(Range(0x21, 0x7E));

    /// <summary>Bytes a Host value may hold: uri-host (reg-name, IP-literal) and port characters.</summary>
    public static readonly SearchValues<byte> HostChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:[]%"u8);

    private static readonly SearchValues<byte> CrOrLf = SearchValues.Create("\r\n"u8);

    private static byte[] ControlsExceptTab()
    {
        var list = new List<byte>();
        for (var b = 0; b < 0x20; b++) if (b != HTAB) list.Add((byte)b);
        list.Add(0x7F);
        return [.. list];
    }

    private static byte[] Range(int from, int to)
    {
        var bytes = new byte[to - from + 1];
        for (var i = 0; i < bytes.Length; i++) bytes[i] = (byte)(from + i);
        return bytes;
    }

    public static bool IsToken(ReadOnlySpan<byte> s) => s.Length > 0 && !s.ContainsAnyExcept(TokenChars);

    public static bool IsWhitespace(byte b) => b is SP or HTAB;

    public static ReadOnlySpan<byte> TrimWhitespace(ReadOnlySpan<byte> s)
    {
        var start = 0;
        while (start < s.Length && IsWhitespace(s[start])) start++;
        var end = s.Length;
        while (end > start && IsWhitespace(s[end - 1])) end--;
        return s[start..end];
    }

    /// <summary>
    /// Reads one CRLF-terminated line of at most <paramref name="maxLength"/> bytes (CRLF excluded)
    /// from the reader, advancing past it only when the whole line is there. <paramref name="examined"/>
    /// remembers how far a previous attempt scanned without finding a terminator, so a line arriving a
    /// byte at a time is scanned once; reset it to 0 after each line. <paramref name="scratch"/> holds
    /// a line that spans segments.
    /// </summary>
    public static LineStatus ReadLine(scoped ref SequenceReader<byte> reader, int maxLength, scoped ref int examined, scoped ref byte[]? scratch, out ReadOnlySpan<byte> line)
    {
        line = default;
        var span = reader.UnreadSpan;
        var all = reader.Remaining == span.Length;
        if (!all)
        {
            // The line may cross a segment: copy enough to decide into the scratch buffer.
            var want = (int)Math.Min(reader.Remaining, (long)maxLength + 2);
            if (scratch is null || scratch.Length < want) scratch = new byte[Math.Max(want, 256)];
            reader.Sequence.Slice(reader.Position, want).CopyTo(scratch);
            span = scratch.AsSpan(0, want);
            all = want == reader.Remaining;
        }
        var status = Scan(span, all, maxLength, ref examined, out var length);
        if (status != LineStatus.Line) return status;
        line = span[..length];
        reader.Advance(length + 2);
        examined = 0;
        return LineStatus.Line;
    }

    private static LineStatus Scan(ReadOnlySpan<byte> span, bool all, int maxLength, ref int examined, out int length)
    {
        length = 0;
        var from = Math.Min(examined, span.Length);
        var i = span[from..].IndexOfAny(CrOrLf);
        if (i < 0)
        {
            if (span.Length > maxLength) return LineStatus.TooLong;
            examined = span.Length;
            return LineStatus.NeedMore;
        }
        i += from;
        if (span[i] == LF) return LineStatus.BareLf;
        if (i > maxLength) return LineStatus.TooLong;
        if (i + 1 == span.Length)
        {
            examined = i;
            return all ? LineStatus.NeedMore : LineStatus.TooLong;
        }
        if (span[i + 1] != LF) return LineStatus.BareCr;
        length = i;
        return LineStatus.Line;
    }

    /// <summary>
    /// Splits a field line into name and value (OWS trimmed), enforcing RFC 9112 §5: no leading
    /// whitespace (obs-fold), a token name, no whitespace before the colon, no controls in the value.
    /// Returns the reason when the line is malformed, null when it is good.
    /// </summary>
    public static string? ParseField(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        name = value = default;
        if (IsWhitespace(line[0])) return "obsolete line folding or leading whitespace in a header line";
        var colon = line.IndexOf((byte)':');
        if (colon < 0) return "header line without a colon";
        name = line[..colon];
        if (colon == 0) return "empty header name";
        var bad = name.IndexOfAnyExcept(TokenChars);
        if (bad >= 0) return IsWhitespace(name[^1]) ? "whitespace before the colon in a header line" : "invalid character in a header name";
        value = TrimWhitespace(line[(colon + 1)..]);
        if (value.ContainsAny(FieldValueForbidden)) return "control character in a header value";
        return null;
    }

    /// <summary>
    /// The next element of a comma-separated list, OWS trimmed; empty elements are skipped
    /// (RFC 9110 §5.6.1). Returns false at the end.
    /// </summary>
    public static bool NextListElement(ref ReadOnlySpan<byte> rest, out ReadOnlySpan<byte> element)
    {
        while (rest.Length > 0)
        {
            var comma = rest.IndexOf((byte)',');
            var part = comma < 0 ? rest : rest[..comma];
            rest = comma < 0 ? default : rest[(comma + 1)..];
            element = TrimWhitespace(part);
            if (element.Length > 0) return true;
        }
        element = default;
        return false;
    }

    /// <summary>Parses 1*DIGIT into a non-negative long; false on anything else or overflow.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<byte> s, out long value, out bool overflow)
    {
        value = 0;
        overflow = false;
        if (s.Length == 0) return false;
        foreach (var b in s)
        {
            var d = b - '0';
            if ((uint)d > 9) return false;
            if (value > (long.MaxValue - d) / 10) { overflow = true; return false; }
            value = value * 10 + d;
        }
        return true;
    }

    public static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    public static string Latin1(ReadOnlySpan<byte> s) => s.Length == 0 ? "" : System.Text.Encoding.Latin1.GetString(s);
}
