using EsRuntime.Providers.Sim;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EsRuntime.Properties;

public class RecordReplayProperties
{
    [Property(MaxTest = 40)]
    public Property RecordThenReplayGivesIdenticalOutputAndExitCode() =>
        Prop.ForAll(Programs.Arbitrary, Arb.From(Gen.Choose(0, 1_000_000)), (program, seed) =>
        {
            var (recorded, trace) = Simulation.Record(program, (ulong)seed);
            var (replayed, divergence) = Simulation.Replay(trace);
            return (divergence is null && replayed == recorded).Label($"diverged: {divergence?.Message}\nrecorded: {recorded}\nreplayed: {replayed}");
        });

    [Property(MaxTest = 40)]
    public Property TheSameSeedGivesTheSameRun() =>
        Prop.ForAll(Programs.Arbitrary, Arb.From(Gen.Choose(0, 1_000_000)), (program, seed) =>
        {
            var first = Simulation.Record(program, (ulong)seed);
            var second = Simulation.Record(program, (ulong)seed);
            return (first.Outcome == second.Outcome && first.Trace.AsSpan().SequenceEqual(second.Trace)).Label("runs differ");
        });

    [Property(MaxTest = 40)]
    public Property AMutatedEventIsDetectedOrUnobservableNeverACrash() =>
        Prop.ForAll(Programs.Arbitrary, Arb.From(Gen.Choose(0, int.MaxValue)), (program, pick) =>
        {
            var (recorded, trace) = Simulation.Record(program, 7);
            var index = pick % Runs.EventCount(trace);
            var (replayed, divergence) = Simulation.Replay(Runs.Mutate(trace, index));
            return (divergence is not null || replayed == recorded)
                .Label($"event {index} changed: no divergence, yet output differs\nrecorded: {recorded}\nreplayed: {replayed}");
        });
}
