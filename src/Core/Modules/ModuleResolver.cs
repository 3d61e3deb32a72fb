using System.Text;
using EsRuntime.Providers;
using EsRuntime.Web.Url;

namespace EsRuntime.Modules;

/// <summary>
/// Turns an import specifier into a canonical module (<c>runtime:x</c> or <c>file:///real/path</c>)
/// under the ESM-only rules and the root jail. Specifiers are parsed as URLs by the URL Standard's
/// parser, so scheme handling is the URL parser's (case-insensitive, as everywhere on the web). Every
/// file access goes through the jailed <see cref="IFileSystem"/>, which never reports what lies
/// outside the root. Errors are <see cref="ModuleException"/>s whose message names the specifier, the
/// importer and why.
/// </summary>
internal sealed class ModuleResolver(IFileSystem files)
{
    /// <summary>The jail root's canonical real path: every resolved module must be inside it.</summary>
    public string JailRoot { get; } = TrimSeparator(files.Root);

    /// <summary>How a file was reached; decides the wording of the CommonJS refusal and the "module" field allowance.</summary>
    private enum Origin { File, Package, ModuleField }

    /// <param name="specifier">The text in the import statement, or the entry path.</param>
    /// <param name="referrerUrl">The importing module's URL; null for the entry point, whose specifier is an
    /// absolute path, a file: URL, or a path relative to the jail root.</param>
    /// <returns>The module's canonical URL (a known <c>runtime:</c> module or a file inside the jail).</returns>
    public string Resolve(string specifier, string? referrerUrl) => ResolveModule(specifier, referrerUrl).Url;

    /// <summary>As <see cref="Resolve"/>, with the canonical file path the loader may read (null for a built-in).</summary>
    public ResolvedModule ResolveModule(string specifier, string? referrerUrl)
    {
        var request = new Request(specifier, referrerUrl);
        var scheme = UrlScheme(specifier);
        switch (scheme)
        {
            case "runtime": return Builtin(request);
            case "node":
                throw request.Fail("Node.js builtins are not supported (esrun is ESM-only with no Node compatibility); use runtime: modules and web APIs instead");
            case "file": break;
            case "host":
                throw request.Fail("there is no host module by that name (host: modules are the ones the embedder registered in RuntimeOptions.HostModules)");
            case not null:
                throw request.Fail($"{scheme}: imports are not supported (esrun loads local files only: no remote or URL-scheme imports)");
        }

        if (referrerUrl is null)
        {
            // The entry comes from the command line: a host path (not URL-decoded) or a file: URL.
            var entry = scheme is null ? Path.GetFullPath(specifier, JailRoot) : UrlPath(request, DirectoryUrl(JailRoot), specifier);
            return Finish(request, entry, Origin.File);
        }

        var referrerPath = ReferrerPath(request);
        if (scheme == "file" || IsPathLike(specifier))
            return Finish(request, UrlPath(request, referrerUrl, specifier), Origin.File);
        if (specifier.StartsWith('#'))
            return ResolvePackageImport(request, Path.GetDirectoryName(referrerPath)!);
        return ResolveBare(request, specifier, Path.GetDirectoryName(referrerPath)!);
    }

    /// <summary>A <c>runtime:</c> specifier as the URL parser reads it: a known built-in, named by its path.</summary>
    private static ResolvedModule Builtin(Request request)
    {
        var url = UrlParser.Parse(request.Specifier);
        var name = url.IsNull ? "" : url.Path.ToString();
        if (url.IsNull || url.HasHost || url.HasQuery || url.HasFragment || !BuiltinModules.IsKnown(name))
            throw request.Fail($"there is no built-in module by that name (available: {BuiltinModules.List})");
        return new ResolvedModule("runtime:" + name, null);
    }

    // ---- bare specifiers: pkg, pkg/sub, @scope/pkg, @scope/pkg/sub ----

