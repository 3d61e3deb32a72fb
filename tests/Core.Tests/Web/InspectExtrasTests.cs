using EsRuntime.Providers;
using EsRuntime.Providers.Sim;
using EsRuntime.Runtime;
using static EsRuntime.Tests.Web.ConsoleOutput;

namespace EsRuntime.Tests.Web;

/// <summary>
/// Inspection that needs the host (promise state), colours as a console provider fact, stacks
/// without the runtime's own frames, and import.meta.resolve.
/// </summary>
public class InspectExtrasTests
{
    // Node prints the value of a settled promise; V8 lets the host read only its state (see inspect.js).
    [Fact]
    public void Promises_show_their_state() => Expect("""
        const rejected = Promise.reject(new Error("boom"));
        rejected.catch(() => {});
        let resolveLater;
        const later = new Promise((r) => { resolveLater = r; });
        console.log(new Promise(() => {}), Promise.resolve(42), rejected, later);
        resolveLater(1);
        await later;
        console.log(later, [Promise.resolve()], { p: new Promise(() => {}) });
        """, "Promise { <pending> } Promise { <fulfilled> } Promise { <rejected> } Promise { <pending> }\n" +
        "Promise { <fulfilled> } [ Promise { <fulfilled> } ] { p: Promise { <pending> } }\n");

    [Fact]
    public void Arguments_objects() => Expect("""
        (function () { console.log(arguments); })(1, "a");
        (function () { console.log([arguments]); })();
        """, "[Arguments] [ 1, 'a' ]\n[ [Arguments] [] ]\n");

    [Fact]
    public void The_global_object_is_tagged_global()
    {
        var r = JsHarness.Run("console.log(globalThis); console.log({ g: globalThis });");
        Assert.StartsWith("Object [global] {", r.Stdout);
        Assert.Contains("g: Object [global] {", r.Stdout);
    }

    // Walking an iterator would consume it and V8's entry preview is not reachable: no entries.
    [Fact]
    public void Map_and_set_iterators_are_named() => Expect("""
        const m = new Map([[1, "a"]]);
        const it = m.entries();
        console.log(it, new Set([1]).values());
        console.log(it.next().value);
        """, "[Map Iterator] { <items unknown> } [Set Iterator] { <items unknown> }\n[ 1, 'a' ]\n");

    private static JsResult RunColored(string code, bool colors)
    {
        var console = new CapturingConsole(colors: colors);
        var providers = new ProviderSet(new VirtualClock(), new SeededEntropy(1), console, new SimProcessHost(), new EsRuntime.Providers.Sim.Disk.SimFileSystem());
        using var runtime = JsRuntime.FromCode(new RuntimeOptions { Providers = providers }, code);
        var exit = runtime.RunToCompletion();
        return new JsResult(console.Stdout, console.Stderr, exit);
    }

    [Fact]
    public void Colours_follow_the_console_provider()
    {
        const string code = """
            console.log('top', { s: 'x', n: 1, b: true, u: undefined, z: null }, [1n]);
            console.log([function f() {}, new Date(0), /x/, Symbol('q')]);
            """;
        var colored = RunColored(code, colors: true);
        Assert.Equal(
            "top { s: \e[32m'x'\e[39m, n: \e[33m1\e[39m, b: \e[33mtrue\e[39m, u: \e[90mundefined\e[39m, z: \e[1mnull\e[22m } [ \e[33m1n\e[39m ]\n" +
            "[ \e[36m[Function: f]\e[39m, \e[35m1970-01-01T00:00:00.000Z\e[39m, \e[31m/x/\e[39m, \e[32mSymbol(q)\e[39m ]\n",
            colored.Stdout);
        var plain = RunColored(code, colors: false);
        Assert.DoesNotContain("\e[", plain.Stdout);
        // Colour escapes do not change the layout.
        Assert.Equal(plain.Stdout, System.Text.RegularExpressions.Regex.Replace(colored.Stdout, "\e\\[\\d+m", ""));
    }

    [Fact]
    public void Colours_keep_long_arrays_in_the_same_columns()
    {
        const string code = "console.log(Array.from({ length: 40 }, (_, i) => i * 37), { k: 'a'.repeat(70), l: [1, 2] });";
        var colored = RunColored(code, colors: true);
        var plain = RunColored(code, colors: false);
        Assert.Contains("\e[33m", colored.Stdout);
        Assert.Equal(plain.Stdout, System.Text.RegularExpressions.Regex.Replace(colored.Stdout, "\e\\[\\d+m", ""));
    }

    [Fact]
    public void Strings_alone_do_not_ask_for_colours()
    {
        var console = new AskCountingConsole();
        var providers = new ProviderSet(new VirtualClock(), new SeededEntropy(1), console, new SimProcessHost(), new EsRuntime.Providers.Sim.Disk.SimFileSystem());
        using (var runtime = JsRuntime.FromCode(new RuntimeOptions { Providers = providers }, "console.log('a', 'b'); console.error('c');"))
            runtime.RunToCompletion();
        Assert.Equal(0, console.Asked);
        using (var runtime = JsRuntime.FromCode(new RuntimeOptions { Providers = providers }, "console.log(1); console.log({}); console.error(2);"))
            runtime.RunToCompletion();
        Assert.Equal(2, console.Asked);   // once per stream
    }

    private sealed class AskCountingConsole : IConsole
    {
        public int Asked { get; private set; }
        public void Write(ConsoleStream stream, string text) { }
        public void Flush() { }
        public bool UsesColor(ConsoleStream stream)
        {
            Asked++;
            return false;
        }
    }

    [Fact]
    public void Stacks_hide_the_runtimes_own_frames()
    {
        var r = JsHarness.Run("""
            function inner() { throw new Error("boom"); }
            try { inner(); } catch (e) { console.log(e.stack); console.log(e); }
            setTimeout(() => { console.log(new Error("in timer").stack); }, 1);
            await null;
            [1].forEach(() => console.log(new Error("in forEach").stack.split("\n").length));
            """);
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("esrun:", r.Stdout);
        Assert.DoesNotContain("FastHostFunction", r.Stdout);
        Assert.Contains("Error: boom\n    at inner (", r.Stdout);
        Assert.Contains("Error: in timer\n    at ", r.Stdout);
        // "Error: in forEach", the arrow, Array.forEach, the module body.
        Assert.Contains("\n4\n", r.Stdout);
    }

    [Fact]
    public void A_script_can_still_replace_prepareStackTrace() => Expect("""
        Error.prepareStackTrace = (error, sites) => `custom ${sites.length > 0}`;
        console.log(new Error("x").stack);
        """, "custom true\n");

    [Fact]
    public void Import_meta_resolve_resolves_against_the_module() => Expect("""
        console.log(import.meta.resolve("runtime:path"));
        try { import.meta.resolve("not-a-package"); } catch (e) { console.log(e.name); }
        const { resolve } = import.meta;
        try { resolve("runtime:path"); } catch (e) { console.log(e.name); }
        """, "runtime:path\nTypeError\nTypeError\n");
}
