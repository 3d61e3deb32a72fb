using System.Runtime.CompilerServices;
namespace EsRuntime.Web.Url;

/// <summary>The basic URL parser's state machine, state by state as the URL Standard writes it.</summary>
internal sealed partial class UrlParser
{
    private const int Eof = -1;

    private static readonly System.Buffers.SearchValues<char> AuthorityEnd = System.Buffers.SearchValues.Create("@/?#");
    private static readonly System.Buffers.SearchValues<char> AuthorityEndSpecial = System.Buffers.SearchValues.Create("@/?#\\");
    private static readonly System.Buffers.SearchValues<char> HostDelimiters = System.Buffers.SearchValues.Create(":/?#\\[]");

    /// <summary>
    /// Runs the state machine over <paramref name="input"/> (already preprocessed) from <paramref name="state"/>.
    /// With a state override the record is modified in place and "return" is true, "return failure" false;
    /// without one, false means the input is not a valid URL.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Run(ReadOnlySpan<char> input, in UrlRecord baseUrl, State state, State stateOverride)
    {
        var hasOverride = stateOverride != State.None;
        var hasBase = !baseUrl.IsNull;
        var buffer = _buffer;
        buffer.Clear();
        bool atSignSeen = false, insideBrackets = false, passwordTokenSeen = false;
        var length = input.Length;

        for (var p = 0; ; p++)
        {
            int c = p < length ? input[p] : Eof;
            switch (state)
            {
                case State.SchemeStart:
                    if (IsAsciiAlpha(c))
                    {
                        buffer.Append((char)(c | 0x20));
                        state = State.Scheme;
                    }
                    else if (!hasOverride)
                    {
                        state = State.NoScheme;
                        p--;
                    }
                    else return false;
                    break;

                case State.Scheme:
                    if (IsAsciiAlpha(c)) buffer.Append((char)(c | 0x20));
                    else if (IsDigit(c) || c is '+' or '-' or '.') buffer.Append((char)c);
                    else if (c == ':')
                    {
                        if (hasOverride)
                        {
                            var candidate = buffer.Span;
                            if (_special != UrlScheme.IsSpecial(candidate)) return true;
                            if ((IncludesCredentials || _port >= 0) && candidate is "file") return true;
                            if (IsFile && _hasHost && _host.Length == 0) return true;
                        }
                        SetScheme(buffer.Span);
                        if (hasOverride)
                        {
                            if (_port == UrlScheme.DefaultPort(_scheme.Span)) _port = -1;
                            return true;
                        }
                        buffer.Clear();
                        if (IsFile) state = State.File;
                        else if (_special && hasBase && baseUrl.Scheme.SequenceEqual(_scheme.Span)) state = State.SpecialRelativeOrAuthority;
                        else if (_special) state = State.SpecialAuthoritySlashes;
                        else if (p + 1 < length && input[p + 1] == '/')
                        {
                            state = State.PathOrAuthority;
                            p++;
                        }
                        else
                        {
                            _opaquePath = true;
                            _path.Clear();
                            state = State.OpaquePath;
                        }
                    }
                    else if (!hasOverride)
                    {
                        buffer.Clear();
                        state = State.NoScheme;
                        p = -1; // start over from the first code point
                    }
                    else return false;
                    break;

                case State.NoScheme:
                    if (!hasBase || (baseUrl.HasOpaquePath && c != '#')) return false;
                    if (baseUrl.HasOpaquePath)
                    {
                        SetScheme(baseUrl.Scheme);
                        _path.Set(baseUrl.Path);
                        _opaquePath = true;
                        CopyQuery(baseUrl);
                        StartFragment();
                        state = State.Fragment;
                    }
                    else
                    {
                        state = baseUrl.Scheme is "file" ? State.File : State.Relative;
                        p--;
                    }
                    break;

                case State.SpecialRelativeOrAuthority:
                    if (c == '/' && p + 1 < length && input[p + 1] == '/')
                    {
                        state = State.SpecialAuthorityIgnoreSlashes;
                        p++;
                    }
                    else
                    {
                        state = State.Relative;
                        p--;
                    }
                    break;

                case State.PathOrAuthority:
                    if (c == '/') state = State.Authority;
                    else
                    {
                        state = State.Path;
                        p--;
                    }
                    break;

                case State.Relative:
                    SetScheme(baseUrl.Scheme);
                    if (c == '/' || (_special && c == '\\')) state = State.RelativeSlash;
                    else
                    {
                        CopyAuthority(baseUrl);
                        _path.Set(baseUrl.Path);
                        CopyQuery(baseUrl);
                        if (c == '?')
                        {
                            StartQuery();
                            state = State.Query;
                        }
                        else if (c == '#')
                        {
                            StartFragment();
                            state = State.Fragment;
                        }
                        else if (c != Eof)
                        {
                            _hasQuery = false;
                            _query.Clear();
                            ShortenPath();
                            state = State.Path;
                            p--;
                        }
                    }
                    break;

                case State.RelativeSlash:
                    if (_special && c is '/' or '\\') state = State.SpecialAuthorityIgnoreSlashes;
                    else if (c == '/') state = State.Authority;
                    else
                    {
                        CopyAuthority(baseUrl);
                        state = State.Path;
                        p--;
                    }
                    break;

                case State.SpecialAuthoritySlashes:
                    state = State.SpecialAuthorityIgnoreSlashes;
                    if (c == '/' && p + 1 < length && input[p + 1] == '/') p++;
                    else p--;
                    break;

                case State.SpecialAuthorityIgnoreSlashes:
                    if (c is not ('/' or '\\'))
                    {
                        state = State.Authority;
                        p--;
                    }
                    break;

                case State.Authority:
                    if (buffer.Length == 0 && !atSignSeen && c != '@')
                    {
                        // Shortcut: no '@' before the authority ends means no credentials; go straight to the host.
                        var rest = input[p..];
                        var end = _special ? rest.IndexOfAny(AuthorityEndSpecial) : rest.IndexOfAny(AuthorityEnd);
                        if (end < 0 || rest[end] != '@')
                        {
                            state = State.Host;
                            p--;
                            break;
                        }
                    }
                    if (c == '@')
                    {
                        // Credentials: everything before the last '@'; an earlier '@' is kept as "%40".
                        if (atSignSeen) (passwordTokenSeen ? _password : _username).Append("%40");
                        atSignSeen = true;
                        var credentials = buffer.Span;
                        for (var i = 0; i < credentials.Length; i++)
                        {
                            if (credentials[i] == ':' && !passwordTokenSeen)
                            {
                                passwordTokenSeen = true;
                                continue;
                            }
                            AppendEncoded(passwordTokenSeen ? _password : _username, credentials, ref i, EncodeSet.Userinfo);
                        }
                        buffer.Clear();
                    }
                    else if (c is Eof or '/' or '?' or '#' || (_special && c == '\\'))
                    {
                        if (atSignSeen && buffer.Length == 0) return false;
                        p -= buffer.Length + 1;
                        buffer.Clear();
                        state = State.Host;
                    }
                    else buffer.Append((char)c);
                    break;

                case State.Host:
                case State.Hostname:
                    if (hasOverride && IsFile)
                    {
                        p--;
                        state = State.FileHost;
                    }
                    else if (c == ':' && !insideBrackets)
                    {
                        if (buffer.Length == 0) return false;
                        if (stateOverride == State.Hostname) return false;
                        if (!SetHost(buffer.Span)) return false;
                        buffer.Clear();
                        state = State.Port;
                    }
                    else if (c is Eof or '/' or '?' or '#' || (_special && c == '\\'))
                    {
                        p--;
                        if (_special && buffer.Length == 0) return false;
                        if (hasOverride && buffer.Length == 0 && (IncludesCredentials || _port >= 0)) return false;
                        if (!SetHost(buffer.Span)) return false;
                        buffer.Clear();
                        state = State.PathStart;
                        if (hasOverride) return true;
                    }
                    else
                    {
                        if (c == '[') insideBrackets = true;
                        else if (c == ']') insideBrackets = false;
                        buffer.Append((char)c);
                        // Copy the run up to the next char this state looks at in one go.
                        var run = input[(p + 1)..].IndexOfAny(HostDelimiters);
                        if (run < 0) run = length - p - 1;
                        buffer.Append(input.Slice(p + 1, run));
                        p += run;
                    }
                    break;

                case State.Port:
                    if (IsDigit(c)) buffer.Append((char)c);
                    else if (c is Eof or '/' or '?' or '#' || (_special && c == '\\') || hasOverride)
                    {
                        if (buffer.Length != 0)
                        {
                            var port = 0;
                            foreach (var digit in buffer.Span)
                            {
                                port = port * 10 + (digit - '0');
                                if (port > 65535) return false;
                            }
                            _port = port == UrlScheme.DefaultPort(_scheme.Span) ? -1 : port;
                            buffer.Clear();
                            if (hasOverride) return true;
                        }
                        if (hasOverride) return false;
                        state = State.PathStart;
                        p--;
                    }
                    else return false;
                    break;

                case State.File:
                    SetScheme("file");
                    _hasHost = true;
                    _host.Clear();
                    if (c is '/' or '\\') state = State.FileSlash;
                    else if (hasBase && baseUrl.Scheme is "file")
                    {
                        _host.Set(baseUrl.Host);
                        _path.Set(baseUrl.Path);
                        CopyQuery(baseUrl);
                        if (c == '?')
                        {
                            StartQuery();
                            state = State.Query;
                        }
                        else if (c == '#')
                        {
                            StartFragment();
                            state = State.Fragment;
                        }
                        else if (c != Eof)
                        {
                            _hasQuery = false;
                            _query.Clear();
                            if (!StartsWithDriveLetter(input[p..])) ShortenPath();
                            else _path.Clear();
                            state = State.Path;
                            p--;
                        }
                    }
                    else
                    {
                        state = State.Path;
                        p--;
                    }
                    break;

                case State.FileSlash:
                    if (c is '/' or '\\') state = State.FileHost;
                    else
                    {
                        if (hasBase && baseUrl.Scheme is "file")
                        {
                            _host.Set(baseUrl.Host);
                            var basePath = baseUrl.Path;
                            if (!StartsWithDriveLetter(input[Math.Min(p, length)..]) && basePath.Length >= 3 &&
                                IsNormalizedDriveLetter(basePath.Slice(1, 2)) && (basePath.Length == 3 || basePath[3] == '/'))
                                _path.Append(basePath[..3]);
                        }
                        state = State.Path;
                        p--;
                    }
                    break;

                case State.FileHost:
                    if (c is Eof or '/' or '\\' or '?' or '#')
                    {
                        p--;
                        if (!hasOverride && IsDriveLetter(buffer.Span)) state = State.Path; // buffer carries into the path
                        else if (buffer.Length == 0)
                        {
                            _hasHost = true;
                            _host.Clear();
                            if (hasOverride) return true;
                            state = State.PathStart;
                        }
                        else
                        {
                            if (!SetHost(buffer.Span)) return false;
                            if (_host.Span is "localhost") _host.Clear();
                            if (hasOverride) return true;
                            buffer.Clear();
                            state = State.PathStart;
                        }
                    }
                    else buffer.Append((char)c);
                    break;

                case State.PathStart:
                    if (_special)
                    {
                        state = State.Path;
                        if (c is not ('/' or '\\')) p--;
                    }
                    else if (!hasOverride && c == '?')
                    {
                        StartQuery();
                        state = State.Query;
                    }
                    else if (!hasOverride && c == '#')
                    {
                        StartFragment();
                        state = State.Fragment;
                    }
                    else if (c != Eof)
                    {
                        state = State.Path;
                        if (c != '/') p--;
                    }
                    else if (hasOverride && !_hasHost) _path.Append('/');
                    break;

                case State.Path:
                    if (c is Eof or '/' || (_special && c == '\\') || (!hasOverride && c is '?' or '#'))
                    {
                        var slash = c == '/' || (_special && c == '\\');
                        var segment = buffer.Span;
                        if (IsDoubleDot(segment))
                        {
                            ShortenPath();
                            if (!slash) _path.Append('/');
                        }
                        else if (IsSingleDot(segment))
                        {
                            if (!slash) _path.Append('/');
                        }
                        else
                        {
                            if (IsFile && _path.Length == 0 && IsDriveLetter(segment)) buffer[1] = ':';
                            _path.Append('/');
                            _path.Append(buffer.Span);
                        }
                        buffer.Clear();
                        if (c == '?')
                        {
                            StartQuery();
                            state = State.Query;
                        }
                        else if (c == '#')
                        {
                            StartFragment();
                            state = State.Fragment;
                        }
                    }
                    else if (PercentEncoding.PlainRun(input[p..], PercentEncoding.PathPlain) is var run and > 0)
                    {
                        buffer.Append(input.Slice(p, run));
                        p += run - 1;
                    }
                    else AppendEncoded(buffer, input, ref p, EncodeSet.Path);
                    break;

                case State.OpaquePath:
                    if (c == '?')
                    {
                        StartQuery();
                        state = State.Query;
                    }
                    else if (c == '#')
                    {
                        StartFragment();
                        state = State.Fragment;
                    }
                    else if (c == ' ')
                    {
                        // A space right before the query or fragment is encoded, so removing those keeps it.
                        if (p + 1 < length && input[p + 1] is '?' or '#') _path.Append("%20");
                        else _path.Append(' ');
                    }
                    else if (c != Eof)
                    {
                        var run = PercentEncoding.PlainRun(input[p..], PercentEncoding.OpaquePathPlain);
                        if (run > 0)
                        {
                            _path.Append(input.Slice(p, run));
                            p += run - 1;
                        }
                        else AppendEncoded(_path, input, ref p, EncodeSet.C0Control);
                    }
                    break;

                case State.Query:
                    {
                        var set = _special ? EncodeSet.SpecialQuery : EncodeSet.Query;
                        // Legacy encodings apply only to special, non-WebSocket URLs.
                        var encoder = _special && _scheme.Span is not ("ws" or "wss") ? _encoder : null;
                        if ((!hasOverride && c == '#') || c == Eof)
                        {
                            if (encoder is not null) FlushEncodedQuery(set);
                            if (c == '#')
                            {
                                StartFragment();
                                state = State.Fragment;
                            }
                        }
                        else if (encoder is not null) buffer.Append((char)c);
                        else if (PercentEncoding.PlainRun(input[p..], _special ? PercentEncoding.SpecialQueryPlain : PercentEncoding.QueryPlain) is var run and > 0)
                        {
                            _query.Append(input.Slice(p, run));
                            p += run - 1;
                        }
                        else AppendEncoded(_query, input, ref p, set);
                        break;
                    }

                case State.Fragment:
                    if (c == Eof) break;
                    if (PercentEncoding.PlainRun(input[p..], PercentEncoding.FragmentPlain) is var tail and > 0)
                    {
                        _fragment.Append(input.Slice(p, tail));
                        p += tail - 1;
                    }
                    else AppendEncoded(_fragment, input, ref p, EncodeSet.Fragment);
                    break;
            }
            if (p >= length) return true;
        }
    }
}
