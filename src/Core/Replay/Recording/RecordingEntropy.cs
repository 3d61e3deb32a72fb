using EsRuntime.Providers;

namespace EsRuntime.Replay.Recording;

internal sealed class RecordingEntropy(IEntropy inner, TraceWriter trace) : IEntropy
{
    public void Fill(Span<byte> destination)
    {
        inner.Fill(destination);
        trace.Add(new TraceEvent(TraceEventKind.Entropy, Bytes: destination.ToArray()));
    }
}
