namespace EsRuntime.Providers;

/// <summary>
/// Wall and monotonic time, and how the loop waits for the next timer. Real: the system clock and a
/// blocking wait; simulated: a virtual clock that jumps to the deadline instead of waiting.
/// </summary>
public interface IClock
{
    /// <summary>Milliseconds since the Unix epoch (UTC), as <c>Date.now()</c> sees it.</summary>
    double WallNowMs();

    /// <summary>Milliseconds on a monotonic clock with an arbitrary origin.</summary>
    double MonotonicNowMs();

    /// <summary>
    /// The loop is idle: return when the monotonic clock reaches <paramref name="untilMonotonicMs"/>
    /// (null: no timer pending) or <paramref name="wake"/> is signalled by a completing provider.
    /// Returns false when nothing can ever wake the loop (a simulation with no events left).
    /// </summary>
    bool Idle(double? untilMonotonicMs, WaitHandle wake);

    /// <summary>
    /// <see cref="Idle"/> without holding a thread (<c>JsRuntime.RunAsync</c>): the task completes when
    /// <see cref="Idle"/> would return, with its result. The default runs <see cref="Idle"/> on the
    /// thread pool; a real clock waits on a registered wait instead, a virtual one answers at once.
    /// </summary>
    Task<bool> IdleAsync(double? untilMonotonicMs, WaitHandle wake) => Task.Run(() => Idle(untilMonotonicMs, wake));
}
