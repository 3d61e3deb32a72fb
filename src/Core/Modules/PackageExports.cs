using System.Globalization;
using System.Text.Json;

namespace EsRuntime.Modules;

/// <summary>
/// The package.json <c>exports</c> and <c>imports</c> maps, following Node's ESM algorithm
/// (PACKAGE_EXPORTS_RESOLVE / PACKAGE_IMPORTS_EXPORTS_RESOLVE / PACKAGE_TARGET_RESOLVE) with esrun's conditions.
/// Pure: it maps a subpath to a target string and never touches files. Results are package-relative
/// targets (<c>./dist/x.js</c>) or, for <c>imports</c> only, a bare package specifier; null = not exported.
/// </summary>
internal static class PackageExports
{
    /// <summary>Conditions esrun matches. As in Node, the object's own key order decides between them.</summary>
    private static readonly HashSet<string> Conditions = ["esrun", "import", "default"];

    /// <summary>Resolves <paramref name="subpath"/> ("." or "./x") through <c>exports</c>.</summary>
    /// <param name="invalid">Builds the error for a malformed map or target, given the reason.</param>
    public static string? ResolveExports(JsonElement exports, string subpath, Func<string, ModuleException> invalid)
    {
        if (exports.ValueKind == JsonValueKind.Object && IsSubpathMap(exports, invalid))
            return ResolveKey(exports, subpath, isImports: false, invalid);
        // A string, array or condition object is shorthand for { ".": exports }.
        return subpath == "." ? Target(exports, null, isImports: false, invalid).Value : null;
    }

    /// <summary>Resolves a <c>#name</c> specifier through <c>imports</c>.</summary>
    public static string? ResolveImports(JsonElement imports, string name, Func<string, ModuleException> invalid) =>
        imports.ValueKind == JsonValueKind.Object ? ResolveKey(imports, name, isImports: true, invalid) : null;

    /// <summary>True when the keys are subpaths ("./x"), false when they are conditions; mixing is an error.</summary>
    private static bool IsSubpathMap(JsonElement map, Func<string, ModuleException> invalid)
    {
        bool dotted = false, plain = false;
        foreach (var property in map.EnumerateObject())
        {
            if (property.Name.StartsWith('.')) dotted = true; else plain = true;
        }
        if (dotted && plain)
            throw invalid("\"exports\" mixes subpath keys (\"./x\") with condition keys (\"import\"); use one kind per object");
        return dotted;
    }

    /// <summary>An exact key wins; else the best <c>*</c> pattern, ordered as Node orders them (longest prefix first).</summary>
    private static string? ResolveKey(JsonElement map, string key, bool isImports, Func<string, ModuleException> invalid)
    {
        if (!key.Contains('*') && map.TryGetProperty(key, out var exact))
            return Target(exact, null, isImports, invalid).Value;

        string? bestKey = null, bestMatch = null;
        JsonElement bestTarget = default;
        foreach (var property in map.EnumerateObject())
        {
            var pattern = property.Name;
            var star = pattern.IndexOf('*');
            if (star < 0 || pattern.LastIndexOf('*') != star) continue;
            var prefix = pattern[..star];
            var suffix = pattern[(star + 1)..];
            // The key must be at least as long as the pattern: "*" matches one character or more.
            if (key.Length < pattern.Length || !key.StartsWith(prefix, StringComparison.Ordinal)
                || !key.EndsWith(suffix, StringComparison.Ordinal)) continue;
            if (bestKey is null || PatternKeyCompare(bestKey, pattern) > 0)
            {
                bestKey = pattern;
                bestTarget = property.Value;
                bestMatch = key[star..(key.Length - suffix.Length)];
            }
        }
        return bestKey is null ? null : Target(bestTarget, bestMatch, isImports, invalid).Value;
    }

    /// <summary>Node's PATTERN_KEY_COMPARE: negative when <paramref name="a"/> should be preferred.</summary>
    private static int PatternKeyCompare(string a, string b)
    {
        int aStar = a.IndexOf('*'), bStar = b.IndexOf('*');
        int aBase = aStar < 0 ? a.Length : aStar + 1, bBase = bStar < 0 ? b.Length : bStar + 1;
        if (aBase != bBase) return aBase > bBase ? -1 : 1;
        if (aStar < 0) return 1;
        if (bStar < 0) return -1;
        return a.Length == b.Length ? 0 : a.Length > b.Length ? -1 : 1;
    }

    /// <summary>
    /// Resolves one target. <c>Matched</c> is false when no condition applied (so an enclosing object or array
    /// tries its next entry); <c>Value</c> null with <c>Matched</c> true is an explicit "not exported".
    /// </summary>
    private static (bool Matched, string? Value) Target(JsonElement target, string? match, bool isImports,
        Func<string, ModuleException> invalid)
    {
        switch (target.ValueKind)
        {
            case JsonValueKind.String:
                return (true, StringTarget(target.GetString()!, match, isImports, invalid));

            case JsonValueKind.Object:
                foreach (var property in target.EnumerateObject())
                {
                    if (IsArrayIndex(property.Name))
                        throw invalid($"condition key \"{property.Name}\" must not be a number");
                    if (!Conditions.Contains(property.Name)) continue; // require, node, types, browser, ...
                    var result = Target(property.Value, match, isImports, invalid);
                    if (result.Matched) return result;
                }
                return (false, null);

            case JsonValueKind.Array:
                // Fallbacks: the first entry that is a valid target wins.
                ModuleException? lastError = null;
                (bool, string?) outcome = (false, null);
                foreach (var item in target.EnumerateArray())
                {
                    (bool Matched, string? Value) result;
                    try { result = Target(item, match, isImports, invalid); }
                    catch (ModuleException e) { lastError = e; continue; }
                    if (!result.Matched) continue;
                    if (result.Value is null) { outcome = (true, null); lastError = null; continue; }
                    return result;
                }
                if (lastError is not null) throw lastError;
                return outcome;

            case JsonValueKind.Null:
                return (true, null);

            default:
                throw invalid($"target {target.GetRawText()} is not a string, object, array or null");
        }
    }

    private static string StringTarget(string target, string? match, bool isImports, Func<string, ModuleException> invalid)
    {
        if (!target.StartsWith("./", StringComparison.Ordinal))
        {
            // Only "imports" may map to another package ("#dep": "dep"); nothing may point outside the package.
            if (isImports && !target.StartsWith("../", StringComparison.Ordinal) && !target.StartsWith('/') && !target.Contains(':'))
                return match is null ? target : target.Replace("*", match, StringComparison.Ordinal);
            throw invalid($"target \"{target}\" is invalid: targets must start with \"./\"");
        }
        if (HasInvalidSegment(target[2..]))
            throw invalid($"target \"{target}\" is invalid: it must stay inside the package (no \".\", \"..\" or \"node_modules\" segments)");
        if (match is null) return target;
        if (HasInvalidSegment(match))
            throw invalid($"\"{match}\" is not a valid match for the pattern target \"{target}\" (no \".\", \"..\" or \"node_modules\" segments)");
        return target.Replace("*", match, StringComparison.Ordinal);
    }

    /// <summary>Segments that could climb out of the package or into its dependencies, percent-encoded or not.</summary>
    private static bool HasInvalidSegment(string path)
    {
        foreach (var segment in path.Split('/', '\\'))
        {
            var decoded = Uri.UnescapeDataString(segment);
            if (decoded is "" or "." or ".." || decoded.Equals("node_modules", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static bool IsArrayIndex(string key) =>
        uint.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n != uint.MaxValue
        && n.ToString(CultureInfo.InvariantCulture) == key;
}
