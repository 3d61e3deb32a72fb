using System.Text.RegularExpressions;

namespace EsRuntime.Providers.Real;

/// <summary>
/// The default locale of Intl, toLocaleString and localeCompare. V8's ICU takes it once, when the first
/// engine starts: from setlocale(LC_MESSAGES) unless that is "C" (.NET never calls setlocale), then from
/// the environment's LC_ALL, LC_MESSAGES and LANG, in that order (ICU's putil.cpp). A simulated,
/// recorded or replayed run pins it by setting LC_ALL through libc before any engine exists.
/// </summary>
public static partial class ProcessLocale
{
    /// <summary>The locale a run gets under --sim unless told otherwise.</summary>
    public const string Simulated = "en-US";

    /// <summary>The locale ICU would pick from this process's environment, as a BCP 47 tag (recorded in a trace header).</summary>
    public static string Current
    {
        get
        {
            foreach (var name in (ReadOnlySpan<string>)["LC_ALL", "LC_MESSAGES", "LANG"])
            {
                if (System.Environment.GetEnvironmentVariable(name) is not { Length: > 0 } value) continue;
                // "fr_FR.UTF-8@euro": the language and region, without the code set and modifier.
                var posix = value.Split('.', '@')[0];
                return TryNormalize(posix.Replace('_', '-'), out var tag) ? tag : Simulated;
            }
            return Simulated;
        }
    }

    /// <summary>
    /// Accepts a language tag made of a language, an optional script and an optional region
    /// ("en", "fr-FR", "zh-Hant-TW"), the part of BCP 47 that ICU also reads from LC_ALL, and
    /// returns it in canonical case. "C" and "POSIX" are not locales (ICU reads them as en-US).
    /// </summary>
    public static bool TryNormalize(string text, out string tag)
    {
        tag = "";
        var match = TagPattern().Match(text);
        if (!match.Success) return false;
        var language = match.Groups[1].Value.ToLowerInvariant();
        var script = match.Groups[2].Value;
        var region = match.Groups[3].Value.ToUpperInvariant();
        tag = language +
              (script.Length > 0 ? "-" + char.ToUpperInvariant(script[0]) + script[1..].ToLowerInvariant() : "") +
              (region.Length > 0 ? "-" + region : "");
        return true;
    }

    /// <summary>Sets the default locale for engines created from now on (no-op off Unix).</summary>
    public static void Set(string tag)
    {
        if (!TryNormalize(tag, out var normalized)) throw new ArgumentException($"'{tag}' is not a language tag such as en-US", nameof(tag));
        LibcEnvironment.Set("LC_ALL", normalized.Replace('-', '_'));
    }

    [GeneratedRegex("^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{4}))?(?:[-_]([A-Za-z]{2}|[0-9]{3}))?$")]
    private static partial Regex TagPattern();
}
