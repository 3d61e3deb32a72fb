using EsRuntime.Providers.Sim;

namespace EsRuntime.Tests.Sim;

/// <summary>
/// The fault kinds a program can see only through their effect: lost and duplicated connection
/// attempts, jitter across connections, one-way partitions, and files torn or corrupted by a crash.
/// </summary>
public sealed class FaultCatalogueTests
{
    private const string Echo = "import { listen } from 'runtime:net'; for await (const s of listen({ port: 7 })) s.readable.pipeTo(s.writable).catch(() => {});";

    // One byte there and back on a new connection; prints how long the connect and the round trip took.
    private const string TimedEcho = """
        import { connect } from 'runtime:net';
        import { now } from 'runtime:sim';
        const t0 = now();
        const s = connect('echo:7');
        await s.opened;
        const t1 = now();
        const w = s.writable.getWriter();
        await w.write(new Uint8Array([42]));
        const { value } = await s.readable.getReader().read();
        if (value[0] !== 42) throw new Error('bad echo');
        console.log(`connect ${Math.round(t1 - t0)} rtt ${Math.round(now() - t1)}`);
        """;

    private static (int Connect, int Rtt) Timings(SystemOutcome outcome)
    {
        Assert.Equal(0, outcome.ExitCode);
        var parts = outcome.Stdout.Split('\n').Single(l => l.StartsWith("[client] connect", StringComparison.Ordinal)).Split(' ');
        return (int.Parse(parts[2]), int.Parse(parts[4]));
    }

    private static SimHostSpec[] EchoAnd(string client) => [SimHostSpec.FromCode("echo", Echo), SimHostSpec.FromCode("client", client)];

    [Fact]
    public void ALostConnectionAttemptIsSentAgainAfterTcpsTimeout()
    {
        var plain = Timings(Simulation.Run(1, EchoAnd(TimedEcho)));
        var dropped = Simulation.Run(1, EchoAnd(TimedEcho), FaultPlan.Parse("net.drop=1"));
        var (connect, rtt) = Timings(dropped);
        Assert.True(plain.Connect < 20, $"plain connect took {plain.Connect} ms");
        Assert.InRange(connect, 1_000, 3_100);
        // Both segments of the round trip were lost once at least: 200 ms each, doubling per loss.
        Assert.True(rtt >= 400, $"round trip {rtt} ms");
        Assert.Contains(dropped.Fired, f => f.Kind == "net.drop" && f.What.Contains("attempt was lost"));
    }

    [Fact]
    public void ADuplicatedConnectionAttemptGivesTheServerAGhostThatIsReset()
    {
        const string server = """
            import { listen } from 'runtime:net';
            let n = 0;
            for await (const s of listen({ port: 7 })) {
              const id = ++n;
              s.readable.pipeTo(s.writable).then(() => console.log(`#${id} ended`), (e) => console.log(`#${id} ${e.name}`));
            }
            """;
        var hosts = new[] { SimHostSpec.FromCode("echo", server), SimHostSpec.FromCode("client", TimedEcho) };
        var outcome = Simulation.Run(1, hosts, FaultPlan.Parse("net.duplicate=1"));
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("[echo] #1 ConnectionResetError", outcome.Stdout);
        Assert.Contains("[client] connect", outcome.Stdout);
        Assert.Single(outcome.Fired, f => f.Kind == "net.duplicate");
        Assert.DoesNotContain("ConnectionResetError", Simulation.Run(1, hosts).Stdout);
    }

    [Fact]
    public void JitterReordersSegmentsAcrossConnectionsButNeverWithinOne()
    {
        // Two connections, each sent 1..40 in turn at the same instants; the server logs arrivals in order.
        const string server = """
            import { listen } from 'runtime:net';
            const seen = [];
            for await (const s of listen({ port: 7 })) {
              (async () => {
                let mine = 0;
                for await (const chunk of s.readable) {
                  for (const b of chunk) seen.push(b);
                  if ((mine += chunk.byteLength) === 40) break;
                }
                if (seen.length === 80) console.log(seen.join(','));
                await s.writable.getWriter().write(new Uint8Array([1]));
              })();
            }
            """;
        const string client = """
            import { connect } from 'runtime:net';
            const a = connect('echo:7'), b = connect('echo:7');
            await a.opened; await b.opened;
            const wa = a.writable.getWriter(), wb = b.writable.getWriter();
            for (let i = 1; i <= 40; i++) {
              await Promise.all([wa.write(new Uint8Array([i])), wb.write(new Uint8Array([100 + i]))]);
              await new Promise((r) => setTimeout(r, 5));
            }
            // The server answers each connection once it has read its 40 bytes.
            await Promise.all([a.readable.getReader().read(), b.readable.getReader().read()]);
            """;
        var hosts = new[] { SimHostSpec.FromCode("echo", server), SimHostSpec.FromCode("client", client) };
        static (bool Reordered, bool EachInOrder) Read(SystemOutcome outcome)
        {
            var seen = outcome.Stdout.Split('\n').Single(l => l.StartsWith("[echo] ", StringComparison.Ordinal))[7..].Split(',').Select(int.Parse).ToList();
            var a = seen.Where(x => x < 100).ToList();
            var b = seen.Where(x => x > 100).ToList();
            // Rounds are 5 ms apart: a segment of a later round arriving before one of an earlier round is a reorder.
            var rounds = seen.Select(x => x % 100).ToList();
            var reordered = rounds.Zip(rounds.Skip(1)).Any(p => p.Second < p.First);
            return (reordered, a.SequenceEqual(Enumerable.Range(1, 40)) && b.SequenceEqual(Enumerable.Range(101, 40)));
        }
        var plain = Read(Simulation.Run(2, hosts));
        var jittery = Read(Simulation.Run(2, hosts, FaultPlan.Parse("net.jitter=1")));
        Assert.True(plain.EachInOrder);
        Assert.False(plain.Reordered);
        Assert.True(jittery.EachInOrder);
        Assert.True(jittery.Reordered);
    }

