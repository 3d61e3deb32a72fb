using System.Diagnostics;

namespace EsRuntime.Cli.Tests;

/// <summary>esrun moved without the native V8 library beside it says which library is missing and where it looked.</summary>
public sealed class RelocationTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("esrun-moved-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task AMissingV8LibraryIsNamedNotAStackDump()
    {
        // The build output without runtimes/ (where the framework-dependent build keeps ClearScriptV8.linux-x64.so).
        var source = Path.GetDirectoryName(Esrun.BinaryPath)!;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("runtimes", StringComparison.Ordinal) || relative.EndsWith(".so", StringComparison.Ordinal)) continue;
            var target = Path.Combine(_dir.FullName, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var start = new ProcessStartInfo(Path.Combine(_dir.FullName, "esrun")) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add("console.log(1)");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.Equal(1, process.ExitCode);
        Assert.Equal("", stdout);
        Assert.Equal($"error: cannot load the V8 engine library ClearScriptV8.linux-x64.so: esrun looks for it beside its executable, in {_dir.FullName}. " +
            "Copy or install the whole esrun folder, not the executable alone.\n", await stderr);
    }
}
