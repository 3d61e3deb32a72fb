using System.Runtime.InteropServices;

namespace EsRuntime.Providers.Real;

/// <summary>
/// Whether a standard stream wants ANSI colours, as node and deno decide it: never with NO_COLOR set
/// (no-color.org), always with FORCE_COLOR set to anything but 0, else when the stream is a terminal
/// whose TERM is not "dumb".
/// </summary>
public static partial class TerminalColors
{
    public static bool Wanted(int fd)
    {
        if (Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 }) return false;
        if (Environment.GetEnvironmentVariable("FORCE_COLOR") is { Length: > 0 } force) return force != "0";
        if (Environment.GetEnvironmentVariable("TERM") == "dumb") return false;
        return !OperatingSystem.IsWindows() && IsATty(fd) == 1;
    }

    [LibraryImport("libc", EntryPoint = "isatty")]
    private static partial int IsATty(int fd);
}
