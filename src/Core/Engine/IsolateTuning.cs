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
/// ClearScript offers no setting for either, so this calls the V8 API that its library exports
/// (<see cref="V8Exports"/>), on the isolate that is current inside a host call. Best effort: where the
/// exports are not found (another platform or version), nothing changes.
/// </summary>
internal static class IsolateTuning
{
    private const int StackTraceOverview = 0x3f; // v8::StackTrace::kOverview (the value V8 itself defaults to)

    /// <summary>
    /// Applies both changes to the engine's isolate. Returns the isolate (0 when the changes could not be
    /// made) and the heap size limit read from it through the exports, which the engine compares with
    /// ClearScript's figure before it trusts them with the heap (<see cref="HeapWatch"/>).
    /// </summary>
    public static (nint Isolate, ulong HeapLimitSeen) Apply(V8ScriptEngine engine)
    {
        if (V8Exports.Value is not { } v8) return (0, 0);
        nint applied = 0;
        ulong heapLimit = 0;
        // The isolate is entered (and locked) on this thread only while V8 runs, so the calls happen
        // inside a host function that a one-line script invokes.
        const string name = "__esrun_tune_isolate";
        engine.Global.SetProperty(name, new V8FastHostFunction(name, (bool _, in V8FastArgs _, in V8FastResult _) =>
        {
            var isolate = v8.CurrentIsolate();
            if (isolate == 0) return;
            v8.ClearPromiseHook(isolate);
            v8.StopCapturingStackTraces(isolate, StackTraceOverview);
            applied = isolate;
            heapLimit = v8.HeapSize(isolate).Limit;
        }));
        engine.Execute(new Microsoft.ClearScript.DocumentInfo("esrun:tune"), $"globalThis.{name}(); delete globalThis.{name};");
        return (applied, heapLimit);
    }
}
