using System.Diagnostics;
using System.IO.Compression;

namespace EsRuntime.Cli.Tests;

/// <summary>Issue 9 (hostile-script review), the items that live in the CLI: one test per item (POSIX: signals, file modes).</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class HostileCliTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("esrun-hostile-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_dir.FullName, name);

    private string Write(string name, string text)
    {
        File.WriteAllText(PathOf(name), text);
        return PathOf(name);
    }

    [Fact]
    public void Item5_MaxMemoryLimitsArrayBuffersToo()
    {
        var r = Esrun.Run(_dir.FullName, "--max-memory", "64", "-e", "const kept = []; for (;;) kept.push(new Uint8Array(1e7));");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("error: Uncaught RangeError: Array buffer allocation failed\n", r.Stderr);
        Assert.Equal(2, Esrun.Run(_dir.FullName, "--max-memory", "8", "-e", "").ExitCode);
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public async Task Item7_ASignalStopsASpinningScriptAndFlushesItsOutput(string signal, int exitCode)
    {
        // stdout is a pipe here, so "before" stays buffered until esrun flushes it; stderr is written at once.
        var script = Write("spin.mjs", "console.error('ready'); console.log('before'); while (true) {}");
        using var process = Process.Start(Esrun.StartInfo(_dir.FullName, null, script))!;
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            Assert.Equal("ready", await process.StandardError.ReadLineAsync());
            await Task.Delay(100);
            using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString()])) kill.WaitForExit();
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(20)), "esrun did not stop on the signal");
            Assert.Equal("before\n", await stdout);
            Assert.Equal("", await process.StandardError.ReadToEndAsync());
            Assert.Equal(exitCode, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited) process.Kill();
        }
    }

    private const string LocaleProgram = "console.log((1234567.5).toLocaleString(), new Intl.NumberFormat().resolvedOptions().locale, new Date(0).toLocaleDateString());";

    private static Dictionary<string, string?> Locale(string posix) =>
        new() { ["LC_ALL"] = posix, ["LC_MESSAGES"] = null, ["LANG"] = posix };

    [Fact]
    public void Item11_TheLocaleIsPinnedUnderSimRecordedAndRestoredOnReplay()
    {
        var english = Esrun.RunWithEnvironment(_dir.FullName, Locale("C"), "--sim", "1", "-e", LocaleProgram);
        Assert.Equal("1,234,567.5 en-US 1/1/1970\n", english.Stdout);
        Assert.Equal(english, Esrun.RunWithEnvironment(_dir.FullName, Locale("fr_FR.UTF-8"), "--sim", "1", "-e", LocaleProgram));
        Assert.Equal("1.234.567,5 de-DE 1.1.1970\n", Esrun.Run(_dir.FullName, "--sim", "1", "--locale", "de-DE", "-e", LocaleProgram).Stdout);

        var recorded = Esrun.RunWithEnvironment(_dir.FullName, Locale("de_DE.UTF-8"), "--record", "l.trace", "-e", LocaleProgram);
        Assert.StartsWith("1.234.567,5 de-DE ", recorded.Stdout);
        var replayed = Esrun.RunWithEnvironment(_dir.FullName, Locale("fr_FR.UTF-8"), "--replay", "l.trace");
        Assert.Equal(recorded, replayed);
        Assert.Contains("locale: de-DE", Esrun.Run(_dir.FullName, "trace", "l.trace").Stdout);
        Assert.Equal(2, Esrun.Run(_dir.FullName, "--locale", "not a locale", "-e", "").ExitCode);
    }

    [Fact]
    public void Item12_ReplayNamesEachKindOfDamageWithItsOwnExitCode()
    {
        Esrun.Run(_dir.FullName, "--sim", "1", "--record", "ok.trace", "-e", "console.log('hello')");
        var bytes = File.ReadAllBytes(PathOf("ok.trace"));
        File.WriteAllBytes(PathOf("cut.trace"), bytes[..^5]);
        File.WriteAllBytes(PathOf("junk.trace"), [.. bytes, .. "junk"u8]);
        var first = (byte[])bytes.Clone();
        first[10] ^= 0xFF;
        File.WriteAllBytes(PathOf("first.trace"), first);

        var cut = Esrun.Run(_dir.FullName, "--replay", "cut.trace");
        Assert.Equal(("hello\n", 89), (cut.Stdout, cut.ExitCode));
        Assert.StartsWith("error: the trace was cut short after event ", cut.Stderr);
        var junk = Esrun.Run(_dir.FullName, "--replay", "junk.trace");
        Assert.Equal(("", 87), (junk.Stdout, junk.ExitCode));
        Assert.StartsWith("error: cannot replay junk.trace: ", junk.Stderr);
        var corrupt = Esrun.Run(_dir.FullName, "--replay", "first.trace");
        Assert.Equal(("", 87), (corrupt.Stdout, corrupt.ExitCode));
        Assert.StartsWith("error: cannot replay first.trace: the trace's compressed data is corrupt", corrupt.Stderr);
    }

    [Fact]
    public void Item13_ARecordingDeniedEnvHoldsNoEnvironmentAndIsPrivate()
    {
        var env = new Dictionary<string, string?> { ["ESRUN_TEST_SECRET"] = "hunter2-secret" };
        var r = Esrun.RunWithEnvironment(_dir.FullName, env, "--deny", "env", "--record", "d.trace", "-e", "console.log(1)");
        Assert.Equal(0, r.ExitCode);
        var records = Records(PathOf("d.trace"));
        Assert.DoesNotContain("hunter2-secret", records);
        Assert.DoesNotContain("ESRUN_TEST_SECRET", records);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(PathOf("d.trace")));

        // An existing, world-readable trace becomes private when recorded over.
        File.SetUnixFileMode(PathOf("d.trace"), (UnixFileMode)0b110_100_100);
        Esrun.RunWithEnvironment(_dir.FullName, env, "--record", "d.trace", "-e", "import { env } from 'runtime:process'; console.log(env.ESRUN_TEST_SECRET.length)");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(PathOf("d.trace")));
        Assert.Contains("hunter2-secret", Records(PathOf("d.trace")));
    }

    private static string Records(string trace)
    {
        using var file = File.OpenRead(trace);
        file.Position = 10;
        using var inflate = new DeflateStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(inflate);
        return reader.ReadToEnd();
    }

    [Fact]
    public void Item14_RecordRefusesToOverwriteTheProgramOrAFileThatIsNotATrace()
    {
        const string program = "console.log('the program')";
        var app = Write("app.mjs", program);
        var itself = Esrun.Run(_dir.FullName, "--record", "app.mjs", "app.mjs");
        Assert.Equal(2, itself.ExitCode);
        Assert.Equal("error: --record: the trace file app.mjs is the program itself; record to another path\n", itself.Stderr);
        Assert.Equal(2, Esrun.Run(_dir.FullName, "--force", "--record", app, "app.mjs").ExitCode);
        Assert.Equal(program, File.ReadAllText(app));

        var notes = Write("notes.txt", "keep me");
        var refused = Esrun.Run(_dir.FullName, "--record", "notes.txt", "app.mjs");
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal("error: --record: notes.txt exists and is not an esrun trace; refusing to overwrite it (use --force to overwrite)\n", refused.Stderr);
        Assert.Equal("keep me", File.ReadAllText(notes));

        Assert.Equal(0, Esrun.Run(_dir.FullName, "--force", "--record", "notes.txt", "app.mjs").ExitCode);
        Assert.Equal(0, Esrun.Run(_dir.FullName, "--record", "notes.txt", "app.mjs").ExitCode); // now a trace: overwritten
        Assert.Equal("the program\n", Esrun.Run(_dir.FullName, "--replay", "notes.txt").Stdout);
    }

    [Theory]
    [InlineData("", "error: --deny '' has an empty capability name")]
    [InlineData("env,", "error: --deny 'env,' has an empty capability name")]
    [InlineData("env,,net", "error: --deny 'env,,net' has an empty capability name")]
    [InlineData("enviroment", "error: unknown capability 'enviroment'")]
    public void Item18_DenyRejectsAnEmptyOrUnknownCapabilityName(string list, string message)
    {
        var r = Esrun.Run(_dir.FullName, "--deny", list, "-e", "console.log('ran')");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.StartsWith(message + " (expected a comma-separated list of env, file-read, file-write, net, net-listen, hrtime)\n", r.Stderr);
    }
}
