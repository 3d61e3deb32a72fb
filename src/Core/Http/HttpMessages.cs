namespace EsRuntime.Http;

/// <summary>HTTP/1.0 or HTTP/1.1 (a 1.x minor above 1 is treated as 1.1, RFC 9110 §2.5).</summary>
internal enum HttpVersion { Http10, Http11 }

/// <summary>One header field line as received or to be sent: latin1 strings, the name in its received case.</summary>
internal readonly record struct HttpField(string Name, string Value);

/// <summary>
/// A protocol error: the status a server answers with (400, 408, 413, 414, 431, 501, 505; a client
/// connection reports 502) and a short reason. The connection must close after one.
/// </summary>
internal readonly record struct HttpError(int Status, string Reason)
{
    public override string ToString() => $"{Status} {Reason}";
}

/// <summary>How a body is framed on the wire.</summary>
internal enum BodyFramingKind { None, Length, Chunked, UntilClose }

/// <summary>A body's framing: none, a known length, chunked, or delimited by the connection closing.</summary>
internal readonly record struct BodyFraming(BodyFramingKind Kind, long Length)
{
    public static readonly BodyFraming None = new(BodyFramingKind.None, 0);
    public static readonly BodyFraming Chunked = new(BodyFramingKind.Chunked, 0);
    public static readonly BodyFraming UntilClose = new(BodyFramingKind.UntilClose, 0);
    public static BodyFraming OfLength(long length) => new(BodyFramingKind.Length, length);
}

/// <summary>A parsed request head and the facts its fields imply.</summary>
internal sealed class HttpRequestHead
{
    public required string Method { get; init; }
    public required string Target { get; init; }
    public required HttpVersion Version { get; init; }
    public required IReadOnlyList<HttpField> Fields { get; init; }

    /// <summary>The declared Content-Length, or -1 when there is none.</summary>
    public long ContentLength { get; init; } = -1;
    public bool Chunked { get; init; }
    /// <summary>Whether the client asked for the connection to stay open (HTTP/1.1 unless <c>close</c>; 1.0 with <c>keep-alive</c>).</summary>
    public bool KeepAlive { get; init; }
    /// <summary>An HTTP/1.1 request with <c>Expect: 100-continue</c>.</summary>
    public bool ExpectsContinue { get; init; }
    /// <summary>The Upgrade field's value when Connection lists <c>upgrade</c> (HTTP/1.1 only); the codec does not switch protocols.</summary>
    public string? Upgrade { get; init; }

    public bool IsHead => Method == HttpKnownNames.Head;

    public BodyFraming Framing => Chunked ? BodyFraming.Chunked : ContentLength >= 0 ? BodyFraming.OfLength(ContentLength) : BodyFraming.None;

    /// <summary>The first field with this name (ASCII case-insensitive), or null.</summary>
    public string? Get(string name) => HttpKnownNames.Find(Fields, name);
}

/// <summary>A parsed final response head and the facts its fields imply.</summary>
internal sealed class HttpResponseHead
{
    public required int Status { get; init; }
    public required string Reason { get; init; }
    public required HttpVersion Version { get; init; }
    public required IReadOnlyList<HttpField> Fields { get; init; }

    /// <summary>How the body that follows is delimited (already decided from the request method and the status).</summary>
    public required BodyFraming Framing { get; init; }
    /// <summary>Whether the server lets the connection be reused after this response (if its body is read to the end).</summary>
    public bool KeepAlive { get; init; }

    public string? Get(string name) => HttpKnownNames.Find(Fields, name);
}

/// <summary>What a connection yields.</summary>
internal enum HttpEventKind
{
    /// <summary>Nothing now: more bytes are needed, or (server) the current response has not ended.</summary>
    None,
    /// <summary>A message head: <see cref="HttpEvent{THead}.Head"/>.</summary>
    Head,
    /// <summary>Body bytes: <see cref="HttpEvent{THead}.Data"/>, valid until the next call into the connection.</summary>
    Body,
    /// <summary>The message's body ended.</summary>
    End,
    /// <summary>A protocol error: <see cref="HttpEvent{THead}.Error"/>; the connection must close.</summary>
    Error,
    /// <summary>The peer closed between messages, or the connection is done: close it.</summary>
    Closed,
}

internal readonly struct HttpEvent<THead> where THead : class
{
    public HttpEventKind Kind { get; private init; }
    public THead? Head { get; private init; }
    public System.Buffers.ReadOnlySequence<byte> Data { get; private init; }
    public HttpError Error { get; private init; }

    public static readonly HttpEvent<THead> None = default;
    public static readonly HttpEvent<THead> End = new() { Kind = HttpEventKind.End };
    public static readonly HttpEvent<THead> Closed = new() { Kind = HttpEventKind.Closed };
    public static HttpEvent<THead> OfHead(THead head) => new() { Kind = HttpEventKind.Head, Head = head };
    public static HttpEvent<THead> OfBody(System.Buffers.ReadOnlySequence<byte> data) => new() { Kind = HttpEventKind.Body, Data = data };
    public static HttpEvent<THead> OfError(HttpError error) => new() { Kind = HttpEventKind.Error, Error = error };

    public override string ToString() => Kind switch
    {
        HttpEventKind.Body => $"Body({Data.Length})",
        HttpEventKind.Error => $"Error({Error})",
        _ => Kind.ToString(),
    };
}
