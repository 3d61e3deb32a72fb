using Microsoft.ClearScript;
using Microsoft.ClearScript.JavaScript;
using Microsoft.ClearScript.V8;
using Microsoft.ClearScript.V8.FastProxy;

namespace EsRuntime.Engine;

/// <summary>
/// The engine boundary: the only type that names ClearScript. It owns one V8 isolate and context,
/// registers ops as fast host functions, loads modules through <see cref="IModuleHost"/>, and calls
/// the JS dispatcher once per macrotask.
/// </summary>
internal sealed unsafe class V8Engine : IDisposable
{
    private readonly V8ScriptEngine _engine;
    private readonly IModuleHost _modules;
    private readonly EngineLimits _limits;
    private readonly Dictionary<string, Document> _documents = new(StringComparer.Ordinal);
    private readonly Queue<(int Kind, object Promise, object? Value)> _rejections = new();
    private readonly nint _isolate;
    private readonly HeapWatch? _heapWatch;
    private V8Script? _dispatch;
    private object? _internals;
    private object? _metaResolve;
    private PinnedBuffer _transfer;
    private PinnedBuffer _completions;
    private PinnedBuffer _timerLog;
    private int _syntheticCount;
    private Modules.ModuleException? _loadFailure;

    public V8Engine(IModuleHost modules, EngineLimits limits)
    {
        _modules = modules;
        _limits = limits;
        V8Flags.EnsureSet();
        // The hard V8 limit aborts the process when reached, so it sits far above the soft limit that
        // the heap watch (or ClearScript) enforces by sampling the heap: a fast heap bomb must meet the soft one
        // at a sample before it can reach the hard one (measured: 2× was reached between samples).
        // ArrayBuffer backing stores live outside the heap; V8 asks ClearScript's allocator for them, which
        // refuses past MaxArrayBufferAllocation, and V8 turns the refusal into a catchable RangeError.
        var constraints = new V8RuntimeConstraints
        {
            MaxOldSpaceSize = Math.Max(limits.MaxHeapMiB * 4, limits.MaxHeapMiB + 1024),
            MaxArrayBufferAllocation = (ulong)limits.MaxArrayBufferMiB * 1024 * 1024,
        };
        _engine = new V8ScriptEngine(constraints, V8ScriptEngineFlags.HideHostExceptions)
        {
            MaxRuntimeStackUsage = (UIntPtr)limits.MaxStackBytes,
        };
        _engine.DocumentSettings.Loader = new Loader(this);
        _engine.DocumentSettings.ContextCallback = ImportMeta;
        _engine.PromiseRejectionCallback = OnPromiseRejection;
        (_isolate, var heapLimitSeen) = IsolateTuning.Apply(_engine);
        var heapLimitBytes = (ulong)limits.MaxHeapMiB * 1024 * 1024;
        // The exports read V8's heap statistics by their layout: trusted only when they agree with ClearScript's.
        if (_isolate != 0 && heapLimitSeen == _engine.GetRuntimeHeapInfo().HeapSizeLimit)
        {
            _heapWatch = new HeapWatch(V8Exports.Value!, _isolate, heapLimitBytes);
        }
        else
        {
            _engine.MaxRuntimeHeapSize = (UIntPtr)heapLimitBytes;
            _engine.RuntimeHeapSizeSampleInterval = TimeSpan.FromMilliseconds(5);
        }
    }

    /// <summary>Whether the soft heap limit is enforced by <see cref="HeapWatch"/> (otherwise by ClearScript on every call).</summary>
    public bool HeapWatched => _heapWatch is not null;

    /// <summary>Whether ClearScript's promise hook and per-Error stack capture were switched off (<see cref="IsolateTuning"/>).</summary>
    public bool IsolateTuned => _isolate != 0;

    /// <summary>
    /// Whether an op can run the microtask checkpoint (<see cref="CheckpointMicrotasks"/>), so that one dispatch may hold
    /// several macrotasks; without it a checkpoint happens only when a dispatch returns.
    /// </summary>
    public bool CanCheckpointMicrotasks => _isolate != 0;

