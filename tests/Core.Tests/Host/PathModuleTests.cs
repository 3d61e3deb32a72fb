using System.Text.Json;

namespace EsRuntime.Tests.Host;

/// <summary>
/// The <c>runtime:path</c> built-in on the simulated linux host (cwd "/sim/project").
/// Expected values were generated from Node 20's <c>path.posix</c> and
/// <c>url.pathToFileURL</c>/<c>fileURLToPath</c> with the same cwd, and match them
/// except where a test says otherwise. Tests that go through <c>new URL</c>
/// (fromFileURL with strings or URL objects, toFileURL) need the URL global.
/// </summary>
public class PathModuleTests
{
    /// <summary>Runs a module that imports runtime:path as <c>path</c>; returns stdout, asserting a clean exit.</summary>
    private static string Run(string body)
    {
        var result = JsHarness.Run($"import path from \"runtime:path\";\n{body}\n");
        Assert.True(result.ExitCode == 0 && result.Stderr.Length == 0,
            $"exit {result.ExitCode}\nstderr:\n{result.Stderr}\nstdout:\n{result.Stdout}");
        return result.Stdout;
    }

    /// <summary>JSON of <c>path.&lt;expr&gt;</c>, or "Name: message" of what it threw.</summary>
    private static string Eval(string expr) => Run($$"""
        let out;
        try { out = "returned " + JSON.stringify(path.{{expr}}); }
        catch (e) { out = `${e.constructor.name}: ${e.message}`; }
        console.log(out);
        """).TrimEnd('\n');

