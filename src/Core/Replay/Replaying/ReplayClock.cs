using EsRuntime.Providers;

namespace EsRuntime.Replay.Replaying;

/// <summary>Clock readings from the trace; idling returns at once (the readings carry the time).</summary>
internal sealed class ReplayClock(TraceReplayer trace) : IClock
{
    public double WallNowMs() => trace.Expect(TraceEventKind.ClockWall, "clock wall read").Number;

    public double MonotonicNowMs() => trace.Expect(TraceEventKind.ClockMonotonic, "clock monotonic read").Number;

    public bool Idle(double? untilMonotonicMs, WaitHandle wake) => true;

    /// <summary>Returns at once, as <see cref="Idle"/>.</summary>
    public Task<bool> IdleAsync(double? untilMonotonicMs, WaitHandle wake) => Task.FromResult(true);
}
