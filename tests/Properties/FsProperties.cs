using System.Text;
using EsRuntime.Providers;
using EsRuntime.Providers.Real.Files;
using EsRuntime.Providers.Sim;
using EsRuntime.Providers.Sim.Disk;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EsRuntime.Properties;

/// <summary>
/// The simulated disk is a faithful model of the real one (the same operations give the same answers
/// on a temporary directory and in memory), and under faults and crashes it never claims what is not
/// there: a write reported done is on the disk, and after a crash each file is an old or a new value,
/// never half of one.
/// </summary>
public class FsProperties
{
    public sealed record Op(string Kind, string A, string B, string Data)
    {
        public override string ToString() => Kind switch
        {
            "write" => $"write({A}, {Data})",
            "rename" => $"rename({A}, {B})",
            _ => $"{Kind}({A})",
        };
    }

    private static readonly string[] Paths = ["a", "b", "d", "d/x", "d/y", "d/e", "d/e/z", "e", "e/f"];
    private static readonly string[] Kinds = ["write", "write", "read", "mkdir", "mkdirp", "remove", "remover", "rename", "stat", "readdir"];

    private static Gen<Op> OpGen =>
        from kind in Gen.Elements(Kinds)
        from a in Gen.Elements(Paths)
        from b in Gen.Elements(Paths)
        from data in Gen.Elements("", "1", "two", "三四", new string('x', 300))
        select new Op(kind, a, b, data);

    private static Arbitrary<Op[]> Sequences => Arb.From(Gen.ArrayOf(OpGen).Where(ops => ops.Length is > 0 and <= 30));

    /// <summary>Runs one operation and describes its answer (times left out).</summary>
    private static string Apply(IFileSystem fs, Op op, Func<Task, bool> wait)
    {
        string P(string relative) => fs.Root + "/" + relative;
        try
        {
            switch (op.Kind)
            {
                case "write":
                    {
                        var writer = Await(fs.CreateAsync(P(op.A)), wait);
                        using (writer)
                        {
                            Await(Done(writer.WriteAsync(Encoding.UTF8.GetBytes(op.Data))), wait);
                            Await(Done(writer.CommitAsync()), wait);
                        }
                        return "ok";
                    }
                case "read":
                    {
                        using var reader = Await(fs.OpenReadAsync(P(op.A)), wait);
                        var buffer = new byte[4096];
                        var n = Await(reader.ReadAsync(buffer), wait);
                        return "ok:" + Encoding.UTF8.GetString(buffer, 0, n);
                    }
                case "mkdir": Await(Done(fs.CreateDirectoryAsync(P(op.A), false)), wait); return "ok";
                case "mkdirp": Await(Done(fs.CreateDirectoryAsync(P(op.A), true)), wait); return "ok";
                case "remove": Await(Done(fs.RemoveAsync(P(op.A), false)), wait); return "ok";
                case "remover": Await(Done(fs.RemoveAsync(P(op.A), true)), wait); return "ok";
                case "rename": Await(Done(fs.RenameAsync(P(op.A), P(op.B))), wait); return "ok";
                case "stat":
                    {
                        var s = Await(fs.StatAsync(P(op.A)), wait);
                        return $"ok:{s.Size},{s.IsFile},{s.IsDirectory},{s.IsSymlink}";
                    }
                case "readdir":
                    return "ok:" + string.Join(",", Await(fs.ReadDirectoryAsync(P(op.A)), wait).Select(e => $"{e.Name}{(e.IsDirectory ? "/" : "")}"));
                default: throw new InvalidOperationException(op.Kind);
            }
        }
        catch (FsException e) { return "err:" + e.Code; }
    }

    private static Task<bool> Done(Task t) => EsRuntime.Loop.TaskChain.Done(t);

    private static T Await<T>(Task<T> task, Func<Task, bool> wait)
    {
        if (!wait(task)) throw new InvalidOperationException("the operation never completed");
        return task.GetAwaiter().GetResult();
    }

