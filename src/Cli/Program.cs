using EsRuntime.Capabilities;
using EsRuntime.Cli;
using EsRuntime.Providers;
using EsRuntime.Providers.Real;
using EsRuntime.Runtime;

// esrun: parse flags, pick providers, run, map the outcome to an exit code.
var parsed = CommandLine.Parse(args);
switch (parsed)
{
    case CommandLine.Help:
        Console.Out.Write(CommandLine.HelpText);
        return 0;
    case CommandLine.Version:
        Console.Out.WriteLine("esrun " + CommandLine.VersionString);
        return 0;
    case CommandLine.Invalid invalid:
        Console.Error.WriteLine("error: " + invalid.Message);
        Console.Error.WriteLine("Run 'esrun --help' for usage.");
        return 2;
}

var run = (CommandLine.Run)parsed;
using var console = new StdConsole();
var options = new RuntimeOptions
{
    Providers = new ProviderSet(new SystemClock(), new SystemEntropy(), console, new RealProcessHost(run.ScriptArgs),
        new FileModuleSource(), new FileCodeCache()),
    Capabilities = Capability.All & ~run.Denied,
};
using var runtime = run.Code is not null ? JsRuntime.FromCode(options, run.Code) : new JsRuntime(options, run.File!);
return runtime.RunToCompletion();
