using System.Runtime.CompilerServices;
namespace EsRuntime.Web.Url;

/// <summary>
/// Encodes a query for a legacy document encoding (the URL API itself always uses UTF-8). Each output
/// value is a byte (0-255), or the bitwise complement of a code point the encoding cannot represent.
/// </summary>
internal interface IQueryEncoder
{
    void Encode(ReadOnlySpan<char> text, List<int> output);
}

/// <summary>
/// The URL Standard's basic URL parser. The URL record under construction lives in reusable char
/// buffers (one parser per thread), so a parse allocates only the resulting href string.
/// </summary>
internal sealed partial class UrlParser
{
    internal enum State
    {
        SchemeStart, Scheme, NoScheme, SpecialRelativeOrAuthority, PathOrAuthority, Relative, RelativeSlash,
        SpecialAuthoritySlashes, SpecialAuthorityIgnoreSlashes, Authority, Host, Hostname, Port, File, FileSlash,
        FileHost, PathStart, Path, OpaquePath, Query, Fragment, None,
    }

    [ThreadStatic] private static UrlParser? t_parser;

    private static UrlParser Instance => t_parser ??= new UrlParser();

    // The URL record. The path is kept serialized: each segment preceded by '/', or the opaque path as is.
    private readonly CharBuffer _scheme = new(16);
    private readonly CharBuffer _username = new(16);
    private readonly CharBuffer _password = new(16);
    private CharBuffer _host = new(64);
    private CharBuffer _hostScratch = new(64);
    private readonly CharBuffer _path = new(128);
    private readonly CharBuffer _query = new(64);
    private readonly CharBuffer _fragment = new(32);
    private bool _special, _hasHost, _opaquePath, _hasQuery, _hasFragment;
    private int _port;

    // Scratch space: the state machine's buffer, the cleaned input, the serialization.
    private readonly CharBuffer _buffer = new(64);
    private readonly CharBuffer _clean = new(128);
    private readonly CharBuffer _out = new(256);
    private readonly List<int> _encoded = [];
    private IQueryEncoder? _encoder;

    /// <summary>Parses <paramref name="input"/> against an optional base URL string; a null record on failure.</summary>
    public static UrlRecord Parse(string input, string? baseUrl = null)
    {
        var parser = Instance;
        if (baseUrl is null) return parser.ParseCore(input, default, null);
        var parsedBase = parser.ParseCore(baseUrl, default, null);
        return parsedBase.IsNull ? default : parser.ParseCore(input, parsedBase, null);
    }

    /// <summary>Parses against an already parsed base (null record for none), with an optional legacy query encoding.</summary>
    public static UrlRecord Parse(string input, in UrlRecord baseUrl, IQueryEncoder? encoder = null) =>
        Instance.ParseCore(input, baseUrl, encoder);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private UrlRecord ParseCore(string input, in UrlRecord baseUrl, IQueryEncoder? encoder)
    {
        Reset();
        _encoder = encoder;
        try
        {
            return Run(Preprocess(input, trim: true), baseUrl, State.SchemeStart, State.None) ? Serialize(input) : default;
        }
        finally { _encoder = null; }
    }

    private void Reset()
    {
        _scheme.Clear();
        _username.Clear();
        _password.Clear();
        _host.Clear();
        _path.Clear();
        _query.Clear();
        _fragment.Clear();
        _special = _hasHost = _opaquePath = _hasQuery = _hasFragment = false;
        _port = -1;
    }

    /// <summary>Loads an existing record into the buffers, so a setter can re-run part of the parser on it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Load(in UrlRecord url)
    {
        Reset();
        SetScheme(url.Scheme);
        _username.Set(url.Username);
        _password.Set(url.Password);
        _hasHost = url.HasHost;
        _host.Set(url.Host);
        _port = url.Port;
        _path.Set(url.Path);
        _opaquePath = url.HasOpaquePath;
        _hasQuery = url.HasQuery;
        _query.Set(url.Query);
        _hasFragment = url.HasFragment;
        _fragment.Set(url.Fragment);
    }

    /// <summary>Trims C0 controls and spaces (not for setters) and removes every tab and newline.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadOnlySpan<char> Preprocess(ReadOnlySpan<char> input, bool trim)
    {
        if (trim)
        {
            var start = 0;
            var end = input.Length;
            while (start < end && input[start] <= ' ') start++;
            while (end > start && input[end - 1] <= ' ') end--;
            input = input[start..end];
        }
        if (input.IndexOfAny('\t', '\n', '\r') < 0) return input;
        _clean.Clear();
        foreach (var c in input) if (c is not ('\t' or '\n' or '\r')) _clean.Append(c);
        return _clean.Span;
    }

    private void SetScheme(ReadOnlySpan<char> scheme)
    {
        _scheme.Set(scheme);
        _special = UrlScheme.IsSpecial(scheme);
    }

    private bool IsFile => _scheme.Span is "file";

    private bool IncludesCredentials => _username.Length > 0 || _password.Length > 0;

    private void CopyAuthority(in UrlRecord from)
    {
        _username.Set(from.Username);
        _password.Set(from.Password);
        _hasHost = from.HasHost;
        _host.Set(from.Host);
        _port = from.Port;
    }

    private void CopyQuery(in UrlRecord from)
    {
        _hasQuery = from.HasQuery;
        _query.Set(from.Query);
    }

