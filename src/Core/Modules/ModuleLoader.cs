using EsRuntime.Engine;
using EsRuntime.Providers;

namespace EsRuntime.Modules;

/// <summary>
/// Serves modules to the engine: <c>runtime:</c> built-ins from embedded sources, files through the
/// jailed filesystem provider. It reads only the canonical path the jailed resolver returned — never a
/// path from a specifier. Keeps every source it served, for error code frames.
/// </summary>
internal sealed class ModuleLoader(ModuleResolver resolver, IFileSystem files) : IModuleHost
{
    private readonly Dictionary<string, string> _sources = new(StringComparer.Ordinal);   // as served (rewritten)
    private readonly Dictionary<string, string> _originals = new(StringComparer.Ordinal); // as written, for code frames
    private readonly Dictionary<string, string> _virtual = new(StringComparer.Ordinal);
    private readonly HashSet<string> _privileged = new(StringComparer.Ordinal);

    public ModuleResolver Resolver => resolver;

    /// <summary>Adds an in-memory module (the -e snippet) under a file: URL.</summary>
    public void AddVirtual(string url, string code) => _virtual[url] = code;

    /// <summary>Adds an in-memory module that may see the runtime internals (an embedder's <c>host:</c> module), imported by its exact URL.</summary>
    public void AddPrivileged(string url, string code)
    {
        _virtual[url] = code;
        _privileged.Add(url);
    }

    public string Resolve(string specifier, string? referrerUrl) =>
        _virtual.ContainsKey(specifier) ? specifier : resolver.Resolve(specifier, referrerUrl);

    public ModuleSource Load(string specifier, string? referrerUrl)
    {
        var module = _virtual.ContainsKey(specifier) ? new ResolvedModule(specifier, null) : resolver.ResolveModule(specifier, referrerUrl);
        var url = module.Url;
        if (_sources.TryGetValue(url, out var known)) return new ModuleSource(url, known);
        string text;
        if (_virtual.TryGetValue(url, out var snippet)) text = snippet;
        else if (module.FilePath is null) text = BuiltinModules.Source(url);
        else text = files.ReadText(module.FilePath) ?? throw new ModuleException($"Cannot read module \"{url}\"");
        var code = DynamicImportRewriter.Rewrite(text);
        _originals[url] = text;
        _sources[url] = code;
        return new ModuleSource(url, code);
    }

    public bool IsPrivileged(string url) => BuiltinModules.IsBuiltin(url) || _privileged.Contains(url);

    /// <summary>Line <paramref name="line"/> (1-based) of a served module, by URL or by the file path V8 printed.</summary>
    public string? SourceLine(string location, int line)
    {
        if (!_originals.TryGetValue(location, out var code) &&
            !(location.StartsWith('/') && _originals.TryGetValue(new Uri("file://" + location).AbsoluteUri, out code)))
            return null;
        var lines = code.Split('\n');
        return line >= 1 && line <= lines.Length ? lines[line - 1].TrimEnd('\r') : null;
    }
}
