namespace EsRuntime.Cli.Sim;

/// <summary>Parses `esrun fuzz ...` and `esrun fuzz merge REPORT...`.</summary>
internal static class FuzzArgs
{
    public static CommandLine.Parsed Parse(IReadOnlyList<string> args) => new CommandLine.Invalid("fuzz: not yet");
}
