using EsRuntime.Providers;

namespace EsRuntime.Providers.Sim.Net;

/// <summary>
/// One direction of a simulated TCP connection. A write is cut into segments of seeded sizes, each
/// arriving after the link's latency, jitter and transmission time — never before the segment sent
/// ahead of it, so a stream is never reordered. Arrived bytes wait in the receive buffer, where a read
/// takes as many as it can hold (so segments coalesce). Bytes in flight plus bytes buffered are capped:
/// a writer whose reader does not read waits, which is TCP's back-pressure. <paramref name="sender"/>
/// names the host writing into it (a one-way partition holds only that host's segments).
/// </summary>
internal sealed class SimPipe(Simulation world, SimLink link, string name, string sender, Action<NetException> reset)
{
    /// <summary>Send window plus receive buffer: what may be unread before a writer has to wait.</summary>
    public const int Capacity = 256 * 1024;

    private readonly Queue<byte[]> _arrived = new();
    private readonly Queue<byte[]?> _inFlight = new(); // sent, not arrived, in stream order (null: the FIN)
    private int _arrivedOffset;
    private long _unread;        // in flight + arrived, not yet read
    private double _lastArrival;
    private bool _finSent, _finArrived;
    private NetException? _failure;
    private TaskCompletionSource<int>? _reader;
    private Memory<byte> _readInto;
    private readonly Queue<(byte[] Data, TaskCompletionSource<bool> Done)> _blockedWrites = new();

    /// <summary>The bandwidth divisor of a slow connection (1 normally).</summary>
    public double Slowdown { get; set; } = 1;

    /// <summary>The most a jittery connection adds to each segment's latency (0 normally).</summary>
    public double JitterMs { get; set; }

    /// <summary>Told when a segment arrives at a receiver that closed its end (the peer should see a reset).</summary>
    public Action? ArrivedAtClosedEnd { get; set; }

    public bool ReceiverClosed { get; set; }

    public Task WriteAsync(ReadOnlyMemory<byte> data)
    {
        if (_failure is not null) return Task.FromException(_failure);
        if (_finSent) return Task.FromException(NetException.Of(NetErrorCode.Closed));
        if (data.IsEmpty) return Task.CompletedTask;
        var bytes = data.ToArray();
        if (_blockedWrites.Count == 0 && (_unread + bytes.Length <= Capacity || _unread == 0))
        {
            Send(bytes);
            return Task.CompletedTask;
        }
        var done = new TaskCompletionSource<bool>();
        _blockedWrites.Enqueue((bytes, done));
        return done.Task;
    }

    private void Send(byte[] bytes)
    {
        _unread += bytes.Length;
        foreach (var segment in Segments(bytes))
        {
            var arrival = Math.Max(_lastArrival, world.Now + link.Latency() + segment.Length * Slowdown / link.BytesPerMs);
            if (JitterMs > 0) arrival += world.Random.Between(0, JitterMs);
            if (world.Inject(FaultKind.NetDelay, $"{name}: a segment held up")) arrival += world.Random.Between(50, 500);
            // A lost segment is sent again after TCP's retransmission timeout (200 ms, doubling per loss).
            if (world.Inject(FaultKind.NetDrop, $"{name}: a segment lost and sent again")) arrival += 200 * ((1 << (1 + world.Random.Next(4))) - 1);
            arrival = Math.Max(arrival, link.OpenFrom(sender));
            _lastArrival = arrival;
            // Each arrival event delivers the oldest segment in flight: two segments due at the same
            // time (or a rounding apart, as now + (arrival - now) may be) still arrive in stream order.
            _inFlight.Enqueue(segment);
            world.Schedule(arrival - world.Now, ArriveNext);
        }
    }

    /// <summary>Seeded segmentation: one piece, or several of random sizes (a 10 KB write may arrive as 1 or 40 chunks).</summary>
    private IEnumerable<byte[]> Segments(byte[] bytes)
    {
        if (bytes.Length <= 64 || world.Random.Chance(0.3)) { yield return bytes; yield break; }
        var offset = 0;
        while (offset < bytes.Length)
        {
            var size = Math.Min(bytes.Length - offset, 1 + world.Random.Next(Math.Max(1, Math.Min(16 * 1024, bytes.Length / 2))));
            yield return bytes.AsSpan(offset, size).ToArray();
            offset += size;
        }
    }

    private void ArriveNext()
    {
        if (_inFlight.Dequeue() is { } segment) Arrive(segment);
        else
        {
            _finArrived = true;
            TryRead();
        }
    }

    private void Arrive(byte[] segment)
    {
        if (_failure is not null) return;
        if (ReceiverClosed) { ArrivedAtClosedEnd?.Invoke(); return; }
        if (world.Inject(FaultKind.NetReset, $"{name}: reset mid-stream")) { reset(NetException.Of(NetErrorCode.ConnectionReset, injected: true)); return; }
        _arrived.Enqueue(segment);
        TryRead();
    }

    /// <summary>Half-close: the reader sees the end after everything sent so far.</summary>
    public void Finish()
    {
        if (_finSent || _failure is not null) return;
        _finSent = true;
        var arrival = Math.Max(_lastArrival, world.Now + link.Latency());
        _lastArrival = arrival;
        _inFlight.Enqueue(null);
        world.Schedule(arrival - world.Now, ArriveNext);
    }

    public Task<int> ReadAsync(Memory<byte> destination)
    {
        if (_reader is not null) return Task.FromException<int>(new NetException(NetErrorCode.IOError, "a read is already pending"));
        _reader = new TaskCompletionSource<int>();
        _readInto = destination;
        var pending = _reader.Task;
        TryRead();
        return pending;
    }

    private void TryRead()
    {
        if (_reader is null) return;
        if (_failure is not null) { Complete(r => r.SetException(_failure)); return; }
        if (_arrived.Count == 0)
        {
            if (_finArrived) Complete(r => r.SetResult(0));
            return;
        }
        var copied = 0;
        while (_arrived.Count > 0 && copied < _readInto.Length)
        {
            var head = _arrived.Peek();
            var n = Math.Min(head.Length - _arrivedOffset, _readInto.Length - copied);
            head.AsSpan(_arrivedOffset, n).CopyTo(_readInto.Span[copied..]);
            copied += n;
            _arrivedOffset += n;
            if (_arrivedOffset == head.Length) { _arrived.Dequeue(); _arrivedOffset = 0; }
        }
        _unread -= copied;
        Complete(r => r.SetResult(copied));
        ReleaseWriters();
    }

    private void Complete(Action<TaskCompletionSource<int>> settle)
    {
        var reader = _reader!;
        _reader = null;
        _readInto = default;
        settle(reader);
    }

    private void ReleaseWriters()
    {
        while (_blockedWrites.TryPeek(out var blocked) && (_unread + blocked.Data.Length <= Capacity || _unread == 0))
        {
            _blockedWrites.Dequeue();
            Send(blocked.Data);
            blocked.Done.SetResult(true);
        }
    }

    /// <summary>The connection failed (reset): pending and later calls fail with <paramref name="error"/>.</summary>
    public void Fail(NetException error)
    {
        if (_failure is not null) return;
        _failure = error;
        _arrived.Clear();
        // Segments in flight stay queued: their arrival events still dequeue them (and drop them).
        while (_blockedWrites.TryDequeue(out var blocked)) blocked.Done.SetException(error);
        TryRead();
    }
}
