using EsRuntime.Providers;
using EsRuntime.Providers.Sim;

namespace EsRuntime.Wpt;

/// <summary>
/// The virtual clock, except that each read moves it one microsecond on: time passes while script
/// runs, as it does on a real clock (hr-time expects performance.now() &gt; 0 after start-up), and a run
/// stays a pure function of the file. Idle still jumps to the next timer.
/// </summary>
public sealed class SteppingClock : IClock
{
    private static readonly TimeSpan Step = TimeSpan.FromTicks(10);
    private readonly VirtualClock _clock = new();

    public double WallNowMs()
    {
        _clock.Time.Advance(Step);
        return _clock.WallNowMs();
    }

    public double MonotonicNowMs()
    {
        _clock.Time.Advance(Step);
        return _clock.MonotonicNowMs();
    }

    public bool Idle(double? untilMonotonicMs, WaitHandle wake) => _clock.Idle(untilMonotonicMs, wake);
}
