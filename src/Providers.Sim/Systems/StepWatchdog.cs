using System.Diagnostics;
using System.Globalization;
using EsRuntime.Runtime;

namespace EsRuntime.Providers.Sim;

/// <summary>
/// Stops a step that never returns to the event loop (a synchronous infinite loop). Simulated time
/// cannot pass inside one step, so the simulated time limit never sees it; only wall time can. The host
/// then fails with exit code 1 and says why, which a fuzzing campaign reports as a failing seed.
/// </summary>
internal sealed class StepWatchdog : IDisposable
{
    private readonly Timer _timer;
    private readonly Lock _gate = new();
    private JsRuntime? _watched;
    private long _armedAt;
    private TimeSpan _limit;

    public StepWatchdog() => _timer = new Timer(_ => Fire());

    public void Arm(JsRuntime runtime, TimeSpan limit)
    {
        lock (_gate)
        {
            _watched = runtime;
            _armedAt = Stopwatch.GetTimestamp();
            _limit = limit;
        }
        _timer.Change(limit, Timeout.InfiniteTimeSpan);
    }

    public void Disarm()
    {
        lock (_gate) _watched = null;
    }

    private void Fire()
    {
        lock (_gate)
        {
            if (_watched is null) return;
            // A timer armed for an earlier step may fire late, during a later one, and a timer may fire a
            // little before the stopwatch says the limit passed: a step not yet past its own limit is
            // watched again for the rest of it (returning without re-arming once left a spin running forever).
            var left = _limit - Stopwatch.GetElapsedTime(_armedAt);
            if (left > TimeSpan.Zero)
            {
                _timer.Change(left + TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan);
                return;
            }
            _watched.Interrupt(1, string.Create(CultureInfo.InvariantCulture,
                $"a step ran for {_limit.TotalSeconds:0.###} s of wall time without returning to the event loop (a synchronous infinite loop?)"));
            _watched = null;
        }
    }

    public void Dispose() => _timer.Dispose();
}
