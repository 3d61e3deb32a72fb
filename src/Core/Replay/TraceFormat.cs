namespace EsRuntime.Replay;

/// <summary>
/// The trace file: "ESRTRACE", a little-endian u16 format version, then a Deflate stream of records.
/// A record is a kind byte, a varint payload length and the payload; the first record is the header
/// (JSON). The Deflate stream is sync-flushed at the end of every loop turn, so a run that dies leaves
/// a readable prefix. New event kinds are additions: a reader skips nothing it does not know — it
/// rejects it — so the version goes up only when a kind's payload changes.
/// </summary>
public static class TraceFormat
{
    public static ReadOnlySpan<byte> Magic => "ESRTRACE"u8;
    public const ushort Version = 1;
    public const byte HeaderRecord = 0;
    public const int MaxRecordBytes = 64 * 1024 * 1024;
    public const int CheckpointInterval = 256;
}