    /// <summary>Runs the microtasks queued now; only inside an op, and only when <see cref="CanCheckpointMicrotasks"/>.</summary>
    public void CheckpointMicrotasks() => V8Exports.Value!.PerformMicrotaskCheckpoint(_isolate);

    /// <summary>Thrown out of a call when script execution was terminated (exit, watchdog).</summary>
    public sealed class TerminatedException(Exception inner) : Exception("script terminated", inner);

    /// <summary>The script hit a resource limit (heap); the engine cannot run more script.</summary>
    public sealed class LimitExceededException(string message, Exception inner) : Exception(message, inner);

    /// <summary>A JS exception that escaped to the host; Message and Stack as V8 formatted them.</summary>
    public sealed class ScriptException(string message, string details, Exception inner) : Exception(message, inner)
    {
        public string Details { get; } = details;
    }

    public void RegisterOp(string name, Op body)
    {
        var fn = new V8FastHostFunction(name, (bool asConstructor, in V8FastArgs args, in V8FastResult result) =>
        {
            if (asConstructor) throw new OpException("TypeError", $"{name} is not a constructor");
            if (Halted) throw new OpException("Error", "the runtime is exiting");
            body(new OpArgs(args), new OpResult(result));
        });
        _engine.Global.SetProperty("__op_" + name, fn);
    }

    /// <summary>Runs a classic script (the prelude), using and refreshing the V8 code cache.</summary>
    public void RunPrelude(string name, string code, byte[]? cache, Action<byte[]> storeCache)
    {
        V8Script script;
        if (cache is not null)
        {
            var data = cache;
            script = _engine.Compile(new DocumentInfo(name), code, V8CacheKind.Code, ref data, out var result);
            // Updated: the cache did not fit this V8 (or was damaged) and was regenerated.
            if (result == V8CacheResult.Updated && data is { Length: > 0 }) storeCache(data);
        }
        else
        {
            script = _engine.Compile(new DocumentInfo(name), code, V8CacheKind.Code, out var produced);
            if (produced is { Length: > 0 }) storeCache(produced);
        }
        using (script) Call(() => _engine.Execute(script));
        // ScriptObject.InvokeAsFunction marshals its arguments through reflection, which Native AOT
        // cannot do; a precompiled call with its arguments in the transfer buffer can.
        _dispatch = _engine.Compile(new DocumentInfo("esrun:dispatch"), "globalThis.__esrun_dispatch()");
        _internals = _engine.Global.GetProperty("__esrun_internals");
        _metaResolve = (_internals as ScriptObject)?.GetProperty("importMetaResolve");
        _engine.Global.DeleteProperty("__esrun_internals");
    }

    /// <summary>
    /// A JS-allocated ArrayBuffer C# reads and writes in place: V8 never moves a backing store, and the
    /// held reference keeps the buffer alive.
    /// </summary>
    private readonly struct PinnedBuffer
    {
        private readonly IArrayBuffer? _buffer;
        public readonly byte* Pointer;
        public readonly int Length;

        public PinnedBuffer(object arrayBuffer)
        {
            _buffer = (IArrayBuffer)arrayBuffer;
            Length = checked((int)_buffer.Size);
            byte* pointer = null;
            _buffer.InvokeWithDirectAccess(p => pointer = (byte*)p);
            Pointer = pointer;
        }
    }

    public void RegisterTransferOp()
    {
        RegisterOp("bindTransfer", (a, r) => _transfer = new PinnedBuffer(a.Value(0).Raw!));
        RegisterOp("bindCompletions", (a, r) => _completions = new PinnedBuffer(a.Value(0).Raw!));
        RegisterOp("bindTimerLog", (a, r) => _timerLog = new PinnedBuffer(a.Value(0).Raw!));
    }

    /// <summary>The timers the script started and cleared since they were last applied (<see cref="Loop.TimerQueue.Apply"/>); empty before the prelude binds it.</summary>
    public Span<double> TimerLog => new(_timerLog.Pointer, _timerLog.Length / sizeof(double));

