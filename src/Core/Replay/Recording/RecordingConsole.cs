using EsRuntime.Providers;

namespace EsRuntime.Replay.Recording;

/// <summary>Writes go through and into the trace, so a replay can check it prints the same.</summary>
internal sealed class RecordingConsole(IConsole inner, TraceWriter trace) : IConsole
{
    public void Write(ConsoleStream stream, string text)
    {
        trace.Add(new TraceEvent(TraceEventKind.ConsoleWrite, stream == ConsoleStream.Stderr ? "stderr" : "stdout", text));
        inner.Write(stream, text);
    }

    public bool UsesColor(ConsoleStream stream)
    {
        var colors = inner.UsesColor(stream);
        trace.Add(new TraceEvent(TraceEventKind.ConsoleColor, stream == ConsoleStream.Stderr ? "stderr" : "stdout", Number: colors ? 1 : 0));
        return colors;
    }

    // The loop flushes the console at the end of every turn: the trace is sync-flushed with it, so a
    // crash leaves every completed turn on disk.
    public void Flush()
    {
        inner.Flush();
        trace.Flush();
    }
}
