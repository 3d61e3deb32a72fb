using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace EsRuntime.Replay;

/// <summary>
/// Streams a trace to a stream as the run goes. Thread-safe: providers on other threads may add
/// events, though the loop thread is the one that orders them.
/// </summary>
public sealed class TraceWriter : IDisposable
{
    private readonly Stream _file;
    private readonly DeflateStream _deflate;
    private readonly RunningHash _hash = new();
    private readonly Lock _gate = new();
    private long _events;

    /// <summary>Starts a trace on <paramref name="destination"/>: writes the magic, the version and <paramref name="header"/> (with its checkpoint), and flushes.</summary>
    public TraceWriter(Stream destination, TraceHeader header)
    {
        _file = destination;
        Span<byte> prefix = stackalloc byte[10];
        TraceFormat.Magic.CopyTo(prefix);
        BinaryPrimitives.WriteUInt16LittleEndian(prefix[8..], TraceFormat.Version);
        _file.Write(prefix);
        _deflate = new DeflateStream(_file, CompressionLevel.Fastest, leaveOpen: true);
        var json = header.ToJson();
        WriteRecord(TraceFormat.HeaderRecord, json);
        _hash.Add(TraceFormat.HeaderRecord, json);
        WriteCheckpoint();
        Flush();
    }

    /// <summary>Events written so far (checkpoints excluded).</summary>
    public long EventCount => _events;

    /// <summary>
    /// When set (--call-sites, --check-determinism; each call costs a stack walk), asked at every event on the
    /// adding thread, so it must answer null off the thread running the script. A location it gives is written
    /// just before its event as a <see cref="TraceEventKind.CallSite"/> record, in the hash chain like any
    /// record, so a replay that diverges can show where the recorded run was as well as where it is.
    /// </summary>
    public Func<string?>? CallSite { get; set; }

    /// <summary>Appends an event, and a checkpoint after every <see cref="TraceFormat.CheckpointInterval"/> events.</summary>
    public void Add(TraceEvent e)
    {
        var site = CallSite is { } callSite ? AskCallSite(callSite) : null;
        lock (_gate)
        {
            if (site is not null) WriteHashed(new TraceEvent(TraceEventKind.CallSite, site));
            WriteHashed(e);
            if (++_events % TraceFormat.CheckpointInterval == 0) WriteCheckpoint();
        }
    }

    private void WriteHashed(TraceEvent e)
    {
        var payload = TraceCodec.Encode(e);
        WriteRecord((byte)e.Kind, payload);
        _hash.Add((byte)e.Kind, payload);
    }

    private static string? AskCallSite(Func<string?> callSite)
    {
        try { return callSite(); }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException) { return null; }
    }

    /// <summary>
    /// Marks a clean end; a trace without it was cut short. The End record carries the running hash over
    /// the header, every event and the exit code, so no part of the trace goes unchecked.
    /// </summary>
    public void End(int exitCode)
    {
        lock (_gate)
        {
            var end = new TraceEvent(TraceEventKind.End, Number: exitCode);
            _hash.Add((byte)TraceEventKind.End, TraceCodec.Encode(end));
            WriteRecord((byte)TraceEventKind.End, TraceCodec.Encode(end with { Argument = _hash.Hex }));
            Flush();
        }
    }

    /// <summary>Sync-flushes the compressed stream so everything so far survives a crash.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            _deflate.Flush();
            _file.Flush();
        }
    }

    private void WriteCheckpoint() =>
        WriteRecord((byte)TraceEventKind.Checkpoint, TraceCodec.Encode(new TraceEvent(TraceEventKind.Checkpoint, _hash.Hex, Number: _events)));

    private void WriteRecord(byte kind, ReadOnlySpan<byte> payload)
    {
        Span<byte> head = stackalloc byte[6];
        head[0] = kind;
        var n = 1 + Varint.Write(head[1..], (uint)payload.Length);
        _deflate.Write(head[..n]);
        _deflate.Write(payload);
    }

    /// <summary>Finishes the compressed stream and flushes the destination stream, which stays open; writes no End record (see <see cref="End"/>).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _deflate.Dispose();
            _file.Flush();
        }
    }
}

