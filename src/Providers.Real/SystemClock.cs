using EsRuntime.Providers;

namespace EsRuntime.Providers.Real;

/// <summary>The clock of a <see cref="TimeProvider"/> (the system's by default); idling blocks the thread.</summary>
public sealed class SystemClock(TimeProvider? time = null) : IClock
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public double WallNowMs() => (_time.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalMilliseconds;

    public double MonotonicNowMs() => _time.GetTimestamp() * 1000.0 / _time.TimestampFrequency;

    public bool Idle(double? untilMonotonicMs, WaitHandle wake)
    {
        if (untilMonotonicMs is null) { wake.WaitOne(); return true; }
        var wait = untilMonotonicMs.Value - MonotonicNowMs();
        if (wait > 0) wake.WaitOne(TimeSpan.FromMilliseconds(Math.Min(Math.Ceiling(wait), int.MaxValue)));
        return true;
    }
}
