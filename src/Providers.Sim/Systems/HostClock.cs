using EsRuntime.Providers;

namespace EsRuntime.Providers.Sim;

/// <summary>
/// One host's clock in a simulated system: the world's monotonic time line (every host's timers run on
/// it), and a wall clock of the host's own — offset (skew), running fast or slow (drift), stepped by a
/// fault — as real machines' clocks disagree.
/// </summary>
public sealed class HostClock(Simulation world) : IClock
{
    /// <summary>Milliseconds this host's wall clock is ahead of the world's (negative: behind).</summary>
    public double OffsetMs { get; set; }

    /// <summary>How much faster than real time the wall clock runs (0.001: a millisecond fast per second).</summary>
    public double DriftRate { get; set; }

    public double WallNowMs() => world.Clock.WallNowMs() + OffsetMs + DriftRate * world.Now;

    public double MonotonicNowMs() => world.Now;

    public bool Idle(double? untilMonotonicMs, WaitHandle wake) => world.Clock.Idle(untilMonotonicMs, wake);
}
