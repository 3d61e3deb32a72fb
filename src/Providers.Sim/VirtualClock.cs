using EsRuntime.Providers;

namespace EsRuntime.Providers.Sim;

/// <summary>A simulated clock: when the loop is idle it jumps straight to the next timer.</summary>
public sealed class VirtualClock(VirtualTimeProvider? time = null) : IClock
{
    public VirtualTimeProvider Time { get; } = time ?? new VirtualTimeProvider();

    public double WallNowMs() => (Time.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalMilliseconds;

    public double MonotonicNowMs() => Time.GetTimestamp() / (double)TimeSpan.TicksPerMillisecond;

    public void Idle(double? untilMonotonicMs, WaitHandle wake)
    {
        if (untilMonotonicMs is { } until && until > MonotonicNowMs())
            Time.Advance(TimeSpan.FromTicks((long)Math.Ceiling((until - MonotonicNowMs()) * TimeSpan.TicksPerMillisecond)));
    }
}
