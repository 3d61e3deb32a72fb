using EsRuntime.Providers;

namespace EsRuntime.Replay.Replaying;

internal sealed class ReplayEntropy(TraceReplayer trace) : IEntropy
{
    public void Fill(Span<byte> destination)
    {
        var length = destination.Length;
        var e = trace.Expect(TraceEventKind.Entropy, $"entropy {length} bytes", matches: e => e.Bytes?.Length == length);
        e.Bytes.AsSpan().CopyTo(destination);
    }
}
