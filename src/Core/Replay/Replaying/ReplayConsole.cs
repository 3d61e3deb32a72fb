using EsRuntime.Providers;

namespace EsRuntime.Replay.Replaying;

/// <summary>Prints through to the real console, checking each write against the recorded one.</summary>
public sealed class ReplayConsole(TraceReplayer trace, IConsole output) : IConsole
{
    public void Write(ConsoleStream stream, string text)
    {
        var name = stream == ConsoleStream.Stderr ? "stderr" : "stdout";
        var request = new TraceEvent(TraceEventKind.ConsoleWrite, name, text).DescribeRequest();
        trace.Expect(TraceEventKind.ConsoleWrite, request, name, e => e.Text == text);
        output.Write(stream, text);
    }

    public void Flush() => output.Flush();
}
