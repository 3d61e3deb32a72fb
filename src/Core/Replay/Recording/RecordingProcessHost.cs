using EsRuntime.Providers;

namespace EsRuntime.Replay.Recording;

/// <summary>
/// Args, platform and arch go in the trace header; calls are events. The environment is recorded only
/// when the program reads it (an event holding it), so a program denied Env leaves none in the trace.
/// </summary>
internal sealed class RecordingProcessHost(IProcessHost inner, TraceWriter trace) : IProcessHost
{
    public IReadOnlyDictionary<string, string> Environment()
    {
        var environment = inner.Environment();
        trace.Add(new TraceEvent(TraceEventKind.ProcessEnvironment, Text: EnvironmentJson.Write(environment), Number: environment.Count));
        return environment;
    }

    public IReadOnlyList<string> Args => inner.Args;

    public string Cwd()
    {
        var cwd = inner.Cwd();
        trace.Add(new TraceEvent(TraceEventKind.ProcessCwd, Text: cwd));
        return cwd;
    }

    public string Platform => inner.Platform;

    public string Arch => inner.Arch;

    public void Exit(int code)
    {
        trace.Add(new TraceEvent(TraceEventKind.ProcessExit, Number: code));
        inner.Exit(code);
    }
}
