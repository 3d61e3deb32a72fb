using EsRuntime.Providers;

namespace EsRuntime.Providers.Real;

/// <summary>The clock of a <see cref="TimeProvider"/> (the system's by default); idling blocks the thread
/// (<see cref="Idle"/>) or waits without one (<see cref="IdleAsync"/>).</summary>
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

    /// <summary>
    /// Waits on the runtime's wake handle with a timeout through the thread pool's wait thread, so no
    /// thread is blocked and nothing polls.
    /// </summary>
    public Task<bool> IdleAsync(double? untilMonotonicMs, WaitHandle wake)
    {
        var timeoutMs = -1L;
        if (untilMonotonicMs is { } until)
        {
            var wait = until - MonotonicNowMs();
            if (wait <= 0) return Task.FromResult(true);
            timeoutMs = (long)Math.Min(Math.Ceiling(wait), int.MaxValue);
        }
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var registration = ThreadPool.RegisterWaitForSingleObject(wake, static (state, _) => ((TaskCompletionSource<bool>)state!).TrySetResult(true),
            done, timeoutMs, executeOnlyOnce: true);
        return done.Task.ContinueWith(t =>
        {
            registration.Unregister(null);
            return t.Result;
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
