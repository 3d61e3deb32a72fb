namespace EsRuntime.Replay.Replaying;

/// <summary>
/// Hands out the trace's events in order to the replay providers and detects divergence: a request
/// for something other than what the trace holds next, or for more than it holds. A trace cut short
/// is reported as such (<see cref="ReplayDivergence.CutShort"/>) where the replay reaches its end, whether
/// the program asks for more there or ends there: what the recorded run did next is unknown.
/// </summary>
public sealed class TraceReplayer(TraceReader reader)
{
    private TraceEvent? _peeked;
    private string? _peekedSite;
    private bool _peekedEnd;
    private readonly Dictionary<TraceEventKind, Action<TraceEvent>> _outOfBand = [];

    /// <summary>
    /// Events of <paramref name="kind"/> are answers written whenever a provider finished, not at a point
    /// of the program: they go to <paramref name="handler"/> as the replay passes them, never to Expect.
    /// </summary>
    public void OnOutOfBand(TraceEventKind kind, Action<TraceEvent> handler) => _outOfBand[kind] = handler;

    /// <summary>The next event if it is of <paramref name="kind"/> and <paramref name="accept"/> takes it; else null and nothing is consumed.</summary>
    public TraceEvent? TryTake(TraceEventKind kind, Func<TraceEvent, bool> accept)
    {
        if (Divergence is not null) throw new ReplayDivergenceException(Divergence);
        var next = Peek();
        if (next is null || next.Kind != kind || !accept(next)) return null;
        _peeked = null;
        Position++;
        return next;
    }

    /// <summary>Reads past the answers (out-of-band events) that come before the next in-order event.</summary>
    public void PassAnswers()
    {
        if (Divergence is null) Peek();
    }

    /// <summary>Stops the replay: the program did something the trace cannot account for.</summary>
    public ReplayDivergenceException Fail(string traceHas, string programAsked) => Diverge(traceHas, programAsked);

    /// <summary>The recorded run's header.</summary>
    public TraceHeader Header => reader.Header;

    /// <summary>Where script execution is now (file:line:column), asked only when a divergence is reported.</summary>
    public Func<string?> CallSite { get; set; } = () => null;

    /// <summary>Told once, at the first divergence (e.g. to stop the runtime with its own exit code).</summary>
    public Action<ReplayDivergence>? OnDivergence { get; set; }

    /// <summary>The first divergence, once there was one; null while the replay matches the trace.</summary>
    public ReplayDivergence? Divergence { get; private set; }

    /// <summary>Events handed out so far.</summary>
    public long Position { get; private set; }

    /// <summary>
    /// The next event, which must be of <paramref name="kind"/> and, where given, about
    /// <paramref name="argument"/>; otherwise the replay diverges here.
    /// </summary>
    public TraceEvent Expect(TraceEventKind kind, string request, string? argument = null, Func<TraceEvent, bool>? matches = null)
    {
        if (Divergence is not null) throw new ReplayDivergenceException(Divergence);
        var next = Peek();
        if (next is null)
            throw reader.Truncated && reader.EndExitCode is null
                ? Diverge(NoEndRecord, $"asked for <{request}>", cutShort: true)
                : Diverge("no more events (the recorded run ended here)", request);
        if (next.Kind != kind || (argument is not null && next.Argument != argument) || (matches is not null && !matches(next)))
            throw Diverge($"<{next.DescribeRequest()}>", request);
        _peeked = null;
        Position++;
        return next;
    }

    /// <summary>After the program ended: the trace must hold nothing more.</summary>
    public void ExpectEnd(int exitCode)
    {
        if (Divergence is not null) return;
        var next = Peek();
        if (next is not null)
        {
            Diverge($"<{next.DescribeRequest()}>", "nothing more (it ended)", callSite: false);
            return;
        }
        if (reader.Truncated)
        {
            Diverge(reader.EndExitCode is null ? NoEndRecord : "the file ends inside the compressed stream, after the end record",
                $"ended with exit code {exitCode}{(reader.EndExitCode is { } end && end != exitCode ? $" (the trace's end record says {end})" : "")}",
                callSite: false, cutShort: true);
            return;
        }
        if (reader.EndExitCode is { } recorded && recorded != exitCode)
            Diverge($"an exit code of {recorded}", $"an exit code of {exitCode}", callSite: false);
    }

    /// <summary>Whether the replay has reached the end of a trace that was cut short (no clean end).</summary>
    public bool TraceWasTruncated => Peek() is null && reader.Truncated;

    private const string NoEndRecord = "no end record: the recorded run did not finish, or the file was truncated";

    private TraceEvent? Peek()
    {
        while (_peeked is null && !_peekedEnd)
        {
            _peeked = reader.Next();
            _peekedSite = reader.CallSite;
            _peekedEnd = _peeked is null;
            if (_peeked is not null && _outOfBand.TryGetValue(_peeked.Kind, out var handler))
            {
                var e = _peeked;
                _peeked = null;
                Position++;
                handler(e);
            }
            else if (_peeked?.Kind == TraceEventKind.Fault)
            {
                _peeked = null;
                Position++;
            }
        }
        return _peeked;
    }

    private ReplayDivergenceException Diverge(string traceHas, string programAsked, bool callSite = true, bool cutShort = false)
    {
        Divergence = new ReplayDivergence(Position, traceHas, programAsked, callSite ? SafeCallSite() : null, cutShort)
        {
            RecordedCallSite = _peeked is null ? null : _peekedSite,
        };
        OnDivergence?.Invoke(Divergence);
        return new ReplayDivergenceException(Divergence);
    }

    private string? SafeCallSite()
    {
        try { return CallSite(); }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException) { return null; }
    }
}

/// <summary>
/// Where and how a replay left its trace. <see cref="CutShort"/>: not a divergence of the program but
/// the end of a trace that was cut short (the recorded run did not finish, or the file was truncated);
/// every event it held was replayed. <see cref="CallSite"/> is where the replay was;
/// <see cref="RecordedCallSite"/> where the recorded run was at the trace's event, when it was recorded with call sites.
/// </summary>
public sealed record ReplayDivergence(long EventIndex, string TraceHas, string ProgramAsked, string? CallSite, bool CutShort = false)
{
    /// <summary>Where the recorded run was at the trace's event (traces recorded with call sites), else null.</summary>
    public string? RecordedCallSite { get; init; }

    /// <summary>The divergence in words, with the call sites when known.</summary>
    public string Message =>
        (CutShort
            ? $"the trace was cut short after event {EventIndex} ({TraceHas}): the replay matched every recorded event, then the program {ProgramAsked}"
            : $"replay diverged at event {EventIndex}: trace has {TraceHas}, program asked for <{ProgramAsked}>") +
        (CallSite is null ? "" : $"\n    at {CallSite}") +
        (RecordedCallSite is null ? "" : $"\n    the recorded run was at {RecordedCallSite}");
}

/// <summary>Thrown when a replay diverges from its trace (or is asked for more than it holds); carries the <see cref="ReplayDivergence"/>.</summary>
public sealed class ReplayDivergenceException(ReplayDivergence divergence) : Exception(divergence.Message)
{
    /// <summary>Where and how the replay left the trace.</summary>
    public ReplayDivergence Divergence { get; } = divergence;
}
