using System.Text.Json;
using EsRuntime.Providers;

namespace EsRuntime.Modules;

/// <summary>
/// Turns an import specifier into a canonical module URL (<c>runtime:x</c> or <c>file:///real/path</c>)
/// under the ESM-only rules and the root jail. Every file access goes through <see cref="IModuleSource"/>.
/// Errors are <see cref="ModuleException"/>s whose message names the specifier, the importer and why.
/// </summary>
public sealed class ModuleResolver(IModuleSource files, string jailRoot)
{
    /// <summary>The jail root's canonical real path: every resolved module must be inside it.</summary>
    public string JailRoot { get; } = TrimSeparator(files.RealPath(Path.GetFullPath(jailRoot)) ?? Path.GetFullPath(jailRoot));

    // The root as given (maybe through a symlink): entry paths are written against it.
    private readonly string _givenRoot = TrimSeparator(Path.GetFullPath(jailRoot));

    /// <summary>How a file was reached; decides the wording of the CommonJS refusal and the "module" field allowance.</summary>
    private enum Origin { File, Package, ModuleField }

    /// <param name="specifier">The text in the import statement, or the entry path.</param>
    /// <param name="referrerUrl">The importing module's URL; null for the entry point, whose specifier is an
    /// absolute path, a file: URL, or a path relative to the jail root.</param>
    public string Resolve(string specifier, string? referrerUrl)
    {
        var request = new Request(specifier, referrerUrl);
        var scheme = UrlScheme(specifier);
        switch (scheme)
        {
            case "runtime": return specifier; // served by the loader
            case "node":
                throw request.Fail("Node.js builtins are not supported (esrun is ESM-only with no Node compatibility); use runtime: modules and web APIs instead");
            case "file": break;
            case not null:
                throw request.Fail($"{scheme}: imports are not supported (esrun loads local files only: no remote or URL-scheme imports)");
        }

        if (referrerUrl is null)
        {
            // The entry comes from the command line: a host path (not URL-decoded) or a file: URL.
            var entry = scheme is null ? Path.GetFullPath(specifier, JailRoot) : UrlPath(request, DirectoryUri(JailRoot), specifier);
            return Finish(request, entry, Origin.File);
        }

        var referrerPath = ReferrerPath(request);
        if (scheme == "file" || IsPathLike(specifier))
            return Finish(request, UrlPath(request, new Uri(referrerUrl), specifier), Origin.File);
        if (specifier.StartsWith('#'))
            return ResolvePackageImport(request, Path.GetDirectoryName(referrerPath)!);
        return ResolveBare(request, specifier, Path.GetDirectoryName(referrerPath)!);
    }

    /// <summary>The entry's project root: nearest directory with package.json or node_modules, else the entry's directory.</summary>
    public static string FindProjectRoot(IModuleSource files, string entryPath)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(entryPath))!;
        for (var d = dir; d is not null; d = Path.GetDirectoryName(d))
            if (files.IsFile(Path.Combine(d, "package.json")) || files.IsDirectory(Path.Combine(d, "node_modules"))) return d;
        return dir;
    }

    // ---- bare specifiers: pkg, pkg/sub, @scope/pkg, @scope/pkg/sub ----

    private string ResolveBare(Request request, string specifier, string fromDir)
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
            if (!files.IsDirectory(candidate)) continue;
            // Check the jail before reading anything from a package that is a symlink to elsewhere.
            var packageDir = files.RealPath(candidate) ?? candidate;
            if (!IsInside(packageDir, JailRoot)) throw request.Fail(OutsideJail(packageDir));
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

    private string ResolveInPackage(Request request, string packageDir, PackageJson? package, string subpath)
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
            var path = UrlPath(request, DirectoryUri(packageDir), subpath);
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
            if (files.IsFile(candidate)) return candidate;
        return path;
    }

    /// <summary>A "./x" target from exports/imports, as a path inside the package (URL-decoded).</summary>
    private static string TargetPath(Request request, string packageDir, string target) =>
        UrlPath(request, DirectoryUri(packageDir), target);

    // ---- "#name" specifiers: the importing package's own "imports" map ----

    private string ResolvePackageImport(Request request, string fromDir)
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

    /// <summary>Canonicalises the path, enforces the jail and the ESM-only rule, and returns the module URL.</summary>
    private string Finish(Request request, string path, Origin origin)
    {
        var real = files.RealPath(path);
        if (real is null)
        {
            // Refuse a path that leaves the jail even when nothing is there, so existence outside is not revealed.
            if (!IsInside(path, JailRoot) && !IsInside(path, _givenRoot)) throw request.Fail(OutsideJail(path));
            throw NotFound(request, path);
        }
        if (!IsInside(real, JailRoot)) throw request.Fail(OutsideJail(real));
        if (files.IsDirectory(real))
            throw request.Fail($"{real} is a directory, not a module file (esrun does not look for index files: import the file itself, e.g. \"{request.Specifier.TrimEnd('/')}/index.js\")");
        if (!files.IsFile(real)) throw NotFound(request, path);
        CheckEsm(request, real, origin);
        return ToUrl(real);
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

    private string OutsideJail(string path) => $"{path} is outside the root jail {JailRoot}";

    private ModuleException NotFound(Request request, string path)
    {
        // No extension guessing, but say what the user probably meant.
        var hint = "";
        foreach (var extension in new[] { ".js", ".mjs" })
            if (!path.EndsWith(extension, StringComparison.Ordinal) && files.IsFile(path + extension))
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

    /// <summary>Resolves a relative/absolute/file: specifier with URL semantics (decoding, ".." folding) to a host path.</summary>
    private static string UrlPath(Request request, Uri baseUri, string specifier)
    {
        // As in Node: an encoded "/" or "\" would smuggle a separator past the checks.
        if (specifier.Contains("%2f", StringComparison.OrdinalIgnoreCase) || specifier.Contains("%5c", StringComparison.OrdinalIgnoreCase))
            throw request.Fail("a module path must not contain an encoded \"/\" or \"\\\"");
        if (!Uri.TryCreate(baseUri, specifier, out var uri)) throw request.Fail("it is not a valid path or URL");
        if (!uri.IsFile || uri.IsUnc) throw request.Fail("only local file: URLs (without a host) can be imported");
        return uri.LocalPath;
    }

    private static string ReferrerPath(Request request)
    {
        if (Uri.TryCreate(request.Referrer, UriKind.Absolute, out var uri) && uri.IsFile && !uri.IsUnc) return uri.LocalPath;
        throw request.Fail("relative, package and #imports specifiers need a file: importer");
    }

    private static Uri DirectoryUri(string dir) => new(ToUrl(dir) + "/");

    private static string ToUrl(string path) => new Uri(path).AbsoluteUri;

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
