namespace EsRuntime.Replay;

/// <summary>
/// The trace file: "ESRTRACE", a little-endian u16 format version, then one raw Deflate stream of
/// records and nothing after it. A record is a kind byte, a varint payload length and the payload; the
/// first record is the header (JSON), followed by a checkpoint of the running hash over it; events
/// follow, with a checkpoint every <see cref="CheckpointInterval"/> events; the End record carries the
/// exit code and the hash over everything before it. The Deflate stream is sync-flushed at the end of
/// every loop turn, so a run that dies leaves a readable prefix. New event kinds are additions: a
/// reader skips nothing it does not know — it rejects it — so the version goes up only when the layout
/// or a kind's payload changes. Version 2: the header is hashed and checkpointed, the End record holds
/// the final hash, the environment is an event's payload instead of a header field, the header holds
/// the locale.
/// </summary>
internal static class TraceFormat
{
    public static ReadOnlySpan<byte> Magic => "ESRTRACE"u8;
    public const ushort Version = 2;
    public const byte HeaderRecord = 0;
    public const int MaxRecordBytes = 64 * 1024 * 1024;
    public const int CheckpointInterval = 256;
}
