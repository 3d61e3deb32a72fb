using EsRuntime.Capabilities;
using EsRuntime.Providers;
using EsRuntime.Providers.Sim;
using EsRuntime.Providers.Sim.Disk;
using EsRuntime.Runtime;

namespace EsRuntime.Tests.Runtime;

public class CapabilityTests
{
    [Theory]
    [InlineData("env.HOME")]
    [InlineData("Object.keys(env)")]
    [InlineData("args.length")]
    [InlineData("cwd()")]
    public void EnvDeniedThrowsNotCapableNamingTheCapability(string expression)
    {
        var r = JsHarness.Run($$"""
            import { env, args, cwd } from "runtime:process";
            try { {{expression}}; console.log("allowed"); }
            catch (e) { console.log(e.name, e.message); }
            """, capabilities: Capability.All & ~Capability.Env);
        Assert.Matches(@"^NotCapable runtime:process .* requires the Env capability, which this runtime was not granted\n$", r.Stdout);
    }

    [Fact]
    public void EnvGrantedExposesTheSnapshot()
    {
        var r = JsHarness.Run("""
            import process, { env, args, cwd, platform, arch } from "runtime:process";
            env.ADDED = 5;
            delete env.REMOVED;
            console.log(env.GREETING, env.ADDED, typeof env.ADDED, "REMOVED" in env, JSON.stringify(args), Object.isFrozen(args), cwd(), platform, arch, process.env === env);
            """, capabilities: Capability.Env, args: ["one", "two"],
            env: new Dictionary<string, string> { ["GREETING"] = "hi", ["REMOVED"] = "x" });
        Assert.Equal("hi 5 string false [\"one\",\"two\"] true /sim/project linux x86_64 true\n", r.Stdout);
    }

    [Fact]
    public void ImportingARuntimeModuleSucceedsWithNoCapabilities()
    {
        var r = JsHarness.Run("import * as p from 'runtime:process'; console.log(typeof p.exit, p.platform);", capabilities: Capability.None);
        Assert.Equal("function linux\n", r.Stdout);
    }

    /// <summary>A clock with sub-millisecond readings, to see whether performance.now() is coarsened.</summary>
    private sealed class FractionalClock : IClock
    {
        private double _mono = 0.25;
        public double WallNowMs() => 1_000_000;
        public double MonotonicNowMs() => _mono += 1.375;
        public bool Idle(double? untilMonotonicMs, WaitHandle wake) => false;
    }

    [Theory]
    [InlineData(Capability.HrTime, "false")]
    [InlineData(Capability.None, "true")]
    public void PerformanceNowIsCoarsenedWithoutHrTime(Capability capabilities, string integral)
    {
        var console = new CapturingConsole();
        var providers = new ProviderSet(new FractionalClock(), new SeededEntropy(1), console, new SimProcessHost(), new SimFileSystem());
        using var runtime = JsRuntime.FromCode(new RuntimeOptions { Providers = providers, Capabilities = capabilities },
            "const t = performance.now(); console.log(Number.isInteger(t));");
        runtime.RunToCompletion();
        Assert.Equal(integral + "\n", console.Stdout);
    }
}