    [Theory]
    [InlineData("isAbsolute('/a')", "true")]
    [InlineData("isAbsolute('a')", "false")]
    [InlineData("isAbsolute('')", "false")]
    [InlineData("isAbsolute('./a')", "false")]
    [InlineData("isAbsolute('//a')", "true")]
    [InlineData("isAbsolute('\\\\a')", "false")]
    [InlineData("normalize('')", "\".\"")]
    [InlineData("normalize('.')", "\".\"")]
    [InlineData("normalize('./')", "\"./\"")]
    [InlineData("normalize('/')", "\"/\"")]
    [InlineData("normalize('//')", "\"/\"")]
    [InlineData("normalize('a//b')", "\"a/b\"")]
    [InlineData("normalize('/a/b/../c')", "\"/a/c\"")]
    [InlineData("normalize('a/b/../../..')", "\"..\"")]
    [InlineData("normalize('/a/../../b')", "\"/b\"")]
    [InlineData("normalize('./a/./b/')", "\"a/b/\"")]
    [InlineData("normalize('a/..')", "\".\"")]
    [InlineData("normalize('a/../')", "\"./\"")]
    [InlineData("normalize('/a/b/')", "\"/a/b/\"")]
    [InlineData("normalize('../a/../../b')", "\"../../b\"")]
    [InlineData("normalize('///a//b//')", "\"/a/b/\"")]
    [InlineData("normalize('a\\\\b/../c')", "\"c\"")]
    [InlineData("normalize('.../a')", "\".../a\"")]
    [InlineData("join()", "\".\"")]
    [InlineData("join('')", "\".\"")]
    [InlineData("join('', '')", "\".\"")]
    [InlineData("join('a', 'b')", "\"a/b\"")]
    [InlineData("join('/a', 'b', '../c')", "\"/a/c\"")]
    [InlineData("join('a', '', 'b')", "\"a/b\"")]
    [InlineData("join('a/', '/b/')", "\"a/b/\"")]
    [InlineData("join('/', '..')", "\"/\"")]
    [InlineData("join('..', '..', 'a')", "\"../../a\"")]
    [InlineData("join('.', '.')", "\".\"")]
    [InlineData("join('a', '../..')", "\"..\"")]
    [InlineData("join('', '/x')", "\"/x\"")]
    [InlineData("join('a', 'b/')", "\"a/b/\"")]
    [InlineData("resolve()", "\"/sim/project\"")]
    [InlineData("resolve('')", "\"/sim/project\"")]
    [InlineData("resolve('a')", "\"/sim/project/a\"")]
    [InlineData("resolve('/a/b', 'c')", "\"/a/b/c\"")]
    [InlineData("resolve('/a', '/b', 'c')", "\"/b/c\"")]
    [InlineData("resolve('a', '..', '..', '..', '..')", "\"/\"")]
    [InlineData("resolve('/a/b/', './c/')", "\"/a/b/c\"")]
    [InlineData("resolve('/', '')", "\"/\"")]
    [InlineData("resolve('x', '/y/../z/')", "\"/z\"")]
    [InlineData("resolve('..')", "\"/sim\"")]
    [InlineData("resolve('//a//b/')", "\"/a/b\"")]
    [InlineData("relative('/a/b', '/a/b')", "\"\"")]
    [InlineData("relative('/a/b/c', '/a/b')", "\"..\"")]
    [InlineData("relative('/a/b', '/a/b/c/d')", "\"c/d\"")]
    [InlineData("relative('/a/b/x', '/a/c/y')", "\"../../c/y\"")]
    [InlineData("relative('/', '/a')", "\"a\"")]
    [InlineData("relative('/a', '/')", "\"..\"")]
    [InlineData("relative('a', 'b')", "\"../b\"")]
    [InlineData("relative('/sim', 'x')", "\"project/x\"")]
    [InlineData("relative('/foo/bar/baz-quux', '/foo/bar/baz')", "\"../baz\"")]
    [InlineData("relative('', '/sim/project')", "\"\"")]
    [InlineData("relative('a/b', 'a/b/')", "\"\"")]
    [InlineData("relative('/a/bc', '/a/b')", "\"../b\"")]
    [InlineData("relative('x/y', '/')", "\"../../../..\"")]
    [InlineData("dirname('')", "\".\"")]
    [InlineData("dirname('.')", "\".\"")]
    [InlineData("dirname('/')", "\"/\"")]
    [InlineData("dirname('//')", "\"/\"")]
    [InlineData("dirname('a')", "\".\"")]
    [InlineData("dirname('/a')", "\"/\"")]
    [InlineData("dirname('a/b')", "\"a\"")]
    [InlineData("dirname('/a/b/')", "\"/a\"")]
    [InlineData("dirname('/a//b')", "\"/a/\"")]
    [InlineData("dirname('//a')", "\"//\"")]
    [InlineData("dirname('a/b//')", "\"a\"")]
    [InlineData("dirname('///')", "\"/\"")]
    [InlineData("dirname('../a')", "\"..\"")]
    [InlineData("basename('')", "\"\"")]
    [InlineData("basename('/')", "\"\"")]
    [InlineData("basename('a')", "\"a\"")]
    [InlineData("basename('/a/b')", "\"b\"")]
    [InlineData("basename('/a/b/')", "\"b\"")]
    [InlineData("basename('a.txt')", "\"a.txt\"")]
    [InlineData("basename('/a/b.tar.gz')", "\"b.tar.gz\"")]
    [InlineData("basename('//')", "\"\"")]
    [InlineData("basename('a//')", "\"a\"")]
    [InlineData("basename('a\\\\b')", "\"a\\\\b\"")]
    [InlineData("extname('')", "\"\"")]
    [InlineData("extname('a')", "\"\"")]
    [InlineData("extname('a.')", "\".\"")]
    [InlineData("extname('.bashrc')", "\"\"")]
    [InlineData("extname('.bashrc.bak')", "\".bak\"")]
    [InlineData("extname('a.b.c')", "\".c\"")]
    [InlineData("extname('..')", "\"\"")]
    [InlineData("extname('...')", "\".\"")]
    [InlineData("extname('a..')", "\".\"")]
    [InlineData("extname('/x/y.z/')", "\".z\"")]
    [InlineData("extname('/x.y/z')", "\"\"")]
    [InlineData("extname('file.tar.gz')", "\".gz\"")]
    [InlineData("extname('.')", "\"\"")]
    [InlineData("extname('a/.b')", "\"\"")]
    [InlineData("extname('..a')", "\".a\"")]
    [InlineData("parse('')", "{\"root\":\"\",\"dir\":\"\",\"base\":\"\",\"name\":\"\",\"ext\":\"\"}")]
    [InlineData("parse('/')", "{\"root\":\"/\",\"dir\":\"/\",\"base\":\"\",\"name\":\"\",\"ext\":\"\"}")]
    [InlineData("parse('//')", "{\"root\":\"/\",\"dir\":\"/\",\"base\":\"\",\"name\":\"\",\"ext\":\"\"}")]
    [InlineData("parse('/home/u/file.txt')", "{\"root\":\"/\",\"dir\":\"/home/u\",\"base\":\"file.txt\",\"name\":\"file\",\"ext\":\".txt\"}")]
    [InlineData("parse('a/b.c.d')", "{\"root\":\"\",\"dir\":\"a\",\"base\":\"b.c.d\",\"name\":\"b.c\",\"ext\":\".d\"}")]
    [InlineData("parse('.bashrc')", "{\"root\":\"\",\"dir\":\"\",\"base\":\".bashrc\",\"name\":\".bashrc\",\"ext\":\"\"}")]
    [InlineData("parse('/a/b/')", "{\"root\":\"/\",\"dir\":\"/a\",\"base\":\"b\",\"name\":\"b\",\"ext\":\"\"}")]
    [InlineData("parse('a')", "{\"root\":\"\",\"dir\":\"\",\"base\":\"a\",\"name\":\"a\",\"ext\":\"\"}")]
    [InlineData("parse('./x')", "{\"root\":\"\",\"dir\":\".\",\"base\":\"x\",\"name\":\"x\",\"ext\":\"\"}")]
    [InlineData("parse('../a/.b.c')", "{\"root\":\"\",\"dir\":\"../a\",\"base\":\".b.c\",\"name\":\".b\",\"ext\":\".c\"}")]
    [InlineData("parse('/a//b.c')", "{\"root\":\"/\",\"dir\":\"/a/\",\"base\":\"b.c\",\"name\":\"b\",\"ext\":\".c\"}")]
    [InlineData("parse('dir/')", "{\"root\":\"\",\"dir\":\"\",\"base\":\"dir\",\"name\":\"dir\",\"ext\":\"\"}")]
    [InlineData("parse('/x/...')", "{\"root\":\"/\",\"dir\":\"/x\",\"base\":\"...\",\"name\":\"..\",\"ext\":\".\"}")]
    public void Computes_like_node_posix(string expr, string expectedJson)
    {
        Assert.Equal("returned " + expectedJson, Eval(expr));
    }