    [Fact]
    public void AOneWayPartitionHoldsOneDirectionAndFailsNewConnectionsUntilItHeals()
    {
        // Connection A works; the attempt for B is where the fault is decided (its second decision), so B
        // times out and A's round trip waits for the partition to heal, then completes intact.
        const string client = """
            import { connect } from 'runtime:net';
            import { now } from 'runtime:sim';
            const a = connect('echo:7');
            await a.opened;
            const w = a.writable.getWriter(), r = a.readable.getReader();
            await w.write(new Uint8Array([1]));
            console.log('first', (await r.read()).value[0]);
            try { await connect('echo:7').opened; console.log('B connected'); } catch (e) { console.log('B', e.name); }
            await w.write(new Uint8Array([2]));
            console.log('second', (await r.read()).value[0], 'at', Math.round(now()));
            """;
        var hosts = new[] { SimHostSpec.FromCode("echo", Echo), SimHostSpec.FromCode("client", client) };
        var schedule = new FaultSchedule([new FiredFault("net.oneway", 1, 0, "")]);
        var outcome = Simulation.Run(1, hosts, options: new SystemOptions { Schedule = schedule });
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("[client] first 1", outcome.Stdout);
        Assert.Contains("[client] B TimeoutError", outcome.Stdout);
        var fired = Assert.Single(outcome.Fired);
        Assert.Matches("^(client cannot send to echo|echo cannot send to client) for [0-9]+ ms$", fired.What);
        // B's attempt took the 5 s connect timeout; A's second byte crossed once the partition had healed (1-10 s).
        var healed = fired.AtMs + int.Parse(fired.What.Split(' ')[^2]);
        var line = outcome.Stdout.Split('\n').Single(l => l.StartsWith("[client] second 2 at ", StringComparison.Ordinal));
        var at = int.Parse(line.Split(' ')[^1]);
        Assert.InRange(at, Math.Max(healed, fired.AtMs + 5_000) - 1, Math.Max(healed, fired.AtMs + 5_000) + 50);
    }

    // A host that writes a 6000-byte file as a stream and crashes mid-write; after its restart it lists
    // what the crash left in the directory.
    private static readonly SimHostSpec[] CrashingWriter =
    [
        SimHostSpec.FromCode("writer", """
            import { write, readDir, file, exists } from 'runtime:fs';
            import { crash } from 'runtime:sim';
            if (await exists('marker')) {
              for (const e of (await readDir('.')).filter((e) => e.name !== 'marker').sort((x, y) => x.name < y.name ? -1 : 1)) {
                const bytes = await file(e.name).bytes();
                const intact = bytes.every((b, i) => b === i % 251);
                console.log(`${e.name} ${bytes.length} ${intact ? 'intact' : 'corrupt'}`);
              }
              console.log('listed');
            } else {
              await write('marker', 'x');
              let n = 0;
              const body = new ReadableStream({
                async pull(c) {
                  if (++n === 6) { await new Promise((r) => setTimeout(r, 50)); crash(); }
                  c.enqueue(Uint8Array.from({ length: 1000 }, (_, i) => ((n - 1) * 1000 + i) % 251));
                },
              });
              await write('big.bin', body);
            }
            """),
    ];

    private static List<string[]> Listing(SystemOutcome outcome)
    {
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(1, outcome.Hosts.Single().Restarts);
        var lines = outcome.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l["[writer] ".Length..]).ToList();
        Assert.Equal("listed", lines[^1]);
        return lines[..^1].Select(l => l.Split(' ')).ToList();
    }

    [Fact]
    public void ACrashLosesAFileBeingWrittenAndNeverTouchesTheTarget()
    {
        Assert.Empty(Listing(Simulation.Run(1, CrashingWriter)));
    }

    [Fact]
    public void ATornWriteLeavesWholeSectorsOfTheTemporaryFile()
    {
        var outcome = Simulation.Run(1, CrashingWriter, FaultPlan.Parse("disk.torn=1"));
        var file = Assert.Single(Listing(outcome));
        Assert.Matches(@"^\.big\.bin\.[0-9]+\.esrun-tmp$", file[0]);
        var length = int.Parse(file[1]);
        Assert.Equal(0, length % 512);
        Assert.InRange(length, 0, 5_000);
        Assert.Equal("intact", file[2]);
        Assert.Contains(outcome.Fired, f => f.Kind == "disk.torn" && f.What.Contains($"torn: {length} of"));
    }

    [Fact]
    public void ACorruptedSectorSurvivesTheCrashUnderTheTemporaryName()
    {
        var outcome = Simulation.Run(1, CrashingWriter, FaultPlan.Parse("disk.corrupt=1"));
        var file = Assert.Single(Listing(outcome));
        Assert.Matches(@"^\.big\.bin\.[0-9]+\.esrun-tmp$", file[0]);
        Assert.Equal("corrupt", file[2]);
        Assert.InRange(int.Parse(file[1]), 1_000, 5_000);
        Assert.Contains(outcome.Fired, f => f.Kind == "disk.corrupt");
    }
}
