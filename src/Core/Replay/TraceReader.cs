using System.Buffers.Binary;
using System.IO.Compression;

namespace EsRuntime.Replay;

/// <summary>
/// Reads a trace. Every malformed input — wrong magic, unknown version, bad lengths, unknown kinds,
/// corrupt compression — is a <see cref="TraceFormatException"/>; a trace cut short simply ends
/// (<see cref="Truncated"/> says so).
/// </summary>
public sealed class TraceReader : IDisposable
{
    private readonly Stream _deflate;
    private readonly RunningHash _hash = new();
    private long _events;

    public TraceHeader Header { get; }

    /// <summary>True once the end of data was reached without a clean End record.</summary>
    public bool Truncated { get; private set; }

    /// <summary>The End record's exit code, once read.</summary>
    public int? EndExitCode { get; private set; }

    public TraceReader(Stream source)
    {
        Span<byte> prefix = stackalloc byte[10];
        if (ReadFully(source, prefix) < 10 || !prefix[..8].SequenceEqual(TraceFormat.Magic))
            throw new TraceFormatException("not an esrun trace (bad magic)");
        var version = BinaryPrimitives.ReadUInt16LittleEndian(prefix[8..]);
        if (version != TraceFormat.Version)
            throw new TraceFormatException($"trace format version {version} is not supported (this esrun reads version {TraceFormat.Version})");
        _deflate = new DeflateStream(source, CompressionMode.Decompress);
        var header = ReadRecord() ?? throw new TraceFormatException("the trace ends before its header");
        if (header.Kind != TraceFormat.HeaderRecord) throw new TraceFormatException("the trace does not start with a header");
        Header = TraceHeader.FromJson(header.Payload);
    }

    /// <summary>The next event (checkpoints verified and skipped), or null at the end.</summary>
    public TraceEvent? Next()
    {
        while (true)
        {
            var record = ReadRecord();
            if (record is null) { Truncated = EndExitCode is null; return null; }
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
                case TraceEventKind.End:
                    EndExitCode = (int)e.Number;
                    return null;
                default:
                    _hash.Add(record.Value.Kind, record.Value.Payload);
                    _events++;
                    return e;
            }
        }
    }

    /// <summary>Events read so far.</summary>
    public long EventCount => _events;

    private (byte Kind, byte[] Payload)? ReadRecord()
    {
        try
        {
            var kind = _deflate.ReadByte();
            if (kind < 0) return null;
            uint length = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = _deflate.ReadByte();
                if (b < 0) return null;
                if (shift > 28) throw new TraceFormatException("bad record length");
                length |= (uint)(b & 0x7f) << shift;
                if (b < 0x80) break;
            }
            if (length > TraceFormat.MaxRecordBytes) throw new TraceFormatException($"record of {length} bytes exceeds the limit of {TraceFormat.MaxRecordBytes}");
            var payload = new byte[length];
            return ReadFully(_deflate, payload) < payload.Length ? null : ((byte)kind, payload);
        }
        catch (InvalidDataException e)
        {
            // Corrupt compressed data; a clean cut (crash) instead ends the stream early without this.
            throw new TraceFormatException("the trace's compressed data is corrupt: " + e.Message);
        }
    }

    private static int ReadFully(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            int n;
            try { n = stream.Read(buffer[total..]); }
            catch (InvalidDataException e) { throw new TraceFormatException("the trace's compressed data is corrupt: " + e.Message); }
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    public void Dispose() => _deflate.Dispose();
}