    [Theory]
    [InlineData("'/a/b'", "file:///a/b")]
    [InlineData("'/a b/c#d?e'", "file:///a%20b/c%23d%3Fe")]
    [InlineData("'rel/x'", "file:///sim/project/rel/x")]
    [InlineData("''", "file:///sim/project")]
    [InlineData("'.'", "file:///sim/project")]
    [InlineData("'/'", "file:///")]
    [InlineData("'dir/'", "file:///sim/project/dir/")]
    [InlineData("'/a\\\\b'", "file:///a%5Cb")]
    [InlineData("'/tab\\tnl\\ncr\\r'", "file:///tab%09nl%0Acr%0D")]
    [InlineData("'/résumé'", "file:///r%C3%A9sum%C3%A9")]
    [InlineData("'/100%'", "file:///100%25")]
    [InlineData("'/😀'", "file:///%F0%9F%98%80")]
    [InlineData("'/x/../y/./z'", "file:///y/z")]
    [InlineData("'/q[1]^{2}|~`\"<>'", "file:///q%5B1%5D%5E%7B2%7D%7C%7E%60%22%3C%3E")]
    [InlineData("'a/../../..'", "file:///")]
    [InlineData("'/semi;colon,eq=amp&plus+at@dollar$'", "file:///semi;colon,eq=amp&plus+at@dollar$")]
    public void ToFileURL_resolves_and_percent_encodes(string pathLiteral, string expectedHref)
    {
        var stdout = Run($"""
            const url = path.toFileURL({pathLiteral});
            console.log(url instanceof URL);
            console.log(url.href);
            console.log(url.protocol);
            """);
        Assert.Equal($"true\n{expectedHref}\nfile:\n", stdout);
    }