    private ResolvedModule ResolveBare(Request request, string specifier, string fromDir)
    {
        var (name, subpath) = ParsePackageName(request, specifier);

        // A package may import itself by name through its own "exports" (Node's self-reference).
        var scope = NearestPackageJson(request, fromDir);
        if (scope is { Exports: not null } && scope.Name == name)
            return ResolveInPackage(request, scope.Directory, scope, subpath);

        for (var dir = fromDir; dir is not null && IsInside(dir, JailRoot); dir = Path.GetDirectoryName(dir))
        {
            if (Path.GetFileName(dir) == "node_modules") continue;
            var candidate = Path.Combine(dir, "node_modules", name);
            var location = files.Locate(candidate);
            // A package that is a symlink to elsewhere is refused before anything is read from it.
            if (location.OutsideJail) throw request.Fail(OutsideJail(candidate));
            if (location.Kind != FsNodeKind.Directory) continue;
            var packageDir = location.RealPath!;
            if (!IsInside(packageDir, JailRoot)) throw request.Fail(OutsideJail(candidate));
            return ResolveInPackage(request, packageDir, PackageJson.Read(files, packageDir, request.Fail), subpath);
        }

        var hint = name.EndsWith(".js", StringComparison.Ordinal) || name.EndsWith(".mjs", StringComparison.Ordinal)
            ? " (relative imports must start with \"./\" or \"../\")" : "";
        throw request.Fail($"package \"{name}\" was not found in any node_modules from {fromDir} up to the root jail {JailRoot}{hint}");
    }

    /// <summary>Splits "@scope/pkg/sub" into ("@scope/pkg", "./sub"); the subpath of the package root is ".".</summary>
    private static (string Name, string Subpath) ParsePackageName(Request request, string specifier)
    {
        var slash = specifier.IndexOf('/');
        if (specifier.StartsWith('@'))
            slash = slash <= 1 ? -2 : specifier.IndexOf('/', slash + 1);
        var name = slash == -1 ? specifier : slash == -2 ? "" : specifier[..slash];
        if (name.Length == 0 || name.StartsWith('.') || name.EndsWith('/') || name.Contains('\\') || name.Contains('%'))
            throw request.Fail($"\"{specifier}\" is not a valid package name (relative imports must start with \"./\" or \"../\")");
        return (name, "." + specifier[name.Length..]);
    }

    private ResolvedModule ResolveInPackage(Request request, string packageDir, PackageJson? package, string subpath)
    {
        // "exports" is authoritative: what it does not list is not importable.
        if (package?.Exports is { } exports)
        {
            var target = PackageExports.ResolveExports(exports, subpath, why => request.Fail($"{why} (in {package.FilePath})"))
                ?? throw new ModuleException($"Package subpath '{subpath}' is not defined by \"exports\" in {package.FilePath} imported from {request.Importer}");
            return Finish(request, TargetPath(request, packageDir, target), Origin.Package);
        }

        if (subpath != ".")
        {
            var path = UrlPath(request, DirectoryUrl(packageDir), subpath);
            if (!IsInside(path, packageDir)) throw request.Fail($"{path} is outside the package {packageDir}");
            return Finish(request, path, Origin.Package);
        }

        // The package root without "exports": bundlers' "module", then "main" or index.js of an ESM package.
        if (package?.Module is { } module) return Finish(request, LegacyMain(packageDir, module), Origin.ModuleField);
        var isEsm = package?.IsModuleType == true;
        if (package?.Main is { } main && (isEsm || main.EndsWith(".mjs", StringComparison.Ordinal)))
            return Finish(request, LegacyMain(packageDir, main), Origin.Package);
        if (isEsm) return Finish(request, Path.Combine(packageDir, "index.js"), Origin.Package);

        var commonJs = package?.Main is { } cjsMain ? LegacyMain(packageDir, cjsMain) : Path.Combine(packageDir, "index.js");
        throw request.Fail(CommonJsPackage(commonJs));
    }

    /// <summary>"main"/"module" as Node reads "main": the file itself, else with ".js", else its index.js.</summary>
    private string LegacyMain(string packageDir, string field)
    {
        var path = Path.GetFullPath(field, packageDir);
        foreach (var candidate in new[] { path, path + ".js", Path.Combine(path, "index.js") })
            if (files.Locate(candidate).Kind == FsNodeKind.File) return candidate;
        return path;
    }

    /// <summary>A "./x" target from exports/imports, as a path inside the package (URL-decoded).</summary>
    private static string TargetPath(Request request, string packageDir, string target) =>
        UrlPath(request, DirectoryUrl(packageDir), target);

    // ---- "#name" specifiers: the importing package's own "imports" map ----

