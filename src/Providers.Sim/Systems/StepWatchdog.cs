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
            // A timer armed for an earlier step may fire late, during a later one: only a step past its own limit is stopped.
            if (_watched is null || Stopwatch.GetElapsedTime(_armedAt) < _limit) return;
            _watched.Interrupt(1, string.Create(CultureInfo.InvariantCulture,
                $"a step ran for {_limit.TotalSeconds:0.###} s of wall time without returning to the event loop (a synchronous infinite loop?)"));
            _watched = null;
        }
    }

    public void Dispose() => _timer.Dispose();
}
