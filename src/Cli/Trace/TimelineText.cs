using System.Text;

namespace EsRuntime.Cli.Trace;

/// <summary>
/// `esrun trace FILE --timeline`: one line per event with its time, index, lane and description;
/// with several hosts, each host gets its own column so their events can be read side by side.
/// </summary>
internal static class TimelineText
{
    private const int ColumnWidth = 48;

    public static string Render(Timeline timeline)
    {
        var text = new StringBuilder();
        text.Append(timeline.Header.Summary());
        text.AppendLine($"{timeline.Entries.Count} events, {timeline.EndText}; time is ms since the first clock reading");
        var lanes = timeline.Entries.Count == 0 ? 5 : Math.Max(5, timeline.Entries.Max(e => e.Lane.Length));
        if (timeline.Hosts.Count <= 1)
        {
            text.AppendLine($"{"time",10}  {"#",6}  {"lane".PadRight(lanes)}  event");
            foreach (var e in timeline.Entries)
                text.AppendLine($"{Timeline.Ms(e.TimeMs),10}  {e.Index,6}  {e.Lane.PadRight(lanes)}  {Printable(e.Description)}");
            return text.ToString();
        }
        text.Append($"{"time",10}  {"#",6}");
        foreach (var host in timeline.Hosts) text.Append("  ").Append(Fit(host));
        text.AppendLine();
        foreach (var e in timeline.Entries)
        {
            text.Append($"{Timeline.Ms(e.TimeMs),10}  {e.Index,6}");
            foreach (var host in timeline.Hosts)
                text.Append("  ").Append(Fit(host == e.Host ? $"{e.Lane}: {Printable(e.Description)}" : ""));
            text.AppendLine();
        }
        return text.ToString();
    }

    /// <summary>Control characters (a recorded colour escape, a tab) shown escaped, not sent to the terminal.</summary>
    private static string Printable(string s)
    {
        if (!s.Any(char.IsControl)) return s;
        var text = new StringBuilder(s.Length + 8);
        foreach (var c in s) text.Append(char.IsControl(c) ? $"\\x{(int)c:X2}" : c);
        return text.ToString();
    }

    private static string Fit(string s) => s.Length > ColumnWidth ? s[..(ColumnWidth - 1)] + "…" : s.PadRight(ColumnWidth);
}
