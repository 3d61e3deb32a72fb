namespace EsRuntime.Tests.Url;

/// <summary>
/// URLPattern against the web-platform-tests vectors, read in place from
/// ../shared/wpt/urlpattern/resources/urlpatterntestdata.json and checked as the upstream
/// urlpattern.any.js checks them (compiled component strings, test(), exec() groups and inputs).
/// </summary>
public class UrlPatternTests
{
    private static string DataFile => Path.Combine(WptUrlVectors.SharedDir, "wpt", "urlpattern", "resources", "urlpatterntestdata.json");

    // The upstream runner's checks, condensed: prints one line per failing entry, then the counts.
    private const string Runner = """
        const kComponents = ["protocol", "username", "password", "hostname", "port", "pathname", "search", "hash"];
        const EARLIER = { protocol: [], hostname: ["protocol"], port: ["protocol", "hostname"], username: [], password: [],
          pathname: ["protocol", "hostname", "port"], search: ["protocol", "hostname", "port", "pathname"],
          hash: ["protocol", "hostname", "port", "pathname", "search"] };
        function check(entry) {
          if (entry.expected_obj === "error") {
            try { new URLPattern(...entry.pattern); } catch (e) { if (e instanceof TypeError) return null; return "constructor threw " + e; }
            return "constructor did not throw";
          }
          let pattern;
          try { pattern = new URLPattern(...entry.pattern); } catch (e) { return "constructor threw " + e; }
          const expectedObj = entry.expected_obj || {};
          for (const component of kComponents) {
            let expected = expectedObj[component];
            if (expected == undefined) {
              let baseURL = null;
              if (entry.pattern.length > 0 && entry.pattern[0].baseURL) baseURL = new URL(entry.pattern[0].baseURL);
              else if (entry.pattern.length > 1 && typeof entry.pattern[1] === "string") baseURL = new URL(entry.pattern[1]);
              if (entry.exactly_empty_components && entry.exactly_empty_components.includes(component)) expected = "";
              else if (typeof entry.pattern[0] === "object" && entry.pattern[0][component]) expected = entry.pattern[0][component];
              else if (typeof entry.pattern[0] === "object" && EARLIER[component].some((c) => c in entry.pattern[0])) expected = "*";
              else if (baseURL && component !== "username" && component !== "password") {
                let base = baseURL[component];
                if (component === "protocol") base = base.substring(0, base.length - 1);
                else if (component === "search" || component === "hash") base = base.substring(1, base.length);
                expected = base;
              } else expected = "*";
            }
            if (pattern[component] !== expected) return `${component}: got ${JSON.stringify(pattern[component])}, expected ${JSON.stringify(expected)}`;
          }
          if (entry.expected_match === "error") {
            try { pattern.test(...entry.inputs); return "test() did not throw"; } catch (e) { if (!(e instanceof TypeError)) return "test() threw " + e; }
            try { pattern.exec(...entry.inputs); return "exec() did not throw"; } catch (e) { if (!(e instanceof TypeError)) return "exec() threw " + e; }
            return null;
          }
          let tested, result;
          try { tested = pattern.test(...entry.inputs); result = pattern.exec(...entry.inputs); } catch (e) { return "match threw " + e; }
          if (tested !== !!entry.expected_match) return `test() gave ${tested}`;
          if (!entry.expected_match || typeof entry.expected_match !== "object") return result === entry.expected_match ? null : "exec() should be null";
          const expectedInputs = entry.expected_match.inputs || entry.inputs;
          if (result.inputs.length !== expectedInputs.length) return "inputs length";
          for (let i = 0; i < result.inputs.length; i++) {
            const input = result.inputs[i], want = expectedInputs[i];
            if (typeof input === "string") { if (input !== want) return `inputs[${i}]`; continue; }
            for (const c of kComponents) if (input[c] !== want[c]) return `inputs[${i}].${c}`;
          }
          for (const component of kComponents) {
            let want = entry.expected_match[component];
            if (!want) {
              want = { input: "", groups: {} };
              if (!entry.exactly_empty_components || !entry.exactly_empty_components.includes(component)) want.groups["0"] = "";
            }
            const got = result[component];
            if (got.input !== want.input) return `exec ${component}.input: got ${JSON.stringify(got.input)}, expected ${JSON.stringify(want.input)}`;
            const keys = Object.keys(want.groups);
            if (Object.keys(got.groups).length !== keys.length) return `exec ${component}.groups: got ${JSON.stringify(got.groups)}, expected ${JSON.stringify(want.groups)}`;
            for (const k of keys) {
              const w = want.groups[k] === null ? undefined : want.groups[k];
              if (got.groups[k] !== w) return `exec ${component}.groups[${k}]: got ${JSON.stringify(got.groups[k])}, expected ${JSON.stringify(w)}`;
            }
          }
          return null;
        }
        let passed = 0;
        data.forEach((entry, i) => {
          const failure = check(entry);
          if (failure === null) passed++;
          else console.log(`FAIL ${i} ${JSON.stringify(entry.pattern)} ${JSON.stringify(entry.inputs)}: ${failure}`);
        });
        console.log(`passed ${passed} of ${data.length}`);
        """;

    /// <summary>Entries (by index in the data file) that esrun does not pass yet, each with its reason.</summary>
    private static readonly Dictionary<int, string> KnownFailures = [];

    [Fact]
    public void Wpt_vectors()
    {
        var json = File.ReadAllText(DataFile);
        var r = JsHarness.Run($"const data = {json};\n{Runner}");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var failing = r.Stdout.Split('\n').Where(l => l.StartsWith("FAIL ", StringComparison.Ordinal)).ToList();
        var unexpected = failing.Where(l => !KnownFailures.ContainsKey(int.Parse(l.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected) + "\n" + r.Stdout.Split('\n')[^2]);
        Assert.Equal(KnownFailures.Count, failing.Count);
    }

    [Fact]
    public void Basic_shape()
    {
        var r = JsHarness.Run("""
            const p = new URLPattern({ pathname: "/books/:id" });
            console.log(p.pathname, p.protocol, p.test("https://example.com/books/123"), p.exec("https://example.com/books/123").pathname.groups.id);
            const q = new URLPattern("https://example.com/:kind(a|b)/*\\?x=:y");
            console.log(q.hostname, q.pathname, q.search, q.hasRegExpGroups, p.hasRegExpGroups);
            console.log(q.test("https://example.com/a/zz?x=1"), q.test("https://example.com/c/zz?x=1"));
            for (const bad of [() => new URLPattern("/relative"), () => new URLPattern({ pathname: "/(" }), () => new URLPattern({ pathname: "/:a/:a" })]) {
              try { bad(); console.log("no error"); } catch (e) { console.log(e.name); }
            }
            console.log(new URLPattern({ pathname: "/FOO" }, { ignoreCase: true }).test({ pathname: "/foo" }), Object.prototype.toString.call(p));
            """);
        Assert.Equal("", r.Stderr);
        Assert.Equal("/books/:id * true 123\nexample.com /:kind(a|b)/* x=:y true false\ntrue false\nTypeError\nTypeError\nTypeError\ntrue [object URLPattern]\n", r.Stdout);
    }
}
