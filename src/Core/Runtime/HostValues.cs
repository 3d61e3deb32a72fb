using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace EsRuntime.Runtime;

/// <summary>
/// The arguments a script passed to a host function, as JSON: each argument is what
/// <c>JSON.stringify</c> makes of it, except that an ArrayBuffer or typed array passed directly as an
/// argument arrives as its bytes (<see cref="GetBytes"/>). Missing arguments read as undefined.
/// </summary>
public sealed class HostArgs
{
    private readonly JsonElement _array;
    private readonly byte[][] _bytes;

    /// <param name="json">A JSON array, one element per argument; a byte argument is <c>{"$bytes": k}</c>, its bytes <paramref name="bytes"/>[k].</param>
    /// <param name="bytes">The byte arguments' contents.</param>
    public HostArgs(string json, IReadOnlyList<byte[]>? bytes = null)
    {
        Json = json;
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Array) throw new ArgumentException("the arguments must be a JSON array", nameof(json));
        _array = document.RootElement.Clone();
        _bytes = bytes is null ? [] : [.. bytes];
    }

    /// <summary>The arguments as the JSON array text they crossed as (what a trace records).</summary>
    public string Json { get; }

    /// <summary>The byte arguments' contents, in argument order.</summary>
    public IReadOnlyList<byte[]> ByteArguments => _bytes;

    /// <summary>How many arguments the script passed.</summary>
    public int Count => _array.GetArrayLength();

    /// <summary>Argument <paramref name="index"/> as JSON; <see cref="JsonValueKind.Undefined"/> past the end.</summary>
    public JsonElement this[int index] => index >= 0 && index < Count ? _array[index] : default;

    /// <summary>A string argument.</summary>
    /// <exception cref="ArgumentException">it is not a string (the script gets a TypeError).</exception>
    public string GetString(int index) => this[index] is { ValueKind: JsonValueKind.String } e ? e.GetString()! : throw Wrong(index, "a string");

    /// <summary>A number argument.</summary>
    /// <exception cref="ArgumentException">it is not a number.</exception>
    public double GetDouble(int index) => this[index] is { ValueKind: JsonValueKind.Number } e ? e.GetDouble() : throw Wrong(index, "a number");

    /// <summary>An integer argument.</summary>
    /// <exception cref="ArgumentException">it is not an integer in range.</exception>
    public int GetInt32(int index) => this[index] is { ValueKind: JsonValueKind.Number } e && e.TryGetInt32(out var n) ? n : throw Wrong(index, "an integer");

    /// <summary>A boolean argument.</summary>
    /// <exception cref="ArgumentException">it is not a boolean.</exception>
    public bool GetBoolean(int index) => this[index].ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Wrong(index, "a boolean"),
    };

    /// <summary>An ArrayBuffer or typed-array argument's bytes.</summary>
    /// <exception cref="ArgumentException">it is not an ArrayBuffer or a typed array.</exception>
    public byte[] GetBytes(int index) =>
        this[index] is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty("$bytes", out var k) && k.TryGetInt32(out var i) && i >= 0 && i < _bytes.Length
            ? _bytes[i]
            : throw Wrong(index, "an ArrayBuffer or a typed array");

    /// <summary>Argument <paramref name="index"/> read as <typeparamref name="T"/> with <paramref name="type"/>.</summary>
    public T? Get<T>(int index, JsonTypeInfo<T> type) => this[index].ValueKind == JsonValueKind.Undefined ? default : this[index].Deserialize(type);

    private static ArgumentException Wrong(int index, string what) => new($"argument {index} must be {what}");
}

/// <summary>
/// What a host function answers: a JSON value (the script gets <c>JSON.parse</c> of it), bytes (a
/// <c>Uint8Array</c>), or undefined. Converts implicitly from strings, numbers, booleans, byte arrays
/// and <see cref="JsonNode"/>s, so a function may simply <c>return 42;</c>.
/// </summary>
public readonly struct HostValue
{
    private HostValue(string? json, byte[]? bytes)
    {
        Json = json;
        Bytes = bytes;
    }

    /// <summary>The JSON text, or null (bytes or undefined).</summary>
    public string? Json { get; }

    /// <summary>The bytes, or null (JSON or undefined).</summary>
    public byte[]? Bytes { get; }

    /// <summary>Whether the script gets undefined.</summary>
    public bool IsUndefined => Json is null && Bytes is null;

    /// <summary>The script gets undefined.</summary>
    public static HostValue Undefined => default;

    /// <summary>A value given as JSON text (checked to be JSON).</summary>
    /// <exception cref="JsonException">the text is not one JSON value.</exception>
    public static HostValue FromJson(string json)
    {
        using (JsonDocument.Parse(json)) { }
        return new(json, null);
    }

    /// <summary>A value written as JSON with <paramref name="type"/> (trimming- and AOT-safe).</summary>
    public static HostValue From<T>(T value, JsonTypeInfo<T> type) => new(JsonSerializer.Serialize(value, type), null);

    /// <summary>Bytes: the script gets a new <c>Uint8Array</c>.</summary>
    public static HostValue FromBytes(byte[] bytes) => new(null, bytes ?? throw new ArgumentNullException(nameof(bytes)));

    /// <summary>A JS string (null: JSON null).</summary>
    public static implicit operator HostValue(string? value) => new(value is null ? "null" : JsonSerializer.Serialize(value, HostJson.Default.String), null);

    /// <summary>A JS number (NaN and the infinities become null, as <c>JSON.stringify</c> makes them).</summary>
    public static implicit operator HostValue(double value) =>
        new(double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "null", null);

    /// <summary>A JS number.</summary>
    public static implicit operator HostValue(long value) => new(value.ToString(CultureInfo.InvariantCulture), null);

    /// <summary>A JS number.</summary>
    public static implicit operator HostValue(int value) => new(value.ToString(CultureInfo.InvariantCulture), null);

    /// <summary>A JS boolean.</summary>
    public static implicit operator HostValue(bool value) => new(value ? "true" : "false", null);

    /// <summary>A <c>Uint8Array</c> of these bytes.</summary>
    public static implicit operator HostValue(byte[] value) => FromBytes(value);

    /// <summary>A JSON value (null: JSON null).</summary>
    public static implicit operator HostValue(JsonNode? value) => new(value?.ToJsonString() ?? "null", null);
}

[JsonSerializable(typeof(string))]
internal sealed partial class HostJson : JsonSerializerContext;
