using System.Text;

namespace EsRuntime.Http;

/// <summary>
/// Strings the parser hands out without allocating: common methods, header names (in canonical
/// and lower case, matched exactly so the received case is kept), a few common values and the
/// default reason phrases.
/// </summary>
internal static class HttpKnownNames
{
    public const string Get = "GET", Head = "HEAD", Post = "POST", Put = "PUT", Delete = "DELETE",
        Options = "OPTIONS", Patch = "PATCH", Connect = "CONNECT", Trace = "TRACE";

    private static readonly string[] Methods = [Get, Head, Post, Put, Delete, Options, Patch, Connect, Trace];

    private static readonly string[] CanonicalNames =
    [
        "Host", "Connection", "Content-Length", "Content-Type", "Transfer-Encoding", "Accept",
        "Accept-Encoding", "Accept-Language", "Accept-Ranges", "User-Agent", "Cookie", "Set-Cookie",
        "Cache-Control", "Upgrade", "Upgrade-Insecure-Requests", "Expect", "Referer", "Origin",
        "Authorization", "If-None-Match", "If-Modified-Since", "Date", "Server", "Location", "Keep-Alive",
        "Pragma", "Range", "ETag", "Last-Modified", "Content-Encoding", "Vary", "Priority", "DNT", "TE",
        "Sec-Fetch-Dest", "Sec-Fetch-Mode", "Sec-Fetch-Site", "Sec-Fetch-User", "Sec-Ch-Ua",
        "Sec-Ch-Ua-Mobile", "Sec-Ch-Ua-Platform", "X-Forwarded-For", "X-Requested-With",
    ];

    private static readonly string[] CommonValues =
    [
        "keep-alive", "close", "1", "0", "*/*", "gzip", "gzip, deflate", "gzip, deflate, br", "gzip, deflate, br, zstd",
        "no-cache", "max-age=0", "document", "navigate", "same-origin", "same-site", "cross-site", "none", "cors", "no-cors",
        "empty", "?0", "?1", "trailers", "chunked", "100-continue", "application/json", "text/plain;charset=UTF-8",
    ];

    // Indexed by length: each entry's exact latin1 bytes, then the string to hand out.
    private static readonly (byte[] Bytes, string Text)[][] NamesByLength = ByLength(CanonicalNames.Concat(CanonicalNames.Select(n => n.ToLowerInvariant())));
    private static readonly (byte[] Bytes, string Text)[][] ValuesByLength = ByLength(CommonValues);

    private static (byte[], string)[][] ByLength(IEnumerable<string> strings)
    {
        var all = strings.ToArray();
        var lists = new List<(byte[], string)>[all.Max(n => n.Length) + 1];
        foreach (var s in all) (lists[s.Length] ??= []).Add((Encoding.Latin1.GetBytes(s), s));
        return [.. lists.Select(l => l?.ToArray() ?? [])];
    }

    private static string Lookup((byte[] Bytes, string Text)[][] table, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < table.Length)
        {
            foreach (var (known, text) in table[bytes.Length])
            {
                if (bytes.SequenceEqual(known)) return text;
            }
        }
        return HttpSyntax.Latin1(bytes);
    }

    public static string Method(ReadOnlySpan<byte> bytes)
    {
        foreach (var m in Methods)
        {
            if (bytes.Length == m.Length && Ascii.Equals(bytes, m)) return m;
        }
        return HttpSyntax.Latin1(bytes);
    }

    public static string FieldName(ReadOnlySpan<byte> bytes) => Lookup(NamesByLength, bytes);

    /// <summary>A field value, shared when it is one of a few very common ones.</summary>
    public static string FieldValue(ReadOnlySpan<byte> bytes) => Lookup(ValuesByLength, bytes);

    public static string? Find(IReadOnlyList<HttpField> fields, string name)
    {
        foreach (var f in fields)
        {
            if (string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)) return f.Value;
        }
        return null;
    }

    /// <summary>The reason phrase RFC 9110 gives a status, or "" for one it does not name.</summary>
    public static string Reason(int status) => status switch
    {
        100 => "Continue",
        101 => "Switching Protocols",
        103 => "Early Hints",
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        203 => "Non-Authoritative Information",
        204 => "No Content",
        205 => "Reset Content",
        206 => "Partial Content",
        300 => "Multiple Choices",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Content Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Range Not Satisfiable",
        417 => "Expectation Failed",
        421 => "Misdirected Request",
        422 => "Unprocessable Content",
        426 => "Upgrade Required",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        _ => "",
    };

    /// <summary>The received reason phrase, as the shared default string when it is the default.</summary>
    public static string ReasonFrom(int status, ReadOnlySpan<byte> bytes)
    {
        var known = Reason(status);
        return bytes.Length == known.Length && Ascii.Equals(bytes, known) ? known : HttpSyntax.Latin1(bytes);
    }
}
