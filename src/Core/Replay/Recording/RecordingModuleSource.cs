using EsRuntime.Providers;

namespace EsRuntime.Replay.Recording;

/// <summary>Module lookups and sources go in the trace, so a replay needs none of the files.</summary>
public sealed class RecordingModuleSource(IModuleSource inner, TraceWriter trace) : IModuleSource
{
    public string? RealPath(string path)
    {
        var real = inner.RealPath(path);
        trace.Add(new TraceEvent(TraceEventKind.ModuleRealPath, path, real));
        return real;
    }

    public bool IsFile(string path)
    {
        var result = inner.IsFile(path);
        trace.Add(new TraceEvent(TraceEventKind.ModuleIsFile, path, Number: result ? 1 : 0));
        return result;
    }

    public bool IsDirectory(string path)
    {
        var result = inner.IsDirectory(path);
        trace.Add(new TraceEvent(TraceEventKind.ModuleIsDirectory, path, Number: result ? 1 : 0));
        return result;
    }

    public string? ReadText(string path)
    {
        var text = inner.ReadText(path);
        trace.Add(new TraceEvent(TraceEventKind.ModuleReadText, path, text));
        return text;
    }
}
