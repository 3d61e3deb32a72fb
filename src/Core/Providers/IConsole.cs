namespace EsRuntime.Providers;

/// <summary>Which of the two output streams a console write goes to.</summary>
public enum ConsoleStream
{
    /// <summary>Standard output (console.log, console.info, console.debug).</summary>
    Stdout = 1,
    /// <summary>Standard error (console.error, console.warn).</summary>
    Stderr = 2,
}

/// <summary>Where console output goes. Writes may be buffered until <see cref="Flush"/>.</summary>
public interface IConsole
{
    /// <summary>Writes <paramref name="text"/> (already formatted, as the script printed it) to <paramref name="stream"/>.</summary>
    void Write(ConsoleStream stream, string text);

    /// <summary>Pushes out anything buffered; the loop calls it at the end of every turn.</summary>
    void Flush();

    /// <summary>
    /// Whether console.log's inspection on <paramref name="stream"/> should carry ANSI colours (a
    /// terminal that wants them). A provider fact like any other: recorded and replayed, false when
    /// simulated. Asked at most once per stream, when the first value is inspected.
    /// </summary>
    bool UsesColor(ConsoleStream stream) => false;
}
