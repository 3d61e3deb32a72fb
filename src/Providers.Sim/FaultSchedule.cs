using System.Globalization;
using System.Text.Json;

namespace EsRuntime.Providers.Sim;

/// <summary>
/// A fault that fired: its kind (as <c>--faults</c> names it), which decision of that kind it was (the
/// n-th time the simulation asked whether to inject one, counted from 0), when (simulated ms) and what.
/// </summary>
public sealed record FiredFault(string Kind, long Decision, double AtMs, string What)
{
    public override string ToString() => $"{AtMs.ToString("0.###", CultureInfo.InvariantCulture)} ms {Kind}#{Decision}: {What}";
}

/// <summary>
/// An exact fault schedule: instead of drawing each decision from the seed, the simulation injects a
/// fault exactly at the listed decisions (kind and ordinal) and nowhere else. The fuzzer shrinks a
/// failing run's fired faults to such a schedule; <c>--fault-schedule FILE</c> runs it again. Decisions
/// never draw from the world's random stream, so removing a fault leaves latencies and orders as they were
/// up to the point where the run itself changes.
/// </summary>
public sealed class FaultSchedule
{
    private readonly HashSet<(FaultKind, long)> _at = [];

    public FaultSchedule(IEnumerable<FiredFault> faults)
    {
        Faults = faults.ToList();
        foreach (var f in Faults) _at.Add((KindOf(f.Kind), f.Decision));
    }

    public IReadOnlyList<FiredFault> Faults { get; }

    public bool Fires(FaultKind kind, long decision) => _at.Contains((kind, decision));

    private static FaultKind KindOf(string name) =>
        FaultPlan.Catalogue.FirstOrDefault(f => f.Name == name)?.Kind ?? throw new FormatException($"unknown fault '{name}' in the schedule");

    /// <summary>The schedule as JSON: <c>{"seed": N, "faults": [{"kind", "decision", "atMs", "what"}]}</c>.</summary>
    public string ToJson(ulong? seed)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            if (seed is { } s) json.WriteNumber("seed", s);
            json.WriteStartArray("faults");
            foreach (var f in Faults)
            {
                json.WriteStartObject();
                json.WriteString("kind", f.Kind);
                json.WriteNumber("decision", f.Decision);
                json.WriteNumber("atMs", Math.Round(f.AtMs, 3));
                json.WriteString("what", f.What);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Reads a schedule written by <see cref="ToJson"/>; the seed it names, if any, comes with it.</summary>
    /// <exception cref="FormatException">not a schedule, with the reason.</exception>
    public static (FaultSchedule Schedule, ulong? Seed) Parse(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            ulong? seed = root.TryGetProperty("seed", out var s) ? s.GetUInt64() : null;
            if (!root.TryGetProperty("faults", out var list) || list.ValueKind != JsonValueKind.Array)
                throw new FormatException("a fault schedule needs a \"faults\" array");
            var faults = list.EnumerateArray().Select(f => new FiredFault(
                f.GetProperty("kind").GetString() ?? "",
                f.GetProperty("decision").GetInt64(),
                f.TryGetProperty("atMs", out var at) ? at.GetDouble() : 0,
                f.TryGetProperty("what", out var what) ? what.GetString() ?? "" : "")).ToList();
            return (new FaultSchedule(faults), seed);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException("not a fault schedule: " + e.Message, e);
        }
    }
}
