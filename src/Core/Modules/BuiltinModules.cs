namespace EsRuntime.Modules;

/// <summary>The <c>runtime:</c> modules, served from sources embedded in this assembly.</summary>
internal static class BuiltinModules
{
    private static readonly string[] Names = ["process", "path", "fs", "net", "http", "sim"];

    /// <summary>The available modules, for messages.</summary>
    public static string List => string.Join(", ", Names.Select(n => "runtime:" + n));

    /// <summary>Whether <paramref name="url"/> is a canonical built-in URL (as the resolver returns them).</summary>
    public static bool IsBuiltin(string url) => url.StartsWith("runtime:", StringComparison.Ordinal) && IsKnown(url["runtime:".Length..]);

    public static bool IsKnown(string name) => Array.IndexOf(Names, name) >= 0;

    public static string Source(string url)
    {
        var name = url["runtime:".Length..];
        if (!IsKnown(name)) throw new ModuleException($"Unknown built-in module \"{url}\" (available: {List})");
        return EmbeddedText.Read($"Host/{name}/{name}.js");
    }
}
