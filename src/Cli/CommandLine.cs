using EsRuntime.Capabilities;

namespace EsRuntime.Cli;

/// <summary>esrun's flags. Everything after the script (or -e code) belongs to the script.</summary>
internal static class CommandLine
{
    public const string VersionString = "0.1.0";

    public abstract record Parsed;
    public sealed record Help : Parsed;
    public sealed record Version : Parsed;
    public sealed record Invalid(string Message) : Parsed;
    public sealed record Run(string? File, string? Code, IReadOnlyList<string> ScriptArgs, Capability Denied) : Parsed;

    public static readonly string HelpText = $"""
        esrun {VersionString} — a secure, deterministic JavaScript runtime (ES modules only)

        Usage:
          esrun [options] FILE [args...]    run FILE as the main ES module
          esrun [options] -e CODE [args...] run CODE as the main ES module
          esrun --help | --version

        Options:
          -e, --eval CODE     evaluate CODE instead of a file
          --deny CAPS         withhold capabilities (comma-separated: env, file-read, file-write,
                              net, net-listen, hrtime); all are granted by default
          -h, --help          print this help
          -v, --version       print the version

        Exit codes:
          0    the program finished (or called exit() / exit(0))
          N    the program called exit(N)
          1    an uncaught error or unhandled promise rejection, or a module that cannot be loaded
          2    invalid command line

        """;

    public static Parsed Parse(IReadOnlyList<string> args)
    {
        var denied = Capability.None;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-h" or "--help": return new Help();
                case "-v" or "--version": return new Version();
                case "-e" or "--eval":
                    if (i + 1 >= args.Count) return new Invalid($"{arg} needs the code to run");
                    return new Run(null, args[i + 1], args.Skip(i + 2).ToArray(), denied);
                case "--deny":
                    if (i + 1 >= args.Count) return new Invalid("--deny needs a list of capabilities");
                    foreach (var name in args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        var capability = ParseCapability(name);
                        if (capability is null) return new Invalid($"unknown capability '{name}' (expected env, file-read, file-write, net, net-listen, hrtime)");
                        denied |= capability.Value;
                    }
                    break;
                case "--":
                    return i + 1 < args.Count ? new Run(args[i + 1], null, args.Skip(i + 2).ToArray(), denied) : new Invalid("no script given after --");
                default:
                    if (arg.StartsWith('-') && arg.Length > 1) return new Invalid($"unknown option '{arg}'");
                    return new Run(arg, null, args.Skip(i + 1).ToArray(), denied);
            }
        }
        return new Invalid("no script given");
    }

    private static Capability? ParseCapability(string name) => name.ToLowerInvariant() switch
    {
        "env" => Capability.Env,
        "file-read" => Capability.FileRead,
        "file-write" => Capability.FileWrite,
        "net" => Capability.Net,
        "net-listen" => Capability.NetListen,
        "hrtime" => Capability.HrTime,
        _ => null,
    };
}
