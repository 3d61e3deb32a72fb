using System.Buffers.Binary;

namespace EsRuntime.Replay;

/// <summary>
/// Reads a trace. Every malformed input — wrong magic, unknown version, a header or event that does not
/// match its checksum, bad lengths, unknown kinds, corrupt compression, anything after the end — is a
/// <see cref="TraceFormatException"/>. A trace cut short (no end record, or a compressed stream that
/// does not finish) reads its prefix and then ends with <see cref="Truncated"/> set.
/// </summary>
public sealed class TraceReader : IDisposable
{
    private readonly TraceInflater _data;
    private readonly RunningHash _hash = new();
    private long _events;
    private bool _ended;

    /// <summary>The run's header, read and checked when the reader was made.</summary>
    public TraceHeader Header { get; }

    /// <summary>True once the data ran out without a clean end: no end record, or the file stops inside the compressed stream.</summary>
    public bool Truncated { get; private set; }

    /// <summary>Where the script was when the event <see cref="Next"/> last gave was recorded, if the trace holds call sites; else null.</summary>
    public string? CallSite { get; private set; }

    /// <summary>The End record's exit code, once read.</summary>
    public int? EndExitCode { get; private set; }

    /// <summary>Starts reading a trace from <paramref name="source"/>: checks the magic and version, then reads and verifies the header.</summary>
    /// <exception cref="TraceFormatException">not an esrun trace, another format version, or a damaged or missing header.</exception>
    public TraceReader(Stream source)
    {
        Span<byte> prefix = stackalloc byte[10];
        if (source.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false) < 10 || !prefix[..8].SequenceEqual(TraceFormat.Magic))
            throw new TraceFormatException("not an esrun trace (bad magic)");
        var version = BinaryPrimitives.ReadUInt16LittleEndian(prefix[8..]);
        if (version != TraceFormat.Version)
            throw new TraceFormatException($"trace format version {version} is not supported (this esrun reads version {TraceFormat.Version})");
        _data = new TraceInflater(source);
        var header = ReadRecord() ?? throw new TraceFormatException("the trace ends inside its header (cut short before anything was recorded)");
        if (header.Kind != TraceFormat.HeaderRecord) throw new TraceFormatException("the trace does not start with a header");
        _hash.Add(header.Kind, header.Payload);
        // The header's own checkpoint: a damaged header is refused before anything runs from it.
        var checkpoint = ReadRecord() ?? throw new TraceFormatException("the trace ends inside its header (cut short before anything was recorded)");
        if (checkpoint.Kind != (byte)TraceEventKind.Checkpoint ||
            TraceCodec.Decode(TraceEventKind.Checkpoint, checkpoint.Payload) is not { Number: 0 } check || check.Argument != _hash.Hex)
            throw new TraceFormatException("the trace header does not match its checksum (corrupt trace)");
        Header = TraceHeader.FromJson(header.Payload);
    }

    /// <summary>The next event (checkpoints verified and skipped), or null at the end.</summary>
    public TraceEvent? Next()
    {
        string? site = null;
        while (!_ended)
        {
            var record = ReadRecord();
            if (record is null) return Finish();
            if (!Enum.IsDefined((TraceEventKind)record.Value.Kind) || record.Value.Kind == TraceFormat.HeaderRecord)
                throw new TraceFormatException($"unknown event kind {record.Value.Kind} after event {_events}");
            var kind = (TraceEventKind)record.Value.Kind;
            var e = TraceCodec.Decode(kind, record.Value.Payload);
            switch (kind)
            {
                case TraceEventKind.Checkpoint:
                    if (e.Number != _events || e.Argument != _hash.Hex)
                        throw new TraceFormatException($"checkpoint after event {_events} does not match the events before it (corrupt trace)");
                    continue;
                case TraceEventKind.CallSite:
                    if (site is not null) throw new TraceFormatException($"two call sites for event {_events}");
                    _hash.Add(record.Value.Kind, record.Value.Payload);
                    site = e.Argument ?? throw new TraceFormatException($"call site without a location before event {_events}");
                    continue;
                case TraceEventKind.End:
                    _hash.Add((byte)kind, TraceCodec.Encode(e with { Argument = null }));
                    if (e.Argument != _hash.Hex)
                        throw new TraceFormatException($"the end record after event {_events} does not match the events before it (corrupt trace)");
                    EndExitCode = (int)e.Number;
                    if (_data.ReadByte() >= 0) throw new TraceFormatException($"data follows the end record after event {_events}");
                    return Finish();
                default:
                    _hash.Add(record.Value.Kind, record.Value.Payload);
                    _events++;
                    CallSite = site;
                    return e;
            }
        }
        return null;
    }

    private TraceEvent? Finish()
    {
        _ended = true;
        CallSite = null;
        Truncated = EndExitCode is null || !_data.Finished;
        return null;
    }

    /// <summary>Events read so far.</summary>
    public long EventCount => _events;

    /// <summary>
    /// Reads a whole trace to check it: returns whether it ends cleanly (false: cut short).
    /// </summary>
    /// <exception cref="TraceFormatException">the trace is not readable (corrupt, junk, another version).</exception>
    public static bool Verify(Stream source)
    {
        using var reader = new TraceReader(source);
        while (reader.Next() is not null) { }
        return !reader.Truncated;
    }

    /// <summary>The next record, or null when the data ends (also in the middle of a record: a cut).</summary>
    private (byte Kind, byte[] Payload)? ReadRecord()
    {
        var kind = _data.ReadByte();
        if (kind < 0) return null;
        uint length = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = _data.ReadByte();
            if (b < 0) return null;
            if (shift > 28) throw new TraceFormatException("bad record length");
            length |= (uint)(b & 0x7f) << shift;
            if (b < 0x80) break;
        }
        if (length > TraceFormat.MaxRecordBytes) throw new TraceFormatException($"record of {length} bytes exceeds the limit of {TraceFormat.MaxRecordBytes}");
        var payload = new byte[length];
        var total = 0;
        while (total < payload.Length)
        {
            var n = _data.Read(payload.AsSpan(total));
            if (n == 0) return null;
            total += n;
        }
        return ((byte)kind, payload);
    }

    /// <summary>Disposes the source stream.</summary>
    public void Dispose() => _data.Dispose();
}
