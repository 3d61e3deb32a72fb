using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace EsRuntime.Providers.Sim;

/// <summary>
/// The trace of a whole simulated system: "ESRUNSYS", a format version, a JSON header (seed, faults,
/// hosts, which host each incarnation ran, the outcome), then one standard trace per incarnation (each
/// replayable alone) and the driver's step log, all length-prefixed and deflated. A replay runs every
/// incarnation from its own trace, stepping them in the logged order, so the interleaved output is the
/// same byte for byte, with no network, disk or clock.
/// </summary>
public static class SystemTrace
{
    private static readonly byte[] Magic = "ESRUNSYS"u8.ToArray();
    private const ushort Version = 1;

    /// <summary>The facts of a system run the replay needs, and its recorded outcome to compare with.</summary>
    public sealed record Header(
        ulong Seed,
        string? Faults,
        string? Schedule,
        string Locale,
        double TimeLimitMs,
        int Capabilities,
        IReadOnlyList<string> Hosts,
        IReadOnlyList<int> Incarnations,
        int ExitCode,
        string? FailedHost,
        IReadOnlyList<string> Fired,
        string SimulatedMs);

    /// <summary>Whether <paramref name="prefix"/> (a file's first bytes) starts a system trace.</summary>
    public static bool Is(ReadOnlySpan<byte> prefix) => prefix.StartsWith(Magic);

    internal static byte[] Write(Header header, IReadOnlyList<byte[]> traces, byte[] steps)
    {
        using var buffer = new MemoryStream();
        buffer.Write(Magic);
        buffer.Write(BitConverter.GetBytes(Version));
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        using (var writer = new BinaryWriter(deflate))
        {
            var json = HeaderJson(header);
            writer.Write7BitEncodedInt(json.Length);
            writer.Write(json);
            foreach (var trace in traces)
            {
                writer.Write7BitEncodedInt(trace.Length);
                writer.Write(trace);
            }
            writer.Write7BitEncodedInt(steps.Length);
            writer.Write(steps);
        }
        return buffer.ToArray();
    }

    /// <exception cref="FormatException">not a system trace, another version, or damaged.</exception>
    internal static (Header Header, IReadOnlyList<byte[]> Traces, byte[] Steps) Read(byte[] file)
    {
        if (!Is(file) || file.Length < Magic.Length + 2) throw new FormatException("not an esrun system trace");
        var version = BitConverter.ToUInt16(file, Magic.Length);
        if (version != Version) throw new FormatException($"system trace format {version} is not supported (this esrun reads {Version})");
        try
        {
            using var deflate = new DeflateStream(new MemoryStream(file, Magic.Length + 2, file.Length - Magic.Length - 2), CompressionMode.Decompress);
            using var reader = new BinaryReader(deflate);
            var header = ParseHeader(reader.ReadBytes(reader.Read7BitEncodedInt()));
            var traces = new List<byte[]>();
            for (var i = 0; i < header.Incarnations.Count; i++) traces.Add(reader.ReadBytes(reader.Read7BitEncodedInt()));
            var steps = reader.ReadBytes(reader.Read7BitEncodedInt());
            return (header, traces, steps);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException("the system trace is damaged: " + e.Message, e);
        }
    }

    private static byte[] HeaderJson(Header h)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("seed", h.Seed);
            json.WriteString("faults", h.Faults);
            json.WriteString("schedule", h.Schedule);
            json.WriteString("locale", h.Locale);
            json.WriteNumber("timeLimitMs", h.TimeLimitMs);
            json.WriteNumber("capabilities", h.Capabilities);
            json.WriteStartArray("hosts");
            foreach (var name in h.Hosts) json.WriteStringValue(name);
            json.WriteEndArray();
            json.WriteStartArray("incarnations");
            foreach (var host in h.Incarnations) json.WriteNumberValue(host);
            json.WriteEndArray();
            json.WriteNumber("exitCode", h.ExitCode);
            json.WriteString("failedHost", h.FailedHost);
            json.WriteStartArray("fired");
            foreach (var f in h.Fired) json.WriteStringValue(f);
            json.WriteEndArray();
            json.WriteString("simulatedMs", h.SimulatedMs);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static Header ParseHeader(byte[] bytes)
    {
        using var doc = JsonDocument.Parse(bytes);
        var r = doc.RootElement;
        string? Text(string name) => r.GetProperty(name).ValueKind == JsonValueKind.Null ? null : r.GetProperty(name).GetString();
        return new Header(
            r.GetProperty("seed").GetUInt64(),
            Text("faults"),
            Text("schedule"),
            Text("locale") ?? "en-US",
            r.GetProperty("timeLimitMs").GetDouble(),
            r.GetProperty("capabilities").GetInt32(),
            r.GetProperty("hosts").EnumerateArray().Select(e => e.GetString() ?? "").ToList(),
            r.GetProperty("incarnations").EnumerateArray().Select(e => e.GetInt32()).ToList(),
            r.GetProperty("exitCode").GetInt32(),
            Text("failedHost"),
            r.GetProperty("fired").EnumerateArray().Select(e => e.GetString() ?? "").ToList(),
            Text("simulatedMs") ?? "");
    }

    /// <summary>A readable summary of a system trace's header (for <c>esrun trace</c>).</summary>
    public static string Describe(byte[] file)
    {
        var (h, traces, steps) = Read(file);
        var text = new StringBuilder();
        text.Append($"system trace: seed {h.Seed}, {h.Hosts.Count} hosts ({string.Join(", ", h.Hosts)}), {h.Incarnations.Count} runs, ");
        text.Append($"{StepLog.Read(steps).Count()} steps, {h.SimulatedMs} simulated ms, exit code {h.ExitCode}");
        text.Append(h.FailedHost is null ? "\n" : $" (failed: {h.FailedHost})\n");
        text.Append($"faults: {h.Faults ?? "a schedule"}; {h.Fired.Count} fired\n");
        foreach (var f in h.Fired) text.Append("  ").Append(f).Append('\n');
        for (var i = 0; i < traces.Count; i++) text.Append($"  run {i}: host {h.Hosts[h.Incarnations[i]]}, {traces[i].Length} trace bytes\n");
        return text.ToString();
    }
}