    /// <summary>The shared transfer buffer: bytes cross here, only offsets and lengths cross as arguments.</summary>
    public Span<byte> Transfer => new(_transfer.Pointer, _transfer.Length);

    /// <summary>
    /// The buffer provider completions are delivered through: written by C# between dispatches and read by
    /// the completion dispatch, never by ops, so an op called while answers are handed out cannot clobber them.
    /// </summary>
    public Span<byte> CompletionBuffer => new(_completions.Pointer, _completions.Length);

    /// <summary>Copies bytes into a JS typed array or ArrayBuffer (one crossing, whatever the size).</summary>
    public static void WriteBytes(JsValue target, ReadOnlySpan<byte> data, long offset = 0)
    {
        switch (target.Raw)
        {
            case IArrayBufferView view when offset + data.Length <= (long)view.Size:
                view.WriteBytes(data, 0, (ulong)data.Length, (ulong)offset);
                break;
            case IArrayBuffer buffer when offset + data.Length <= (long)buffer.Size:
                buffer.WriteBytes(data, 0, (ulong)data.Length, (ulong)offset);
                break;
            default:
                throw new OpException("TypeError", "the destination is not a large enough ArrayBuffer or view");
        }
    }

    /// <summary>The byte length of a JS typed array, DataView or ArrayBuffer; -1 for anything else.</summary>
    public static long ByteLength(JsValue value) => value.Raw switch
    {
        IArrayBufferView view => (long)view.Size,
        IArrayBuffer buffer => (long)buffer.Size,
        _ => -1,
    };

    /// <summary>Copies bytes out of a JS typed array or ArrayBuffer, from <paramref name="offset"/>.</summary>
    public static void ReadBytes(JsValue source, long offset, Span<byte> destination)
    {
        switch (source.Raw)
        {
            case IArrayBufferView view when offset + destination.Length <= (long)view.Size:
                view.ReadBytes((ulong)offset, (ulong)destination.Length, destination, 0);
                break;
            case IArrayBuffer buffer when offset + destination.Length <= (long)buffer.Size:
                buffer.ReadBytes((ulong)offset, (ulong)destination.Length, destination, 0);
                break;
            default:
                throw new OpException("TypeError", "the source is not an ArrayBuffer or view of that size");
        }
    }

    /// <summary>
    /// The innermost script location (file:line:column) outside the runtime's own code, or null when no
    /// script is running. Costly; for diagnostics such as a replay divergence.
    /// </summary>
    public string? CurrentCallSite()
    {
        foreach (var line in _engine.GetStackTrace().Split('\n'))
        {
            var frame = line.Trim();
            if (!frame.StartsWith("at ", StringComparison.Ordinal) || frame.Contains("esrun:", StringComparison.Ordinal) ||
                frame.Contains("esrun-import:", StringComparison.Ordinal) || frame.Contains("FastHostFunction", StringComparison.Ordinal))
                continue;
            var open = frame.LastIndexOf('(');
            return open >= 0 ? frame[(open + 1)..].TrimEnd(')') : frame[3..];
        }
        return null;
    }

    /// <summary>Runs a classic script in the runtime's global scope (embedders, benchmarks).</summary>
    public void ExecuteScript(string name, string code) => Call(() => _engine.Execute(new DocumentInfo(name), code));

    /// <summary>Byte offset of the dispatch slots at the end of the transfer buffer: armed flag, kind, argument.</summary>
    public int DispatchSlots => _transfer.Length - 32;

    /// <summary>
    /// Calls the JS dispatcher: one C#→JS crossing; microtasks drain when it returns. The arguments
    /// travel in the transfer buffer with an "armed" flag that script code cannot set, since the
    /// buffer is private to the prelude.
    /// </summary>
    public void Dispatch(int kind, double arg = 0)
    {
        var dispatch = _dispatch ?? throw new InvalidOperationException("prelude not loaded");
        var slots = Transfer[DispatchSlots..];
        BitConverter.TryWriteBytes(slots, 1.0);
        BitConverter.TryWriteBytes(slots[8..], (double)kind);
        BitConverter.TryWriteBytes(slots[16..], arg);
        Call(() => _engine.Execute(dispatch));
    }

