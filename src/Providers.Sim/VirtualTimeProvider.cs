namespace EsRuntime.Providers.Sim;

/// <summary>
/// A <see cref="TimeProvider"/> whose time moves only when told to. (Microsoft.Extensions.Time.Testing's
/// FakeTimeProvider is not served by this machine's package feed, and the loop needs no timers from it.)
/// </summary>
public sealed class VirtualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long _elapsedTicks;

    public static readonly DateTimeOffset DefaultEpoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public VirtualTimeProvider() : this(DefaultEpoch) { }

    public override DateTimeOffset GetUtcNow() => start.AddTicks(Interlocked.Read(ref _elapsedTicks));

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _elapsedTicks);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "virtual time cannot go backwards");
        Interlocked.Add(ref _elapsedTicks, by.Ticks);
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        throw new NotSupportedException("VirtualTimeProvider has no timers: the esrun loop owns timers and advances this clock");
}
