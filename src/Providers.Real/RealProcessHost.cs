using System.Collections;
using System.Runtime.InteropServices;
using EsRuntime.Providers;

namespace EsRuntime.Providers.Real;

/// <summary>The real process: its environment, working directory, OS and CPU.</summary>
public sealed class RealProcessHost(IReadOnlyList<string> args) : IProcessHost
{
    public IReadOnlyList<string> Args { get; } = args;

    public IReadOnlyDictionary<string, string> Environment()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
            result[(string)entry.Key] = (string?)entry.Value ?? "";
        return result;
    }

    public string Cwd() => System.Environment.CurrentDirectory;

    public string Platform { get; } =
        OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsMacOS() ? "macos" : OperatingSystem.IsWindows() ? "windows" : "unknown";

    public string Arch { get; } = RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "x86_64",
        Architecture.Arm64 => "aarch64",
        Architecture.Arm => "arm",
        Architecture.X86 => "x86",
        var other => other.ToString().ToLowerInvariant(),
    };

    public void Exit(int code) { }
}
