using System.Buffers;

namespace EsRuntime.Http;

/// <summary>
/// Writes heads and framed bodies into an <see cref="IBufferWriter{T}"/>. Field names must be
/// tokens and values free of controls (so no caller string can split a message); latin1 only.
/// A breach is the caller's bug and throws <see cref="ArgumentException"/>.
/// </summary>
internal static class HttpWriting
{
    private static readonly SearchValues<char> ValueForbidden = SearchValues.Create(ForbiddenChars());
    private static readonly SearchValues<char> TokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static string ForbiddenChars()
    {
        var chars = new List<char>();
        for (var c = 0; c < 0x20; c++) if (c != '\t') chars.Add((char)c);
        chars.Add((char)0x7F);
        return new string([.. chars]);
    }

    public static void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes) => output.Write(bytes);

    public static void WriteLatin1(IBufferWriter<byte> output, string text)
    {
        var span = output.GetSpan(text.Length);
        var n = System.Text.Encoding.Latin1.GetBytes(text, span);
        output.Advance(n);
    }

    public static void WriteDecimal(IBufferWriter<byte> output, long value)
    {
        var span = output.GetSpan(20);
        value.TryFormat(span, out var n, default, System.Globalization.CultureInfo.InvariantCulture);
        output.Advance(n);
    }

    public static void WriteHex(IBufferWriter<byte> output, long value)
    {
        var span = output.GetSpan(16);
        value.TryFormat(span, out var n, "X", System.Globalization.CultureInfo.InvariantCulture);
        output.Advance(n);
    }

    public static bool IsToken(string s) => s.Length > 0 && !s.AsSpan().ContainsAnyExcept(TokenChars);

    public static void CheckName(string name)
    {
        if (!IsToken(name))
        {
            throw new ArgumentException($"invalid HTTP header name \"{name}\"");
        }
    }

    public static void CheckValue(string name, string value)
    {
        if (value.AsSpan().ContainsAny(ValueForbidden) || value.AsSpan().ContainsAnyExceptInRange('\0', '\xFF'))
        {
            throw new ArgumentException($"invalid value for HTTP header \"{name}\"");
        }
    }

    /// <summary>"Name: value\r\n", checked.</summary>
    public static void WriteField(IBufferWriter<byte> output, string name, string value)
    {
        CheckName(name);
        CheckValue(name, value);
        WriteLatin1(output, name);
        Write(output, ": "u8);
        WriteLatin1(output, value);
        Write(output, "\r\n"u8);
    }

    /// <summary>The framing field for a body: Content-Length or Transfer-Encoding: chunked (nothing for none or until-close).</summary>
    public static void WriteFraming(IBufferWriter<byte> output, BodyFraming framing)
    {
        if (framing.Kind == BodyFramingKind.Length)
        {
            Write(output, "Content-Length: "u8);
            WriteDecimal(output, framing.Length);
            Write(output, "\r\n"u8);
        }
        else if (framing.Kind == BodyFramingKind.Chunked)
        {
            Write(output, "Transfer-Encoding: chunked\r\n"u8);
        }
    }

    /// <summary>Whether a comma-separated list value holds <paramref name="token"/> (ASCII case-insensitive).</summary>
    public static bool ListHas(string value, string token)
    {
        foreach (var range in value.AsSpan().Split(','))
        {
            if (value.AsSpan()[range].Trim(" \t").Equals(token, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>Fields the codec writes itself (framing and connection management), dropped from a caller's list.</summary>
    public static bool IsCodecField(string name) =>
        name.Length switch
        {
            10 => name.Equals("Connection", StringComparison.OrdinalIgnoreCase),
            14 => name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase),
            17 => name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
}

/// <summary>
/// Frames one body as it is written: raw bytes up to a declared length, chunks, or raw bytes until
/// the connection closes. A bodiless message (HEAD, 1xx, 204, 304) drops what it is given.
/// </summary>
internal struct HttpBodyEncoder(BodyFraming framing, bool suppressed)
{
    private long _written;

    /// <summary>Whether the body went out as framed: false after bytes beyond a declared length (dropped) or short of it at the end.</summary>
    public bool Intact { get; private set; } = true;

    public readonly bool Chunked => framing.Kind == BodyFramingKind.Chunked && !suppressed;

    public void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> data)
    {
        if (suppressed || data.Length == 0) return;
        switch (framing.Kind)
        {
            case BodyFramingKind.Length:
                var room = framing.Length - _written;
                if (data.Length > room) { data = data[..(int)room]; Intact = false; }
                HttpWriting.Write(output, data);
                break;
            case BodyFramingKind.Chunked:
                HttpWriting.WriteHex(output, data.Length);
                HttpWriting.Write(output, "\r\n"u8);
                HttpWriting.Write(output, data);
                HttpWriting.Write(output, "\r\n"u8);
                break;
            case BodyFramingKind.UntilClose:
                HttpWriting.Write(output, data);
                break;
            default:
                Intact = false;
                return;
        }
        _written += data.Length;
    }

    /// <summary>Ends the body (the last chunk when chunked); returns <see cref="Intact"/>.</summary>
    public bool End(IBufferWriter<byte> output)
    {
        if (suppressed) return Intact;
        if (framing.Kind == BodyFramingKind.Chunked) HttpWriting.Write(output, "0\r\n\r\n"u8);
        else if (framing.Kind == BodyFramingKind.Length && _written != framing.Length) Intact = false;
        return Intact;
    }
}
