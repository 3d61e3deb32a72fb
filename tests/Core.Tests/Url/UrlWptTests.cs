using System.Text;
using System.Text.Json;
using EsRuntime.Web.Url;
using Xunit.Abstractions;
using static EsRuntime.Tests.Url.WptUrlVectors;

namespace EsRuntime.Tests.Url;

/// <summary>
/// The C# URL parser against the web-platform-tests vectors: each case is one theory row named
/// "file#index" (setters: "setters_tests.json:attribute#index"), and must pass unless listed in
/// expected-failures.txt, which must list only cases that really fail.
/// </summary>
public sealed class UrlWptTests(ITestOutputHelper output)
{
    public static TheoryData<string> UrlTestData() => Ids("urltestdata.json");
    public static TheoryData<string> PercentEncodingData() => Ids("percent-encoding.json");
    public static TheoryData<string> ToAsciiData() => Ids("toascii.json");
    public static TheoryData<string> IdnaTestV2Data() => Ids("IdnaTestV2.json");
    public static TheoryData<string> IdnaTestV2RemovedData() => Ids("IdnaTestV2-removed.json");
    public static TheoryData<string> JavaScriptOnlyData() => Ids("urltestdata-javascript-only.json");

    public static TheoryData<string> SetterData()
    {
        var data = new TheoryData<string>();
        foreach (var group in Load("setters_tests.json").EnumerateObject())
        {
            if (group.Name == "comment") continue;
            var i = 0;
            foreach (var _ in group.Value.EnumerateArray()) data.Add($"setters_tests.json:{group.Name}#{i++}");
        }
        return data;
    }

    private static TheoryData<string> Ids(string file)
    {
        var data = new TheoryData<string>();
        foreach (var i in CaseIndexes(Load(file))) data.Add($"{file}#{i}");
        return data;
    }

    [Theory, MemberData(nameof(UrlTestData))]
    public void UrlTestDataCase(string id) => Check(id, RunCase(id));

    [Theory, MemberData(nameof(SetterData))]
    public void SettersCase(string id) => Check(id, RunCase(id));

    [Theory, MemberData(nameof(PercentEncodingData))]
    public void PercentEncodingCase(string id) => Check(id, RunCase(id));

    [Theory, MemberData(nameof(ToAsciiData))]
    public void ToAsciiCase(string id) => Check(id, RunCase(id));

    [Theory, MemberData(nameof(IdnaTestV2Data))]
    public void IdnaTestV2Case(string id) => Check(id, RunCase(id));

    [Theory, MemberData(nameof(IdnaTestV2RemovedData))]
    public void IdnaTestV2RemovedCase(string id) => Check(id, RunCase(id));

    [Theory, MemberData(nameof(JavaScriptOnlyData))]
    public void JavaScriptOnlyCase(string id) => Check(id, RunCase(id));

    /// <summary>Prints the pass count per vector file (visible with --logger "console;verbosity=detailed").</summary>
    [Fact]
    public void PassCounts()
    {
        foreach (var (file, ids) in new[] { ("urltestdata.json", UrlTestData()), ("setters_tests.json", SetterData()), ("percent-encoding.json", PercentEncodingData()), ("toascii.json", ToAsciiData()),
                     ("IdnaTestV2.json", IdnaTestV2Data()), ("IdnaTestV2-removed.json", IdnaTestV2RemovedData()), ("urltestdata-javascript-only.json", JavaScriptOnlyData()) })
        {
            int total = 0, passed = 0;
            foreach (var row in ids)
            {
                total++;
                if (RunCase(row) is null) passed++;
            }
            output.WriteLine($"{file}: {passed}/{total} passed");
        }
    }

