using System.Runtime.InteropServices;
using Microsoft.ClearScript.V8;
using Microsoft.ClearScript.V8.FastProxy;

namespace EsRuntime.Engine;

/// <summary>
/// Undoes two isolate settings of ClearScript's native library that esrun does not use and that make
/// every script slower (docs/DECISIONS.md, "ClearScript's promise hook and stack capture"):
/// <list type="bullet">
/// <item>an isolate-wide V8 promise hook (installed by the <c>V8IsolateImpl</c> constructor of
/// ClearScript 7.5.1.1 for its <c>V8ScriptEngine.PromiseHook</c> feature): with any hook set, every
/// promise creation, resolution and reaction leaves V8's builtins for a C++ call (~4× on
/// <c>await</c>);</item>
/// <item>detailed 64-frame stack capture for every Error (<c>SetCaptureStackTraceForUncaughtExceptions</c>),
/// which triples the cost of an Error created 20 frames deep; <c>Error.stackTraceLimit</c> does not
/// govern it.</item>
/// </list>
/// ClearScript offers no setting for either, so this calls the V8 API that its library exports, on the
/// isolate that is current inside a host call. Best effort: where the library or its exports are not
/// found (another platform or version), nothing changes.
/// The same exports give the microtask checkpoint ClearScript does not expose, which lets one dispatch
/// run every due timer with HTML's checkpoint after each (<see cref="PerformMicrotaskCheckpoint"/>).
/// </summary>
internal static unsafe class IsolateTuning
{
    private const string LibraryName = "ClearScriptV8.linux-x64.so";
    private const string GetCurrentExport = "_ZN2v87Isolate10GetCurrentEv";
    private const string SetPromiseHookExport = "_ZN2v87Isolate14SetPromiseHookEPFvNS_15PromiseHookTypeENS_5LocalINS_7PromiseEEENS2_INS_5ValueEEEE";
    private const string SetCaptureExport = "_ZN2v87Isolate41SetCaptureStackTraceForUncaughtExceptionsEbiNS_10StackTrace17StackTraceOptionsE";
    private const string CheckpointExport = "_ZN2v87Isolate26PerformMicrotaskCheckpointEv";
    private const int StackTraceOverview = 0x3f; // v8::StackTrace::kOverview (the value V8 itself defaults to)

    /// <summary>Applies both changes to the engine's isolate; returns the isolate, or 0 when they could not be made.</summary>
    public static nint Apply(V8ScriptEngine engine)
    {
        var exports = Exports.Value;
        if (exports is null) return 0;
        nint applied = 0;
        var (getCurrent, setPromiseHook, setCapture, _) = exports.Value;
        // The isolate is entered (and locked) on this thread only while V8 runs, so the calls happen
        // inside a host function that a one-line script invokes.
        const string name = "__esrun_tune_isolate";
        engine.Global.SetProperty(name, new V8FastHostFunction(name, (bool _, in V8FastArgs _, in V8FastResult _) =>
        {
            var isolate = ((delegate* unmanaged<nint>)getCurrent)();
            if (isolate == 0) return;
            ((delegate* unmanaged<nint, nint, void>)setPromiseHook)(isolate, 0);
            ((delegate* unmanaged<nint, byte, int, int, void>)setCapture)(isolate, 0, 0, StackTraceOverview);
            applied = isolate;
        }));
        engine.Execute(new Microsoft.ClearScript.DocumentInfo("esrun:tune"), $"globalThis.{name}(); delete globalThis.{name};");
        return applied;
    }

    /// <summary>
    /// Runs the microtasks queued on <paramref name="isolate"/> (one that <see cref="Apply"/> returned) now,
    /// as V8 does when the outermost call returns. Only from inside a host call, where the isolate is
    /// entered and locked; V8 itself ignores the call while microtasks are already running.
    /// </summary>
    public static void PerformMicrotaskCheckpoint(nint isolate) =>
        ((delegate* unmanaged<nint, void>)Exports.Value!.Value.Checkpoint)(isolate);

    private static readonly Lazy<(nint GetCurrent, nint SetPromiseHook, nint SetCapture, nint Checkpoint)?> Exports = new(FindExports);

    private static (nint, nint, nint, nint)? FindExports()
    {
        if (!OperatingSystem.IsLinux()) return null;
        // The copy ClearScript already loaded (whichever of its probing paths it took): loading the same
        // file again returns the same handle, while a second copy would be a second V8.
        var path = LoadedPath();
        if (path is null || !NativeLibrary.TryLoad(path, out var library)) return null;
        if (NativeLibrary.TryGetExport(library, GetCurrentExport, out var getCurrent) &&
            NativeLibrary.TryGetExport(library, SetPromiseHookExport, out var setPromiseHook) &&
            NativeLibrary.TryGetExport(library, SetCaptureExport, out var setCapture) &&
            NativeLibrary.TryGetExport(library, CheckpointExport, out var checkpoint))
            return (getCurrent, setPromiseHook, setCapture, checkpoint);
        return null;
    }

    private static string? LoadedPath()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/maps"))
            {
                var slash = line.IndexOf('/');
                if (slash >= 0 && line.EndsWith("/" + LibraryName, StringComparison.Ordinal)) return line[slash..];
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return null;
    }
}
