namespace EsRuntime.Loop;

/// <summary>
/// Continuations that run on the thread that completed the work, never posted elsewhere. An
/// <c>await</c> hops to the current SynchronizationContext (an embedder's UI thread, xunit's test
/// context) or the thread pool when it cannot inline, which in a simulation — where work completes
/// on the loop thread as virtual time passes — would let the loop go idle before the answer arrives
/// and would make arrival order depend on thread timing. So provider-facing code chains with these.
/// </summary>
internal static class TaskChain
{
    /// <summary>A task that completes (true) when <paramref name="task"/> does, with its failure.</summary>
    public static Task<bool> Done(this Task task) => task.ContinueWith(static t =>
    {
        t.GetAwaiter().GetResult();
        return true;
    }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    /// <summary>Maps a task's outcome (success or failure) inline.</summary>
    public static Task<TResult> Then<T, TResult>(this Task<T> task, Func<Task<T>, TResult> next) =>
        task.ContinueWith(next, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
