using EsRuntime.Cli;
using EsRuntime.Providers.Real;

// esrun: parse flags, pick providers, run, map the outcome to an exit code.
// Console.Out/Error write straight to the descriptors: the console's own streams would put the
// terminal in keypad mode (ESC[?1h ESC=) on their first write (see StandardStream).
Console.SetOut(StandardStream.Writer(StandardStream.Output()));
Console.SetError(StandardStream.Writer(StandardStream.Error()));
return CommandLine.Parse(args) switch
{
    CommandLine.Help => Print(CommandLine.HelpText),
    CommandLine.Version => Print("esrun " + CommandLine.VersionString + "\n"),
    CommandLine.Invalid invalid => Usage(invalid.Message),
    CommandLine.Replay replay => Modes.Replay(replay.TracePath),
    CommandLine.TraceSummary summary => Modes.Summarize(summary.TracePath, summary.Events),
    CommandLine.Run { CheckDeterminism: true } run => Modes.CheckDeterminism(run, args),
    CommandLine.Run run => Modes.Run(run, args),
    _ => Usage("unrecognised command line"),
};

static int Print(string text)
{
    Console.Out.Write(text);
    return 0;
}

static int Usage(string message)
{
    Console.Error.WriteLine("error: " + message);
    Console.Error.WriteLine("Run 'esrun --help' for usage.");
    return CommandLine.UsageError;
}