    /// <summary>
    /// Evaluates the module graph rooted at <paramref name="url"/> through a synthetic module that hands
    /// the namespace to the global function <paramref name="publisher"/>(url, ns). Returns the evaluation
    /// promise (async graph), undefined (sync graph done), or — with <paramref name="threw"/> set — the
    /// thrown value, or a message when the loader failed (<paramref name="loaderFailed"/>).
    /// A module that does not compile throws a SyntaxError whose stack has no frame for it: then
    /// <paramref name="syntaxErrorAt"/> is where V8 found the error ("file:line:column").
    /// </summary>
    public JsValue EvaluateModule(string url, string publisher, out bool threw, out bool loaderFailed, out string? syntaxErrorAt)
    {
        threw = loaderFailed = false;
        syntaxErrorAt = null;
        var synthetic = new Uri("esrun-import:" + (++_syntheticCount));
        var quoted = JsString(url);
        var code = $"import * as ns from {quoted};\nglobalThis.{publisher}({quoted}, ns);";
        var rejectionsBefore = _rejections.Count;
        _loadFailure = null;
        try
        {
            return new JsValue(_engine.Evaluate(new DocumentInfo(synthetic) { Category = ModuleCategory.Standard }, code));
        }
        catch (ScriptEngineException e) when (!e.IsFatal && _heapWatch is not { Exceeded: true } && !e.Message.Contains("memory limit", StringComparison.Ordinal))
        {
            // The failure is returned to JS, so the engine's own rejected evaluation promise is not unhandled.
            while (_rejections.Count > rejectionsBefore) DropLastRejection();
            threw = true;
            // A module that could not be loaded: its message is the whole report, not a script error.
            if (_loadFailure is not null)
            {
                loaderFailed = true;
                return new JsValue(_loadFailure.Message);
            }
            var value = e.ScriptExceptionAsObject;
            syntaxErrorAt = e.Message.StartsWith("SyntaxError:", StringComparison.Ordinal) ? MessageLocation(e.ErrorDetails) : null;
            return new JsValue(value is null or Undefined ? e.Message : value);
        }
    }

    /// <summary>
    /// ClearScript formats a SyntaxError as its message, then "    at file:line:column -> source line"
    /// (V8's message location), then any frames. Returns "file:line:column".
    /// </summary>
    private static string? MessageLocation(string details)
    {
        var lines = details.Split('\n');
        if (lines.Length < 2 || !lines[1].StartsWith("    at ", StringComparison.Ordinal)) return null;
        var location = lines[1][7..];
        var arrow = location.IndexOf(" -> ", StringComparison.Ordinal);
        return arrow >= 0 ? location[..arrow] : location;
    }

    private void DropLastRejection()
    {
        var kept = _rejections.ToArray();
        _rejections.Clear();
        for (var i = 0; i < kept.Length - 1; i++) _rejections.Enqueue(kept[i]);
    }

    /// <summary>Stops script execution at once (V8 TerminateExecution); script cannot catch it.</summary>
    public void Terminate() => _engine.Interrupt();

    /// <summary>
    /// Once set, every op throws: script may still compute until its current call unwinds, but it can
    /// no longer reach the world. The runtime sets it when it ends a run.
    /// </summary>
    public bool Halted { get; set; }

    /// <summary>Promise rejection events since the last call, for the dispatcher to pull.</summary>
    public int PendingRejections => _rejections.Count;

    public void RegisterRejectionOps()
    {
        RegisterOp("rejectionNext", (a, r) =>
        {
            if (_rejections.Count == 0) { r.Set(-1); return; }
            var (kind, promise, value) = _rejections.Peek();
            r.Set(kind);
        });
        RegisterOp("rejectionPromise", (a, r) => r.Set(new JsValue(_rejections.Peek().Promise)));
        RegisterOp("rejectionValue", (a, r) => r.Set(new JsValue(_rejections.Dequeue().Value)));
    }

