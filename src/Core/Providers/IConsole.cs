namespace EsRuntime.Providers;

public enum ConsoleStream { Stdout = 1, Stderr = 2 }

/// <summary>Where console output goes. Writes may be buffered until <see cref="Flush"/>.</summary>
public interface IConsole
{
    void Write(ConsoleStream stream, string text);
    void Flush();

    /// <summary>
    /// Whether console.log's inspection on <paramref name="stream"/> should carry ANSI colours (a
    /// terminal that wants them). A provider fact like any other: recorded and replayed, false when
    /// simulated. Asked at most once per stream, when the first value is inspected.
    /// </summary>
    bool UsesColor(ConsoleStream stream) => false;
}
