using System.Runtime.InteropServices;

namespace EsRuntime.Engine;

/// <summary>
/// The few V8 API functions that ClearScript's native library exports but ClearScript does not offer:
/// isolate settings (<see cref="IsolateTuning"/>), the microtask checkpoint, and what the heap watch
/// needs (<see cref="HeapWatch"/>). Resolved once from the copy of the library ClearScript loaded; null
/// where it or an export is not found (another platform or version), and callers then keep
/// ClearScript's own behaviour.
/// </summary>
internal sealed unsafe class V8Exports
{
    private const string LibraryName = "ClearScriptV8.linux-x64.so";

    /// <summary>The exports, or null when any is missing.</summary>
    public static V8Exports? Value => Lazy.Value;

    private static readonly Lazy<V8Exports?> Lazy = new(Find);

    private static nint _loadedFirst; // the handle LoadBeforeClearScript took, or 0

    private readonly nint _getCurrent, _setPromiseHook, _setCapture, _checkpoint, _requestInterrupt, _heapStatistics, _lowMemory, _terminate,
        _heapSpaceCount, _heapSpaceStatistics;

    private V8Exports(nint[] f) =>
        (_getCurrent, _setPromiseHook, _setCapture, _checkpoint, _requestInterrupt, _heapStatistics, _lowMemory, _terminate,
            _heapSpaceCount, _heapSpaceStatistics) =
        (f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]);

    private static readonly string[] Names =
    [
        "_ZN2v87Isolate10GetCurrentEv",
        "_ZN2v87Isolate14SetPromiseHookEPFvNS_15PromiseHookTypeENS_5LocalINS_7PromiseEEENS2_INS_5ValueEEEE",
        "_ZN2v87Isolate41SetCaptureStackTraceForUncaughtExceptionsEbiNS_10StackTrace17StackTraceOptionsE",
        "_ZN2v87Isolate26PerformMicrotaskCheckpointEv",
        "_ZN2v87Isolate16RequestInterruptEPFvPS0_PvES2_",
        "_ZN2v87Isolate17GetHeapStatisticsEPNS_14HeapStatisticsE",
        "_ZN2v87Isolate21LowMemoryNotificationEv",
        "_ZN2v87Isolate18TerminateExecutionEv",
        "_ZN2v87Isolate18NumberOfHeapSpacesEv",
        "_ZN2v87Isolate22GetHeapSpaceStatisticsEPNS_19HeapSpaceStatisticsEm",
    ];

    /// <summary>The isolate entered on this thread (inside a host call), or 0.</summary>
    public nint CurrentIsolate() => ((delegate* unmanaged<nint>)_getCurrent)();

    public void ClearPromiseHook(nint isolate) => ((delegate* unmanaged<nint, nint, void>)_setPromiseHook)(isolate, 0);

    /// <summary>SetCaptureStackTraceForUncaughtExceptions(false, 0, options).</summary>
    public void StopCapturingStackTraces(nint isolate, int options) => ((delegate* unmanaged<nint, byte, int, int, void>)_setCapture)(isolate, 0, 0, options);

    /// <summary>
    /// Runs the microtasks queued now, as V8 does when the outermost call returns. Only inside a host
    /// call, where the isolate is entered and locked; V8 ignores it while microtasks are running.
    /// </summary>
    public void PerformMicrotaskCheckpoint(nint isolate) => ((delegate* unmanaged<nint, void>)_checkpoint)(isolate);

    /// <summary>From any thread: V8 calls <paramref name="callback"/>(isolate, data) on the isolate's thread as soon as script runs there.</summary>
    public void RequestInterrupt(nint isolate, delegate* unmanaged<nint, nint, void> callback, nint data) =>
        ((delegate* unmanaged<nint, delegate* unmanaged<nint, nint, void>, nint, void>)_requestInterrupt)(isolate, callback, data);

    /// <summary>
    /// v8::HeapStatistics' first field (total_heap_size) and sixth (heap_size_limit); on the isolate's thread.
    /// The class is a plain run of size_t fields in that order, read from a buffer larger than it.
    /// </summary>
    public (ulong Total, ulong Limit) HeapSize(nint isolate)
    {
        var stats = stackalloc ulong[64];
        new Span<ulong>(stats, 64).Clear();
        ((delegate* unmanaged<nint, ulong*, void>)_heapStatistics)(isolate, stats);
        return (stats[0], stats[5]);
    }

    /// <summary>
    /// The available bytes of the named heap space (v8::HeapSpaceStatistics: the name, then size, used,
    /// available and physical size), or null when no space has that name; on the isolate's thread.
    /// </summary>
    public ulong? HeapSpaceAvailable(nint isolate, string name)
    {
        var count = ((delegate* unmanaged<nint, nuint>)_heapSpaceCount)(isolate);
        var stats = stackalloc nint[16];
        for (nuint i = 0; i < count; i++)
        {
            new Span<nint>(stats, 16).Clear();
            if (((delegate* unmanaged<nint, nint*, nuint, byte>)_heapSpaceStatistics)(isolate, stats, i) == 0) continue;
            if (stats[0] != 0 && Marshal.PtrToStringUTF8(stats[0]) == name) return (ulong)stats[3];
        }
        return null;
    }

    /// <summary>A full garbage collection, on the isolate's thread.</summary>
    public void CollectAllGarbage(nint isolate) => ((delegate* unmanaged<nint, void>)_lowMemory)(isolate);

    /// <summary>Ends the running script (thread-safe); script cannot catch it.</summary>
    public void TerminateExecution(nint isolate) => ((delegate* unmanaged<nint, void>)_terminate)(isolate);

    /// <summary>
    /// Loads ClearScript's library before ClearScript does, from the first path its
    /// <c>V8Proxy.LoadNativeLibrary</c> probes (its assembly's runtimes/linux-x64/native folder, its
    /// assembly's folder, then the application's), so that ClearScript's own load returns this copy
    /// rather than a second V8. Null when the library is already in the process (V8 may be running) or
    /// not found. The handle is kept: the exports resolve from it, and ClearScript's unload when its last
    /// engine goes cannot take the library out of the process.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("SingleFile", "IL3000",
        Justification = "ClearScript probes by its assembly's location too; an empty one (single-file, AOT) is handled as it does.")]
    public static nint? LoadBeforeClearScript()
    {
        if (!OperatingSystem.IsLinux() || LoadedPath() is not null) return null;
        var assemblyDir = Path.GetDirectoryName(typeof(Microsoft.ClearScript.V8.V8ScriptEngine).Assembly.Location);
        string[] dirs = string.IsNullOrEmpty(assemblyDir)
            ? [AppContext.BaseDirectory]
            : [Path.Combine(assemblyDir, "runtimes", "linux-x64", "native"), assemblyDir, AppContext.BaseDirectory];
        foreach (var dir in dirs)
        {
            var path = Path.Combine(dir, LibraryName);
            if (File.Exists(path) && NativeLibrary.TryLoad(path, out var library)) return _loadedFirst = library;
        }
        return null;
    }

    private static V8Exports? Find()
    {
        if (!OperatingSystem.IsLinux()) return null;
        // Otherwise the copy ClearScript already loaded (whichever of its probing paths it took): loading
        // the same file again returns the same handle, while a second copy would be a second V8.
        var library = _loadedFirst;
        if (library == 0 && (LoadedPath() is not { } path || !NativeLibrary.TryLoad(path, out library))) return null;
        var found = new nint[Names.Length];
        for (var i = 0; i < Names.Length; i++)
            if (!NativeLibrary.TryGetExport(library, Names[i], out found[i])) return null;
        return new V8Exports(found);
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