    private void OnPromiseRejection(V8PromiseRejectionEventKind kind, object promise, object value)
    {
        var k = kind switch
        {
            V8PromiseRejectionEventKind.RejectedWithoutHandler => 0,
            V8PromiseRejectionEventKind.HandlerAddedAfterRejection => 1,
            _ => -1,
        };
        if (k >= 0) _rejections.Enqueue((k, promise, value));
    }

    private IDictionary<string, object> ImportMeta(DocumentInfo info)
    {
        var url = info.Uri?.OriginalString ?? info.Name;
        var meta = new PropertyBag { ["url"] = url };
        if (_metaResolve is ScriptObject) meta["resolve"] = _metaResolve;
        if (_internals is not null && _modules.IsPrivileged(url)) meta["internals"] = _internals;
        return meta;
    }

    private void Call(Action action)
    {
        try { action(); }
        catch (Exception e) when (_heapWatch is { Exceeded: true } && e is ScriptInterruptedException or ScriptEngineException) { throw HeapLimitExceeded(e); }
        catch (ScriptInterruptedException e) { throw new TerminatedException(e); }
        catch (ScriptEngineException e) when (e.Message.Contains("memory limit", StringComparison.Ordinal)) { throw HeapLimitExceeded(e); }
        catch (ScriptEngineException e) when (e.IsFatal || e.InnerException is ScriptInterruptedException) { throw new TerminatedException(e); }
        catch (ScriptEngineException e) { throw new ScriptException(e.Message, e.ErrorDetails, e); }
    }

    private LimitExceededException HeapLimitExceeded(Exception e) =>
        new($"out of memory: the script exceeded the heap limit of {_limits.MaxHeapMiB} MiB", e);

    private static string JsString(string s) => System.Text.Json.JsonSerializer.Serialize(s, EngineJson.Default.String);

    private Document LoadDocument(DocumentInfo? referrer, string specifier)
    {
        var referrerUrl = referrer?.Uri?.OriginalString;
        if (referrerUrl is not null && referrerUrl.StartsWith("esrun-import:", StringComparison.Ordinal)) referrerUrl = null;
        ModuleSource module;
        try { module = _modules.Load(specifier, referrerUrl); }
        catch (Modules.ModuleException e) { _loadFailure = e; throw; }
        if (_documents.TryGetValue(module.Url, out var cached)) return cached;
        var doc = new StringDocument(new DocumentInfo(new Uri(module.Url)) { Category = ModuleCategory.Standard }, module.Code);
        _documents[module.Url] = doc;
        return doc;
    }

    private sealed class Loader(V8Engine owner) : DocumentLoader
    {
        public override Task<Document> LoadDocumentAsync(DocumentSettings settings, DocumentInfo? sourceInfo, string specifier, DocumentCategory category, DocumentContextCallback contextCallback)
            => Task.FromResult(owner.LoadDocument(sourceInfo, specifier));
    }

    public void Dispose()
    {
        _heapWatch?.Dispose();
        _dispatch?.Dispose();
        // Stop the heap-size sampling timer first: a test host was seen hung in isolate release
        // (V8Entity_Release) while that timer, sampling every 5 ms, could fire during teardown.
        _engine.MaxRuntimeHeapSize = UIntPtr.Zero;
        _engine.Dispose();
    }
}

/// <summary>
/// Resource limits for one engine; a hostile script hits these, not the host. ArrayBuffer memory
/// (typed arrays, Blob bytes, streams' chunks) is outside the heap and counted separately: an allocation
/// past <see cref="MaxArrayBufferMiB"/> is a RangeError ("Array buffer allocation failed").
/// </summary>
public sealed record EngineLimits(int MaxHeapMiB = 1024, long MaxStackBytes = 4 * 1024 * 1024, int MaxArrayBufferMiB = 1024);
