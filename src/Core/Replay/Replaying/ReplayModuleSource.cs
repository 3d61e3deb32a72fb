using EsRuntime.Providers;

namespace EsRuntime.Replay.Replaying;

/// <summary>Module lookups and sources from the trace: no file is read.</summary>
public sealed class ReplayModuleSource(TraceReplayer trace) : IModuleSource
{
    public string? RealPath(string path) => trace.Expect(TraceEventKind.ModuleRealPath, $"module realpath \"{path}\"", path).Text;

    public bool IsFile(string path) => trace.Expect(TraceEventKind.ModuleIsFile, $"module is-file \"{path}\"", path).Number != 0;

    public bool IsDirectory(string path) => trace.Expect(TraceEventKind.ModuleIsDirectory, $"module is-directory \"{path}\"", path).Number != 0;

    public string? ReadText(string path) => trace.Expect(TraceEventKind.ModuleReadText, $"module read \"{path}\"", path).Text;
}
