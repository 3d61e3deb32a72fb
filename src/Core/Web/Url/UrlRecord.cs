namespace EsRuntime.Web.Url;

/// <summary>
/// A parsed URL kept as its serialization plus component offsets (the "url aggregator" layout), so a
/// component is a slice of <see cref="Href"/> and nothing else is allocated per URL.
/// <code>
/// https://user:pass@example.com:1234/foo/bar?baz#quux
///       ^      ^   ^          ^    ^        ^   ^
///       |      |   |          |    |        |   HashStart ('#', or Href.Length)
///       |      |   |          |    |        SearchStart ('?', or HashStart)
///       |      |   |          |    PathStart
///       |      |   |          HostEnd (PortEnd is PathStart here; PortEnd == HostEnd without a port)
///       |      |   HostStart
///       |      UsernameEnd (':' before a password, '@', or HostStart)
///       ProtocolEnd (just after ':')
/// </code>
/// A URL with a null host has UsernameEnd = HostStart = HostEnd = PortEnd = ProtocolEnd.
/// </summary>
internal readonly struct UrlRecord
{
    /// <summary>How many offsets <see cref="WriteOffsets"/> writes, in order.</summary>
    public const int OffsetCount = 8;

    public string Href { get; }
    public int ProtocolEnd { get; }
    public int UsernameEnd { get; }
    public int HostStart { get; }
    public int HostEnd { get; }
    public int PortEnd { get; }
    public int PathStart { get; }
    public int SearchStart { get; }
    public int HashStart { get; }
    /// <summary>The port number, or -1 when null (absent or the scheme's default).</summary>
    public int Port { get; }
    public bool HasHost { get; }
    public bool HasOpaquePath { get; }

    internal UrlRecord(string href, int protocolEnd, int usernameEnd, int hostStart, int hostEnd, int portEnd,
        int pathStart, int searchStart, int hashStart, int port, bool hasHost, bool opaquePath)
    {
        Href = href;
        ProtocolEnd = protocolEnd;
        UsernameEnd = usernameEnd;
        HostStart = hostStart;
        HostEnd = hostEnd;
        PortEnd = portEnd;
        PathStart = pathStart;
        SearchStart = searchStart;
        HashStart = hashStart;
        Port = port;
        HasHost = hasHost;
        HasOpaquePath = opaquePath;
    }

    public bool IsNull => Href is null;

    // Raw components (the URL record's fields, not the API getters' decorated forms).
    public ReadOnlySpan<char> Scheme => Href.AsSpan(0, ProtocolEnd - 1);
    public ReadOnlySpan<char> Username => HasHost && UsernameEnd > ProtocolEnd + 2 ? Href.AsSpan(ProtocolEnd + 2, UsernameEnd - ProtocolEnd - 2) : default;
    public ReadOnlySpan<char> Password => HostStart - UsernameEnd > 1 ? Href.AsSpan(UsernameEnd + 1, HostStart - UsernameEnd - 2) : default;
    public ReadOnlySpan<char> Host => Href.AsSpan(HostStart, HostEnd - HostStart);
    public ReadOnlySpan<char> Path => Href.AsSpan(PathStart, SearchStart - PathStart);
    public bool HasQuery => SearchStart < HashStart;
    public ReadOnlySpan<char> Query => HasQuery ? Href.AsSpan(SearchStart + 1, HashStart - SearchStart - 1) : default;
    public bool HasFragment => HashStart < Href.Length;
    public ReadOnlySpan<char> Fragment => HasFragment ? Href.AsSpan(HashStart + 1) : default;

    // The URL API getters.
    public string Protocol => Href[..ProtocolEnd];
    public string UsernameText => Username.ToString();
    public string PasswordText => Password.ToString();
    public string Hostname => Host.ToString();
    public string HostText => Href[HostStart..PortEnd];
    public string PortText => PortEnd > HostEnd ? Href[(HostEnd + 1)..PortEnd] : "";
    public string Pathname => Path.ToString();
    public string Search => HashStart - SearchStart > 1 ? Href[SearchStart..HashStart] : "";
    public string Hash => Href.Length - HashStart > 1 ? Href[HashStart..] : "";

    /// <summary>The URL's origin serialized ("null" for an opaque origin).</summary>
    public string Origin
    {
        get
        {
            var scheme = Scheme;
            if (scheme is "blob")
            {
                // A blob URL's origin is that of the URL in its path, if that is http(s).
                var inner = UrlParser.Parse(Pathname);
                return !inner.IsNull && inner.Scheme is "http" or "https" ? inner.Origin : "null";
            }
            if (scheme is "http" or "https" or "ws" or "wss" or "ftp") return string.Concat(Href.AsSpan(0, ProtocolEnd), "//", Href.AsSpan(HostStart, PortEnd - HostStart));
            return "null";
        }
    }

    /// <summary>Writes the offsets as little-endian uint32s (the JS side's <c>transferU32</c>).</summary>
    public void WriteOffsets(Span<byte> target)
    {
        Span<uint> values = [(uint)ProtocolEnd, (uint)UsernameEnd, (uint)HostStart, (uint)HostEnd, (uint)PortEnd, (uint)PathStart, (uint)SearchStart, (uint)HashStart];
        for (var i = 0; i < values.Length; i++) System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(target[(i * 4)..], values[i]);
    }

    public override string ToString() => Href ?? "";
}

/// <summary>Special schemes and their default ports.</summary>
internal static class UrlScheme
{
    public static bool IsSpecial(ReadOnlySpan<char> scheme) => scheme is "http" or "https" or "ws" or "wss" or "ftp" or "file";

    /// <summary>The default port, or -1 for none (file and non-special schemes).</summary>
    public static int DefaultPort(ReadOnlySpan<char> scheme) => scheme switch
    {
        "http" or "ws" => 80,
        "https" or "wss" => 443,
        "ftp" => 21,
        _ => -1,
    };
}
