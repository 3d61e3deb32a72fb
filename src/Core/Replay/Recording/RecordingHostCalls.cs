using EsRuntime.Host.Embedder;
using EsRuntime.Providers;
using EsRuntime.Runtime;

namespace EsRuntime.Replay.Recording;

/// <summary>
/// Every host-module call goes in the trace with its answer: a synchronous one as one event when it
/// returns, an asynchronous one as a tagged question and a later answer (as filesystem requests), so a
/// replay answers without calling the embedder's functions.
/// </summary>
internal sealed class RecordingHostCalls(IHostCalls inner, TraceWriter trace) : IHostCalls
{
    private readonly TaggedRecorder _tags = HostTraceCodec.Recorder(trace);

    /// <inheritdoc/>
    public HostValue Call(HostFunction function, HostArgs args)
    {
        var question = HostTraceCodec.Question(function, args);
        HostValue value;
        try { value = inner.Call(function, args); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Recorded as the JS error the script sees, so the replay raises the same one.
            var (name, message) = HostModuleOps.Describe(function, e);
            trace.Add(HostTraceCodec.CallFailed(question, name, message));
            throw new HostFunctionException(name, message);
        }
        trace.Add(HostTraceCodec.Call(question, value));
        return value;
    }

    /// <inheritdoc/>
    public Task<HostValue> CallAsync(HostFunction function, HostArgs args, CancellationToken cancellation) =>
        _tags.Record(HostTraceCodec.Question(function, args), () => inner.CallAsync(function, args, cancellation),
            (tag, value) => HostTraceCodec.Result(tag, value));
}
