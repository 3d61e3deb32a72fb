using EsRuntime.Capabilities;
using EsRuntime.Providers;
using EsRuntime.Providers.Real;
using EsRuntime.Providers.Real.Files;
using EsRuntime.Providers.Sim;
using EsRuntime.Runtime;

// Real providers: the script's output goes to this process's stdout.
var console = new StdConsole();
var providers = new ProviderSet(new SystemClock(), new SystemEntropy(), console, new RealProcessHost(args), new RealFileSystem(Environment.CurrentDirectory));
using (var runtime = JsRuntime.FromCode(new RuntimeOptions { Providers = providers, Capabilities = Capability.Env },
    "await new Promise((r) => setTimeout(r, 10)); console.log('real', 6 * 7);"))
{
    var exit = runtime.RunToCompletion();
    console.Flush();
    if (exit != 0) return exit;
}

// The simulation package: a recorded run replays to the same output.
var recorded = Simulation.Record("console.log('sim', Math.random() < 1, Date.now());", seed: 7);
var replayed = Simulation.Replay(recorded.Trace);
Console.WriteLine(recorded.Outcome.Stdout == replayed.Outcome.Stdout && replayed.Divergence is null
    ? "replayed " + recorded.Outcome.Stdout.Trim()
    : "replay differed");
return 0;
