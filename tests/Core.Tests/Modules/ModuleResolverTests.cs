using EsRuntime.Modules;
using EsRuntime.Providers.Real.Files;

namespace EsRuntime.Tests.Modules;

/// <summary>Paths, URLs, schemes, the ESM-only rule and the root jail, over real temp directories.
/// The jail is <c>app/</c>; <c>outside/</c> is its sibling.</summary>
public sealed class ModuleResolverTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly ModuleResolver _resolver;

    public ModuleResolverTests()
    {
        _tree.File("app/package.json", """{ "type": "module" }""").File("app/main.js").File("outside/secret.js");
        _resolver = new ModuleResolver(new RealFileSystem(_tree.PathOf("app")));
    }

    public void Dispose() => _tree.Dispose();

    private string Resolve(string specifier, string from = "app/main.js") => _resolver.Resolve(specifier, _tree.Url(from));

    private ModuleException Refused(string specifier, string from = "app/main.js") =>
        Assert.Throws<ModuleException>(() => Resolve(specifier, from));

    // ---- runtime:, node: and other schemes ----

    [Theory]
    [InlineData("runtime:path", "runtime:path")]
    [InlineData("runtime:fs", "runtime:fs")]
    [InlineData("RUNTIME:process", "runtime:process")]
    [InlineData("Runtime:path", "runtime:path")]
    public void RuntimeSpecifiersResolveToTheCanonicalBuiltin(string specifier, string expected)
    {
        Assert.Equal(expected, Resolve(specifier));
        Assert.Equal(expected, _resolver.Resolve(specifier, null));
    }

    // Hostile review, item 1: the scheme in any case, with a path, named a file the loader then read.
    [Theory]
    [InlineData("runtime:does-not-exist")]
    [InlineData("Runtime:/elsewhere/outside.mjs")]
    [InlineData("RUNTIME:/etc/shadow")]
    [InlineData("runtime:/etc/passwd")]
    [InlineData("runtime://host/process")]
    [InlineData("runtime:process?x")]
    public void UnknownOrPathLikeRuntimeSpecifiersAreRefused(string specifier)
    {
        var e = Refused(specifier);
        Assert.Contains("there is no built-in module by that name", e.Message);
        Assert.False(_resolver.ResolveModule("runtime:path", null).FilePath is not null);
    }

    [Theory]
    [InlineData("node:fs")]
    [InlineData("node:path")]
    public void NodeBuiltinsAreRefused(string specifier)
    {
        var e = Refused(specifier);
        Assert.Contains($"\"{specifier}\"", e.Message);
        Assert.Contains(_tree.Url("app/main.js"), e.Message);
        Assert.Contains("Node.js builtins are not supported", e.Message);
        Assert.Contains("runtime: modules", e.Message);
    }

    [Fact]
    public void BareBuiltinNameIsJustAMissingPackage()
    {
        var e = Refused("fs");
        Assert.Contains("package \"fs\" was not found", e.Message);
        Assert.Contains(_tree.Url("app/main.js"), e.Message);
    }

    [Theory]
    [InlineData("https://example.com/mod.js", "https:")]
    [InlineData("http://example.com/mod.js", "http:")]
    [InlineData("data:text/javascript,export default 1", "data:")]
    [InlineData("npm:lodash", "npm:")]
    [InlineData("jsr:@std/path", "jsr:")]
    public void UrlSchemesOtherThanFileAreRefused(string specifier, string scheme)
    {
        var e = Refused(specifier);
        Assert.Contains($"Cannot import \"{specifier}\" from {_tree.Url("app/main.js")}", e.Message);
        Assert.Contains($"{scheme} imports are not supported", e.Message);
        Assert.Contains("remote", e.Message);
    }

    // ---- relative, absolute and file: URL specifiers ----

    [Fact]
    public void RelativeSpecifiersResolveAgainstTheReferrer()
    {
        _tree.File("app/lib/a.js").File("app/b.js");
        Assert.Equal(_tree.Url("app/lib/a.js"), Resolve("./lib/a.js"));
        Assert.Equal(_tree.Url("app/b.js"), Resolve("../b.js", "app/lib/a.js"));
    }

    [Fact]
    public void DotDotSegmentsAreNormalised()
    {
        _tree.File("app/lib/a.js").File("app/b.js");
        Assert.Equal(_tree.Url("app/b.js"), Resolve("./lib/../lib/./../b.js"));
        Assert.Equal(_tree.Url("app/lib/a.js"), Resolve("./../app/lib/a.js"));
    }

    [Fact]
    public void AbsolutePathsAndFileUrlsResolve()
    {
        _tree.File("app/lib/a.js");
        Assert.Equal(_tree.Url("app/lib/a.js"), Resolve(_tree.PathOf("app/lib/a.js")));
        Assert.Equal(_tree.Url("app/lib/a.js"), Resolve(_tree.Url("app/lib/a.js")));
    }

    [Fact]
    public void PercentEncodedNamesWithSpacesAreDecoded()
    {
        _tree.File("app/my dir/my file.js").File("app/my dir/other é.js");
        var url = Resolve("./my%20dir/my%20file.js");
        Assert.Equal(_tree.Url("app/my dir/my file.js"), url);
        Assert.Contains("my%20dir/my%20file.js", url);
        // The referrer's own path is percent-encoded too.
        Assert.Equal(_tree.Url("app/my dir/other é.js"), Resolve("./other%20%C3%A9.js", "app/my dir/my file.js"));
    }

    [Fact]
    public void EncodedSlashIsRefused()
    {
        _tree.File("app/lib/a.js");
        Assert.Contains("encoded \"/\"", Refused("./lib%2Fa.js").Message);
    }

    [Fact]
    public void QueryAndFragmentAreNotPartOfThePath()
    {
        _tree.File("app/a.js");
        Assert.Equal(_tree.Url("app/a.js"), Resolve("./a.js?v=1#top"));
    }

    // ---- the entry point (null referrer) ----

    [Fact]
    public void EntryIsAPathRelativeToTheJailRootAnAbsolutePathOrAFileUrl()
    {
        _tree.File("app/src/start.js");
        Assert.Equal(_tree.Url("app/src/start.js"), _resolver.Resolve("src/start.js", null));
        Assert.Equal(_tree.Url("app/src/start.js"), _resolver.Resolve("./src/start.js", null));
        Assert.Equal(_tree.Url("app/src/start.js"), _resolver.Resolve(_tree.PathOf("app/src/start.js"), null));
        Assert.Equal(_tree.Url("app/src/start.js"), _resolver.Resolve(_tree.Url("app/src/start.js"), null));
    }

    [Fact]
    public void EntryPathIsTakenLiterallyNotUrlDecoded()
    {
        _tree.File("app/100%25 #1.js");
        Assert.Equal(_tree.Url("app/100%25 #1.js"), _resolver.Resolve(_tree.PathOf("app/100%25 #1.js"), null));
    }

    [Fact]
    public void MissingEntryIsNotFound()
    {
        var e = Assert.Throws<ModuleException>(() => _resolver.Resolve("nope.js", null));
        Assert.Equal($"Module not found \"{_tree.Url("app/nope.js")}\" (entry point)", e.Message);
    }

    // ---- not found, no guessing ----

    [Fact]
    public void MissingFileIsNotFound()
    {
        var e = Refused("./missing.js");
        Assert.Equal($"Module not found \"{_tree.Url("app/missing.js")}\" imported from {_tree.Url("app/main.js")}", e.Message);
    }

    [Fact]
    public void NoExtensionGuessing()
    {
        _tree.File("app/a.js");
        var e = Refused("./a");
        Assert.StartsWith($"Module not found \"{_tree.Url("app/a")}\" imported from {_tree.Url("app/main.js")}", e.Message);
        Assert.Contains("did you mean \"./a.js\"", e.Message);
    }

    [Fact]
    public void NoDirectoryIndex()
    {
        _tree.File("app/lib/index.js");
        foreach (var specifier in new[] { "./lib", "./lib/", "." })
        {
            var e = Refused(specifier);
            Assert.Contains($"Cannot import \"{specifier}\" from {_tree.Url("app/main.js")}", e.Message);
            Assert.Contains("is a directory, not a module file", e.Message);
        }
    }

    // ---- ESM only ----

    [Fact]
    public void MjsIsAlwaysEsm()
    {
        _tree.File("app/cjs/package.json", "{}").File("app/cjs/x.mjs");
        Assert.Equal(_tree.Url("app/cjs/x.mjs"), Resolve("./cjs/x.mjs"));
    }

    [Fact]
    public void CjsFileIsRefused()
    {
        _tree.File("app/old.cjs", "module.exports = 1;");
        var e = Refused("./old.cjs");
        Assert.Contains("\"./old.cjs\"", e.Message);
        Assert.Contains(_tree.Url("app/main.js"), e.Message);
        Assert.Contains("CommonJS", e.Message);
        Assert.Contains("ES modules only", e.Message);
    }

    [Fact]
    public void JsUnderAPackageJsonWithoutTypeModuleIsCommonJs()
    {
        _tree.File("app/legacy/package.json", """{ "name": "legacy" }""").File("app/legacy/x.js");
        var e = Refused("./legacy/x.js");
        Assert.Contains("\"./legacy/x.js\"", e.Message);
        Assert.Contains(_tree.Url("app/main.js"), e.Message);
        Assert.Contains("CommonJS", e.Message);
        Assert.Contains(_tree.PathOf("app/legacy/package.json"), e.Message);
        Assert.Contains("\"type\": \"module\"", e.Message);
    }

    [Fact]
    public void TypeCommonJsIsCommonJs()
    {
        _tree.File("app/legacy/package.json", """{ "type": "commonjs" }""").File("app/legacy/x.js");
        Assert.Contains("CommonJS", Refused("./legacy/x.js").Message);
    }

    [Fact]
    public void LooseJsWithNoPackageJsonIsEsm()
    {
        using var tree = new TempTree();
        tree.File("scripts/hello.js").File("scripts/b.js");
        var resolver = new ModuleResolver(new RealFileSystem(tree.PathOf("scripts")));
        Assert.Equal(tree.Url("scripts/hello.js"), resolver.Resolve("hello.js", null));
        Assert.Equal(tree.Url("scripts/b.js"), resolver.Resolve("./b.js", tree.Url("scripts/hello.js")));
    }

    [Theory]
    [InlineData("data.json")]
    [InlineData("types.ts")]
    [InlineData("addon.node")]
    [InlineData("noext")]
    public void OtherExtensionsAreRefused(string file)
    {
        _tree.File("app/" + file, "{}");
        var e = Refused("./" + file);
        Assert.Contains($"\"./{file}\"", e.Message);
        Assert.Contains(_tree.Url("app/main.js"), e.Message);
        Assert.Contains("esrun runs JavaScript modules only", e.Message);
        Assert.Contains("JSON modules are not supported", e.Message);
    }

    [Fact]
    public void InvalidPackageJsonInScopeNamesTheFile()
    {
        _tree.File("app/broken/package.json", "{ \"type\": \"module\", }").File("app/broken/x.js");
        var e = Refused("./broken/x.js");
        Assert.Contains(_tree.PathOf("app/broken/package.json"), e.Message);
        Assert.Contains("not valid JSON", e.Message);
        Assert.Contains("\"./broken/x.js\"", e.Message);
    }

    // ---- the root jail ----

    [Fact]
    public void JailRootIsCanonical()
    {
        _tree.DirLink("applink", "app");
        var resolver = new ModuleResolver(new RealFileSystem(_tree.PathOf("applink") + "/"));
        Assert.Equal(_tree.PathOf("app"), resolver.JailRoot);
        // An entry written through the link resolves to the real path.
        Assert.Equal(_tree.Url("app/main.js"), resolver.Resolve(_tree.PathOf("applink/main.js"), null));
        Assert.Equal(_tree.Url("app/main.js"), resolver.Resolve("main.js", null));
    }

    [Theory]
    [InlineData("../outside/secret.js")]
    [InlineData("../../outside/secret.js")]
    [InlineData("../outside/missing.js")]
    [InlineData("../../../../../../etc/passwd")]
    public void DotDotCannotLeaveTheJail(string specifier)
    {
        var e = Refused(specifier);
        Assert.Contains($"Cannot import \"{specifier}\" from {_tree.Url("app/main.js")}", e.Message);
        Assert.Contains($"leads outside the root jail {_tree.PathOf("app")}", e.Message);
    }

    [Fact]
    public void AbsolutePathAndFileUrlCannotLeaveTheJail()
    {
        Assert.Contains("outside the root jail", Refused(_tree.PathOf("outside/secret.js")).Message);
        Assert.Contains("outside the root jail", Refused(_tree.Url("outside/secret.js")).Message);
        Assert.Contains("outside the root jail",
            Assert.Throws<ModuleException>(() => _resolver.Resolve(_tree.PathOf("outside/secret.js"), null)).Message);
    }

    [Fact]
    public void SiblingWithTheJailAsPrefixIsOutside()
    {
        _tree.File("app2/x.js");
        var e = Refused("../app2/x.js");
        Assert.Contains($"{_tree.PathOf("app2/x.js")} leads outside the root jail {_tree.PathOf("app")}", e.Message);
    }

    [Fact]
    public void SymlinkedFilePointingOutsideIsRefused()
    {
        _tree.FileLink("app/link.js", "outside/secret.js");
        var e = Refused("./link.js");
        Assert.Contains("\"./link.js\"", e.Message);
        Assert.Contains($"{_tree.PathOf("app/link.js")} leads outside the root jail", e.Message);
        // What the link points at is not told.
        Assert.DoesNotContain("outside/secret.js", e.Message);
    }

    [Fact]
    public void SymlinkedDirectoryPointingOutsideIsRefused()
    {
        _tree.DirLink("app/vendor", "outside");
        var e = Refused("./vendor/secret.js");
        Assert.Contains($"{_tree.PathOf("app/vendor/secret.js")} leads outside the root jail", e.Message);
        Assert.DoesNotContain(_tree.PathOf("outside"), e.Message);
    }

    [Fact]
    public void SymlinksPointingInsideResolveToTheRealPath()
    {
        _tree.File("app/real/impl.js").FileLink("app/alias.js", "app/real/impl.js").DirLink("app/aliasdir", "app/real");
        Assert.Equal(_tree.Url("app/real/impl.js"), Resolve("./alias.js"));
        Assert.Equal(_tree.Url("app/real/impl.js"), Resolve("./aliasdir/impl.js"));
    }

    [Fact]
    public void NonFileReferrerCannotImportPaths()
    {
        var e = Assert.Throws<ModuleException>(() => _resolver.Resolve("./x.js", "runtime:path"));
        Assert.Contains("from runtime:path", e.Message);
    }

    // ---- FindProjectRoot ----

    [Fact]
    public void ProjectRootIsTheNearestDirectoryWithPackageJson()
    {
        _tree.File("proj/package.json", "{}").File("proj/src/deep/main.js");
        Assert.Equal(_tree.PathOf("proj"), RealFileSystem.ProjectRoot(_tree.PathOf("proj/src/deep/main.js")));
    }

    [Fact]
    public void ProjectRootIsTheNearestDirectoryWithNodeModules()
    {
        _tree.Dir("proj/node_modules").File("proj/src/main.js");
        Assert.Equal(_tree.PathOf("proj"), RealFileSystem.ProjectRoot(_tree.PathOf("proj/src/main.js")));
    }

    [Fact]
    public void ProjectRootPrefersTheNearest()
    {
        _tree.File("proj/package.json", "{}").File("proj/packages/a/package.json", "{}").File("proj/packages/a/main.js");
        Assert.Equal(_tree.PathOf("proj/packages/a"),
            RealFileSystem.ProjectRoot(_tree.PathOf("proj/packages/a/main.js")));
    }

    [Fact]
    public void ProjectRootFallsBackToTheEntryDirectory()
    {
        // The temp tree's parents (/tmp, /) are assumed to hold neither package.json nor node_modules.
        _tree.File("loose/sub/main.js");
        Assert.Equal(_tree.PathOf("loose/sub"), RealFileSystem.ProjectRoot(_tree.PathOf("loose/sub/main.js")));
    }
}
