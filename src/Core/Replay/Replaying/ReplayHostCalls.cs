using EsRuntime.Providers;
using EsRuntime.Runtime;

namespace EsRuntime.Replay.Replaying;

/// <summary>Host-module answers from the trace: each call must be the one recorded next; no function is called.</summary>
internal sealed class ReplayHostCalls(TraceReplayer trace) : IHostCalls
{
    private readonly TaggedReplayer _tags = HostTraceCodec.Replayer(trace);

    /// <inheritdoc/>
    public HostValue Call(HostFunction function, HostArgs args)
    {
        var question = HostTraceCodec.Question(function, args);
        return HostTraceCodec.CallAnswer(trace.Expect(TraceEventKind.HostCall, "host call " + question, question));
    }

    /// <inheritdoc/>
    public Task<HostValue> CallAsync(HostFunction function, HostArgs args, CancellationToken cancellation) =>
        _tags.Ask(HostTraceCodec.Question(function, args), HostTraceCodec.ResultValue);
}
