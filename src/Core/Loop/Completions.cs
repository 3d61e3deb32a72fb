using System.Collections.Concurrent;
using EsRuntime.Engine;
using EsRuntime.Providers;

namespace EsRuntime.Loop;

/// <summary>
/// The loop's completion path. Provider work (a <see cref="Task"/> that may finish on any thread) is
/// awaited here; when it finishes it only joins the ready queue and wakes the loop. Once per turn the
/// loop asks the <see cref="IScheduler"/> which ready completions to deliver, runs their continuations
/// on the loop thread — which answer the script's promises through <see cref="Reply"/> — and hands
/// every answer to JS in one batch. Work started with an order key is delivered in the order it was
/// started, whatever the scheduler says, so two reads of one stream never swap.
/// </summary>
internal sealed class Completions(IScheduler scheduler, int limit, Action wake)
{
    private sealed record Work(long Id, Task Task, int Key, Action<Task> Continuation);

    private readonly Dictionary<long, Work> _inFlight = [];
    private readonly ConcurrentQueue<long> _arrived = new();
    private readonly List<long> _ready = [];
    private readonly Dictionary<int, Queue<long>> _byKey = [];
    private readonly List<long> _eligible = [];
    private readonly List<long> _deliver = [];
    private readonly HashSet<long> _readySet = [];
    private long _nextWork = 1;
    private int _nextPromise = 1;
    private int _promises;
    private long _turn;

    /// <summary>The batch the current delivery writes into, set by the loop for the duration of a delivery.</summary>
    public CompletionBatch? Batch { get; set; }

    /// <summary>Script promises not yet answered (each op the script awaits).</summary>
    public int PendingPromises => _promises;

    /// <summary>Provider work in flight or ready but not yet delivered.</summary>
    public int PendingWork => _inFlight.Count;

    public bool HasWork => _inFlight.Count > 0;

    /// <summary>Whether some work finished since the last delivery (the loop should not idle then).</summary>
    public bool HasArrivals => !_arrived.IsEmpty || _ready.Count > 0;

    /// <summary>A new script-visible operation id; the script's promise for it settles through <see cref="Reply"/>.</summary>
    /// <exception cref="OpException">a RangeError past the runtime's limit of pending operations.</exception>
    public int NewPromise()
    {
        if (_promises >= limit)
            throw new OpException("RangeError", $"too many pending operations: the limit is {limit} per runtime (await some before starting more)");
        _promises++;
        var id = _nextPromise++;
        if (_nextPromise == int.MaxValue) _nextPromise = 1;
        return id;
    }

    /// <summary>Answers a script operation (loop thread only).</summary>
    public Reply Reply(int promiseId)
    {
        _promises--;
        return new Reply(Batch ?? throw new InvalidOperationException("replies are written during a delivery"), promiseId);
    }

    /// <summary>
    /// The usual async op: a promise for the script, answered when <paramref name="start"/>'s work is
    /// delivered. <paramref name="start"/> runs only once the promise is granted, so nothing starts past the limit.
    /// </summary>
    public int Start<T>(Func<Task<T>> start, int orderKey, Action<T, Reply> onResult, Action<Exception, Reply> onError)
    {
        var id = NewPromise();
        Task<T> task;
        try { task = start(); }
        catch (FsException e) { task = Task.FromException<T>(e); }
        Await(task, orderKey, t =>
        {
            var reply = Reply(id);
            if (t.IsCompletedSuccessfully) onResult(((Task<T>)t).Result, reply);
            else onError(t.Exception?.InnerException ?? new OperationCanceledException("the operation was cancelled"), reply);
        });
        return id;
    }

    /// <summary>
    /// Awaits provider work; <paramref name="continuation"/> runs on the loop thread when it is delivered.
    /// A non-zero <paramref name="orderKey"/> (a handle or stream) keeps that key's work in start order.
    /// </summary>
    public void Await(Task task, int orderKey, Action<Task> continuation)
    {
        var id = _nextWork++;
        _inFlight[id] = new Work(id, task, orderKey, continuation);
        if (orderKey != 0)
        {
            if (!_byKey.TryGetValue(orderKey, out var queue)) _byKey[orderKey] = queue = new Queue<long>();
            queue.Enqueue(id);
        }
        task.ContinueWith(static (_, state) =>
        {
            var (self, workId) = ((Completions, long))state!;
            self._arrived.Enqueue(workId);
            self.Wake();
        }, (this, id), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void Wake() => wake();

    /// <summary>
    /// One delivery: the scheduler's choice among the ready completions, continuations run in that order.
    /// Returns how many continuations ran.
    /// </summary>
    public int Deliver()
    {
        _turn++;
        scheduler.Prepare(_turn);
        while (_arrived.TryDequeue(out var id))
            if (_readySet.Add(id)) _ready.Add(id);
        Eligible();
        _deliver.Clear();
        scheduler.Order(_turn, _eligible, _deliver);
        if (_deliver.Count == 0) return 0;
        KeepKeyOrder();
        foreach (var id in _deliver)
        {
            if (!_readySet.Remove(id) || !_inFlight.Remove(id, out var work))
                throw new InvalidOperationException($"the scheduler chose completion {id}, which is not ready");
            _ready.Remove(id);
            if (work.Key != 0)
            {
                var queue = _byKey[work.Key];
                queue.Dequeue();
                if (queue.Count == 0) _byKey.Remove(work.Key);
            }
            work.Continuation(work.Task);
        }
        return _deliver.Count;
    }

    /// <summary>Ready work that may go now: unkeyed, or next in its key's start order (counting ready predecessors).</summary>
    private void Eligible()
    {
        _eligible.Clear();
        foreach (var id in _ready)
        {
            var work = _inFlight[id];
            if (work.Key == 0) { _eligible.Add(id); continue; }
            foreach (var earlier in _byKey[work.Key])
            {
                if (earlier == id) { _eligible.Add(id); break; }
                if (!_readySet.Contains(earlier)) break;
            }
        }
    }

    /// <summary>Within each key, the chosen positions get that key's work in start (id) order.</summary>
    private void KeepKeyOrder()
    {
        Dictionary<int, List<int>>? positions = null;
        for (var i = 0; i < _deliver.Count; i++)
        {
            var key = _inFlight[_deliver[i]].Key;
            if (key == 0) continue;
            positions ??= [];
            if (!positions.TryGetValue(key, out var list)) positions[key] = list = [];
            list.Add(i);
        }
        if (positions is null) return;
        foreach (var list in positions.Values)
        {
            if (list.Count < 2) continue;
            var ids = list.Select(i => _deliver[i]).Order().ToArray();
            for (var k = 0; k < list.Count; k++) _deliver[list[k]] = ids[k];
        }
    }

    /// <summary>Waits (bounded) for provider work still running, so none writes into a disposed runtime.</summary>
    public void Drain(TimeSpan timeout)
    {
        var tasks = _inFlight.Values.Select(w => w.Task).Where(t => !t.IsCompleted).ToArray();
        if (tasks.Length > 0)
        {
            try { Task.WaitAll(tasks, timeout); }
            catch (AggregateException) { }
        }
    }
}
