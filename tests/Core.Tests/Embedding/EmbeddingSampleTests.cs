using System.Diagnostics;
using System.Reflection;

namespace EsRuntime.Tests.Embedding;

/// <summary>examples/embedding, built with this project, runs and prints what the README says it does.</summary>
public sealed class EmbeddingSampleTests
{
    [Fact]
    public async Task The_embedding_sample_runs()
    {
        var configuration = typeof(EmbeddingSampleTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "Configuration").Value!;
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "EsRuntime.sln"))) root = root.Parent ?? throw new InvalidOperationException("EsRuntime.sln not found");
        var dll = Path.Combine(root.FullName, "examples", "embedding", "bin", configuration, "net10.0", "EsRuntime.Examples.Embedding.dll");
        Assert.True(File.Exists(dll), dll + " was not built");

        var start = new ProcessStartInfo("dotnet", [dll]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.Equal("", await stderr);
        Assert.Equal(0, process.ExitCode);
        Assert.Equal("""
            hello, embedder, from .NET 10
            user 7 is Ada (admin, ops)
            timer fired after 100 ms
            RunAsync finished with exit code 0
            Evaluate<int>: 42
            Evaluate<byte[]>: 657372756E
            CallAsync area: {"width":3,"height":4,"area":12}
            CallAsync slowDouble: 42
            JsException: ReferenceError: undefinedName is not defined

            """.ReplaceLineEndings("\n"), await stdout);
    }
}