    private ResolvedModule ResolvePackageImport(Request request, string fromDir)
    {
        var specifier = request.Specifier;
        if (specifier == "#" || specifier.StartsWith("#/", StringComparison.Ordinal))
            throw request.Fail("\"#\" and \"#/\" are not valid package import specifiers");
        var scope = NearestPackageJson(request, fromDir);
        if (scope?.Imports is { } imports)
        {
            var target = PackageExports.ResolveImports(imports, specifier, why => request.Fail($"{why} (in {scope.FilePath})"));
            if (target is not null)
                return target.StartsWith("./", StringComparison.Ordinal)
                    ? Finish(request, TargetPath(request, scope.Directory, target), Origin.File)
                    : ResolveBare(request, target, scope.Directory);
        }
        var where = scope?.FilePath ?? $"any package.json above {fromDir}";
        throw new ModuleException($"Package import specifier \"{specifier}\" is not defined by \"imports\" in {where} imported from {request.Importer}");
    }

    // ---- the checks every file goes through ----

    /// <summary>
    /// Canonicalises the path through the jailed filesystem, enforces the ESM-only rule, and returns the
    /// module. A path the filesystem says leads out (by "..", an absolute path or any symlink on the
    /// way) is refused without a word about what is outside.
    /// </summary>
    private ResolvedModule Finish(Request request, string path, Origin origin)
    {
        var location = files.Locate(path);
        if (location.OutsideJail) throw request.Fail(OutsideJail(path));
        if (location.Kind == FsNodeKind.Missing) throw NotFound(request, path);
        var real = location.RealPath!;
        if (!IsInside(real, JailRoot)) throw request.Fail(OutsideJail(path));
        if (location.Kind == FsNodeKind.Directory)
            throw request.Fail($"{real} is a directory, not a module file (esrun does not look for index files: import the file itself, e.g. \"{request.Specifier.TrimEnd('/')}/index.js\")");
        if (location.Kind != FsNodeKind.File) throw NotFound(request, path);
        CheckEsm(request, real, origin);
        return new ResolvedModule(ToUrl(real), real);
    }

    private void CheckEsm(Request request, string real, Origin origin)
    {
        switch (Path.GetExtension(real))
        {
            case ".mjs":
                return;
            case ".cjs":
                throw request.Fail(origin == Origin.File
                    ? $"{real} is a CommonJS file (.cjs); esrun runs ES modules only"
                    : CommonJsPackage(real));
            case ".js":
                // A .js file is CommonJS when its package scope does not say "type": "module". A package that
                // ships a bundlers' "module" entry counts as ESM, and so does a loose script (not a package) with no package.json.
                if (origin == Origin.ModuleField) return;
                var scope = NearestPackageJson(request, Path.GetDirectoryName(real)!);
                if (scope is null ? origin == Origin.File : scope.IsModuleType || scope.Module is not null) return;
                if (origin != Origin.File || scope is null) throw request.Fail(CommonJsPackage(real));
                throw request.Fail($"{real} is CommonJS: its nearest package.json, {scope.FilePath}, does not say \"type\": \"module\"; esrun runs ES modules only (add \"type\": \"module\" there or rename the file to .mjs)");
            default:
                throw request.Fail($"{real} is not a JavaScript module: esrun runs JavaScript modules only (.js, .mjs; JSON modules are not supported)");
        }
    }

    private static string CommonJsPackage(string path) =>
        $"it resolves to a CommonJS package ({path}); esrun runs ES modules only";

    private string OutsideJail(string path) => $"{path} leads outside the root jail {JailRoot}";

    private ModuleException NotFound(Request request, string path)
    {
        // No extension guessing, but say what the user probably meant.
        var hint = "";
        foreach (var extension in new[] { ".js", ".mjs" })
            if (!path.EndsWith(extension, StringComparison.Ordinal) && files.Locate(path + extension).Kind == FsNodeKind.File)
            {
                hint = $" (esrun does not add extensions: did you mean \"{request.Specifier}{extension}\"?)";
                break;
            }
        var from = request.Referrer is null ? "(entry point)" : $"imported from {request.Referrer}";
        return new ModuleException($"Module not found \"{ToUrl(path)}\" {from}{hint}");
    }

