using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EsRuntime.Cli.Sim;

/// <summary>One fuzzing shard's results as JSON (what `esrun fuzz merge` reads), and the summary table.</summary>
internal sealed record Report(int SeedsRun, ulong FirstSeed, int Shard, int Shards, int Jobs, double WallSeconds, long FaultsFired,
    double SimulatedSeconds, IReadOnlyList<Report.Failure> Failures)
{
    public sealed record Failure(ulong Seed, string? Host, int ExitCode, int Fired, int? Shrunk, string Repro, string? ShrunkRepro,
        string? Trace, string? Schedule, string Error);

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("seedsRun", SeedsRun);
            json.WriteNumber("firstSeed", FirstSeed);
            json.WriteNumber("shard", Shard);
            json.WriteNumber("shards", Shards);
            json.WriteNumber("jobs", Jobs);
            json.WriteNumber("wallSeconds", Math.Round(WallSeconds, 3));
            json.WriteNumber("faultsFired", FaultsFired);
            json.WriteNumber("simulatedSeconds", Math.Round(SimulatedSeconds, 3));
            json.WriteStartArray("failures");
            foreach (var f in Failures)
            {
                json.WriteStartObject();
                json.WriteNumber("seed", f.Seed);
                json.WriteString("host", f.Host);
                json.WriteNumber("exitCode", f.ExitCode);
                json.WriteNumber("faultsFired", f.Fired);
                if (f.Shrunk is { } n) json.WriteNumber("shrunkFaults", n);
                else json.WriteNull("shrunkFaults");
                json.WriteString("repro", f.Repro);
                json.WriteString("shrunkRepro", f.ShrunkRepro);
                json.WriteString("trace", f.Trace);
                json.WriteString("schedule", f.Schedule);
                json.WriteString("error", f.Error);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <exception cref="FormatException">not a fuzz report.</exception>
    public static Report Parse(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            var r = doc.RootElement;
            string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var failures = r.GetProperty("failures").EnumerateArray().Select(f => new Failure(
                f.GetProperty("seed").GetUInt64(), Text(f, "host"), f.GetProperty("exitCode").GetInt32(), f.GetProperty("faultsFired").GetInt32(),
                f.GetProperty("shrunkFaults").ValueKind == JsonValueKind.Number ? f.GetProperty("shrunkFaults").GetInt32() : null,
                Text(f, "repro") ?? "", Text(f, "shrunkRepro"), Text(f, "trace"), Text(f, "schedule"), Text(f, "error") ?? "")).ToList();
            return new Report(r.GetProperty("seedsRun").GetInt32(), r.GetProperty("firstSeed").GetUInt64(), r.GetProperty("shard").GetInt32(),
                r.GetProperty("shards").GetInt32(), r.GetProperty("jobs").GetInt32(), r.GetProperty("wallSeconds").GetDouble(),
                r.GetProperty("faultsFired").GetInt64(), r.GetProperty("simulatedSeconds").GetDouble(), failures);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException("not an esrun fuzz report: " + e.Message, e);
        }
    }

    /// <summary>Shards combined: seeds and times add up, failures are listed by seed.</summary>
    public static Report Combine(IReadOnlyList<Report> reports) => new(
        reports.Sum(r => r.SeedsRun), reports.Count == 0 ? 0 : reports.Min(r => r.FirstSeed), 0, reports.Count, reports.Sum(r => r.Jobs),
        reports.Sum(r => r.WallSeconds), reports.Sum(r => r.FaultsFired), reports.Sum(r => r.SimulatedSeconds),
        reports.SelectMany(r => r.Failures).OrderBy(f => f.Seed).ToList());

    public string Summary()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine();
        text.AppendLine(Shard == 0 ? $"merged {Shards} shard reports" : Shards > 1 ? $"shard {Shard}/{Shards}" : "fuzz summary");
        text.AppendLine(string.Create(c, $"  seeds run        {SeedsRun}"));
        text.AppendLine(string.Create(c, $"  passed           {SeedsRun - Failures.Count}"));
        text.AppendLine(string.Create(c, $"  failed           {Failures.Count}"));
        text.AppendLine(string.Create(c, $"  wall time        {WallSeconds:0.0} s ({(WallSeconds > 0 ? SeedsRun / WallSeconds : 0):0.0} seeds/s)"));
        text.AppendLine(string.Create(c, $"  simulated time   {SimulatedSeconds:0.0} s ({(WallSeconds > 0 ? SimulatedSeconds / WallSeconds : 0):0}x wall)"));
        text.AppendLine(string.Create(c, $"  faults fired     {FaultsFired}"));
        if (Failures.Count == 0) return text.ToString();
        text.AppendLine();
        text.AppendLine("  seed        host        exit  fired  shrunk  error");
        foreach (var f in Failures)
            text.AppendLine(string.Create(c, $"  {f.Seed,-10}  {f.Host ?? "-",-10}  {f.ExitCode,4}  {f.Fired,5}  {(f.Shrunk?.ToString(c) ?? "-"),6}  {f.Error}"));
        text.AppendLine();
        foreach (var f in Failures)
        {
            text.AppendLine($"seed {f.Seed}: {f.Repro}");
            if (f.ShrunkRepro is not null) text.AppendLine($"  shrunk to {f.Shrunk} faults: {f.ShrunkRepro}");
            if (f.Trace is not null) text.AppendLine($"  trace: esrun --replay {f.Trace}");
        }
        return text.ToString();
    }
}
