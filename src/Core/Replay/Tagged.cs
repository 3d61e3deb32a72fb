using EsRuntime.Loop;

namespace EsRuntime.Replay;

/// <summary>
/// Records an asynchronous provider's questions and answers: the question when the program asks it
/// (on the loop thread, so in program order), the answer when the provider gives it (inline, on the
/// thread that gave it), both carrying the same tag. A failure is written by <paramref name="failure"/>
/// and rethrown as the exception it returns (a provider's own error type).
/// </summary>
internal sealed class TaggedRecorder(TraceWriter trace, TraceEventKind request, TraceEventKind result, Func<long, Exception, (TraceEvent Event, Exception Error)> failure)
{
    private long _tag;

    public Task<T> Record<T>(string question, Func<Task<T>> start, Func<long, T, TraceEvent> answer, Func<long, T, T>? wrap = null)
    {
        var tag = ++_tag;
        trace.Add(new TraceEvent(request, question, Number: tag));
        return start().Then(work =>
        {
            if (work.IsCompletedSuccessfully)
            {
                trace.Add(answer(tag, work.Result));
                return wrap is null ? work.Result : wrap(tag, work.Result);
            }
            var (e, error) = failure(tag, work.Exception?.InnerException ?? new OperationCanceledException());
            trace.Add(e);
            throw error;
        });
    }

    public Task<bool> Record(string question, Func<Task> start) => Record(question, () => start().Done(), (tag, _) => Ok(tag));

    /// <summary>A question with no answer (closing a handle).</summary>
    public void Note(string question) => trace.Add(new TraceEvent(request, question, Number: ++_tag));

    public TraceEvent Ok(long tag, string? text = null, byte[]? bytes = null) => new(result, "ok", text, tag, bytes);

    public TraceEvent Failure(long tag, string status, string detail) => new(result, status, detail, tag);
}

/// <summary>
/// The replaying side of <see cref="TaggedRecorder"/>: each question must be the one recorded next,
/// and its task completes when the replay passes the tagged answer. The error function turns a
/// failed answer back into the provider's exception (null for success).
/// </summary>
internal sealed class TaggedReplayer
{
    private readonly Replaying.TraceReplayer _trace;
    private readonly TraceEventKind _request;
    private readonly Func<TraceEvent, Exception?> _error;
    private readonly Dictionary<long, Action<TraceEvent>> _waiting = [];

    public TaggedReplayer(Replaying.TraceReplayer trace, TraceEventKind request, TraceEventKind result, Func<TraceEvent, Exception?> error)
    {
        _trace = trace;
        _request = request;
        _error = error;
        trace.OnOutOfBand(result, e =>
        {
            if (_waiting.Remove((long)e.Number, out var complete)) complete(e);
        });
    }

    public Task<T> Ask<T>(string question, Func<TraceEvent, T> decode)
    {
        var tag = (long)_trace.Expect(_request, question, question).Number;
        var done = new TaskCompletionSource<T>();
        _waiting[tag] = e =>
        {
            if (_error(e) is { } error) done.SetException(error);
            else
            {
                try { done.SetResult(decode(e)); }
                catch (Exception failed) when (failed is FormatException or IndexOutOfRangeException or ArgumentException) { done.SetException(_error(new TraceEvent(e.Kind, "IOError", "the trace's answer does not decode", e.Number))!); }
            }
        };
        return done.Task;
    }

    public Task<bool> Ask(string question) => Ask(question, _ => true);

    public void Told(string question) => _trace.Expect(_request, question, question);
}
