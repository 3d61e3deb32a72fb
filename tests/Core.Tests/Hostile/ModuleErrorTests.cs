using System.Text.RegularExpressions;
using EsRuntime.Tests.Modules;

namespace EsRuntime.Tests.Hostile;

/// <summary>Issue 9, items 16 and 19: syntax errors name their place; import() behaves as V8's own.</summary>
public sealed class ModuleErrorTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private const string Bad = "export const ok = 1;\nlet x = 1 *** 2;\n";

    private string BadReport => $"error: Uncaught SyntaxError: Unexpected token '*'\nlet x = 1 *** 2;\n            ^\n    at {_tree.PathOf("bad.mjs")}:2:13\n";

    [Fact]
    public void Item16_ASyntaxErrorShowsFileLineSourceAndCaret_InTheEntryAnImportAndAnImportCall()
    {
        _tree.File("package.json", "{}").File("bad.mjs", Bad)
             .File("static.mjs", "import './bad.mjs';\n")
             .File("dynamic.mjs", "console.log('before');\nawait import('./bad.mjs');\n")
             .File("caught.mjs", "try { await import('./bad.mjs'); } catch (e) { console.log(e.name, e.message); }\n");

        var entry = JsHarness.RunFile(_tree.PathOf("bad.mjs"));
        Assert.Equal(BadReport, entry.Stderr);
        Assert.Equal(1, entry.ExitCode);

        Assert.Equal(BadReport, JsHarness.RunFile(_tree.PathOf("static.mjs")).Stderr);

        var dynamic = JsHarness.RunFile(_tree.PathOf("dynamic.mjs"));
        Assert.Equal("before\n", dynamic.Stdout);
        Assert.Equal(BadReport + $"    at {_tree.PathOf("dynamic.mjs")}:2:7\n", dynamic.Stderr);

        var caught = JsHarness.RunFile(_tree.PathOf("caught.mjs"));
        Assert.Equal("SyntaxError Unexpected token '*'\n", caught.Stdout);
        Assert.Equal(0, caught.ExitCode);
    }

    [Theory]
    [InlineData("import()", "import() requires a specifier")]
    [InlineData("import(...['./x.mjs'])", "")]
    [InlineData("import('./x.mjs', {}, 3)", "")]
    [InlineData("import(,'./x.mjs')", "")]
    public void Item19_AnImportCallV8RejectsIsASyntaxErrorBeforeAnythingRuns(string call, string message)
    {
        var r = JsHarness.Run($"console.log('ran');\n{call}.then(() => console.log('imported'));\n");
        Assert.Equal("", r.Stdout);
        Assert.StartsWith("error: Uncaught SyntaxError: " + message, r.Stderr);
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void Item19_ImportConvertsItsArgumentWithToString()
    {
        var r = JsHarness.Run("""
            await import(Symbol("s")).catch((e) => console.log(e.constructor.name, e.message));
            await import({ toString() { throw new RangeError("from toString"); } }).catch((e) => console.log(e.constructor.name, e.message));
            await import("./none.mjs", ).catch(() => {});
            console.log("trailing comma accepted");
            """);
        Assert.Equal("TypeError Cannot convert a Symbol value to a string\nRangeError from toString\ntrailing comma accepted\n", r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void Item19_StackFramesThroughAnImportCallNameOnlyLinesOfTheFile()
    {
        const string main = "// a module whose last line ends in a comment\nconst m = await import('./thrower.mjs').catch((e) => e);\nconsole.log(m.stack); // the stack\n";
        _tree.File("package.json", "{}").File("thrower.mjs", "throw new Error('boom');\n").File("main.mjs", main)
             .File("uncaught.mjs", "await import('./thrower.mjs');\n");
        var r = JsHarness.RunFile(_tree.PathOf("main.mjs"));
        Assert.Equal(0, r.ExitCode);
        var lines = main.TrimEnd('\n').Split('\n').Length;
        var frames = Regex.Matches(r.Stdout, Regex.Escape(_tree.PathOf("main.mjs")) + @":(\d+):\d+");
        Assert.NotEmpty(frames);
        Assert.All(frames, f => Assert.InRange(int.Parse(f.Groups[1].Value), 1, lines));

        // The helper the loader adds is not the user's code: the report leaves its frame out.
        var uncaught = JsHarness.RunFile(_tree.PathOf("uncaught.mjs"));
        Assert.Equal($"error: Uncaught Error: boom\nthrow new Error('boom');\n      ^\n    at {_tree.PathOf("thrower.mjs")}:1:7\n    at {_tree.PathOf("uncaught.mjs")}:1:7\n", uncaught.Stderr);
    }
}
