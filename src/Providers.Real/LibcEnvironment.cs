using System.Runtime.InteropServices;

namespace EsRuntime.Providers.Real;

/// <summary>
/// libc's environment, which V8's ICU reads when the first engine starts. .NET's
/// Environment.SetEnvironmentVariable does not reach it, so the process facts an engine must see
/// (time zone, locale) are set here, before any engine exists.
/// </summary>
internal static partial class LibcEnvironment
{
    public static void Set(string name, string value)
    {
        if (OperatingSystem.IsWindows()) return;
        _ = SetEnv(name, value, 1);
        System.Environment.SetEnvironmentVariable(name, value);
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
