using EsRuntime.Providers;

namespace EsRuntime.Replay.Replaying;

/// <summary>The recorded process: args, platform and arch from the header, the environment from its event.</summary>
internal sealed class ReplayProcessHost(TraceReplayer trace) : IProcessHost
{
    public IReadOnlyDictionary<string, string> Environment() =>
        EnvironmentJson.Parse(trace.Expect(TraceEventKind.ProcessEnvironment, "process environment read").Text);

    public IReadOnlyList<string> Args => trace.Header.ScriptArgs;

    public string Cwd() => trace.Expect(TraceEventKind.ProcessCwd, "process cwd").Text ?? "/";

    public string Platform => trace.Header.Platform;

    public string Arch => trace.Header.Arch;

    public void Exit(int code) =>
        trace.Expect(TraceEventKind.ProcessExit, $"process exit({code})", matches: e => e.Number == code);
}
