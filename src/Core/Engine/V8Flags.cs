using System.Runtime.InteropServices;

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
    private static ReadOnlySpan<byte> Flags => "--min-semi-space-size=4"u8;

    private const string SetFlagsExport = "_ZN2v82V818SetFlagsFromStringEPKcm"; // SetFlagsFromString(const char*, size_t)

    private static readonly Lazy<bool> Set = new(TrySet);

    /// <summary>Whether the flags reached V8 before it initialized (false on other platforms, or when V8 was already loaded).</summary>
    public static bool Applied => Set.Value;

    /// <summary>Sets the flags once, before the first engine; later calls do nothing.</summary>
    public static void EnsureSet() => _ = Set.Value;

    private static bool TrySet()
    {
        // Flags are frozen once V8 initializes, and changing them then is fatal: only a process where
        // ClearScript has not loaded its library yet can have no isolate.
        if (V8Exports.LoadBeforeClearScript() is not { } library) return false;
        if (!NativeLibrary.TryGetExport(library, SetFlagsExport, out var setFlags)) return false;
        fixed (byte* flags = Flags) ((delegate* unmanaged<byte*, nuint, void>)setFlags)(flags, (nuint)Flags.Length);
        return true;
    }
}
