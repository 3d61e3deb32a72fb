using System.Text;
using EsRuntime.Providers;

namespace EsRuntime.Providers.Real;

/// <summary>
/// The process's stdout and stderr, UTF-8, buffered until the loop flushes at the end of a turn (or the
/// 64 KiB buffer fills). On a terminal stdout is line-buffered, as C's stdio is, so a line shows as soon
/// as it is complete even while the script keeps running. Colours follow the terminal
/// (<see cref="TerminalColors"/>) unless <paramref name="allowColors"/> is false (simulated runs, whose
/// output must not depend on where it goes).
/// </summary>
public sealed class StdConsole(bool allowColors = true) : IConsole, IDisposable
{
    private readonly StreamWriter _out = Open(StandardStream.Output());
    private readonly StreamWriter _err = Open(StandardStream.Error());
    private readonly bool _lineBuffered = !Console.IsOutputRedirected;

    private static StreamWriter Open(Stream stream) => new(stream, new UTF8Encoding(false), 64 * 1024) { AutoFlush = false };

    public void Write(ConsoleStream stream, string text)
    {
        if (stream == ConsoleStream.Stderr)
        {
            // Keep the two streams in the order they were written when both go to one terminal.
            _out.Flush();
            _err.Write(text);
            _err.Flush();
        }
        else
        {
            _out.Write(text);
            if (_lineBuffered && text.Contains('\n')) _out.Flush();
        }
    }

    public bool UsesColor(ConsoleStream stream) => allowColors && TerminalColors.Wanted(stream == ConsoleStream.Stderr ? 2 : 1);

    public void Flush()
    {
        _out.Flush();
        _err.Flush();
    }

    public void Dispose()
    {
        Flush();
        _out.Dispose();
        _err.Dispose();
    }
}
