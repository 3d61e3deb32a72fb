using EsRuntime.Cli;
using EsRuntime.Providers.Real;

// esrun: parse flags, pick providers, run, map the outcome to an exit code.
// Console.Out/Error write straight to the descriptors: the console's own streams would put the
// terminal in keypad mode (ESC[?1h ESC=) on their first write (see StandardStream).
Console.SetOut(StandardStream.Writer(StandardStream.Output()));
Console.SetError(StandardStream.Writer(StandardStream.Error()));
try
{
    return Dispatch(args);
}
catch (Exception e) when (MissingEngineLibrary(e) is { } message)
{
    // A Native AOT esrun copied out of its folder without the V8 library beside it.
    Console.Error.WriteLine("error: " + message);
    return 1;
}

static int Dispatch(string[] args) => CommandLine.Parse(args) switch
{
    CommandLine.Help => Print(CommandLine.HelpText),
    CommandLine.Version => Print("esrun " + CommandLine.VersionString + "\n"),
    CommandLine.Invalid invalid => Usage(invalid.Message),
    CommandLine.Replay replay => Modes.Replay(replay.TracePath),
    CommandLine.TraceSummary summary => Modes.Summarize(summary.TracePath, summary.Events),
    CommandLine.Fuzz fuzz => EsRuntime.Cli.Sim.FuzzMode.Run(fuzz),
    CommandLine.FuzzMerge merge => EsRuntime.Cli.Sim.FuzzMode.Merge(merge),
    CommandLine.TraceView view => EsRuntime.Cli.Trace.TraceViews.Show(view),
    CommandLine.Run { CheckDeterminism: true, Hosts.Count: > 0 } run => EsRuntime.Cli.Sim.SystemMode.CheckDeterminism(run),
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

static string? MissingEngineLibrary(Exception e)
{
    for (Exception? inner = e; inner is not null; inner = inner.InnerException)
    {
        if (inner is not TypeLoadException || !inner.Message.StartsWith("Cannot load ClearScript V8 library", StringComparison.Ordinal)) continue;
        // "... Load failure information for ClearScriptV8.linux-x64.so:\n<path>: <error>..."
        var after = inner.Message.IndexOf(" for ", StringComparison.Ordinal);
        var colon = after < 0 ? -1 : inner.Message.IndexOf(':', after);
        var library = colon < 0 ? "ClearScriptV8" : inner.Message[(after + 5)..colon];
        return $"cannot load the V8 engine library {library}: esrun looks for it beside its executable, in " +
            $"{AppContext.BaseDirectory.TrimEnd('/')}. Copy or install the whole esrun folder, not the executable alone.";
    }
    return null;
}
