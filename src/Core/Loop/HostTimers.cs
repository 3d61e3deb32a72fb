namespace EsRuntime.Loop;

/// <summary>
/// Deadlines of the runtime's own C# code (an HTTP connection's header and idle timeouts), on the
/// loop's monotonic time. They wake an idle loop like JS timers but never keep a run alive by
/// themselves: whatever they guard (an open connection) does that.
/// </summary>
internal sealed class HostTimers
{
    /// <summary>A scheduled deadline; cancel it with <see cref="Cancel"/>.</summary>
    public sealed class Entry(Action action)
    {
        public Action Action { get; } = action;
        public bool Cancelled { get; private set; }
        public void Cancel() => Cancelled = true;
    }

    private readonly PriorityQueue<Entry, (double Due, long Sequence)> _queue = new();
    private long _sequence;

    public Entry At(double dueMs, Action action)
    {
        var entry = new Entry(action);
        _queue.Enqueue(entry, (dueMs, _sequence++));
        return entry;
    }

    public double? NextDue
    {
        get
        {
            while (_queue.TryPeek(out var e, out _) && e.Cancelled) _queue.Dequeue();
            return _queue.TryPeek(out _, out var key) ? key.Due : null;
        }
    }

    /// <summary>Runs every deadline due at <paramref name="now"/>, in due order.</summary>
    public void RunDue(double now)
    {
        while (_queue.TryPeek(out var e, out var key) && key.Due <= now)
        {
            _queue.Dequeue();
            if (!e.Cancelled) e.Action();
        }
    }
}
