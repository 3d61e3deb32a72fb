using EsRuntime.Loop;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EsRuntime.Properties;

/// <summary>
/// The timer queue (per-due-time FIFOs under a heap of due times, D64) fires what a literal reading of
/// HTML's rules fires: by due time, then creation; only timers due and created before the turn began;
/// intervals re-armed after their callback with the nesting clamp; clears honoured wherever they happen.
/// </summary>
public class TimerProperties
{
    private enum Kind { Start, StartInterval, Cancel, StartInCallback, CancelInCallback, Turn }

    private sealed record Op(Kind Kind, int Value);

    private static readonly Gen<Op> OpGen =
        from kind in Gen.Elements(Enum.GetValues<Kind>())
        from value in Gen.Elements(0, 0, 1, 3, 4, 7, 10)
        select new Op(kind, value);

    private static Arbitrary<Op[]> Sequences => Arb.From(Gen.ArrayOf(OpGen).Where(ops => ops.Length is > 0 and <= 60));

    // The reference: a plain list, searched for the minimum (due, sequence) each time.
    private sealed class Model
    {
        private sealed class T { public int Id, Nesting; public double Interval, Due; public long Seq; public bool Repeat; }
        private readonly List<T> _live = [];
        private long _seq;
        public int Nesting;

        public void Start(int id, double now, int timeout, bool repeat)
        {
            var nesting = Nesting + 1;
            double interval = timeout;
            if (nesting > 5 && interval < 4) interval = 4;
            _live.Add(new T { Id = id, Nesting = nesting, Interval = interval, Due = now + interval, Seq = _seq++, Repeat = repeat });
        }

        public void Cancel(int id) => _live.RemoveAll(t => t.Id == id);

        public List<int> Turn(double now, Func<int, bool> inCallback)
        {
            var fired = new List<int>();
            var limit = _seq;
            for (; ; )
            {
                var next = _live.Where(t => t.Due <= now && t.Seq < limit).OrderBy(t => t.Due).ThenBy(t => t.Seq).FirstOrDefault();
                if (next is null) return fired;
                _live.Remove(next);
                fired.Add(next.Id);
                Nesting = next.Nesting;
                var cleared = inCallback(next.Id);
                Nesting = 0;
                if (next.Repeat && !cleared)
                {
                    next.Nesting++;
                    if (next.Nesting > 5 && next.Interval < 4) next.Interval = 4;
                    next.Due = now + next.Interval;
                    next.Seq = _seq++;
                    _live.Add(next);
                }
            }
        }
    }

    [Property(MaxTest = 300)]
    public Property TheQueueFiresWhatHtmlsRulesFire() => Prop.ForAll(Sequences, ops =>
    {
        var model = new Model();
        var queue = new TimerQueue();
        var started = new List<int>();
        var nextId = 1;
        var now = 0.0;
        var callbackStarts = new Queue<Op>();
        List<string> modelLog = [], queueLog = [];
        foreach (var op in ops)
        {
            switch (op.Kind)
            {
                case Kind.Start or Kind.StartInterval:
                    var id = nextId++;
                    started.Add(id);
                    model.Start(id, now, op.Value, op.Kind == Kind.StartInterval);
                    queue.Start(id, now, op.Value, op.Kind == Kind.StartInterval);
                    break;
                case Kind.Cancel when started.Count > 0:
                    var victim = started[op.Value % started.Count];
                    model.Cancel(victim);
                    queue.Cancel(victim);
                    break;
                case Kind.StartInCallback or Kind.CancelInCallback:
                    callbackStarts.Enqueue(op);
                    break;
                case Kind.Turn:
                    now += op.Value;
                    // The first callbacks of the turn start or clear timers, the same in both.
                    var pending = new Queue<Op>(callbackStarts);
                    var pendingForQueue = new Queue<Op>(callbackStarts);
                    callbackStarts.Clear();
                    bool Callback(Queue<Op> work, Action<int, int, bool> start, Action<int> cancel, int firing, ref int ids)
                    {
                        if (work.Count == 0) return false;
                        var c = work.Dequeue();
                        if (c.Kind == Kind.StartInCallback) { start(ids, c.Value, c.Value % 2 == 1); ids++; return false; }
                        cancel(firing); // an interval clearing itself, or a no-op for a timeout
                        return true;
                    }
                    var idsForModel = nextId;
                    modelLog.Add(string.Join(",", model.Turn(now, firing =>
                        Callback(pending, (i, t, r) => model.Start(i, now, t, r), model.Cancel, firing, ref idsForModel))));
                    var idsForQueue = nextId;
                    var fired = new List<int>();
                    queue.BeginFiring(now);
                    for (var f = queue.FireNext(); f != 0; f = queue.FireNext())
                    {
                        fired.Add(f);
                        Callback(pendingForQueue, (i, t, r) => queue.Start(i, now, t, r), queue.Cancel, f, ref idsForQueue);
                    }
                    queue.FinishRunning();
                    queueLog.Add(string.Join(",", fired));
                    for (var i = nextId; i < idsForQueue; i++) started.Add(i);
                    nextId = idsForQueue;
                    break;
            }
        }
        // Every live timer is queued (cancelled ones may still wait there until they are reached).
        return (string.Join(" | ", modelLog) == string.Join(" | ", queueLog) && queue.QueuedCount >= queue.Count)
            .Label($"model {string.Join(" | ", modelLog)}\nqueue {string.Join(" | ", queueLog)}");
    });
}
