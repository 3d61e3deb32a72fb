using System.Diagnostics;

namespace EsRuntime.Cli.Tests;

/// <summary>
/// esrun on a terminal: run under a pseudo-terminal by util-linux script(1), so stdout is a tty. It
/// writes nothing before the program's output (no keypad-mode escape), colours inspected values,
/// and leaves them out with NO_COLOR or when piped.
/// </summary>
public sealed class TerminalTests
{
    private static string InTerminal(string esrunArgs, params (string Name, string Value)[] env)
    {
        var start = new ProcessStartInfo("script")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Esrun.RepoRoot,
        };
        foreach (var arg in new[] { "-qec", $"'{Esrun.BinaryPath}' {esrunArgs}", "/dev/null" }) start.ArgumentList.Add(arg);
        start.Environment["TERM"] = "xterm-256color";
        start.Environment.Remove("NO_COLOR");
        start.Environment.Remove("FORCE_COLOR");
        foreach (var (name, value) in env) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("script(1) did not start");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60))) { process.Kill(true); throw new TimeoutException("esrun under script(1)"); }
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {process.StandardError.ReadToEnd()}");
        return output.Result.Replace("\r\n", "\n");
    }

    [Fact]
    public void NothingIsWrittenBeforeTheFirstOutput()
    {
        Assert.Equal("Hello from esrun!\n", InTerminal("examples/hello.js"));
        Assert.StartsWith("esrun ", InTerminal("--help"));
    }

    [Fact]
    public void InspectedValuesAreColouredOnATerminal() =>
        Assert.Equal("text { n: \e[33m1\e[39m, s: \e[32m'x'\e[39m }\n", InTerminal("-e \"console.log('text', { n: 1, s: 'x' })\""));

    [Fact]
    public void NoColorTurnsColoursOff() =>
        Assert.Equal("{ n: 1 }\n", InTerminal("-e \"console.log({ n: 1 })\"", ("NO_COLOR", "1")));

    [Fact]
    public void SimulatedRunsAreNotColoured() =>
        Assert.Equal("{ n: 1 }\n", InTerminal("--sim 1 -e \"console.log({ n: 1 })\""));

    [Fact]
    public void PipedOutputIsNotColoured() =>
        Assert.Equal("{ n: 1 }\n", Esrun.Run(null, "-e", "console.log({ n: 1 })").Stdout);
}
