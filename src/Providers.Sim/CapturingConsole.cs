using System.Text;
using EsRuntime.Providers;

namespace EsRuntime.Providers.Sim;

/// <summary>
/// Console output kept in memory (and optionally passed on), for tests and simulation. It wants
/// colours only when told to (<paramref name="colors"/>), never because the pass-through does.
/// </summary>
public sealed class CapturingConsole(IConsole? passThrough = null, bool colors = false) : IConsole
{
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    public string Stdout => _stdout.ToString();
    public string Stderr => _stderr.ToString();

    public void Write(ConsoleStream stream, string text)
    {
        (stream == ConsoleStream.Stderr ? _stderr : _stdout).Append(text);
        passThrough?.Write(stream, text);
    }

    public void Flush() => passThrough?.Flush();

    public bool UsesColor(ConsoleStream stream) => colors;
}
