using EsRuntime.Providers;

namespace EsRuntime.Providers.Sim;

/// <summary>
/// A simulated clock: when the loop is idle it jumps straight to the next timer or simulated event
/// (whichever is first) and runs the events due then. With nothing scheduled it reports that nothing
/// can happen any more (in a <see cref="Simulation"/>) or waits for a real provider's completion. Virtual time ends a thousand years after it
/// starts; a program that tries to wait past that gets a clear error instead of an overflow.
/// </summary>
public sealed class VirtualClock : IClock
{
    /// <summary>How far virtual time may run: 1000 years, in milliseconds.</summary>
    public const double EndOfTimeMs = 1000.0 * 365.25 * 24 * 3600 * 1000;

    private readonly Simulation? _simulation;

    public VirtualClock(Simulation? simulation = null, VirtualTimeProvider? time = null)
    {
        _simulation = simulation;
        Time = time ?? new VirtualTimeProvider();
    }

    public VirtualTimeProvider Time { get; }

    public double WallNowMs() => (Time.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalMilliseconds;

    public double MonotonicNowMs() => Time.GetTimestamp() / (double)TimeSpan.TicksPerMillisecond;

    public bool Idle(double? untilMonotonicMs, WaitHandle wake)
    {
        var next = _simulation?.NextEventDue;
        var target = (untilMonotonicMs, next) switch
        {
            ({ } a, { } b) => Math.Min(a, b),
            ({ } a, null) => a,
            (null, { } b) => b,
            _ => (double?)null,
        };
        if (target is null)
        {
            // In a simulation nothing else can happen: the loop is stuck for good. A bare virtual clock
            // (tests that mix virtual time with real providers) waits for a real completion instead.
            if (_simulation is not null) return false;
            wake.WaitOne();
            return true;
        }
        if (target.Value > EndOfTimeMs)
            throw new InvalidOperationException($"simulated time ran out: the next timer is due {target.Value / 3.15576e10:0} years after the start, past the simulator's limit of 1000 years");
        var now = MonotonicNowMs();
        if (target.Value > now) Time.Advance(TimeSpan.FromTicks((long)Math.Ceiling((target.Value - now) * TimeSpan.TicksPerMillisecond)));
        _simulation?.RunDue();
        return true;
    }

    /// <summary>
    /// As <see cref="Idle"/>, answered at once: virtual time jumps instead of passing. Only a bare clock
    /// with nothing due waits (for a real completion), and then on the thread pool.
    /// </summary>
    public Task<bool> IdleAsync(double? untilMonotonicMs, WaitHandle wake)
    {
        if (untilMonotonicMs is null && _simulation is null) return Task.Run(() => Idle(null, wake));
        try { return Task.FromResult(Idle(untilMonotonicMs, wake)); }
        catch (InvalidOperationException e) { return Task.FromException<bool>(e); }
    }
}
