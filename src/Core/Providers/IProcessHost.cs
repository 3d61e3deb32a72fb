namespace EsRuntime.Providers;

/// <summary>The host process as a script may see it through <c>runtime:process</c>.</summary>
public interface IProcessHost
{
    /// <summary>A snapshot of the environment variables.</summary>
    IReadOnlyDictionary<string, string> Environment();

    /// <summary>Program arguments after the script (or -e snippet).</summary>
    IReadOnlyList<string> Args { get; }

    /// <summary>The current working directory, as an absolute host path.</summary>
    string Cwd();

    /// <summary>OS name as the docs give it: "linux", "macos", "windows".</summary>
    string Platform { get; }

    /// <summary>CPU architecture as the docs give it: "x86_64", "aarch64", "arm".</summary>
    string Arch { get; }

    /// <summary>Told when the script calls exit(code); the runtime stops on its own.</summary>
    void Exit(int code);
}
