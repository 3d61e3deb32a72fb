namespace EsRuntime.Loop;

/// <summary>
/// HTML timers: ordered by due time, then by creation; a timer created at nesting level above 5
/// with a timeout under 4 ms is clamped to 4 ms. Times are monotonic milliseconds.
/// </summary>
/// <remarks>
/// Timers due at the same time wait in one FIFO, in creation order since sequence numbers only grow;
/// a priority queue orders the distinct due times. Timers made together share their due time, so a
/// start or a fire is O(1) where one heap over all timers cost O(log n) (D64).
/// </remarks>
internal sealed class TimerQueue
{
    public sealed class Timer
    {
        public required int Id { get; init; }
        public required bool Repeat { get; init; }
        public required double Interval { get; set; }
        public double Due { get; set; }
        public long Sequence { get; set; }
        public int Nesting { get; set; }
        public bool Cancelled { get; set; }
    }

    private readonly PriorityQueue<Queue<Timer>, double> _dueTimes = new();
    private readonly Dictionary<double, Queue<Timer>> _byDue = [];
    private readonly Stack<Queue<Timer>> _spareQueues = new();
    private readonly Dictionary<int, Timer> _live = [];
    private int _queued;
    private long _sequence;
    private int _cancelledQueued;
    private double _firingNow;
    private long _firingLimit;
    private Timer? _running;

    /// <summary>The nesting level of the timer whose callback is running (0 outside timers).</summary>
    public int CurrentNesting { get; set; }

    public int Count => _live.Count;

    /// <summary>Entries held in the queue, cancelled ones included (memory follows this).</summary>
    internal int QueuedCount => _queued;

    public double? NextDue => TryPeek(out var timer) ? timer.Due : null;

    /// <summary>
    /// Applies the timers the script started and cleared since the last call, in order: JS assigns ids
    /// and logs each start as (id, timeout, repeat) and each clear as (−id, 0, 0), so neither crosses
    /// into C# on its own (D64). Slot 0 holds the record count; it is zeroed here.
    /// </summary>
    public void Apply(Span<double> log, double now)
    {
        if (log.IsEmpty) return;
        var count = (int)log[0];
        if (count <= 0) return;
        if (count > (log.Length - 1) / 3) throw new InvalidOperationException($"timer log holds {count} records, more than fit");
        for (var i = 0; i < count; i++)
        {
            var id = (int)log[1 + 3 * i];
            if (id > 0) Start(id, now, (int)log[2 + 3 * i], log[3 + 3 * i] != 0);
            else Cancel(-id);
        }
        log[0] = 0;
    }

    public void Start(int id, double now, int timeoutMs, bool repeat)
    {
        Cancel(id); // ids wrap after 2^31 − 1 timers; an old timer with the id is not the script's any more
        var nesting = CurrentNesting + 1;
        double timeout = Math.Max(0, timeoutMs);
        if (nesting > 5 && timeout < 4) timeout = 4;
        var timer = new Timer { Id = id, Repeat = repeat, Interval = timeout, Nesting = nesting };
        Schedule(timer, now);
        _live[timer.Id] = timer;
    }

    public void Cancel(int id)
    {
        if (!_live.Remove(id, out var timer)) return;
        timer.Cancelled = true;
        if (timer == _running) return; // out of the queue; FinishRunning will not re-arm it
        // A cancelled timer stays queued until its due time; rebuild the queue once they outnumber the
        // live ones, so memory follows live timers (amortised O(1) per cancel).
        if (++_cancelledQueued > 64 && _cancelledQueued > _live.Count) Compact();
    }

    private void Compact()
    {
        var kept = 0;
        foreach (var queue in _byDue.Values)
        {
            var count = queue.Count;
            for (var i = 0; i < count; i++)
            {
                var timer = queue.Dequeue();
                if (!timer.Cancelled) queue.Enqueue(timer); // a full rotation keeps the order
            }
            kept += queue.Count;
        }
        _queued = kept;
        _cancelledQueued = 0;
    }

    /// <summary>
    /// Starts a turn's firing: the timers due at <paramref name="now"/> and created before this call fire,
    /// one by one through <see cref="FireNext"/>; those their callbacks create wait for a later turn.
    /// </summary>
    public void BeginFiring(double now)
    {
        _firingNow = now;
        _firingLimit = _sequence;
    }

    /// <summary>Whether a timer of this turn's firing is still due.</summary>
    public bool HasDue => TryPeekDue(out _);

    /// <summary>
    /// Finishes the running timer (<see cref="FinishRunning"/>) and takes the next due one, whose
    /// nesting level applies to the timers its callback creates. Returns its id, or 0 when none is due.
    /// </summary>
    public int FireNext()
    {
        FinishRunning();
        if (!TryPeekDue(out var timer)) return 0;
        _dueTimes.Peek().Dequeue(); // the peeked timer heads the earliest due time's queue
        _queued--;
        if (!timer.Repeat) _live.Remove(timer.Id);
        _running = timer;
        CurrentNesting = timer.Nesting;
        return timer.Id;
    }

    /// <summary>Ends the running timer's callback: an interval is re-scheduled unless it was cleared.</summary>
    public void FinishRunning()
    {
        if (_running is not { } timer) return;
        _running = null;
        CurrentNesting = 0;
        if (timer.Cancelled || !timer.Repeat) return;
        timer.Nesting++;
        if (timer.Nesting > 5 && timer.Interval < 4) timer.Interval = 4;
        Schedule(timer, _firingNow);
    }

    private bool TryPeekDue(out Timer timer) =>
        TryPeek(out timer) && timer.Due <= _firingNow && timer.Sequence < _firingLimit;

    /// <summary>The earliest live timer; cancelled ones met on the way leave the queue.</summary>
    private bool TryPeek(out Timer timer)
    {
        while (_dueTimes.TryPeek(out var queue, out var due))
        {
            while (queue.TryPeek(out timer!))
            {
                if (!timer.Cancelled) return true;
                queue.Dequeue();
                _queued--;
                _cancelledQueued--;
            }
            _dueTimes.Dequeue();
            _byDue.Remove(due);
            if (_spareQueues.Count < 16) _spareQueues.Push(queue);
        }
        timer = null!;
        return false;
    }

    private void Schedule(Timer timer, double now)
    {
        timer.Due = now + timer.Interval;
        timer.Sequence = _sequence++;
        if (!_byDue.TryGetValue(timer.Due, out var queue))
        {
            queue = _spareQueues.Count > 0 ? _spareQueues.Pop() : new Queue<Timer>();
            _byDue[timer.Due] = queue;
            _dueTimes.Enqueue(queue, timer.Due);
        }
        queue.Enqueue(timer);
        _queued++;
    }
}
