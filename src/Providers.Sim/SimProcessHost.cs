using EsRuntime.Providers;

namespace EsRuntime.Providers.Sim;

/// <summary>A fixed, host-independent process: given env and args, a fixed cwd, linux/x86_64.</summary>
public sealed class SimProcessHost(
    IReadOnlyList<string>? args = null,
    IReadOnlyDictionary<string, string>? environment = null,
    string cwd = SimProcessHost.DefaultCwd) : IProcessHost
{
    public const string DefaultCwd = Disk.SimFileSystem.DefaultRoot;

    public IReadOnlyList<string> Args { get; } = args ?? [];

    public IReadOnlyDictionary<string, string> Environment() => environment ?? new Dictionary<string, string>();

    public string Cwd() => cwd;

    public string Platform => "linux";

    public string Arch => "x86_64";

    public int? ExitCode { get; private set; }

    public void Exit(int code) => ExitCode = code;
}
