using System.Diagnostics;
using System.Reflection;

namespace EsRuntime.Cli.Tests;

/// <summary>Runs the built esrun binary as a child process.</summary>
public static class Esrun
{
    public sealed record Result(string Stdout, string Stderr, int ExitCode);

    public static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "EsRuntime.sln"))) return dir.FullName;
        throw new InvalidOperationException("EsRuntime.sln not found above " + AppContext.BaseDirectory);
    }

    public static string BinaryPath
    {
        get
        {
            var configuration = typeof(Esrun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .First(a => a.Key == "Configuration").Value!;
            return Path.Combine(RepoRoot, "src", "Cli", "bin", configuration, "net10.0", "esrun");
        }
    }

    public static Result Run(string? workingDirectory, params string[] args) => RunWithEnvironment(workingDirectory, null, args);

    /// <summary>Runs esrun with these environment variables changed (null value: removed).</summary>
    public static Result RunWithEnvironment(string? workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDirectory, environment, args))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("esrun did not finish within 60 s: " + string.Join(' ', args));
        }
        return new Result(stdout.Result, stderr.Result, process.ExitCode);
    }

    public static ProcessStartInfo StartInfo(string? workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(BinaryPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory ?? RepoRoot,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        return start;
    }
}
