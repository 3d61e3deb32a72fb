using System.Text.Json;
using EsRuntime.Providers;

namespace EsRuntime.Modules;

/// <summary>
/// The package.json fields the resolver reads. Parsed with <see cref="JsonDocument"/> (no reflection, so
/// Native-AOT safe); the root element is cloned so the document can be disposed at once.
/// </summary>
internal sealed class PackageJson
{
    private readonly JsonElement _root;

    private PackageJson(string filePath, JsonElement root)
    {
        FilePath = filePath;
        Directory = Path.GetDirectoryName(filePath)!;
        _root = root;
    }

    public string FilePath { get; }

    /// <summary>The package directory (the folder holding this package.json).</summary>
    public string Directory { get; }

    public string? Name => Text("name");

    public string? Main => Text("main");

    /// <summary>The bundlers' ESM entry point; esrun treats a package that has one as ESM.</summary>
    public string? Module => Text("module");

    public bool IsModuleType => Text("type") == "module";

    public JsonElement? Exports => Field("exports");

    public JsonElement? Imports => Field("imports");

    /// <summary>Reads <c>dir/package.json</c>; null when there is none. A file that cannot be read or parsed
    /// is an error (<paramref name="fail"/> builds it with the import's context).</summary>
    /// <remarks>A package.json that is a symlink leading out of the jail is refused unread; a parse error
    /// names the line and column, never the file's content.</remarks>
    public static PackageJson? Read(IFileSystem files, string dir, Func<string, ModuleException> fail)
    {
        var path = Path.Combine(dir, "package.json");
        var location = files.Locate(path);
        if (location.OutsideJail) throw fail($"{path} leads outside the root jail {files.Root}");
        if (location.Kind != FsNodeKind.File) return null;
        var text = files.ReadText(location.RealPath!) ?? throw fail($"{path} could not be read");
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw fail($"{path} is not a JSON object");
            return new PackageJson(path, doc.RootElement.Clone());
        }
        catch (JsonException e)
        {
            throw fail($"{path} is not valid JSON (at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1} of the line)");
        }
    }

    private JsonElement? Field(string name) =>
        _root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Undefined ? value : null;

    /// <summary>A non-empty string field, else null (a wrong type is treated as absent, as Node does for main).</summary>
    private string? Text(string name) =>
        Field(name) is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } s ? s : null;
}
