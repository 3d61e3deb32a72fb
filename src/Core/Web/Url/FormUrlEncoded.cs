namespace EsRuntime.Web.Url;

/// <summary>The application/x-www-form-urlencoded parser and serializer (URLSearchParams' wire format).</summary>
internal static class FormUrlEncoded
{
    /// <summary>Splits on '&amp;', then on the first '=', turning '+' into space and percent-decoding as UTF-8.</summary>
    public static List<KeyValuePair<string, string>> Parse(ReadOnlySpan<char> input)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var range in input.Split('&'))
        {
            var sequence = input[range];
            if (sequence.Length == 0) continue;
            var eq = sequence.IndexOf('=');
            var name = eq < 0 ? sequence : sequence[..eq];
            var value = eq < 0 ? default : sequence[(eq + 1)..];
            list.Add(new(PercentEncoding.DecodeToString(name, plusAsSpace: true), PercentEncoding.DecodeToString(value, plusAsSpace: true)));
        }
        return list;
    }

    /// <summary>Serializes name/value pairs, encoding with the form set and spaces as '+'.</summary>
    public static string Serialize(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var output = new CharBuffer(64);
        var first = true;
        foreach (var (name, value) in pairs)
        {
            if (!first) output.Append('&');
            first = false;
            PercentEncoding.Append(output, name, EncodeSet.FormUrlEncoded, spaceAsPlus: true);
            output.Append('=');
            PercentEncoding.Append(output, value, EncodeSet.FormUrlEncoded, spaceAsPlus: true);
        }
        return output.ToString();
    }
}
