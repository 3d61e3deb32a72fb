using System.Runtime.InteropServices;
using Microsoft.ClearScript.V8;

namespace EsRuntime.Engine;

/// <summary>
/// Process-wide V8 flags that esrun sets before V8 initializes (docs/DECISIONS.md D67). ClearScript offers
/// none of these; its library exports <c>v8::V8::SetFlagsFromString</c>, and V8 reads the flags once, when
/// the first isolate initializes the platform, adding ClearScript's own (<c>--expose_gc</c>) to them.
/// </summary>
internal static unsafe class V8Flags
{
    /// <summary>
    /// The young generation starts at 4 MiB per semi-space instead of V8's 1 MiB. ClearScript's V8 is built
    /// without pointer compression, so objects are ~1.6× larger than in node and a 1 MiB semi-space fills,
    /// and is scavenged, that much sooner: allocation-heavy code spent a third of its time in young GCs.
    /// </summary>
    public const string Value = "--min-semi-space-size=4";

    private const string SetFlagsExport = "_ZN2v82V818SetFlagsFromStringEPKcm"; // SetFlagsFromString(const char*, size_t)

    private static readonly Lock Gate = new();
    private static bool _tried;

    /// <summary>Whether <see cref="Value"/> reached V8 before it initialized (false on other platforms, or when V8 was already loaded).</summary>
    public static bool Applied { get; private set; }

    /// <summary>Sets the flags once, before the first engine; later calls do nothing.</summary>
    public static void EnsureSet()
    {
        lock (Gate)
        {
            if (_tried) return;
            _tried = true;
            // Flags are frozen once V8 initializes, and changing them then is fatal: only a process where
            // ClearScript has not loaded its library yet can have no isolate.
            if (!OperatingSystem.IsLinux() || V8Exports.IsLoaded()) return;
            if (LoadAsClearScriptWould() is not { } library) return;
            if (!NativeLibrary.TryGetExport(library, SetFlagsExport, out var setFlags)) return;
            var bytes = System.Text.Encoding.ASCII.GetBytes(Value);
            fixed (byte* p = bytes) ((delegate* unmanaged<byte*, nuint, void>)setFlags)(p, (nuint)bytes.Length);
            // The handle is never freed: ClearScript unloads its library when its last engine goes, and a
            // reload would initialize a V8 without these flags.
            Applied = true;
        }
    }

    /// <summary>
    /// Loads the file ClearScript's <c>V8Proxy.LoadNativeLibrary</c> would load first (its assembly's
    /// runtimes/linux-x64/native folder, its assembly's folder, then the application's), so that
    /// ClearScript's own load returns this same copy rather than a second V8.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("SingleFile", "IL3000",
        Justification = "ClearScript probes by its assembly's location too; an empty one (single-file, AOT) is handled as it does.")]
    private static nint? LoadAsClearScriptWould()
    {
        var assemblyDir = Path.GetDirectoryName(typeof(V8ScriptEngine).Assembly.Location);
        string[] dirs = string.IsNullOrEmpty(assemblyDir)
            ? [AppContext.BaseDirectory]
            : [Path.Combine(assemblyDir, "runtimes", "linux-x64", "native"), assemblyDir, AppContext.BaseDirectory];
        foreach (var dir in dirs)
        {
            var path = Path.Combine(dir, V8Exports.LibraryName);
            if (File.Exists(path) && NativeLibrary.TryLoad(path, out var library)) return library;
        }
        return null;
    }
}
