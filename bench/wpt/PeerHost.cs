using System.Diagnostics;

namespace EsRuntime.Wpt;

/// <summary>
/// Runs a WPT entry module (the one esrun runs in-process) on another runtime as a child process:
/// only console.log and ES modules are needed. Timers are real there, so a file that hangs costs its
/// harness timeout; the process is killed once the reporter prints the completion, or after the
/// harness timeout and a grace period.
/// </summary>
public sealed record PeerHost(string Name, string Executable, IReadOnlyList<string> Arguments)
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(20);

    public static PeerHost? Find(string name, string peersDir)
    {
        var local = Path.Combine(peersDir, "node_modules", ".bin", name);
        var executable = File.Exists(local) ? local : OnPath(name);
        if (executable is null) return null;
        return name switch
        {
            "deno" => new PeerHost(name, executable, ["run", "--allow-all", "--no-prompt"]),
            _ => new PeerHost(name, executable, []),
        };
    }

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    public string Version()
    {
        using var process = Process.Start(new ProcessStartInfo(Executable, "--version") { RedirectStandardOutput = true })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        // "deno 2.9.6 (stable, …)" → "2.9.6"; "v20.20.2" and "1.4.5" as they are.
        var first = text.Split('\n')[0].Trim();
        return first.StartsWith(Name + " ", StringComparison.Ordinal) ? first[(Name.Length + 1)..].Split(' ')[0] : first;
    }

    public WptFileResult Run(WptTestFile file, string entry, string scratchDir)
    {
        var started = Stopwatch.GetTimestamp();
        var path = Path.Combine(scratchDir, file.Key.Replace('/', '_') + ".mjs");
        File.WriteAllText(path, entry);
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = scratchDir,
        };
        foreach (var argument in Arguments.Append(path)) start.ArgumentList.Add(argument);
        start.Environment.Remove("NODE_EXTRA_CA_CERTS");

        var output = new WptOutput();
        using var done = new ManualResetEventSlim();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            lock (output) if (e.Data is not null && output.Append(e.Data + "\n")) done.Set();
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (output) if (e.Data is not null) output.AppendOther(e.Data + "\n");
        };
        process.Exited += (_, _) => done.Set();
        process.EnableRaisingEvents = true;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var limit = TimeSpan.FromMilliseconds(WptEntry.TimeoutMs(file)) + Grace;
        done.Wait(limit);
        string ending;
        if (!process.HasExited)
        {
            ending = $"{Name} was still running {limit.TotalSeconds:0} s after it started";
            process.Kill(entireProcessTree: true);
        }
        else ending = $"{Name} exited with code {process.ExitCode} before the harness completed";
        process.WaitForExit();
        File.Delete(path);
        lock (output) return output.Result(file.Key, ending, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }
}