    /// <summary>The package scope of a directory: the nearest package.json inside the jail, not crossing node_modules.</summary>
    private PackageJson? NearestPackageJson(Request request, string dir)
    {
        for (var d = dir; d is not null && IsInside(d, JailRoot); d = Path.GetDirectoryName(d))
        {
            if (Path.GetFileName(d) == "node_modules") return null;
            if (PackageJson.Read(files, d, request.Fail) is { } package) return package;
        }
        return null;
    }

    // ---- paths and URLs ----

    private static bool IsPathLike(string specifier) =>
        specifier is "." or ".." || specifier.StartsWith("./", StringComparison.Ordinal)
        || specifier.StartsWith("../", StringComparison.Ordinal) || specifier.StartsWith('/');

    /// <summary>The lower-cased URL scheme, or null. One letter is not a scheme (a Windows drive).</summary>
    private static string? UrlScheme(string specifier)
    {
        var colon = specifier.IndexOf(':');
        if (colon < 2 || !char.IsAsciiLetter(specifier[0])) return null;
        for (var i = 1; i < colon; i++)
            if (!char.IsAsciiLetterOrDigit(specifier[i]) && specifier[i] is not ('+' or '-' or '.')) return null;
        return specifier[..colon].ToLowerInvariant();
    }

    /// <summary>Resolves a relative/absolute/file: specifier with the URL parser (".." folding, decoding) to a host path.</summary>
    private static string UrlPath(Request request, string baseUrl, string specifier)
    {
        // As in Node: an encoded "/" or "\" would smuggle a separator past the checks.
        if (specifier.Contains("%2f", StringComparison.OrdinalIgnoreCase) || specifier.Contains("%5c", StringComparison.OrdinalIgnoreCase))
            throw request.Fail("a module path must not contain an encoded \"/\" or \"\\\"");
        var url = UrlParser.Parse(specifier, baseUrl);
        if (url.IsNull) throw request.Fail("it is not a valid path or URL");
        return FilePath(request, url) ?? throw request.Fail("only local file: URLs (without a host) can be imported");
    }

    /// <summary>A file: URL's path, percent-decoded; null for another scheme or a host.</summary>
    private static string? FilePath(Request request, in UrlRecord url)
    {
        if (!url.Scheme.SequenceEqual("file") || (url.Host.Length > 0 && !url.Host.SequenceEqual("localhost"))) return null;
        var path = PercentDecode(url.Path);
        if (path.Contains('\0')) throw request.Fail("a module path must not contain a NUL character");
        return path;
    }

    private static string PercentDecode(ReadOnlySpan<char> text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Slice(i + 1, 2).ToString(), 16));
                i += 2;
            }
            else if (text[i] < 0x80) bytes.Add((byte)text[i]);
            else bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static string ReferrerPath(Request request)
    {
        var url = UrlParser.Parse(request.Referrer ?? "");
        if (!url.IsNull && FilePath(request, url) is { } path) return path;
        throw request.Fail("relative, package and #imports specifiers need a file: importer");
    }

    private static string DirectoryUrl(string dir) => ToUrl(dir) + "/";

    /// <summary>A host path as a file: URL (the URL parser percent-encodes what it must).</summary>
    private static string ToUrl(string path) => UrlParser.Parse("file://" + path.Replace("%", "%25").Replace("?", "%3F").Replace("#", "%23")).Href;

    /// <summary>Inside or equal; the trailing separator keeps /app2 from counting as inside /app.</summary>
    private static bool IsInside(string path, string root)
    {
        path = TrimSeparator(path);
        if (path == root) return true;
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal);
    }

    private static string TrimSeparator(string path)
    {
        var trimmed = path.TrimEnd(Path.DirectorySeparatorChar);
        return trimmed.Length == 0 ? path[..1] : trimmed; // keep "/" itself
    }

    /// <summary>One resolution's context, for messages that name the specifier and the importer.</summary>
    private readonly record struct Request(string Specifier, string? Referrer)
    {
        public string Importer => Referrer ?? "(entry point)";

        public ModuleException Fail(string why) =>
            new(Referrer is null
                ? $"Cannot import \"{Specifier}\" (entry point): {why}"
                : $"Cannot import \"{Specifier}\" from {Referrer}: {why}");
    }
}

/// <summary>A resolved module: its canonical URL, and the canonical file the loader reads (null for a built-in).</summary>
internal readonly record struct ResolvedModule(string Url, string? FilePath);
