using EsRuntime.Providers.Sim;

namespace EsRuntime.Tests.Sim;

/// <summary>Checking a system for determinism: two runs of one seed compared call by call.</summary>
public sealed class DeterminismCheckTests
{
    // RSA-PSS draws its salt from OpenSSL, not from the seeded entropy: the one ambient source a
    // deterministic run cannot replay, so the signature differs between two runs of one seed.
    private const string Signer = """
        const key = await crypto.subtle.generateKey({ name: "RSA-PSS", modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" }, false, ["sign"]);
        const sig = new Uint8Array(await crypto.subtle.sign({ name: "RSA-PSS", saltLength: 32 }, key.privateKey, new Uint8Array([1, 2, 3])));
        console.log("signature", sig.slice(0, 8).join("."));
        """;

    private const string Echo = "import { listen } from 'runtime:net'; for await (const s of listen({ port: 7 })) s.readable.pipeTo(s.writable).catch(() => {});";

    private const string Client = "import { connect } from 'runtime:net'; const s = connect('echo:7'); await s.writable.getWriter().write(new Uint8Array([7])); console.log((await s.readable.getReader().read()).value[0]);";

    [Fact]
    public void ADeterministicSystemChecksIdentical()
    {
        var (first, difference) = DeterminismCheck.Run(3, [SimHostSpec.FromCode("echo", Echo), SimHostSpec.FromCode("client", Client)],
            new SystemOptions { Faults = FaultPlan.Parse("net.delay=0.3,net.jitter=0.5") });
        Assert.Null(difference);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("[client] 7", first.Stdout);
    }

    [Fact]
    public void TheFirstDifferenceNamesTheHostTheCallInBothRunsWithTheirStacksAndTheSourceTouched()
    {
        var (_, difference) = DeterminismCheck.Run(1, [SimHostSpec.FromCode("echo", Echo), SimHostSpec.FromCode("signer", Signer)]);
        Assert.NotNull(difference);
        var lines = difference.Split('\n');
        Assert.StartsWith("host signer (run 1): runs differ at event ", lines[0]);
        Assert.StartsWith("  first run:  console stdout write \"signature ", lines[1]);
        Assert.Matches(@"^      at .*:3:9$", lines[2]);
        Assert.StartsWith("  second run: console stdout write \"signature ", lines[3]);
        Assert.Matches(@"^      at .*:3:9$", lines[4]);
        Assert.NotEqual(lines[1][14..], lines[3][14..]);
        Assert.Contains("RSA-PSS signature (OpenSSL randomness) (1x / 1x)", lines[5]);
    }

    [Fact]
    public void AHostStuckInASynchronousLoopIsStoppedByTheWallClockWatchdogAndFailsTheRun()
    {
        var hosts = new[] { SimHostSpec.FromCode("echo", Echo), SimHostSpec.FromCode("spin", "console.log('start'); await null; for (;;) {}") };
        var outcome = Simulation.Run(1, hosts, options: new SystemOptions { StepWallLimit = TimeSpan.FromMilliseconds(300) });
        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("spin", outcome.FailedHost);
        Assert.Contains("[spin] start", outcome.Stdout);
        Assert.Contains("[spin] error: a step ran for 0.3 s of wall time without returning to the event loop", outcome.Stderr);
    }
}
