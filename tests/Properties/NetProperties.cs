using EsRuntime.Providers;
using EsRuntime.Providers.Sim;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EsRuntime.Properties;

/// <summary>
/// The simulated network cuts and joins a stream however its seed says, and a reader must see the
/// same bytes whatever the chunking: any write sizes, any read sizes, any seed, with delays and slow
/// links on.
/// </summary>
public class NetProperties
{
    [Property(MaxTest = 100)]
    public Property AnyChunkingGivesTheReaderTheSameBytes() => Prop.ForAll(
        Arb.From(Gen.ArrayOf(Gen.Choose(1, 40_000)).Where(a => a.Length is > 0 and < 12)),
        Arb.From(Gen.ArrayOf(Gen.Choose(1, 70_000)).Where(a => a.Length is > 0 and < 8)),
        Arb.From(Gen.Choose(0, 1_000_000)), (writes, reads, seed) =>
        {
            var world = new Simulation((ulong)seed, FaultPlan.Parse("net.delay=0.3,net.slow=0.5"));
            var net = world.Network.Host("h");
            var payload = new byte[writes.Sum()];
            new Random(seed).NextBytes(payload);
            var received = new List<byte>();
            var listen = net.ListenAsync("127.0.0.1", 0);
            Pump(world, listen);
            var listener = listen.Result;
            var connect = net.ConnectAsync("127.0.0.1", listener.LocalAddress.Port);
            var accept = listener.AcceptAsync();
            Pump(world, connect);
            Pump(world, accept);
            var (client, server) = (connect.Result, accept.Result);
            var offset = 0;
            foreach (var size in writes)
            {
                var write = client.WriteAsync(payload.AsMemory(offset, size));
                offset += size;
                // Read while the write waits for room, as a reader on the other side would.
                for (var i = 0; !write.IsCompleted && i < 10_000; i++) ReadOnce(world, server, reads, received);
                Pump(world, write);
            }
            Pump(world, client.ShutdownAsync());
            while (ReadOnce(world, server, reads, received)) { }
            return received.SequenceEqual(payload).Label($"received {received.Count} of {payload.Length} bytes, or in another order");
        });

    private static int _readIndex;

    private static bool ReadOnce(Simulation world, IConnection connection, int[] sizes, List<byte> into)
    {
        var buffer = new byte[sizes[_readIndex++ % sizes.Length]];
        var read = connection.ReadAsync(buffer);
        Pump(world, read);
        if (read.Result == 0) return false;
        into.AddRange(buffer.AsSpan(0, read.Result).ToArray());
        return true;
    }

    private static void Pump(Simulation world, Task task)
    {
        using var never = new ManualResetEvent(false);
        while (!task.IsCompleted)
            if (!world.Clock.Idle(null, never)) throw new InvalidOperationException("the simulation stalled");
        task.GetAwaiter().GetResult();
    }
}
