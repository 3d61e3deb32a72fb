namespace EsRuntime.Tests.Url;

/// <summary>
/// url_simple.js (the JS fast path for canonical http(s) URLs) against the C# parser: whenever the
/// fast path answers, its record (href and the 8 component offsets) must be the parser's.
/// </summary>
public class UrlFastPathTests
{
    [Fact]
    public void TheFastPathAgreesWithTheParserOnTheWptVectorsAndTrickyInputs()
    {
        using var host = new UrlJsHost();
        var run = host.Run("""
            const inputs = [];
            for (const file of ["urltestdata.json", "urltestdata-javascript-only.json"]) {
              for (const t of __test.vectors(file)) {
                if (typeof t === "string") continue;
                inputs.push(t.input);
                if (t.href) inputs.push(t.href);
              }
            }
            const hosts = ["example.com", "a", "a.b", "a-b.c", "a--b.c", "xn--nxasmq6b.com", "example.com.", "1.2.3.4", "a.0x1", "a.1", "1a.b", "EXAMPLE.com", "ex_ample.com", "", ".a", "a..b", "-a-.b-"];
            const ports = ["", ":80", ":443", ":8080", ":0", ":00", ":080", ":65535", ":65536", ":123456", ":"];
            const rests = ["", "/", "/a/b", "/a/./b", "/a/../b", "/.", "/..", "/a/.", "/a/..?q", "/a/%2e/b", "/a/%2E%2E", "/%41", "/a b", "/a\tb", "/a\\b", "/é", "/a?b=c&d=e", "/?", "/#", "/a?b#c", "/a#b?c", "/a?b?c", "/a#b#c",
              "/a'b", "/?a'b", "/#a'b", "/a\"b", "/a<b>", "/a`b", "/a{b}", "/a^b", "/a|b", "/~user/file.txt", "/a;b=c", "/@x:y", "/a?%zz", "/a/..%2f"];
            for (const scheme of ["http://", "https://", "HTTP://", "ftp://", "http:/", "http:"])
              for (const h of hosts) for (const p of ports) for (const r of rests) inputs.push(scheme + h + p + r);
            inputs.push("http://user@a.com/", "http://user:pw@a.com/", " http://a.com/", "http://a.com/ ", "http://a.com/\n");
            let fast = 0;
            for (const input of inputs) {
              const simple = __test.parseSimple(input);
              if (simple === null) continue;
              fast++;
              test(() => assert_array_equals(simple, __test.parseOp(input), input), `fast path: ${JSON.stringify(input)}`);
            }
            __test.print(`FAST ${fast} of ${inputs.length}`);
            done();
            """);
        Assert.Empty(run.Failures);
        Assert.True(run.Passed > 500, $"only {run.Passed} inputs took the fast path");
    }
}
