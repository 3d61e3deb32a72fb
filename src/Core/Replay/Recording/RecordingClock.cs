using EsRuntime.Providers;

namespace EsRuntime.Replay.Recording;

/// <summary>Answers from the wrapped clock, writing each reading to the trace.</summary>
internal sealed class RecordingClock(IClock inner, TraceWriter trace) : IClock
{
    public double WallNowMs()
    {
        var value = inner.WallNowMs();
        trace.Add(new TraceEvent(TraceEventKind.ClockWall, Number: value));
        return value;
    }

    public double MonotonicNowMs()
    {
        var value = inner.MonotonicNowMs();
        trace.Add(new TraceEvent(TraceEventKind.ClockMonotonic, Number: value));
        return value;
    }

    // Waiting is not an answer: its effect shows in the clock readings that follow.
    public bool Idle(double? untilMonotonicMs, WaitHandle wake) => inner.Idle(untilMonotonicMs, wake);

    /// <inheritdoc cref="Idle"/>
    public Task<bool> IdleAsync(double? untilMonotonicMs, WaitHandle wake) => inner.IdleAsync(untilMonotonicMs, wake);
}
