using System.Text;
using EsRuntime.Providers;

namespace EsRuntime.Providers.Sim;

/// <summary>
/// A host's console in a system of several: whole lines go to the shared output as "[name] line", so
/// hosts' output interleaves by line in the order the simulation produced it. A line not yet ended
/// waits for its newline (or for <see cref="Flush"/> when the host ends).
/// </summary>
public sealed class PrefixConsole(string prefix, IConsole output) : IConsole
{
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    public void Write(ConsoleStream stream, string text)
    {
        var pending = stream == ConsoleStream.Stderr ? _stderr : _stdout;
        var start = 0;
        for (var nl = text.IndexOf('\n'); nl >= 0; nl = text.IndexOf('\n', start))
        {
            output.Write(stream, string.Concat(prefix, pending.ToString(), text.AsSpan(start, nl - start + 1)));
            pending.Clear();
            start = nl + 1;
        }
        if (start < text.Length) pending.Append(text, start, text.Length - start);
    }

    /// <summary>Passes on the shared output's flush; a partial line stays until it ends or <see cref="End"/>.</summary>
    public void Flush() => output.Flush();

    /// <summary>The host ended: a last line without a newline is written with one.</summary>
    public void End()
    {
        if (_stdout.Length > 0) Write(ConsoleStream.Stdout, "\n");
        if (_stderr.Length > 0) Write(ConsoleStream.Stderr, "\n");
        output.Flush();
    }
}
