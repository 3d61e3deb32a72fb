using System.Text;
using System.Text.Json;

namespace EsRuntime.Cli.Trace;

/// <summary>
/// The timeline as JSON, for tools (`--json`) and for the HTML page. Written with Utf8JsonWriter (no
/// reflection: the CLI is published with Native AOT); its default encoder escapes &lt;, &gt; and &amp;,
/// so the text is safe inside a &lt;script&gt; element. The environment is not in the header (a trace
/// holds it only as the payload of the event that read it, and this view leaves payload bytes out).
/// </summary>
internal static class TimelineJson
{
    private const int MaxBytesShown = 4096;

    public static string Render(Timeline timeline, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            json.WriteStartObject();
            WriteHeader(json, timeline);
            json.WriteStartArray("hosts");
            foreach (var host in timeline.Hosts) json.WriteStringValue(host);
            json.WriteEndArray();
            json.WriteStartArray("events");
            foreach (var e in timeline.Entries) WriteEntry(json, e);
            json.WriteEndArray();
            json.WriteStartObject("end");
            json.WriteBoolean("truncated", timeline.Truncated);
            if (timeline.ExitCode is { } code) json.WriteNumber("exitCode", code);
            else json.WriteNull("exitCode");
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteHeader(Utf8JsonWriter json, Timeline timeline)
    {
        var h = timeline.Header;
        json.WriteStartObject("header");
        json.WriteString("esrunVersion", h.EsrunVersion);
        json.WriteString("mode", h.Mode);
        json.WriteString("program", h.MainPath);
        json.WriteString("evalCode", h.EvalCode);
        json.WriteStartArray("scriptArgs");
        foreach (var arg in h.ScriptArgs) json.WriteStringValue(arg);
        json.WriteEndArray();
        json.WriteString("cwd", h.Cwd);
        json.WriteString("platform", h.Platform);
        json.WriteString("arch", h.Arch);
        json.WriteString("timeZone", h.TimeZone);
        json.WriteString("capabilities", h.Capabilities.ToString());
        if (h.Seed is { } seed) json.WriteNumber("seed", seed);
        else json.WriteNull("seed");
        json.WriteString("locale", h.Locale);
        json.WriteEndObject();
    }

    private static void WriteEntry(Utf8JsonWriter json, TimelineEntry entry)
    {
        var e = entry.Event;
        json.WriteStartObject();
        json.WriteNumber("index", entry.Index);
        json.WriteNumber("timeMs", Math.Round(entry.TimeMs, 3));
        json.WriteString("host", entry.Host);
        json.WriteString("lane", entry.Lane);
        json.WriteString("kind", entry.Kind);
        json.WriteString("description", entry.Description);
        if (e.Argument is not null) json.WriteString("argument", e.Argument);
        if (e.Text is not null) json.WriteString("text", e.Text);
        if (e.Number != 0) json.WriteNumber("number", e.Number);
        if (e.Bytes is { } bytes)
        {
            json.WriteNumber("byteLength", bytes.Length);
            json.WriteString("bytesHex", Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, MaxBytesShown))));
        }
        json.WriteEndObject();
    }
}
