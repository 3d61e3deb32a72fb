namespace EsRuntime.Modules;

/// <summary>The <c>runtime:</c> modules, served from sources embedded in this assembly.</summary>
public static class BuiltinModules
{
    private static readonly string[] Names = ["process", "path"];

    public static bool IsBuiltin(string url) => url.StartsWith("runtime:", StringComparison.Ordinal);

    public static string Source(string url)
    {
        var name = url["runtime:".Length..];
        if (Array.IndexOf(Names, name) < 0)
            throw new ModuleException($"Unknown built-in module \"{url}\" (available: {string.Join(", ", Names.Select(n => "runtime:" + n))})");
        return EmbeddedText.Read($"Host/{name}/{name}.js");
    }
}
