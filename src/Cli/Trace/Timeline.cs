using System.Globalization;
using EsRuntime.Replay;

namespace EsRuntime.Cli.Trace;

/// <summary>One event placed on the timeline: when (ms since the first clock reading), where, what.</summary>
internal sealed record TimelineEntry(long Index, double TimeMs, string Host, string Lane, TraceEvent Event)
{
    public string Kind => Event.Kind.ToString();
    public string Description => Event.Describe();
}

/// <summary>
/// A trace read into timeline entries, for `esrun trace --timeline | --html | --json`. The layout is
/// data-driven so that event kinds added later render without changes here:
/// the lane is the first word of the kind's name (ClockWall → clock, ConsoleWrite → console, a future
/// FsRead → fs, NetConnect → net, FaultInjected → fault), the text is <see cref="TraceEvent.Describe"/>,
/// time is the latest monotonic clock reading, and the host is <see cref="HostOf"/>.
/// </summary>
internal sealed class Timeline
{
    public required TraceHeader Header { get; init; }
    public required IReadOnlyList<TimelineEntry> Entries { get; init; }
    public required IReadOnlyList<string> Hosts { get; init; }
    public required bool Truncated { get; init; }
    public int? ExitCode { get; init; }

    /// <summary>The host an event belongs to. Traces hold one host today; when events carry a host
    /// (several simulated hosts on one network), this is the one place that reads it.</summary>
    public static string HostOf(TraceEvent e) => "main";

    public static string LaneOf(TraceEventKind kind)
    {
        var name = kind.ToString();
        if (name.Length == 0 || !char.IsLetter(name[0])) return "other";   // a kind this build does not know
        var end = 1;
        while (end < name.Length && !char.IsUpper(name[end])) end++;
        return name[..end].ToLowerInvariant();
    }

    public static Timeline Read(TraceReader reader)
    {
        var entries = new List<TimelineEntry>();
        var hosts = new List<string>();
        double? origin = null;
        var now = 0.0;
        long index = 0;
        while (reader.Next() is { } e)
        {
            if (e.Kind == TraceEventKind.ClockMonotonic)
            {
                origin ??= e.Number;
                now = e.Number - origin.Value;
            }
            var host = HostOf(e);
            if (!hosts.Contains(host)) hosts.Add(host);
            entries.Add(new TimelineEntry(index++, now, host, LaneOf(e.Kind), e));
        }
        return new Timeline
        {
            Header = reader.Header,
            Entries = entries,
            Hosts = hosts,
            Truncated = reader.Truncated,
            ExitCode = reader.Truncated ? null : reader.EndExitCode,
        };
    }

    public string EndText => Truncated ? "the trace was cut short (no clean end)" : $"ended with exit code {ExitCode}";

    public static string Ms(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
