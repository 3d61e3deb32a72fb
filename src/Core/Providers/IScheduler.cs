namespace EsRuntime.Providers;

/// <summary>
/// Decides, each loop turn, which of the ready provider completions the program receives and in what
/// order — the one scheduling choice that is not the program's own, so it is a provider answer like
/// any other: real runs take arrival order, recorded runs write it down, replays read it back, and
/// simulations draw it from the seed. The loop keeps the completions of one handle or stream in the
/// order they were started whatever the scheduler answers.
/// </summary>
public interface IScheduler
{
    /// <summary>
    /// Called at the start of each delivery, before the ready set is taken: a replay reads ahead to the
    /// turn's recorded delivery here, so the recorded answers it passes on the way have arrived.
    /// </summary>
    void Prepare(long turn) { }

    /// <param name="turn">The loop turn (1-based), so a recorded order is replayed in the same turn.</param>
    /// <param name="ready">Completions ready now, by id, in the order they arrived.</param>
    /// <param name="deliver">Filled with the ids to deliver now, in order (a subset of <paramref name="ready"/>).</param>
    void Order(long turn, IReadOnlyList<long> ready, List<long> deliver);
}

/// <summary>Arrival order: every ready completion, as it came.</summary>
public sealed class ArrivalOrderScheduler : IScheduler
{
    /// <summary>The one instance.</summary>
    public static readonly ArrivalOrderScheduler Instance = new();

    /// <summary>Delivers every ready completion, in the order they arrived.</summary>
    public void Order(long turn, IReadOnlyList<long> ready, List<long> deliver) => deliver.AddRange(ready);
}
