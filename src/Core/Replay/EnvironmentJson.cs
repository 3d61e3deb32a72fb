using System.Text;
using System.Text.Json;

namespace EsRuntime.Replay;

/// <summary>The environment as a ProcessEnvironment event holds it: a JSON object of strings, keys sorted.</summary>
internal static class EnvironmentJson
{
    public static string Write(IReadOnlyDictionary<string, string> environment)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (key, value) in environment.OrderBy(p => p.Key, StringComparer.Ordinal)) json.WriteString(key, value);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <exception cref="TraceFormatException">the text is not such an object.</exception>
    public static IReadOnlyDictionary<string, string> Parse(string? text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text ?? "");
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in doc.RootElement.EnumerateObject()) result[p.Name] = p.Value.GetString() ?? "";
            return result;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new TraceFormatException("the recorded environment is not valid: " + e.Message);
        }
    }
}
