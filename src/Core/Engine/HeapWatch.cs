using System.Runtime.InteropServices;

namespace EsRuntime.Engine;

/// <summary>
/// The soft heap limit, enforced without ClearScript's per-call cost (D63): its <c>MaxRuntimeHeapSize</c>
/// reads the heap statistics and creates and destroys a .NET timer on every outermost call into script,
/// ~4.4 µs of each dispatch (measured). Here one background thread for the whole process asks each watched isolate,
/// every <see cref="SampleInterval"/>, to check itself (V8's thread-safe <c>RequestInterrupt</c>): V8 runs
/// the check on the isolate's own thread as soon as script runs there. Over the limit after a full
/// collection, the check terminates the script and marks the watch; the engine then reports the run as
/// out of memory. A dedicated thread, not the thread pool: a starved pool once let a heap bomb reach
/// V8's hard limit between two samples.
/// </summary>
internal sealed unsafe class HeapWatch : IDisposable
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(5);
    private static readonly object Gate = new();
    private static readonly Dictionary<nint, HeapWatch> Watched = [];
    private static nint _lastKey;
    private static bool _samplerStarted;

    private readonly V8Exports _v8;
    private readonly nint _isolate;
    private readonly ulong _limitBytes;
    private readonly nint _key;
    private int _checkQueued;
    private volatile bool _exceeded;

    public HeapWatch(V8Exports v8, nint isolate, ulong limitBytes)
    {
        (_v8, _isolate, _limitBytes) = (v8, isolate, limitBytes);
        lock (Gate)
        {
            _key = ++_lastKey;
            Watched[_key] = this;
            if (!_samplerStarted)
            {
                _samplerStarted = true;
                new Thread(Sample) { IsBackground = true, Name = "esrun heap watch" }.Start();
            }
            Monitor.PulseAll(Gate);
        }
    }

    /// <summary>Whether the heap was found over the limit (the script was then terminated).</summary>
    public bool Exceeded => _exceeded;

    /// <summary>After it no check is requested; one already queued finds nothing and returns.</summary>
    public void Dispose()
    {
        lock (Gate) Watched.Remove(_key);
    }

    private static void Sample()
    {
        for (; ; )
        {
            lock (Gate)
            {
                while (Watched.Count == 0) Monitor.Wait(Gate);
                // Under the gate, so no request reaches an isolate whose watch was disposed (and which may
                // be gone). One check at a time per isolate: an idle one would otherwise pile them up.
                foreach (var watch in Watched.Values)
                    if (Interlocked.Exchange(ref watch._checkQueued, 1) == 0) watch._v8.RequestInterrupt(watch._isolate, &Check, watch._key);
            }
            Thread.Sleep(SampleInterval);
        }
    }

    // V8 calls this outside its ExecutionAccess lock (Isolate::InvokeApiInterruptCallbacks), which
    // RequestInterrupt takes under our gate: taking the gate here cannot deadlock with the sampler.
    [UnmanagedCallersOnly]
    private static void Check(nint isolate, nint key)
    {
        HeapWatch? watch;
        lock (Gate) Watched.TryGetValue(key, out watch);
        if (watch is null) return;
        Volatile.Write(ref watch._checkQueued, 0);
        // Once over, script is terminated at every check: ClearScript cancels a termination when a nested
        // call into script (a module evaluated from an op) returns, and the outer script would run on.
        if (!watch._exceeded)
        {
            if (watch._v8.HeapSize(isolate).Total <= watch._limitBytes) return;
            // The heap's size counts garbage too: only what survives a full collection is over the limit.
            watch._v8.CollectAllGarbage(isolate);
            if (watch._v8.HeapSize(isolate).Total <= watch._limitBytes) return;
            watch._exceeded = true;
        }
        watch._v8.TerminateExecution(isolate);
    }
}
