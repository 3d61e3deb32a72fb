using EsRuntime.Modules;
using EsRuntime.Providers.Real.Files;

namespace EsRuntime.Tests.Modules;

/// <summary>Bare specifiers: node_modules lookup, package.json exports/imports, module/main fallbacks, CommonJS refusal.
/// The jail is <c>app/</c>, an ESM project importing from <c>app/src/main.js</c>.</summary>
public sealed class PackageResolutionTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly ModuleResolver _resolver;

    public PackageResolutionTests()
    {
        _tree.File("app/package.json", """{ "type": "module" }""").File("app/src/main.js");
        _resolver = new ModuleResolver(new RealFileSystem(_tree.PathOf("app")));
    }

    public void Dispose() => _tree.Dispose();

    private string Referrer => _tree.Url("app/src/main.js");

    private string Resolve(string specifier, string from = "app/src/main.js") => _resolver.Resolve(specifier, _tree.Url(from));

    private ModuleException Refused(string specifier, string from = "app/src/main.js") =>
        Assert.Throws<ModuleException>(() => Resolve(specifier, from));

    /// <summary>Writes app/node_modules/{name}/package.json and the given files (all ESM stubs).</summary>
    private void Package(string name, string packageJson, params string[] files)
    {
        _tree.File($"app/node_modules/{name}/package.json", packageJson);
        foreach (var file in files) _tree.File($"app/node_modules/{name}/{file}");
    }

    private string Url(string name, string file) => _tree.Url($"app/node_modules/{name}/{file}");

    // ---- finding the package ----

    [Fact]
    public void PackageIsFoundInAParentNodeModules()
    {
        Package("dep", """{ "exports": "./index.js", "type": "module" }""", "index.js");
        _tree.File("app/src/deep/er/mod.js");
        Assert.Equal(Url("dep", "index.js"), Resolve("dep", "app/src/deep/er/mod.js"));
    }

    [Fact]
    public void NearestNodeModulesWins()
    {
        Package("dep", """{ "exports": "./index.js", "type": "module" }""", "index.js");
        _tree.File("app/src/node_modules/dep/package.json", """{ "exports": "./near.js", "type": "module" }""").File("app/src/node_modules/dep/near.js");
        Assert.Equal(_tree.Url("app/src/node_modules/dep/near.js"), Resolve("dep"));
    }

    [Fact]
    public void SearchStopsAtTheJailRoot()
    {
        _tree.File("node_modules/above/package.json", """{ "exports": "./index.js" }""").File("node_modules/above/index.js");
        var e = Refused("above");
        Assert.Contains($"Cannot import \"above\" from {Referrer}", e.Message);
        Assert.Contains("package \"above\" was not found", e.Message);
    }

    [Fact]
    public void MissingPackageIsRefused()
    {
        var e = Refused("nothing-here/sub.js");
        Assert.Contains($"Cannot import \"nothing-here/sub.js\" from {Referrer}", e.Message);
        Assert.Contains("package \"nothing-here\" was not found", e.Message);
    }

    [Fact]
    public void DependencyOfADependencyResolvesFromItsOwnNodeModules()
    {
        Package("outer", """{ "exports": "./index.js", "type": "module" }""", "index.js", "node_modules/inner/i.js");
        _tree.File("app/node_modules/outer/node_modules/inner/package.json", """{ "exports": "./i.js", "type": "module" }""");
        Assert.Equal(Url("outer", "node_modules/inner/i.js"), Resolve("inner", "app/node_modules/outer/index.js"));
    }

    [Fact]
    public void ScopedPackagesResolve()
    {
        Package("@scope/pkg", """{ "type": "module", "exports": { ".": "./main.js", "./sub": "./lib/sub.js" } }""", "main.js", "lib/sub.js");
        Assert.Equal(Url("@scope/pkg", "main.js"), Resolve("@scope/pkg"));
        Assert.Equal(Url("@scope/pkg", "lib/sub.js"), Resolve("@scope/pkg/sub"));
    }

    [Theory]
    [InlineData("@scope")]
    [InlineData("@scope/")]
    [InlineData(".hidden")]
    [InlineData("bad%20name")]
    public void InvalidPackageNamesAreRefused(string specifier)
    {
        var e = Refused(specifier);
        Assert.Contains($"Cannot import \"{specifier}\" from {Referrer}", e.Message);
        Assert.Contains("not a valid package name", e.Message);
    }

    [Fact]
    public void SymlinkedPackageInsideTheJailResolvesToItsRealPath()
    {
        // pnpm-style: node_modules/dep -> node_modules/.pnpm/dep@1/node_modules/dep
        _tree.File("app/node_modules/.pnpm/dep@1/node_modules/dep/package.json", """{ "exports": "./index.js", "type": "module" }""")
             .File("app/node_modules/.pnpm/dep@1/node_modules/dep/index.js")
             .DirLink("app/node_modules/dep", "app/node_modules/.pnpm/dep@1/node_modules/dep");
        Assert.Equal(_tree.Url("app/node_modules/.pnpm/dep@1/node_modules/dep/index.js"), Resolve("dep"));
    }

    [Fact]
    public void SymlinkedPackageOutsideTheJailIsRefused()
    {
        _tree.File("elsewhere/dep/package.json", """{ "exports": "./index.js" }""").File("elsewhere/dep/index.js")
             .DirLink("app/node_modules/dep", "elsewhere/dep");
        var e = Refused("dep");
        Assert.Contains($"Cannot import \"dep\" from {Referrer}", e.Message);
        Assert.Contains($"{_tree.PathOf("app/node_modules/dep")} leads outside the root jail {_tree.PathOf("app")}", e.Message);
        Assert.DoesNotContain("elsewhere", e.Message);
    }

    [Fact]
    public void PackageFileSymlinkedOutsideTheJailIsRefused()
    {
        _tree.File("elsewhere/evil.js");
        Package("dep", """{ "exports": "./index.js" }""");
        _tree.FileLink("app/node_modules/dep/index.js", "elsewhere/evil.js");
        Assert.Contains("outside the root jail", Refused("dep").Message);
    }

    // ---- exports ----

    [Fact]
    public void ExportsString()
    {
        Package("dep", """{ "type": "module", "exports": "./dist/index.js", "main": "./ignored.js" }""", "dist/index.js", "ignored.js");
        Assert.Equal(Url("dep", "dist/index.js"), Resolve("dep"));
    }

    [Fact]
    public void ExportsObjectWithSubpaths()
    {
        Package("dep", """{ "type": "module", "exports": { ".": "./index.js", "./sub": "./lib/sub.js", "./package.json": "./package.json" } }""",
            "index.js", "lib/sub.js");
        Assert.Equal(Url("dep", "index.js"), Resolve("dep"));
        Assert.Equal(Url("dep", "lib/sub.js"), Resolve("dep/sub"));
    }

    [Fact]
    public void ExportsConditionsPickImportAndSkipRequireNodeTypes()
    {
        Package("dep", """
            { "exports": { "types": "./index.d.ts", "require": "./index.cjs", "node": "./node.js",
                           "import": "./index.mjs", "default": "./fallback.js" } }
            """, "index.mjs", "index.cjs", "node.js", "fallback.js");
        Assert.Equal(Url("dep", "index.mjs"), Resolve("dep"));
    }

    [Fact]
    public void ExportsConditionDefault()
    {
        Package("dep", """{ "exports": { "require": "./index.cjs", "default": "./index.mjs" } }""", "index.mjs");
        Assert.Equal(Url("dep", "index.mjs"), Resolve("dep"));
    }

    [Fact]
    public void ExportsConditionEsrunIsAccepted()
    {
        Package("dep", """{ "exports": { "esrun": "./esrun.mjs", "import": "./index.mjs" } }""", "esrun.mjs", "index.mjs");
        Assert.Equal(Url("dep", "esrun.mjs"), Resolve("dep"));
    }

    [Fact]
    public void ExportsNestedConditions()
    {
        Package("dep", """
            { "exports": { ".": { "node": { "import": "./node.mjs" },
                                  "import": { "types": "./index.d.mts", "default": "./esm/index.mjs" },
                                  "require": "./cjs/index.cjs" },
                           "./sub": { "browser": "./b.mjs", "default": { "import": "./sub.mjs" } } } }
            """, "esm/index.mjs", "node.mjs", "sub.mjs");
        Assert.Equal(Url("dep", "esm/index.mjs"), Resolve("dep"));
        Assert.Equal(Url("dep", "sub.mjs"), Resolve("dep/sub"));
    }

    [Fact]
    public void ExportsArrayFallbacksTakeTheFirstValidTarget()
    {
        Package("dep", """
            { "exports": { ".": ["not-relative.js", { "worker": "./worker.mjs" }, "./index.mjs", "./later.mjs"],
                           "./x": [{ "require": "./x.cjs" }, null, "./x.mjs"] } }
            """, "index.mjs", "later.mjs", "x.mjs");
        Assert.Equal(Url("dep", "index.mjs"), Resolve("dep"));
        Assert.Equal(Url("dep", "x.mjs"), Resolve("dep/x"));
    }

    [Fact]
    public void ExportsSubpathPatterns()
    {
        Package("dep", """
            { "exports": { "./features/*": "./src/features/*.js",
                           "./features/special/*": "./special/*.mjs",
                           "./features/*.js": "./src/features/*.js",
                           "./features/private/*": null },
              "type": "module" }
            """, "src/features/a.js", "src/features/deep/b.js", "special/s.mjs", "src/features/private/p.js");
        Assert.Equal(Url("dep", "src/features/a.js"), Resolve("dep/features/a"));
        Assert.Equal(Url("dep", "src/features/deep/b.js"), Resolve("dep/features/deep/b"));
        // The longest prefix before "*" wins, as in Node.
        Assert.Equal(Url("dep", "special/s.mjs"), Resolve("dep/features/special/s"));
        Assert.Equal(Url("dep", "src/features/a.js"), Resolve("dep/features/a.js"));
        var e = Refused("dep/features/private/p");
        Assert.Contains("Package subpath './features/private/p' is not defined by \"exports\"", e.Message);
    }

    [Fact]
    public void ExportsPatternMatchCannotClimbOut()
    {
        Package("dep", """{ "exports": { "./*": "./lib/*.mjs" } }""", "lib/a.mjs");
        Assert.Contains("not a valid match", Refused("dep/../secret").Message);
    }

    [Fact]
    public void ExportsNullTargetIsNotExported()
    {
        Package("dep", """{ "exports": { ".": "./index.mjs", "./internal": null } }""", "index.mjs", "internal.mjs");
        var e = Refused("dep/internal");
        Assert.Equal($"Package subpath './internal' is not defined by \"exports\" in {_tree.PathOf("app/node_modules/dep/package.json")} imported from {Referrer}", e.Message);
    }

    [Fact]
    public void UnexportedSubpathIsRefusedEvenIfTheFileExists()
    {
        Package("dep", """{ "exports": { ".": "./index.mjs" } }""", "index.mjs", "hidden.mjs");
        var e = Refused("dep/hidden.mjs");
        Assert.Equal($"Package subpath './hidden.mjs' is not defined by \"exports\" in {_tree.PathOf("app/node_modules/dep/package.json")} imported from {Referrer}", e.Message);
    }

    [Fact]
    public void ExportsWithOnlyConditionsExportsNoSubpath()
    {
        Package("dep", """{ "exports": { "import": "./index.mjs" } }""", "index.mjs", "other.mjs");
        Assert.Equal(Url("dep", "index.mjs"), Resolve("dep"));
        Assert.Contains("Package subpath './other.mjs' is not defined", Refused("dep/other.mjs").Message);
    }

    [Fact]
    public void ExportsWithNoMatchingConditionIsNotExported()
    {
        Package("dep", """{ "exports": { "require": "./index.cjs" } }""", "index.cjs");
        Assert.Contains("Package subpath '.' is not defined by \"exports\"", Refused("dep").Message);
    }

    [Theory]
    [InlineData("""{ "exports": "../outside.mjs" }""")]
    [InlineData("""{ "exports": "./node_modules/x/index.mjs" }""")]
    [InlineData("""{ "exports": "/abs.mjs" }""")]
    [InlineData("""{ "exports": { ".": "./a.mjs", "import": "./b.mjs" } }""")]
    [InlineData("""{ "exports": 42 }""")]
    public void InvalidExportsAreReportedWithTheFile(string packageJson)
    {
        Package("dep", packageJson);
        var e = Refused("dep");
        Assert.Contains($"Cannot import \"dep\" from {Referrer}", e.Message);
        Assert.Contains(_tree.PathOf("app/node_modules/dep/package.json"), e.Message);
    }

    [Fact]
    public void ExportedFileThatIsMissingIsNotFound()
    {
        Package("dep", """{ "exports": "./gone.mjs" }""");
        Assert.Equal($"Module not found \"{Url("dep", "gone.mjs")}\" imported from {Referrer}", Refused("dep").Message);
    }

    [Fact]
    public void ExportsPercentEncodedTargetIsDecoded()
    {
        Package("dep", """{ "exports": "./my%20file.mjs" }""", "my file.mjs");
        Assert.Equal(Url("dep", "my file.mjs"), Resolve("dep"));
    }

    // ---- no exports: module, main, index.js ----

    [Fact]
    public void ModuleFieldWinsAndCountsAsEsm()
    {
        // No "type": the .js files of a package with a "module" entry are ESM (a bundlers' ESM build).
        Package("dep", """{ "main": "./cjs/index.js", "module": "./esm/index.js" }""", "cjs/index.js", "esm/index.js", "esm/util.js");
        Assert.Equal(Url("dep", "esm/index.js"), Resolve("dep"));
        Assert.Equal(Url("dep", "esm/util.js"), Resolve("./util.js", "app/node_modules/dep/esm/index.js"));
    }

    [Fact]
    public void MainOfATypeModulePackage()
    {
        Package("dep", """{ "type": "module", "main": "lib/entry.js" }""", "lib/entry.js");
        Assert.Equal(Url("dep", "lib/entry.js"), Resolve("dep"));
    }

    [Fact]
    public void MainWithoutExtensionIsFoundAsNodeReadsMain()
    {
        Package("dep", """{ "type": "module", "main": "lib/entry" }""", "lib/entry.js");
        Assert.Equal(Url("dep", "lib/entry.js"), Resolve("dep"));
    }

    [Fact]
    public void MjsMainOfAPackageWithoutType()
    {
        Package("dep", """{ "main": "./dist/index.mjs" }""", "dist/index.mjs");
        Assert.Equal(Url("dep", "dist/index.mjs"), Resolve("dep"));
    }

    [Fact]
    public void IndexJsOfATypeModulePackage()
    {
        Package("dep", """{ "type": "module" }""", "index.js");
        Assert.Equal(Url("dep", "index.js"), Resolve("dep"));
    }

    [Fact]
    public void CommonJsPackageIsRefused()
    {
        Package("lodash", """{ "name": "lodash", "main": "lodash.js" }""", "lodash.js");
        var e = Refused("lodash");
        Assert.Equal($"Cannot import \"lodash\" from {Referrer}: it resolves to a CommonJS package ({_tree.PathOf("app/node_modules/lodash/lodash.js")}); esrun runs ES modules only", e.Message);
    }

    [Fact]
    public void CommonJsPackageWithoutMainIsRefused()
    {
        Package("old", """{ "name": "old" }""", "index.js");
        var e = Refused("old");
        Assert.Contains("CommonJS", e.Message);
        Assert.Contains(_tree.PathOf("app/node_modules/old/index.js"), e.Message);
    }

    [Fact]
    public void CommonJsExportsTargetIsRefused()
    {
        Package("dep", """{ "exports": { "import": "./index.js" } }""", "index.js");
        var e = Refused("dep");
        Assert.Contains($"Cannot import \"dep\" from {Referrer}", e.Message);
        Assert.Contains("CommonJS", e.Message);
    }

    [Fact]
    public void CjsFileOfAPackageIsRefused()
    {
        Package("dep", """{ "exports": { "default": "./index.cjs" } }""", "index.cjs");
        Assert.Contains("CommonJS", Refused("dep").Message);
    }

    [Fact]
    public void SubpathWithoutExportsIsAPathInsideThePackage()
    {
        Package("dep", """{ "type": "module" }""", "lib/a.js", "lib/my file.js");
        Assert.Equal(Url("dep", "lib/a.js"), Resolve("dep/lib/a.js"));
        Assert.Equal(Url("dep", "lib/my file.js"), Resolve("dep/lib/my%20file.js"));
        Assert.StartsWith($"Module not found \"{Url("dep", "lib/a")}\"", Refused("dep/lib/a").Message);
        Assert.Contains("outside the package", Refused("dep/../../src/main.js").Message);
    }

    [Fact]
    public void SubpathOfACommonJsPackageIsRefused()
    {
        Package("lodash", """{ "main": "lodash.js" }""", "fp.js");
        var e = Refused("lodash/fp.js");
        Assert.Contains("\"lodash/fp.js\"", e.Message);
        Assert.Contains(Referrer, e.Message);
        Assert.Contains("CommonJS", e.Message);
    }

    [Fact]
    public void InvalidPackageJsonIsReportedWithTheFile()
    {
        Package("dep", "{ \"exports\": ", "index.mjs");
        var e = Refused("dep");
        Assert.Contains($"Cannot import \"dep\" from {Referrer}", e.Message);
        Assert.Contains($"{_tree.PathOf("app/node_modules/dep/package.json")} is not valid JSON", e.Message);
    }

    // ---- "#imports" and self-reference ----

    [Fact]
    public void PackageImportsMap()
    {
        _tree.File("app/package.json", """
            { "type": "module", "imports": { "#config": "./src/config.js", "#utils/*": "./src/utils/*.js",
                                             "#dep": "dep", "#env": { "node": "./node.js", "default": "./src/env.js" } } }
            """).File("app/src/config.js").File("app/src/utils/str.js").File("app/src/env.js");
        Package("dep", """{ "exports": "./index.mjs" }""", "index.mjs");
        Assert.Equal(_tree.Url("app/src/config.js"), Resolve("#config"));
        Assert.Equal(_tree.Url("app/src/utils/str.js"), Resolve("#utils/str"));
        Assert.Equal(_tree.Url("app/src/env.js"), Resolve("#env"));
        Assert.Equal(Url("dep", "index.mjs"), Resolve("#dep"));
        var e = Refused("#nope");
        Assert.Contains("\"#nope\" is not defined by \"imports\"", e.Message);
        Assert.Contains(Referrer, e.Message);
    }

    [Fact]
    public void PackageImportsInsideADependencyUseItsOwnPackageJson()
    {
        Package("dep", """{ "type": "module", "exports": "./index.js", "imports": { "#internal": "./lib/internal.js" } }""",
            "index.js", "lib/internal.js");
        Assert.Equal(Url("dep", "lib/internal.js"), Resolve("#internal", "app/node_modules/dep/index.js"));
    }

    [Fact]
    public void PackageCanImportItselfByNameThroughExports()
    {
        _tree.File("app/package.json", """{ "name": "my-app", "type": "module", "exports": { "./api": "./src/api.js" } }""")
             .File("app/src/api.js");
        Assert.Equal(_tree.Url("app/src/api.js"), Resolve("my-app/api"));
    }
}