    private static bool Block(Task task)
    {
        try { task.Wait(); } catch (AggregateException) { }
        return true;
    }

    /// <summary>Advances a simulation until the task completes (or nothing is left to happen).</summary>
    private static Func<Task, bool> Pump(Simulation world) => task =>
    {
        using var never = new ManualResetEvent(false);
        while (!task.IsCompleted)
            if (!world.Clock.Idle(null, never)) break;
        try { task.Wait(0); } catch (AggregateException) { }
        return task.IsCompleted;
    };

    [Property(MaxTest = 200)]
    public Property TheSimulatedDiskAnswersAsTheRealDiskDoes() => Prop.ForAll(Sequences, ops =>
    {
        var dir = Directory.CreateTempSubdirectory("esrun-fsprop-");
        try
        {
            using var real = new RealFileSystem(dir.FullName);
            var sim = new SimFileSystem();
            foreach (var op in ops)
            {
                var expected = Apply(real, op, Block);
                var actual = Apply(sim, op, Block);
                if (expected != actual) return false.Label($"{op}: real disk {expected}, simulated disk {actual}\nsequence: {string.Join("; ", ops.Select(o => o.ToString()))}");
            }
            return true.Label("same");
        }
        finally { dir.Delete(recursive: true); }
    });

    [Property(MaxTest = 60)]
    public Property UnderFaultsAWriteReportedDoneIsOnTheDisk() =>
        Prop.ForAll(Sequences, Arb.From(Gen.Choose(0, 100_000)), (ops, seed) =>
        {
            var world = new Simulation((ulong)seed, FaultPlan.Parse("disk.eio=0.2,disk.nospace=0.1,disk.short=0.1,disk.slow=0.1"));
            var disk = world.CreateDisk();
            foreach (var op in ops.Where(o => o.Kind is "write" or "mkdirp"))
            {
                var outcome = Apply(disk, op, Pump(world));
                if (op.Kind == "write" && outcome == "ok" && disk.ReadText(disk.Root + "/" + op.A) != op.Data)
                    return false.Label($"{op} reported done, the disk holds '{disk.ReadText(disk.Root + "/" + op.A)}'");
            }
            return true.Label("every reported write is there");
        });

    [Property(MaxTest = 60)]
    public Property AfterACrashEachFileIsAnOldOrANewWholeValue() =>
        Prop.ForAll(Arb.From(Gen.ArrayOf(Gen.Elements("one", "two", new string('3', 5000), "")).Where(v => v.Length is > 0 and < 12)),
            Arb.From(Gen.Choose(0, 100_000)), Arb.From(Gen.Choose(0, 40)), (values, seed, crashAfterEvents) =>
        {
            var world = new Simulation((ulong)seed, FaultPlan.Parse("disk.eio=0.1,disk.short=0.1"));
            var disk = world.CreateDisk().Add("/sim/project/f", "initial");
            var allowed = new HashSet<string> { "initial" };
            // Start every write at once (none awaited), let the simulation run for a while, then cut the power.
            foreach (var value in values)
            {
                allowed.Add(value);
                var bytes = Encoding.UTF8.GetBytes(value);
                disk.CreateAsync("/sim/project/f").ContinueWith(t =>
                {
                    if (!t.IsCompletedSuccessfully) return;
                    var w = t.Result;
                    w.WriteAsync(bytes).ContinueWith(x => { if (x.IsCompletedSuccessfully) w.CommitAsync(); }, TaskContinuationOptions.ExecuteSynchronously);
                }, TaskContinuationOptions.ExecuteSynchronously);
            }
            using var never = new ManualResetEvent(false);
            for (var i = 0; i < crashAfterEvents && world.Clock.Idle(null, never); i++) { }
            disk.Crash();
            var text = disk.ReadText("/sim/project/f");
            return (text is not null && allowed.Contains(text)).Label($"after the crash the file holds '{text}'");
        });
}
