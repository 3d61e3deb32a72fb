namespace EsRuntime.Providers.Real;

/// <summary>
/// V8's ICU reads the time zone from the process environment once, when the first engine starts.
/// So a recorded or simulated run sets TZ through libc before any engine exists.
/// </summary>
public static class ProcessTimeZone
{
    /// <summary>The zone this process runs in, as an IANA id (recorded in a trace header).</summary>
    public static string Current => System.Environment.GetEnvironmentVariable("TZ") is { Length: > 0 } tz ? tz : TimeZoneInfo.Local.Id;

    /// <summary>Sets the zone for engines created from now on (no-op off Unix).</summary>
    public static void Set(string zone)
    {
        if (OperatingSystem.IsWindows()) return;
        LibcEnvironment.Set("TZ", zone);
        TimeZoneInfo.ClearCachedData();
    }
}
