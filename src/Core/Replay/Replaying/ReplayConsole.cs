using EsRuntime.Providers;

namespace EsRuntime.Replay.Replaying;

/// <summary>Prints through to the real console, checking each write against the recorded one.</summary>
internal sealed class ReplayConsole(TraceReplayer trace, IConsole output) : IConsole
{
    public void Write(ConsoleStream stream, string text)
    {
        var name = stream == ConsoleStream.Stderr ? "stderr" : "stdout";
        var request = new TraceEvent(TraceEventKind.ConsoleWrite, name, text).DescribeRequest();
        trace.Expect(TraceEventKind.ConsoleWrite, request, name, e => e.Text == text);
        output.Write(stream, text);
    }

    public void Flush() => output.Flush();

    /// <summary>The recorded answer, whatever the terminal replaying it wants: the output must match the recording.</summary>
    public bool UsesColor(ConsoleStream stream)
    {
        var name = stream == ConsoleStream.Stderr ? "stderr" : "stdout";
        return trace.Expect(TraceEventKind.ConsoleColor, $"console {name} colours", name).Number != 0;
    }
}
