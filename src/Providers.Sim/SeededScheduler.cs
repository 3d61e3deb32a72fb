using EsRuntime.Providers;

namespace EsRuntime.Providers.Sim;

/// <summary>
/// Delivers the ready completions of a turn in an order drawn from the simulation's seed (the loop
/// still keeps each handle's completions in start order), so a program that depends on which of two
/// racing operations finishes first meets both orders across seeds.
/// </summary>
public sealed class SeededScheduler(Simulation simulation) : IScheduler
{
    public void Order(long turn, IReadOnlyList<long> ready, List<long> deliver)
    {
        deliver.AddRange(ready);
        for (var i = deliver.Count - 1; i > 0; i--)
        {
            var j = simulation.Random.Next(i + 1);
            (deliver[i], deliver[j]) = (deliver[j], deliver[i]);
        }
    }
}
