using System.Text;
using System.Text.Json;

namespace EsRuntime.Wpt;

/// <summary>One subtest as testharness.js reported it: PASS, FAIL, TIMEOUT, NOTRUN or PRECONDITION_FAILED.</summary>
public sealed record WptSubtest(string Name, string Status, string? Message);

/// <summary>
/// How one file ran. <see cref="HarnessStatus"/> is testharness.js's (OK, ERROR, TIMEOUT,
/// PRECONDITION_FAILED), or CRASH when the runtime ended, or had to be stopped, before the harness
/// completed; <see cref="Seconds"/> is the wall time it took.
/// </summary>
public sealed record WptFileResult(string File, IReadOnlyList<WptSubtest> Subtests, string HarnessStatus, string? HarnessMessage, double Seconds)
{
    public const string Crash = "CRASH";
    public bool Crashed => HarnessStatus == Crash;
}

/// <summary>
/// Reads what harness/reporter.js prints, line by line as it arrives, from any runtime. Other output
/// (the test's own console use, the runtime's error reports) is kept, bounded, to explain a crash.
/// </summary>
public sealed class WptOutput
{
    private const string ResultTag = "__WPT_RESULT__ ";
    private const string DoneTag = "__WPT_DONE__ ";
    private const int OtherOutputLimit = 8 * 1024;

    private readonly List<WptSubtest> _subtests = [];
    private readonly StringBuilder _pending = new();
    private readonly StringBuilder _other = new();
    private readonly Dictionary<string, int> _names = new(StringComparer.Ordinal);

    public string? HarnessStatus { get; private set; }
    public string? HarnessMessage { get; private set; }
    public bool Done => HarnessStatus is not null;

    /// <summary>Takes a chunk of stdout; returns true once the harness has completed.</summary>
    public bool Append(string chunk)
    {
        _pending.Append(chunk);
        if (chunk.Contains('\n'))
        {
            var text = _pending.ToString();
            var start = 0;
            for (var end = text.IndexOf('\n'); end >= 0; start = end + 1, end = text.IndexOf('\n', start))
                Line(text[start..end].TrimEnd('\r'));
            _pending.Clear().Append(text, start, text.Length - start);
        }
        return Done;
    }

    public void AppendOther(string text)
    {
        if (_other.Length < OtherOutputLimit) _other.Append(text.AsSpan(0, Math.Min(text.Length, OtherOutputLimit - _other.Length)));
    }

    private void Line(string line)
    {
        if (line.StartsWith(ResultTag, StringComparison.Ordinal))
        {
            using var json = JsonDocument.Parse(line[ResultTag.Length..]);
            var name = String(json.RootElement, "name") ?? "";
            // Duplicate names are a harness error in testharness.js; keep both results apart.
            var seen = _names[name] = _names.GetValueOrDefault(name) + 1;
            if (seen > 1) name += $" (#{seen})";
            _subtests.Add(new WptSubtest(name, String(json.RootElement, "status") ?? "?", String(json.RootElement, "message")));
        }
        else if (line.StartsWith(DoneTag, StringComparison.Ordinal) && !Done)
        {
            using var json = JsonDocument.Parse(line[DoneTag.Length..]);
            HarnessMessage = String(json.RootElement, "message");
            HarnessStatus = String(json.RootElement, "status") ?? "?";
        }
        else AppendOther(line + "\n");
    }

    private static string? String(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The result; <paramref name="ending"/> says how the runtime ended when the harness had not completed.</summary>
    public WptFileResult Result(string file, string ending, double seconds)
    {
        if (_pending.Length > 0) Append("\n");
        if (Done) return new WptFileResult(file, _subtests, HarnessStatus!, HarnessMessage, seconds);
        var other = _other.ToString().Trim();
        return new WptFileResult(file, _subtests, WptFileResult.Crash, other.Length == 0 ? ending : $"{ending}: {other}", seconds);
    }
}
