namespace EsRuntime.Providers;

public enum ConsoleStream { Stdout = 1, Stderr = 2 }

/// <summary>Where console output goes. Writes may be buffered until <see cref="Flush"/>.</summary>
public interface IConsole
{
    void Write(ConsoleStream stream, string text);
    void Flush();
}
