namespace EsRuntime.Tests.ModuleLoading;

/// <summary>Modules loaded end to end through the engine, from real files in a temporary project.</summary>
public sealed class ModuleLoadingTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("esrun-modules-");

    public void Dispose() => _root.Delete(recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void StaticImportsDynamicImportTopLevelAwaitAndImportMeta()
    {
        Write("package.json", "{}");
        Write("lib/math.mjs", "export const add = (a, b) => a + b;\nexport default 'math';");
        Write("lib/slow.mjs", "export let value = 'pending';\nawait new Promise((r) => setTimeout(r, 50));\nvalue = 'settled';");
        var main = Write("main.mjs", """
            import name, { add } from "./lib/math.mjs";
            console.log(name, add(2, 3));
            const slow = await import("./lib/slow.mjs");
            console.log(slow.value);
            const again = await import("./lib/" + "math.mjs");
            console.log(again.add === add, import.meta.url.endsWith("/main.mjs"), import.meta.url.startsWith("file:///"));
            """);
        var r = JsHarness.RunFile(main);
        Assert.Equal("", r.Stderr);
        Assert.Equal("math 5\nsettled\ntrue true true\n", r.Stdout);
    }

    [Fact]
    public void ImportMetaResolveGivesTheUrlImportWouldLoad()
    {
        Write("package.json", "{}");
        Write("lib/a.mjs", "export const resolved = import.meta.resolve('./b.mjs');");
        Write("lib/b.mjs", "export {};");
        Write("node_modules/pkg/package.json", "{\"name\":\"pkg\",\"type\":\"module\",\"exports\":\"./main.js\"}");
        Write("node_modules/pkg/main.js", "export {};");
        var main = Write("main.mjs", """
            import { resolved } from "./lib/a.mjs";
            console.log(resolved === new URL("./lib/b.mjs", import.meta.url).href);
            console.log(import.meta.resolve("pkg") === new URL("./node_modules/pkg/main.js", import.meta.url).href);
            """);
        var r = JsHarness.RunFile(main);
        Assert.Equal("", r.Stderr);
        Assert.Equal("true\ntrue\n", r.Stdout);
    }

    [Fact]
    public void SharedDependencyIsEvaluatedOnce()
    {
        Write("package.json", "{}");
        Write("counter.mjs", "globalThis.count = (globalThis.count ?? 0) + 1; export const n = globalThis.count;");
        Write("a.mjs", "export { n } from './counter.mjs';");
        Write("b.mjs", "export { n } from './counter.mjs';");
        var main = Write("main.mjs", "import { n as a } from './a.mjs'; import { n as b } from './b.mjs'; const c = await import('./counter.mjs'); console.log(a, b, c.n, globalThis.count);");
        Assert.Equal("1 1 1 1\n", JsHarness.RunFile(main).Stdout);
    }

    [Fact]
    public void DynamicImportOfAThrowingModuleRejectsWithTheOriginalError()
    {
        Write("package.json", "{}");
        Write("sync-throw.mjs", "throw new RangeError('sync boom');");
        Write("async-throw.mjs", "await null; throw new SyntaxError('async boom');");
        var main = Write("main.mjs", """
            for (const f of ["./sync-throw.mjs", "./async-throw.mjs", "./missing.mjs"]) {
              try { await import(f); console.log("resolved?!"); }
              catch (e) { console.log(e.constructor.name, e.message.replace(/file:\/\/\S+\//g, "")); }
            }
            """);
        var r = JsHarness.RunFile(main);
        Assert.Equal("RangeError sync boom\nSyntaxError async boom\nTypeError Module not found \"missing.mjs\" imported from main.mjs\n", r.Stdout);
    }

    [Fact]
    public void DynamicImportInsideStringsCommentsAndTemplatesIsLeftAlone()
    {
        Write("package.json", "{}");
        Write("dep.mjs", "export const x = 1;");
        var main = Write("main.mjs", """
            // import("./nope.mjs")
            const s = 'import("./nope.mjs")';
            const t = `import(${"x"})`;
            const re = /import\(/;
            const obj = { import(x) { return x + 1; } };
            const m = await import (`./dep.mjs`);
            console.log(s.length, t, re.test("import("), obj.import(1), m.x);
            """);
        var r = JsHarness.RunFile(main);
        Assert.Equal("", r.Stderr);
        Assert.Equal("20 import(x) true 2 1\n", r.Stdout);
    }

    [Fact]
    public void MissingStaticImportIsOneClearLine()
    {
        Write("package.json", "{}");
        var main = Write("main.mjs", "import './nope.mjs';\nconsole.log('not reached');");
        var r = JsHarness.RunFile(main);
        Assert.Equal(1, r.ExitCode);
        Assert.Matches("^error: Module not found \"file:///.*/nope.mjs\" imported from file:///.*/main.mjs\n$", r.Stderr);
    }

    [Fact]
    public void MissingEntryIsOneClearLine()
    {
        var r = JsHarness.RunFile(Path.Combine(_root.FullName, "absent.mjs"));
        Assert.Equal(1, r.ExitCode);
        Assert.Matches("^error: Module not found \"file:///.*/absent.mjs\".*\n$", r.Stderr);
    }

    [Fact]
    public void NodeBuiltinIsRefusedNamingSpecifierAndImporter()
    {
        Write("package.json", "{}");
        var main = Write("main.mjs", "import fs from 'node:fs';");
        var r = JsHarness.RunFile(main);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("\"node:fs\"", r.Stderr);
        Assert.Contains("main.mjs", r.Stderr);
        Assert.Equal(1, r.Stderr.Count(c => c == '\n'));
    }

    [Fact]
    public void CommonJsPackageIsRefused()
    {
        Write("package.json", "{}");
        Write("node_modules/legacy/package.json", "{\"name\":\"legacy\",\"main\":\"index.js\"}");
        Write("node_modules/legacy/index.js", "module.exports = 1;");
        var main = Write("main.mjs", "import legacy from 'legacy';");
        var r = JsHarness.RunFile(main);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("\"legacy\"", r.Stderr);
        Assert.Contains("CommonJS", r.Stderr);
    }

    [Fact]
    public void EsmPackageThroughExportsLoads()
    {
        Write("package.json", "{}");
        Write("node_modules/modern/package.json", "{\"name\":\"modern\",\"type\":\"module\",\"exports\":{\".\":{\"import\":\"./dist/index.js\",\"require\":\"./dist/index.cjs\"},\"./feature/*\":\"./dist/features/*.js\"}}");
        Write("node_modules/modern/dist/index.js", "export const hello = 'modern';");
        Write("node_modules/modern/dist/features/x.js", "export const x = 'feature x';");
        var main = Write("main.mjs", "import { hello } from 'modern'; import { x } from 'modern/feature/x'; console.log(hello, x);");
        var r = JsHarness.RunFile(main);
        Assert.Equal("", r.Stderr);
        Assert.Equal("modern feature x\n", r.Stdout);
    }

    [Fact]
    public void SymlinkOutOfTheJailIsRefused()
    {
        var outside = Directory.CreateTempSubdirectory("esrun-outside-");
        try
        {
            File.WriteAllText(Path.Combine(outside.FullName, "secret.mjs"), "export const secret = 'leaked';");
            Write("package.json", "{}");
            File.CreateSymbolicLink(Path.Combine(_root.FullName, "link.mjs"), Path.Combine(outside.FullName, "secret.mjs"));
            var main = Write("main.mjs", "import { secret } from './link.mjs'; console.log(secret);");
            var r = JsHarness.RunFile(main);
            Assert.Equal("", r.Stdout);
            Assert.Equal(1, r.ExitCode);
            Assert.Contains("outside the root jail", r.Stderr);
        }
        finally
        {
            outside.Delete(recursive: true);
        }
    }

    [Fact]
    public void RuntimeModulesAreServedAndUnknownOnesRefused()
    {
        Write("package.json", "{}");
        var main = Write("main.mjs", "import { platform } from 'runtime:process'; console.log(platform); await import('runtime:nope');");
        var r = JsHarness.RunFile(main);
        Assert.Equal("linux\n", r.Stdout);
        Assert.Contains("runtime:nope", r.Stderr);
        Assert.Equal(1, r.ExitCode);
    }
}
