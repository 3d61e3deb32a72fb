using System.Text;
using EsRuntime.Replay;

namespace EsRuntime.Cli;

/// <summary>`esrun trace FILE`: the header, event counts by kind, and a timeline of the first events.</summary>
internal static class TraceSummary
{
    public static string Build(TraceReader reader, int timelineEvents)
    {
        var text = new StringBuilder();
        text.Append(reader.Header.Summary());
        var counts = new SortedDictionary<TraceEventKind, int>();
        var timeline = new StringBuilder();
        long index = 0;
        while (reader.Next() is { } e)
        {
            counts[e.Kind] = counts.GetValueOrDefault(e.Kind) + 1;
            if (index < timelineEvents) timeline.AppendLine($"  {index,6}  {e.Describe()}");
            index++;
        }
        text.AppendLine($"events: {index}{(reader.Truncated ? " (the trace was cut short: no clean end)" : $", ended with exit code {reader.EndExitCode}")}");
        foreach (var (kind, count) in counts) text.AppendLine($"  {kind,-20} {count}");
        if (timelineEvents > 0)
        {
            text.AppendLine($"first {Math.Min(timelineEvents, index)} events:");
            text.Append(timeline);
        }
        return text.ToString();
    }
}