    [Theory]
    [InlineData("file:///a/b", "\"/a/b\"")]
    [InlineData("file:///a%20b/c%25d", "\"/a b/c%d\"")]
    [InlineData("file://localhost/etc/passwd", "\"/etc/passwd\"")]
    [InlineData("file:///r%C3%A9sum%C3%A9", "\"/résumé\"")]
    [InlineData("file:///a/b/", "\"/a/b/\"")]
    [InlineData("file:///%5C", "\"/\\\\\"")]
    [InlineData("file:///%F0%9F%98%80", "\"/😀\"")]
    [InlineData("file:///a%3Fb%23c", "\"/a?b#c\"")]
    public void FromFileURL_decodes_strings_and_URL_objects(string url, string expectedJson)
    {
        var stdout = Run($"""
            console.log(JSON.stringify(path.fromFileURL({JsonSerializer.Serialize(url)})));
            console.log(JSON.stringify(path.fromFileURL(new URL({JsonSerializer.Serialize(url)}))));
            """);
        Assert.Equal($"{expectedJson}\n{expectedJson}\n", stdout);
    }

    [Theory]
    [InlineData("normalize(1)", "TypeError: The \"path\" argument must be of type string. Received type number (1)")]
    [InlineData("isAbsolute(null)", "TypeError: The \"path\" argument must be of type string. Received null")]
    [InlineData("dirname(undefined)", "TypeError: The \"path\" argument must be of type string. Received undefined")]
    [InlineData("basename({})", "TypeError: The \"path\" argument must be of type string. Received an instance of Object")]
    [InlineData("extname([])", "TypeError: The \"path\" argument must be of type string. Received an instance of Array")]
    [InlineData("parse(true)", "TypeError: The \"path\" argument must be of type string. Received type boolean (true)")]
    [InlineData("join('a', 1)", "TypeError: The \"path\" argument must be of type string. Received type number (1)")]
    [InlineData("resolve(Symbol('s'), '/a')", "TypeError: The \"path\" argument must be of type string. Received type symbol (Symbol(s))")]
    [InlineData("relative(1, 'a')", "TypeError: The \"from\" argument must be of type string. Received type number (1)")]
    [InlineData("relative('a', null)", "TypeError: The \"to\" argument must be of type string. Received null")]
    [InlineData("toFileURL(5)", "TypeError: The \"path\" argument must be of type string. Received type number (5)")]
    [InlineData("normalize(function foo() {})", "TypeError: The \"path\" argument must be of type string. Received function foo")]
    [InlineData("dirname(10n)", "TypeError: The \"path\" argument must be of type string. Received type bigint (10n)")]
    [InlineData("fromFileURL(42)", "TypeError: The \"url\" argument must be of type string or an instance of URL. Received type number (42)")]
    [InlineData("fromFileURL(null)", "TypeError: The \"url\" argument must be of type string or an instance of URL. Received null")]
    public void Rejects_non_string_arguments_with_TypeError(string expr, string expected)
    {
        Assert.Equal(expected, Eval(expr));
    }

    [Theory]
    [InlineData("fromFileURL('http://x/a')", "TypeError: The URL must be of scheme file")]
    [InlineData("fromFileURL('file://host/a')", "TypeError: File URL host must be \"localhost\" or empty on linux")]
    [InlineData("fromFileURL('file:///a%2Fb')", "TypeError: File URL path must not include encoded / characters")]
    [InlineData("fromFileURL('file:///a%2fb')", "TypeError: File URL path must not include encoded / characters")]
    [InlineData("fromFileURL(new URL('https://example.com/'))", "TypeError: The URL must be of scheme file")]
    public void FromFileURL_rejects_other_schemes_hosts_and_encoded_slashes(string expr, string expected)
    {
        Assert.Equal(expected, Eval(expr));
    }

    [Fact]
    public void Separators_are_posix_on_linux()
    {
        Assert.Equal("\"/\"\n\":\"\n", Run("""
            console.log(JSON.stringify(path.sep));
            console.log(JSON.stringify(path.delimiter));
            """));
    }

