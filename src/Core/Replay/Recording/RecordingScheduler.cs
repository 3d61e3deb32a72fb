using System.Globalization;
using EsRuntime.Providers;

namespace EsRuntime.Replay.Recording;

/// <summary>Writes each turn's delivery order (when anything was delivered) with the turn it happened in.</summary>
internal sealed class RecordingScheduler(IScheduler inner, TraceWriter trace) : IScheduler
{
    public void Prepare(long turn) => inner.Prepare(turn);

    public void Order(long turn, IReadOnlyList<long> ready, List<long> deliver)
    {
        inner.Order(turn, ready, deliver);
        if (deliver.Count == 0) return;
        trace.Add(new TraceEvent(TraceEventKind.Completions, string.Join(' ', deliver.Select(id => id.ToString(CultureInfo.InvariantCulture))), Number: turn));
    }
}
