namespace EsRuntime.Http;

/// <summary>
/// Every bound the HTTP/1.1 codec enforces, as data. The status a breach earns is decided where the
/// rule is checked (431 for the head, 414/501 for the request line, 413 for the body and chunk
/// lines); a client-side connection reports the same breaches of a response as 502.
/// Defaults follow Kestrel and node where they agree.
/// </summary>
internal sealed record HttpLimits
{
    public static readonly HttpLimits Default = new();

    /// <summary>The request line or status line, without its CRLF (414 URI Too Long, or 501 when no method ends within it).</summary>
    public int MaxStartLineBytes { get; init; } = 8 * 1024;

    /// <summary>All header field lines of one message together, CRLFs included (431); also the trailer section's bound.</summary>
    public int MaxHeaderBytes { get; init; } = 32 * 1024;

    /// <summary>Header field lines in one message (431); also the trailer section's bound.</summary>
    public int MaxHeaderCount { get; init; } = 100;

    /// <summary>Body bytes of one request (413). Unbounded by default: a handler may stream a large upload.</summary>
    public long MaxBodyBytes { get; init; } = long.MaxValue;

    /// <summary>A chunk-size line with its extensions (413, as node answers since CVE-2024-22019).</summary>
    public int MaxChunkLineBytes { get; init; } = 4 * 1024;

    /// <summary>How long a started request head may take to arrive completely (then 408 and close).</summary>
    public long HeaderTimeoutMs { get; init; } = 30_000;

    /// <summary>How long a connection may sit with no request in progress before it is closed.</summary>
    public long IdleTimeoutMs { get; init; } = 5_000;

    /// <summary>
    /// Request body the server reads and drops after a response that ended before the body did; a
    /// longer (or chunked, so unknown) remainder closes the connection instead.
    /// </summary>
    public long MaxDiscardBodyBytes { get; init; } = 64 * 1024;

    /// <summary>Received bytes a connection holds before it asks its caller to stop reading (see <c>WantsInput</c>).</summary>
    public int MaxBufferedBytes { get; init; } = 64 * 1024;
}
