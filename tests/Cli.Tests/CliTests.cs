using System.Text.RegularExpressions;

namespace EsRuntime.Cli.Tests;

public sealed class CliTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("esrun-cli-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void HelloExamplePrints()
    {
        var r = Esrun.Run(null, "examples/hello.js");
        Assert.Equal("Hello from esrun!\n", r.Stdout);
        Assert.Equal("", r.Stderr);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void EvalRunsCodeAsAModuleWithArgs()
    {
        var r = Esrun.Run(_dir.FullName, "-e", "import { args } from 'runtime:process'; console.log(6 * 7, args.join('|'), typeof await Promise.resolve(1))", "a", "b c");
        Assert.Equal("42 a|b c number\n", r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void ScriptArgumentsAreAfterTheScript()
    {
        var script = Write("args.mjs", "import { args } from 'runtime:process'; console.log(JSON.stringify(args));");
        var r = Esrun.Run(_dir.FullName, script, "--flag", "x");
        Assert.Equal("[\"--flag\",\"x\"]\n", r.Stdout);
    }

    [Fact]
    public void HelpAndVersion()
    {
        var help = Esrun.Run(null, "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Usage:", help.Stdout);
        Assert.Contains("Exit codes:", help.Stdout);
        var version = Esrun.Run(null, "--version");
        Assert.Equal("esrun 0.1.0\n", version.Stdout);
    }

    [Fact]
    public void BadCommandLineExitsWith2()
    {
        var r = Esrun.Run(null, "--bogus");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: unknown option '--bogus'\n", r.Stderr);
        Assert.Equal(2, Esrun.Run(null).ExitCode);
    }

    [Fact]
    public void ExitCodeFromExit()
    {
        var r = Esrun.Run(_dir.FullName, "-e", "import { exit } from 'runtime:process'; console.log('bye'); exit(7); console.log('no');");
        Assert.Equal("bye\n", r.Stdout);
        Assert.Equal(7, r.ExitCode);
    }

    [Fact]
    public void UncaughtErrorShowsMessageStackAndSourceLineOnce()
    {
        var script = Write("boom.mjs", "function explode() {\n  null.field;\n}\nexplode();\n");
        var r = Esrun.Run(_dir.FullName, script);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.Stdout);
        var lines = r.Stderr.TrimEnd('\n').Split('\n');
        Assert.Equal("error: Uncaught TypeError: Cannot read properties of null (reading 'field')", lines[0]);
        Assert.Equal("  null.field;", lines[1]);
        Assert.Equal("       ^", lines[2]);
        Assert.Matches(@"^    at explode \(.*boom\.mjs:2:8\)$", lines[3]);
        Assert.Matches(@"^    at .*boom\.mjs:4:1$", lines[4]);
        Assert.Single(Regex.Matches(r.Stderr, "Cannot read properties"));
    }

    [Fact]
    public void UnhandledRejectionExitsWith1()
    {
        var r = Esrun.Run(_dir.FullName, "-e", "Promise.reject(new Error('nobody caught me'))");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("error: Uncaught (in promise) Error: nobody caught me\n", r.Stderr);
    }

    [Fact]
    public void MissingFileIsOneLineAndExit1()
    {
        var r = Esrun.Run(_dir.FullName, "does-not-exist.mjs");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Matches("^error: Module not found \"file:///.*/does-not-exist.mjs\"[^\n]*\n$", r.Stderr);
    }

    [Fact]
    public void NodeBuiltinImportIsOneClearLine()
    {
        var script = Write("uses-node.mjs", "import { readFileSync } from 'node:fs';");
        var r = Esrun.Run(_dir.FullName, script);
        Assert.Equal(1, r.ExitCode);
        Assert.Matches("^error: .*\"node:fs\".*uses-node.mjs.*\n$", r.Stderr);
    }

    [Fact]
    public void DenyingEnvMakesProcessEnvThrow()
    {
        var r = Esrun.Run(_dir.FullName, "--deny", "env", "-e", "import { env } from 'runtime:process'; try { env.HOME } catch (e) { console.log(e.name) }");
        Assert.Equal("NotCapable\n", r.Stdout);
    }

    [Fact]
    public void ExamplesRun()
    {
        var timers = Esrun.Run(null, "examples/timers.js");
        Assert.Equal(0, timers.ExitCode);
        Assert.Equal("start\nmicrotask\ntimeout 0\ntimeout 10\ninterval 1\ninterval 2\ninterval 3\ndone\n", timers.Stdout);

        var modules = Esrun.Run(null, "examples/modules/main.mjs");
        Assert.Equal("", modules.Stderr);
        Assert.Equal(0, modules.ExitCode);
        Assert.Contains("sum: 5", modules.Stdout);
        Assert.Contains("lazy: loaded after top-level await", modules.Stdout);
        Assert.Matches("url: file:///.*/examples/modules/main.mjs", modules.Stdout);

        var process = Esrun.Run(null, "examples/process.mjs", "first", "second");
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("args: [ 'first', 'second' ]", process.Stdout);

        var path = Esrun.Run(null, "examples/path.mjs");
        Assert.Equal("", path.Stderr);
        Assert.Equal(0, path.ExitCode);
    }
}
