using EsRuntime.Capabilities;

namespace EsRuntime.Tests.Hostile;

/// <summary>
/// Hostile-script review, items 1–4: module loading must never read a file that did not come out of
/// the jailed resolver, and must never quote what lies outside the jail. Each escape runs a real
/// script over a real temporary project beside an "outside" directory holding a canary module.
/// </summary>
public sealed class ModuleJailTests : IDisposable
{
    private const string Canary = "CANARY-6f1d export const secret = 'leaked';";
    private readonly DirectoryInfo _base = Directory.CreateTempSubdirectory("esrun-jail-");

    private string Project => Path.Combine(_base.FullName, "project");
    private string Outside => Path.Combine(_base.FullName, "outside");

    public ModuleJailTests()
    {
        Directory.CreateDirectory(Project);
        Directory.CreateDirectory(Outside);
        File.WriteAllText(Path.Combine(Project, "package.json"), "{}");
        File.WriteAllText(Path.Combine(Outside, "outside.mjs"), "export const secret = 'leaked'; console.log('outside ran');");
        File.WriteAllText(Path.Combine(Outside, "shadow"), Canary + "\nroot:$6$hash:19000:0:99999:7:::\n");
    }

    public void Dispose() => _base.Delete(recursive: true);

    private JsResult Run(string main) => JsHarness.RunFile(Write("main.mjs", main), Capability.None);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(Project, relative);
        File.WriteAllText(path, text);
        return path;
    }

    private static void AssertRefusedQuietly(JsResult r)
    {
        Assert.DoesNotContain("outside ran", r.Stdout);
        Assert.DoesNotContain("leaked", r.Stdout + r.Stderr);
        Assert.DoesNotContain("CANARY", r.Stderr);
        Assert.DoesNotContain("root:$6$", r.Stderr);
        Assert.Equal(1, r.ExitCode);
    }

    [Theory]
    [InlineData("Runtime:")]
    [InlineData("RUNTIME:")]
    [InlineData("rUnTiMe:")]
    public void Item1_RuntimeSchemeInAnyCaseCannotNameAFile(string scheme)
    {
        var r = Run($"import {{ secret }} from \"{scheme}{Outside}/outside.mjs\"; console.log(secret);");
        AssertRefusedQuietly(r);
        Assert.Contains("there is no built-in module by that name", r.Stderr);
    }

    [Fact]
    public void Item1_RuntimeSchemeIsNoOracleForFileContent()
    {
        var r = Run($"await import(\"Runtime:{Outside}/shadow\");");
        AssertRefusedQuietly(r);
        Assert.DoesNotContain("SyntaxError", r.Stderr);
    }

    [Fact]
    public void Item2_FileLinkThroughALinkedDirectoryIsRefused()
    {
        Directory.CreateSymbolicLink(Path.Combine(Project, "d"), Outside);
        File.CreateSymbolicLink(Path.Combine(Project, "chain.mjs"), Path.Combine(Project, "d", "outside.mjs"));
        AssertRefusedQuietly(Run("import { secret } from \"./chain.mjs\"; console.log(secret);"));
        AssertRefusedQuietly(Run("import { secret } from \"./d/outside.mjs\"; console.log(secret);"));
    }

    [Fact]
    public void Item2_RelativeLinkChainsThatClimbOutAreRefused()
    {
        Directory.CreateDirectory(Path.Combine(Project, "a"));
        File.CreateSymbolicLink(Path.Combine(Project, "a", "up.mjs"), "../../outside/outside.mjs");
        File.CreateSymbolicLink(Path.Combine(Project, "hop.mjs"), "a/up.mjs");
        AssertRefusedQuietly(Run("import { secret } from \"./hop.mjs\"; console.log(secret);"));
    }

    [Fact]
    public void Item3_PackageJsonLinkedOutsideIsNotRead()
    {
        var pkg = Path.Combine(Project, "node_modules", "dep");
        Directory.CreateDirectory(pkg);
        File.CreateSymbolicLink(Path.Combine(pkg, "package.json"), Path.Combine(Outside, "shadow"));
        File.WriteAllText(Path.Combine(pkg, "index.js"), "export const x = 1;");
        var r = Run("try { await import('dep'); } catch (e) { console.log('caught', e.message); }");
        Assert.Contains("caught", r.Stdout);
        Assert.Contains("leads outside the root jail", r.Stdout);
        Assert.DoesNotContain("CANARY", r.Stdout);
        Assert.DoesNotContain("root:$6$", r.Stdout);
    }

    [Fact]
    public void Item4_AnInvalidPackageJsonInsideIsNotQuoted()
    {
        var pkg = Path.Combine(Project, "node_modules", "dep");
        Directory.CreateDirectory(pkg);
        File.WriteAllText(Path.Combine(pkg, "package.json"), "SECRET-LINE-42 { not json");
        var r = Run("try { await import('dep'); } catch (e) { console.log(e.message); }");
        Assert.Contains("is not valid JSON (at line 1", r.Stdout);
        Assert.DoesNotContain("SECRET-LINE-42", r.Stdout);
    }

    [Fact]
    public void Item4_ANonModuleFileIsRefusedWithoutReadingIt()
    {
        var r = Run($"await import(\"{Outside}/shadow\");");
        AssertRefusedQuietly(r);
        File.Copy(Path.Combine(Outside, "shadow"), Path.Combine(Project, "data.txt"));
        var inside = Run("await import('./data.txt');");
        Assert.Contains("not a JavaScript module", inside.Stderr);
        Assert.DoesNotContain("CANARY", inside.Stderr);
    }
}