    private void StartQuery()
    {
        _hasQuery = true;
        _query.Clear();
    }

    private void StartFragment()
    {
        _hasFragment = true;
        _fragment.Clear();
    }

    /// <summary>Parses a host into the record; on failure the record's host is unchanged.</summary>
    private bool SetHost(ReadOnlySpan<char> input)
    {
        _hostScratch.Clear();
        if (!UrlHost.Parse(input, !_special, _hostScratch)) return false;
        (_host, _hostScratch) = (_hostScratch, _host);
        _hasHost = true;
        return true;
    }

    /// <summary>Removes the path's last segment, except a file URL's lone drive letter.</summary>
    private void ShortenPath()
    {
        var path = _path.Span;
        var last = path.LastIndexOf('/');
        if (last < 0) return;
        if (last == 0 && IsFile && IsNormalizedDriveLetter(path[1..])) return;
        _path.Truncate(last);
    }

    private static bool IsAsciiAlpha(int c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    private static bool IsDigit(int c) => (uint)(c - '0') <= 9;

    private static bool IsDriveLetter(ReadOnlySpan<char> s) => s.Length == 2 && IsAsciiAlpha(s[0]) && s[1] is ':' or '|';

    private static bool IsNormalizedDriveLetter(ReadOnlySpan<char> s) => s.Length == 2 && IsAsciiAlpha(s[0]) && s[1] == ':';

    /// <summary>Whether the remaining input starts with a Windows drive letter followed by nothing or a delimiter.</summary>
    private static bool StartsWithDriveLetter(ReadOnlySpan<char> s) =>
        s.Length >= 2 && IsDriveLetter(s[..2]) && (s.Length == 2 || s[2] is '/' or '\\' or '?' or '#');

    private static bool IsSingleDot(ReadOnlySpan<char> s) => s is "." || s.Equals("%2e", StringComparison.OrdinalIgnoreCase);

    private static bool IsDoubleDot(ReadOnlySpan<char> s) => s.Length switch
    {
        2 => s is "..",
        4 => s.Equals(".%2e", StringComparison.OrdinalIgnoreCase) || s.Equals("%2e.", StringComparison.OrdinalIgnoreCase),
        6 => s.Equals("%2e%2e", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>Percent-encodes the code point at <paramref name="p"/> (both halves of a surrogate pair).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AppendEncoded(CharBuffer target, ReadOnlySpan<char> input, ref int p, EncodeSet set)
    {
        var c = input[p];
        if (c < 0x7F && !PercentEncoding.InSet(c, set)) { target.Append(c); return; }
        var length = char.IsHighSurrogate(c) && p + 1 < input.Length && char.IsLowSurrogate(input[p + 1]) ? 2 : 1;
        PercentEncoding.Append(target, input.Slice(p, length), set);
        p += length - 1;
    }

    /// <summary>Percent-encodes the query buffer through a legacy encoding ("percent-encode after encoding").</summary>
    private void FlushEncodedQuery(EncodeSet set)
    {
        _encoded.Clear();
        _encoder!.Encode(_buffer.Span, _encoded);
        foreach (var value in _encoded)
        {
            if (value < 0)
            {
                _query.Append("%26%23");
                _query.AppendNumber(~value);
                _query.Append("%3B");
            }
            else if (value < 0x7F && !PercentEncoding.InSet((char)value, set)) _query.Append((char)value);
            else PercentEncoding.AppendPercentByte(_query, (byte)value);
        }
        _buffer.Clear();
    }

    /// <summary>Writes the href and offsets; reuses <paramref name="original"/> when the href equals it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private UrlRecord Serialize(string? original)
    {
        var o = _out;
        o.Clear();
        o.Append(_scheme.Span);
        o.Append(':');
        var protocolEnd = o.Length;
        int usernameEnd, hostStart, hostEnd, portEnd;
        if (_hasHost)
        {
            o.Append("//");
            if (IncludesCredentials)
            {
                o.Append(_username.Span);
                usernameEnd = o.Length;
                if (_password.Length > 0)
                {
                    o.Append(':');
                    o.Append(_password.Span);
                }
                o.Append('@');
            }
            else usernameEnd = o.Length;
            hostStart = o.Length;
            o.Append(_host.Span);
            hostEnd = o.Length;
            if (_port >= 0)
            {
                o.Append(':');
                o.AppendNumber(_port);
            }
            portEnd = o.Length;
        }
        else
        {
            usernameEnd = hostStart = hostEnd = portEnd = protocolEnd;
            // "/." keeps a path starting with an empty segment from reading as a host on re-parse.
            if (!_opaquePath && _path.Length >= 2 && _path[0] == '/' && _path[1] == '/') o.Append("/.");
        }
        var pathStart = o.Length;
        o.Append(_path.Span);
        var searchStart = o.Length;
        if (_hasQuery)
        {
            o.Append('?');
            o.Append(_query.Span);
        }
        var hashStart = o.Length;
        if (_hasFragment)
        {
            o.Append('#');
            o.Append(_fragment.Span);
        }
        var href = original is not null && o.Span.SequenceEqual(original) ? original : o.ToString();
        return new UrlRecord(href, protocolEnd, usernameEnd, hostStart, hostEnd, portEnd, pathStart, searchStart, hashStart,
            _port, _hasHost, _opaquePath);
    }
}
