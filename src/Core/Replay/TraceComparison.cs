using System.Text;
using EsRuntime.Runtime;

namespace EsRuntime.Replay;

/// <summary>One recorded run as a determinism check compares it: its events, where the script was at each, its end and what it touched.</summary>
/// <param name="Events">The trace's events in order.</param>
/// <param name="CallSites">The script location of each event (from a trace recorded with <see cref="TraceWriter.CallSite"/>), null where unknown.</param>
/// <param name="ExitCode">How the run ended.</param>
/// <param name="Audit">The sources of ambient nondeterminism it touched (<see cref="JsRuntime.Audit"/>).</param>
public sealed record ComparedRun(IReadOnlyList<TraceEvent> Events, IReadOnlyList<string?> CallSites, int ExitCode, IReadOnlyDictionary<string, long> Audit)
{
    /// <summary>A finished trace (the bytes a <see cref="TraceWriter"/> wrote) and its audit; a trace without an end record ends in −1.</summary>
    /// <exception cref="TraceFormatException">the bytes are not a trace.</exception>
    public static ComparedRun FromTrace(byte[] trace, IReadOnlyDictionary<string, long> audit)
    {
        using var reader = new TraceReader(new MemoryStream(trace));
        var events = new List<TraceEvent>();
        var sites = new List<string?>();
        while (reader.Next() is { } e)
        {
            events.Add(e);
            sites.Add(reader.CallSite);
        }
        return new ComparedRun(events, sites, reader.EndExitCode ?? -1, audit);
    }
}

/// <summary>Compares two runs that should have been identical and says where and why they were not.</summary>
public static class TraceComparison
{
    /// <summary>Null when the runs match; else the first differing provider call with the script location of each run, and the nondeterminism sources either touched.</summary>
    public static string? Difference(ComparedRun first, ComparedRun second)
    {
        var count = Math.Max(first.Events.Count, second.Events.Count);
        for (var n = 0; n < count; n++)
        {
            var a = n < first.Events.Count ? first.Events[n] : null;
            var b = n < second.Events.Count ? second.Events[n] : null;
            if (a is not null && b is not null && Same(a, b)) continue;
            return new StringBuilder()
                .Append($"runs differ at event {n}:\n")
                .Append($"  first run:  {a?.Describe() ?? "ended"}{At(first, n)}\n")
                .Append($"  second run: {b?.Describe() ?? "ended"}{At(second, n)}\n")
                .Append(Sources(first, second)).ToString();
        }
        return first.ExitCode == second.ExitCode ? null
            : $"runs differ in exit code: {first.ExitCode} and {second.ExitCode}\n" + Sources(first, second);
    }

    /// <summary>Whether two events are the same provider call with the same answer.</summary>
    public static bool Same(TraceEvent a, TraceEvent b) =>
        a.Kind == b.Kind && a.Argument == b.Argument && a.Text == b.Text && a.Number.Equals(b.Number) &&
        (a.Bytes ?? []).AsSpan().SequenceEqual(b.Bytes ?? []);

    private static string At(ComparedRun run, int n) =>
        n < run.CallSites.Count && run.CallSites[n] is { } site ? $"\n      at {site}" : "";

    /// <summary>What could make two runs of one seed differ: the ambient sources the script touched, or else the host.</summary>
    private static string Sources(ComparedRun first, ComparedRun second)
    {
        var touched = first.Audit.Keys.Union(second.Audit.Keys).Order(StringComparer.Ordinal).ToList();
        if (touched.Count == 0)
            return "  the script touched no source of ambient nondeterminism: the difference came from outside it (a provider or the embedder)\n";
        var names = AuditReport.Sources.Where(s => touched.Contains(s.Key)).Select(s => $"{s.Name} ({first.Audit.GetValueOrDefault(s.Key)}x / {second.Audit.GetValueOrDefault(s.Key)}x)");
        return $"  sources of ambient nondeterminism touched (first / second run): {string.Join(", ", names)}\n";
    }
}
