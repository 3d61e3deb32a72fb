using System.Text.Json.Serialization;

namespace EsRuntime.Engine;

/// <summary>Source-generated JSON for the few strings the engine quotes into JS (AOT-safe).</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class EngineJson : JsonSerializerContext;
