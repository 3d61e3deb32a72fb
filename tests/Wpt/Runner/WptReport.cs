using System.Globalization;
using System.Text;

namespace EsRuntime.Wpt;

/// <summary>Per-area counts of one run, and the table the README quotes.</summary>
public sealed record WptAreaCounts(string Area, int Files, int Skipped, int Crashed, int Passed, int Subtests)
{
    public static IReadOnlyList<WptAreaCounts> Of(IReadOnlyList<WptTestFile> files, IReadOnlyDictionary<string, WptFileResult> results) =>
        files.GroupBy(f => f.Area, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(area =>
        {
            var ran = area.Where(f => results.ContainsKey(f.Key)).Select(f => results[f.Key]).ToList();
            return new WptAreaCounts(area.Key, area.Count(), area.Count(f => f.SkipReason is not null), ran.Count(r => r.Crashed),
                ran.Sum(r => r.Subtests.Count(s => s.Status == "PASS")), ran.Sum(r => r.Subtests.Count));
        }).ToList();

    public static WptAreaCounts Total(IReadOnlyList<WptAreaCounts> areas) =>
        new("total", areas.Sum(a => a.Files), areas.Sum(a => a.Skipped), areas.Sum(a => a.Crashed), areas.Sum(a => a.Passed), areas.Sum(a => a.Subtests));

    public string Score => $"{Passed} / {Subtests}";

    /// <summary>A Markdown table: one row per area, one "passed / total (crashed)" column per runtime.</summary>
    public static string Table(IReadOnlyList<(string Runtime, IReadOnlyList<WptAreaCounts> Areas)> runs)
    {
        var text = new StringBuilder("| area | files (skipped) |");
        foreach (var (runtime, _) in runs) text.Append(' ').Append(runtime).Append(" passed / subtests (files crashed) |");
        text.Append("\n|---|---|").Append(string.Concat(runs.Select(_ => "---|"))).Append('\n');
        var first = runs[0].Areas;
        foreach (var row in first.Append(Total(first)))
        {
            text.Append("| ").Append(row.Area).Append(" | ").Append(row.Files).Append(" (").Append(row.Skipped).Append(") |");
            foreach (var (_, areas) in runs)
            {
                var counts = row.Area == "total" ? Total(areas) : areas.Single(a => a.Area == row.Area);
                text.Append(' ').Append(counts.Score).Append(counts.Crashed > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({counts.Crashed})") : "").Append(" |");
            }
            text.Append('\n');
        }
        return text.ToString();
    }
}