    [Fact]
    public void Default_export_is_a_frozen_aggregate_of_the_named_exports()
    {
        var stdout = Run("""
            import * as ns from "runtime:path";
            const names = Object.keys(ns).filter((k) => k !== "default").sort();
            console.log(JSON.stringify(names));
            console.log(JSON.stringify(Object.keys(path).sort()));
            console.log(names.every((k) => path[k] === ns[k]));
            console.log(ns.default === path, Object.isFrozen(path));
            try { path.sep = "x"; console.log("assigned"); } catch (e) { console.log(e.constructor.name, path.sep); }
            console.log("posix" in path, "win32" in path, "posix" in ns, "win32" in ns);
            """);
        const string names = "[\"basename\",\"delimiter\",\"dirname\",\"extname\",\"fromFileURL\",\"isAbsolute\",\"join\",\"normalize\",\"parse\",\"relative\",\"resolve\",\"sep\",\"toFileURL\"]";
        Assert.Equal($"{names}\n{names}\ntrue\ntrue true\nTypeError /\nfalse false false false\n", stdout);
    }

    [Fact]
    public void Named_imports_work()
    {
        var result = JsHarness.Run("""
            import { join, sep, parse } from "runtime:path";
            console.log(join("a", "b"), sep, parse("/x/y.z").name);
            """);
        Assert.Equal("a/b / y\n", result.Stdout);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Basename_takes_no_suffix_argument()
    {
        Assert.Equal("b.txt\nb.txt\n", Run("""
            console.log(path.basename("/a/b.txt", ".txt"));
            console.log(path.basename("/a/b.txt", "b.txt"));
            """));
    }

    [Fact]
    public void Resolve_anchors_at_cwd_and_drops_the_trailing_slash()
    {
        Assert.Equal("/sim/project\n/sim/project/src/lib\n/sim\n/\n", Run("""
            console.log(path.resolve());
            console.log(path.resolve("src/", "lib/"));
            console.log(path.resolve(".."));
            console.log(path.resolve("../../../.."));
            """));
    }

    [Fact]
    public void Parse_of_a_rooted_dotdot_has_no_extension()
    {
        // Deliberate difference from Node, whose path.posix.parse("/..") reports ext "." and name ".";
        // here parse agrees with extname, as it does for "a/..".
        Assert.Equal(
            "{\"root\":\"/\",\"dir\":\"/\",\"base\":\"..\",\"name\":\"..\",\"ext\":\"\"}\n\"\"\n{\"root\":\"\",\"dir\":\"a\",\"base\":\"..\",\"name\":\"..\",\"ext\":\"\"}\n",
            Run("""
                console.log(JSON.stringify(path.parse("/..")));
                console.log(JSON.stringify(path.extname("/..")));
                console.log(JSON.stringify(path.parse("a/..")));
                """));
    }

    [Fact]
    public void Parse_returns_a_plain_object_with_all_five_keys()
    {
        Assert.Equal("[\"root\",\"dir\",\"base\",\"name\",\"ext\"]\ntrue\n", Run("""
            const p = path.parse("/home/u/file.txt");
            console.log(JSON.stringify(Object.keys(p)));
            console.log(Object.getPrototypeOf(p) === Object.prototype);
            """));
    }

    [Fact]
    public void FromFileURL_accepts_a_URL_like_object()
    {
        // Any object with string href and protocol is taken as a URL (as Node does), so this
        // path is independent of the URL global.
        Assert.Equal("\"/a b/%c\"\n", Run("""
            const u = { href: "file:///a%20b/%25c", protocol: "file:", hostname: "", pathname: "/a%20b/%25c" };
            console.log(JSON.stringify(path.fromFileURL(u)));
            """));
    }

    [Fact]
    public void FromFileURL_malformed_escape_is_a_URIError()
    {
        Assert.Equal("URIError", Eval("fromFileURL('file:///%E0%A4%A')").Split(':')[0]);
    }

    [Theory]
    [InlineData("/sim/a b#c?d%e")]
    [InlineData(@"/tmp/r\u00e9sum\u00e9 \ud83d\ude00.txt")]
    [InlineData(@"/x/back\\slash/tab\tnew\nline")]
    [InlineData("/dir/")]
    [InlineData("/")]
    public void File_URL_round_trip(string jsPath) // jsPath is the body of a JS string literal
    {
        var stdout = Run($"""
            const p = "{jsPath}";
            console.log(path.fromFileURL(path.toFileURL(p)) === p);
            console.log(path.fromFileURL(path.toFileURL(p).href) === p);
            """);
        Assert.Equal("true\ntrue\n", stdout);
    }
}
