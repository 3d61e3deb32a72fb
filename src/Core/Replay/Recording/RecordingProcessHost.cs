using EsRuntime.Providers;

namespace EsRuntime.Replay.Recording;

/// <summary>The environment, args, platform and arch go in the trace header; calls are events.</summary>
public sealed class RecordingProcessHost(IProcessHost inner, TraceWriter trace) : IProcessHost
{
    public IReadOnlyDictionary<string, string> Environment()
    {
        trace.Add(new TraceEvent(TraceEventKind.ProcessEnvironment));
        return inner.Environment();
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