/// <summary>SHA-256 over every event (kind and payload), so two runs can be compared by a short value.</summary>
internal sealed class RunningHash
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public void Add(byte kind, ReadOnlySpan<byte> payload)
    {
        Span<byte> k = [kind];
        _hash.AppendData(k);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, payload.Length);
        _hash.AppendData(length);
        _hash.AppendData(payload);
    }

    public string Hex
    {
        get
        {
            Span<byte> digest = stackalloc byte[32];
            _hash.GetCurrentHash(digest);
            return Convert.ToHexString(digest[..8]).ToLowerInvariant();
        }
    }
}

/// <summary>LEB128 unsigned varints.</summary>
internal static class Varint
{
    public static int Write(Span<byte> destination, uint value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        destination[i++] = (byte)value;
        return i;
    }
}

/// <summary>The binary payload of each event kind.</summary>
internal static class TraceCodec
{
    // Payload: flags byte (bit0 argument present, bit1 text present, bit2 bytes present), number (f64),
    // then each present field as varint length + bytes (strings UTF-8).
    public static byte[] Encode(TraceEvent e)
    {
        using var buffer = new MemoryStream();
        byte flags = 0;
        if (e.Argument is not null) flags |= 1;
        if (e.Text is not null) flags |= 2;
        if (e.Bytes is not null) flags |= 4;
        buffer.WriteByte(flags);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(number, e.Number);
        buffer.Write(number);
        if (e.Argument is not null) WriteBlob(buffer, Encoding.UTF8.GetBytes(e.Argument));
        if (e.Text is not null) WriteBlob(buffer, Encoding.UTF8.GetBytes(e.Text));
        if (e.Bytes is not null) WriteBlob(buffer, e.Bytes);
        return buffer.ToArray();
    }

    private static void WriteBlob(Stream stream, byte[] bytes)
    {
        Span<byte> length = stackalloc byte[5];
        stream.Write(length[..Varint.Write(length, (uint)bytes.Length)]);
        stream.Write(bytes);
    }

    /// <exception cref="TraceFormatException">the payload does not decode.</exception>
    public static TraceEvent Decode(TraceEventKind kind, ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 9) throw new TraceFormatException($"{kind} event payload is {payload.Length} bytes, shorter than 9");
        var flags = payload[0];
        if ((flags & ~7) != 0) throw new TraceFormatException($"{kind} event has unknown flags {flags}");
        var number = BinaryPrimitives.ReadDoubleLittleEndian(payload[1..]);
        var rest = payload[9..];
        string? argument = (flags & 1) != 0 ? Encoding.UTF8.GetString(ReadBlob(ref rest)) : null;
        string? text = (flags & 2) != 0 ? Encoding.UTF8.GetString(ReadBlob(ref rest)) : null;
        byte[]? bytes = (flags & 4) != 0 ? ReadBlob(ref rest).ToArray() : null;
        if (!rest.IsEmpty) throw new TraceFormatException($"{kind} event has {rest.Length} trailing bytes");
        return new TraceEvent(kind, argument, text, number, bytes);
    }

    private static ReadOnlySpan<byte> ReadBlob(ref ReadOnlySpan<byte> span)
    {
        uint length = 0;
        var shift = 0;
        var i = 0;
        while (true)
        {
            if (i >= span.Length || shift > 28) throw new TraceFormatException("bad length in event payload");
            var b = span[i++];
            length |= (uint)(b & 0x7f) << shift;
            if (b < 0x80) break;
            shift += 7;
        }
        if (length > span.Length - i) throw new TraceFormatException($"event field of {length} bytes runs past the payload");
        var blob = span.Slice(i, (int)length);
        span = span[(i + (int)length)..];
        return blob;
    }
}
