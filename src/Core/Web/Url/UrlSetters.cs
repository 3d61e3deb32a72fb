namespace EsRuntime.Web.Url;

/// <summary>The URL API's setters, by the index the JS side passes to the <c>urlSet</c> op.</summary>
internal enum UrlSetter
{
    Href = 0,
    Protocol = 1,
    Username = 2,
    Password = 3,
    Host = 4,
    Hostname = 5,
    Port = 6,
    Pathname = 7,
    Search = 8,
    Hash = 9,
    /// <summary>URLSearchParams' update steps: the value is the serialized query, "" for none.</summary>
    SearchParams = 10,
}

internal sealed partial class UrlParser
{
    /// <summary>
    /// Applies a setter to <paramref name="url"/> and returns the new record. Setters other than href never
    /// fail: an unusable value leaves the URL as it is. Href returns a null record on a parse failure.
    /// </summary>
    public static UrlRecord Set(in UrlRecord url, UrlSetter setter, string value)
    {
        if (setter == UrlSetter.Href) return Parse(value);
        var parser = Instance;
        parser.Load(url);
        parser.ApplySetter(setter, value);
        return parser.Serialize(url.Href);
    }

    private void ApplySetter(UrlSetter setter, string value)
    {
        var cannotHaveCredentialsOrPort = !_hasHost || _host.Length == 0 || IsFile;
        switch (setter)
        {
            case UrlSetter.Protocol:
                RunOverride(value + ":", State.SchemeStart);
                break;
            case UrlSetter.Username:
                if (cannotHaveCredentialsOrPort) return;
                _username.Clear();
                PercentEncoding.Append(_username, value, EncodeSet.Userinfo);
                break;
            case UrlSetter.Password:
                if (cannotHaveCredentialsOrPort) return;
                _password.Clear();
                PercentEncoding.Append(_password, value, EncodeSet.Userinfo);
                break;
            case UrlSetter.Host:
                if (!_opaquePath) RunOverride(value, State.Host);
                break;
            case UrlSetter.Hostname:
                if (!_opaquePath) RunOverride(value, State.Hostname);
                break;
            case UrlSetter.Port:
                if (cannotHaveCredentialsOrPort) return;
                if (value.Length == 0) _port = -1;
                else RunOverride(value, State.Port);
                break;
            case UrlSetter.Pathname:
                if (_opaquePath) return;
                _path.Clear();
                RunOverride(value, State.PathStart);
                break;
            case UrlSetter.Search:
                if (value.Length == 0)
                {
                    _hasQuery = false;
                    _query.Clear();
                    return;
                }
                StartQuery();
                RunOverride(value.AsSpan(value[0] == '?' ? 1 : 0), State.Query);
                break;
            case UrlSetter.Hash:
                if (value.Length == 0)
                {
                    _hasFragment = false;
                    _fragment.Clear();
                    return;
                }
                StartFragment();
                RunOverride(value.AsSpan(value[0] == '#' ? 1 : 0), State.Fragment);
                break;
            case UrlSetter.SearchParams:
                _hasQuery = value.Length > 0;
                _query.Set(value);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(setter));
        }
    }

    private void RunOverride(ReadOnlySpan<char> value, State state) =>
        Run(Preprocess(value, trim: false), default, state, state);
}
