using EsRuntime.Providers;

namespace EsRuntime.Modules;

/// <summary>
/// Turns an import specifier into a canonical module URL (<c>runtime:x</c> or <c>file:///real/path</c>)
/// under the ESM-only rules and the root jail. PLACEHOLDER: being written (see ModuleResolverTests).
/// </summary>
public sealed class ModuleResolver(IModuleSource files, string jailRoot)
{
    public string JailRoot { get; } = jailRoot;

    public string Resolve(string specifier, string? referrerUrl)
    {
        if (specifier.StartsWith("runtime:", StringComparison.Ordinal)) return specifier;
        var basePath = referrerUrl is null ? JailRoot + "/" : new Uri(referrerUrl).LocalPath;
        var uri = new Uri(new Uri("file://" + basePath), specifier);
        var real = files.RealPath(uri.LocalPath) ?? throw new ModuleException($"Module not found \"{uri.AbsoluteUri}\"");
        return new Uri(real).AbsoluteUri;
    }

    /// <summary>The entry's project root: nearest directory with package.json or node_modules, else the entry's directory.</summary>
    public static string FindProjectRoot(IModuleSource files, string entryPath)
    {
        var dir = Path.GetDirectoryName(entryPath)!;
        for (var d = dir; d is not null; d = Path.GetDirectoryName(d))
            if (files.IsFile(Path.Combine(d, "package.json")) || files.IsDirectory(Path.Combine(d, "node_modules"))) return d;
        return dir;
    }
}
