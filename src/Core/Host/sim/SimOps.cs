using System.Buffers.Binary;
using EsRuntime.Engine;
using EsRuntime.Runtime;

namespace EsRuntime.Host.Sim;

/// <summary>
/// Ops behind <c>runtime:sim</c>. Each answer comes from a recorded provider (the clock, the entropy)
/// or from the host's fixed name, so a replay gives the same answers; outside a simulation each op
/// refuses with the reason.
/// </summary>
internal static class SimOps
{
    /// <summary>The exit code a host ends with when it crashed (as a process killed by SIGKILL).</summary>
    public const int CrashExitCode = 137;

    public static void Register(RuntimeContext ctx)
    {
        var engine = ctx.Engine;
        Providers.ISimulationHost Sim(string what) => ctx.Providers.Sim
            ?? throw new OpException("Error", $"runtime:sim {what} needs a simulated system: run esrun --sim SEED --host [NAME=]SCRIPT (or the host under Simulation.Run)");

        engine.RegisterOp("simHostName", (a, r) => r.Set(Sim("hostName()").HostName));
        engine.RegisterOp("simNow", (a, r) =>
        {
            Sim("now()");
            r.Set(ctx.Providers.Clock.MonotonicNowMs());
        });
        engine.RegisterOp("simInvariant", (a, r) =>
        {
            Sim("invariant()").InvariantsRegistered();
            r.SetUndefined();
        });
        // BUGGIFY draws from the host's entropy: seeded under simulation and recorded, so a replay agrees.
        engine.RegisterOp("simBuggify", (a, r) =>
        {
            Sim("buggify()");
            var p = a.Number(0);
            Span<byte> bytes = stackalloc byte[8];
            ctx.Providers.Entropy.Fill(bytes);
            var u = (BinaryPrimitives.ReadUInt64LittleEndian(bytes) >> 11) * (1.0 / (1UL << 53));
            r.Set(p > 0 && (p >= 1 || u < p));
        });
        engine.RegisterOp("simCrash", (a, r) =>
        {
            Sim("crash()").CrashRequested();
            throw ctx.Halt(CrashExitCode);
        });
    }
}
