using System.Globalization;
using EsRuntime.Providers;

namespace EsRuntime.Replay.Replaying;

/// <summary>Delivers in each turn exactly what the recorded run delivered in that turn, in that order.</summary>
internal sealed class ReplayScheduler(TraceReplayer trace) : IScheduler
{
    public void Prepare(long turn) => trace.PassAnswers();

    public void Order(long turn, IReadOnlyList<long> ready, List<long> deliver)
    {
        var recorded = trace.TryTake(TraceEventKind.Completions, e => (long)e.Number <= turn);
        if (recorded is null) return;
        if ((long)recorded.Number < turn)
            throw trace.Fail($"<completions delivered in turn {recorded.Number}>", $"the completions of turn {turn}");
        foreach (var item in (recorded.Argument ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var id = long.Parse(item, CultureInfo.InvariantCulture);
            if (!ready.Contains(id))
                throw trace.Fail($"<completion {id} delivered in turn {recorded.Number}>", $"completion {id}, which is not ready in turn {turn}");
            deliver.Add(id);
        }
    }
}