    /// <summary>Runs one case; null when it passes, else what differed.</summary>
    public static string? RunCase(string id)
    {
        var hash = id.LastIndexOf('#');
        var index = int.Parse(id[(hash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var where = id[..hash];
        try
        {
            if (where.StartsWith("setters_tests.json:", StringComparison.Ordinal))
                return RunSetter(Load("setters_tests.json").GetProperty(where["setters_tests.json:".Length..])[index], where["setters_tests.json:".Length..]);
            var test = Load(where)[index];
            return where switch
            {
                "urltestdata.json" or "urltestdata-javascript-only.json" => RunParse(test),
                "IdnaTestV2.json" or "IdnaTestV2-removed.json" => RunIdnaTestV2(test),
                "percent-encoding.json" => RunPercentEncoding(test),
                "toascii.json" => RunToAscii(test),
                _ => throw new ArgumentException(id),
            };
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            return "threw " + e;
        }
    }

    private static string? Getter(in UrlRecord url, string name) => name switch
    {
        "href" => url.Href,
        "origin" => url.Origin,
        "protocol" => url.Protocol,
        "username" => url.UsernameText,
        "password" => url.PasswordText,
        "host" => url.HostText,
        "hostname" => url.Hostname,
        "port" => url.PortText,
        "pathname" => url.Pathname,
        "search" => url.Search,
        "hash" => url.Hash,
        "searchParams" => FormUrlEncoded.Serialize(FormUrlEncoded.Parse(url.Query)),
        _ => throw new ArgumentException(name),
    };

    private static string? Compare(in UrlRecord url, JsonElement expected, string context)
    {
        var diff = new StringBuilder();
        foreach (var property in expected.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String || property.Name is "input" or "base" or "comment" or "relativeTo") continue;
            var actual = Getter(url, property.Name);
            if (actual != StringValue(property.Value)) diff.Append($" {property.Name}: expected {Show(StringValue(property.Value))} got {Show(actual)};");
        }
        return diff.Length == 0 ? null : context + diff;
    }

    private static string Show(string? s) => s is null ? "null" : JsonSerializer.Serialize(s, UrlTestJson.Default.String);

    private static string? RunParse(JsonElement test)
    {
        var input = Str(test, "input")!;
        var baseUrl = Str(test, "base");
        var url = UrlParser.Parse(input, baseUrl);
        var context = $"parse {Show(input)} against {Show(baseUrl)}:";
        var shouldFail = test.TryGetProperty("failure", out var f) && f.GetBoolean();
        if (shouldFail) return url.IsNull ? null : $"{context} expected failure, got {Show(url.Href)}";
        if (url.IsNull) return $"{context} failed, expected {Show(Str(test, "href"))}";
        return Compare(url, test, context);
    }

    private static string? RunSetter(JsonElement test, string attribute)
    {
        var href = Str(test, "href")!;
        var value = Str(test, "new_value")!;
        var url = UrlParser.Parse(href);
        if (url.IsNull) return $"base {Show(href)} did not parse";
        var context = $"{Show(href)}.{attribute} = {Show(value)}:";
        var updated = UrlParser.Set(url, Enum.Parse<UrlSetter>(attribute, ignoreCase: true), value);
        if (updated.IsNull) updated = url; // only href can fail; the URL then stays as it was
        return Compare(updated, test.GetProperty("expected"), context);
    }

    private static string? RunPercentEncoding(JsonElement test)
    {
        var input = Str(test, "input")!;
        var problems = new StringBuilder();
        foreach (var encoding in test.GetProperty("output").EnumerateObject())
        {
            var url = UrlParser.Parse($"https://doesnotmatter.invalid/?{input}#{input}", default, LegacyQueryEncoder.For(encoding.Name));
            var utf8 = test.GetProperty("output").GetProperty("utf-8").GetString();
            if (url.IsNull) { problems.Append($" {encoding.Name}: parse failed;"); continue; }
            if (url.Search != "?" + encoding.Value.GetString()) problems.Append($" {encoding.Name}: search {Show(url.Search)};");
            if (url.Hash != "#" + utf8) problems.Append($" {encoding.Name}: hash {Show(url.Hash)};");
        }
        return problems.Length == 0 ? null : $"percent-encoding {Show(input)}:" + problems;
    }

    /// <summary>As IdnaTestV2.window.js: the host through the parser (an empty input cannot be tested that way).</summary>
    private static string? RunIdnaTestV2(JsonElement test)
    {
        var input = Str(test, "input")!;
        if (input.Length == 0) return null;
        var expected = Str(test, "output");
        var url = UrlParser.Parse($"https://{input}/x");
        if (expected is null) return url.IsNull ? null : $"ToASCII {Show(input)}: expected failure, got {Show(url.Href)}";
        if (url.IsNull) return $"ToASCII {Show(input)}: failed, expected {Show(expected)}";
        return url.HostText == expected && url.Hostname == expected && url.Href == $"https://{expected}/x" ? null
            : $"ToASCII {Show(input)}: expected {Show(expected)}, got {Show(url.Href)}";
    }

    /// <summary>As toascii.window.js: through the parser, and through the host and hostname setters.</summary>
    private static string? RunToAscii(JsonElement test)
    {
        var input = Str(test, "input")!;
        var expected = Str(test, "output");
        var problems = new StringBuilder();
        var url = UrlParser.Parse($"https://{input}/x");
        if (expected is null)
        {
            if (!url.IsNull) problems.Append($" parse: expected failure, got {Show(url.Href)};");
        }
        else if (url.IsNull) problems.Append(" parse: failed;");
        else if (url.HostText != expected || url.Hostname != expected || url.Pathname != "/x" || url.Href != $"https://{expected}/x")
            problems.Append($" parse: got {Show(url.Href)};");
        var start = UrlParser.Parse("https://x/x");
        foreach (var (setter, name) in new[] { (UrlSetter.Host, "host"), (UrlSetter.Hostname, "hostname") })
        {
            var updated = UrlParser.Set(start, setter, input);
            var actual = setter == UrlSetter.Host ? updated.HostText : updated.Hostname;
            if (actual != (expected ?? "x")) problems.Append($" {name} setter: got {Show(actual)};");
        }
        return problems.Length == 0 ? null : $"toascii {Show(input)} -> {Show(expected)}:" + problems;
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class UrlTestJson : System.Text.Json.Serialization.JsonSerializerContext;
