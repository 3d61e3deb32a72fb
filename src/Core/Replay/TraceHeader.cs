using System.Text;
using System.Text.Json;
using EsRuntime.Capabilities;

namespace EsRuntime.Replay;

/// <summary>
/// The facts of a run fixed before it starts: enough to run it again elsewhere. The environment is not
/// one of them: it is recorded as an event when, and only if, the program reads it (which needs the
/// Env capability), so a trace of a run under --deny env holds no environment variable.
/// <see cref="MaxMemoryMiB"/> is the --max-memory the run had (null: the default limits).
/// </summary>
public sealed record TraceHeader(
    string EsrunVersion,
    string Mode,
    IReadOnlyList<string> Argv,
    string? MainPath,
    string? EvalCode,
    IReadOnlyList<string> ScriptArgs,
    string Cwd,
    string Platform,
    string Arch,
    string TimeZone,
    string Locale,
    Capability Capabilities,
    ulong? Seed,
    string? Root = null,
    int? MaxMemoryMiB = null)
{
    /// <summary>The header as UTF-8 JSON, as it is stored at the start of a trace (<see cref="FromJson"/> reads it back).</summary>
    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("esrunVersion", EsrunVersion);
            json.WriteString("mode", Mode);
            WriteArray(json, "argv", Argv);
            json.WriteString("mainPath", MainPath);
            json.WriteString("evalCode", EvalCode);
            WriteArray(json, "scriptArgs", ScriptArgs);
            json.WriteString("cwd", Cwd);
            json.WriteString("platform", Platform);
            json.WriteString("arch", Arch);
            json.WriteString("timeZone", TimeZone);
            json.WriteString("locale", Locale);
            json.WriteString("capabilities", Capabilities.ToString());
            if (Seed is { } seed) json.WriteNumber("seed", seed); else json.WriteNull("seed");
            json.WriteString("root", Root);
            if (MaxMemoryMiB is { } memory) json.WriteNumber("maxMemoryMiB", memory); else json.WriteNull("maxMemoryMiB");
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WriteArray(Utf8JsonWriter json, string name, IEnumerable<string> items)
    {
        json.WriteStartArray(name);
        foreach (var item in items) json.WriteStringValue(item);
        json.WriteEndArray();
    }

    /// <exception cref="TraceFormatException">the JSON is not a header.</exception>
    public static TraceHeader FromJson(ReadOnlySpan<byte> utf8)
    {
        try
        {
            using var doc = JsonDocument.Parse(utf8.ToArray());
            var root = doc.RootElement;
            string Str(string name) => root.GetProperty(name).GetString() ?? throw new TraceFormatException($"header field '{name}' is null");
            string? OptStr(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            List<string> Arr(string name) => root.GetProperty(name).EnumerateArray().Select(e => e.GetString() ?? "").ToList();
            if (!Enum.TryParse<Capability>(Str("capabilities"), out var caps)) throw new TraceFormatException("header has unknown capabilities");
            var seed = root.TryGetProperty("seed", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetUInt64() : (ulong?)null;
            var memory = root.TryGetProperty("maxMemoryMiB", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt32() : (int?)null;
            return new TraceHeader(Str("esrunVersion"), Str("mode"), Arr("argv"), OptStr("mainPath"), OptStr("evalCode"), Arr("scriptArgs"),
                Str("cwd"), Str("platform"), Str("arch"), Str("timeZone"), Str("locale"), caps, seed, OptStr("root"), memory);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new TraceFormatException("the trace header is not valid: " + e.Message);
        }
    }

    /// <summary>A few human-readable lines: version, mode and seed, the program, cwd, platform, time zone and locale, capabilities and memory limit.</summary>
    public string Summary()
    {
        var text = new StringBuilder();
        text.AppendLine($"esrun {EsrunVersion}, mode {Mode}{(Seed is { } s ? $", seed {s}" : "")}");
        text.AppendLine($"program: {(MainPath ?? "-e " + EvalCode)} {string.Join(' ', ScriptArgs)}".TrimEnd());
        text.AppendLine($"cwd: {Cwd}  platform: {Platform}/{Arch}  time zone: {TimeZone}  locale: {Locale}");
        text.AppendLine($"capabilities: {Capabilities}{(MaxMemoryMiB is { } memory ? $"  max memory: {memory} MiB" : "")}");
        return text.ToString();
    }
}
