using System.Text.Json.Nodes;
using EsRuntime.Capabilities;
using EsRuntime.Providers;
using EsRuntime.Providers.Sim;
using EsRuntime.Providers.Sim.Disk;
using EsRuntime.Replay;
using EsRuntime.Replay.Replaying;
using EsRuntime.Runtime;

namespace EsRuntime.Tests.Embedding;

/// <summary>host: modules an embedder registers: sync and async functions, values, errors, capabilities, record and replay.</summary>
public sealed class HostModuleTests
{
    private static HostModule App(List<string>? calls = null) => new HostModule("myapp")
        .Function("add", args =>
        {
            calls?.Add("add");
            return args.GetDouble(0) + args.GetDouble(1);
        })
        .Function("greet", args => new JsonObject { ["hello"] = args.GetString(0), ["count"] = args.Count })
        .Function("nothing", _ => HostValue.Undefined)
        .Function("reverse", args => args.GetBytes(0).Reverse().ToArray())
        .Function("range", _ => throw new HostFunctionException("RangeError", "out of range"))
        .Function("broken", _ => throw new InvalidOperationException("the database is down"))
        .AsyncFunction("later", async (args, cancel) =>
        {
            calls?.Add("later");
            await Task.Yield();
            return "later:" + args.GetString(0);
        })
        .AsyncFunction("bytesLater", async (args, cancel) =>
        {
            await Task.Delay(1, cancel);
            return new byte[] { 1, 2, 3 };
        })
        .AsyncFunction("fails", async (args, cancel) =>
        {
            await Task.Yield();
            throw new HostFunctionException("NotFoundError", "no such user");
        });

    private static (int Code, CapturingConsole Console) Run(string code, HostModule module, Capability capabilities = Capability.Host, IHostCalls? calls = null)
    {
        var console = new CapturingConsole();
        var files = new SimFileSystem();
        var providers = new ProviderSet(new VirtualClock(), new SeededEntropy(1), console, new SimProcessHost(cwd: files.Root), files, HostCalls: calls);
        using var runtime = JsRuntime.FromCode(new RuntimeOptions { Providers = providers, Capabilities = capabilities, HostModules = [module] }, code);
        return (runtime.RunToCompletion(), console);
    }

    [Fact]
    public void Sync_functions_take_and_return_json_and_bytes()
    {
        var (code, console) = Run("""
            import { add, greet, nothing, reverse } from "host:myapp";
            import app from "host:myapp";
            console.log(add(2, 3), app.add === add, add.name);
            console.log(JSON.stringify(greet("ada", { x: [1] })));
            console.log(nothing());
            const r = reverse(new Uint8Array([1, 2, 3]).subarray(1));
            console.log(r instanceof Uint8Array, [...r].join());
            console.log([...reverse(new Uint8Array([9, 8]).buffer)].join());
            """, App());
        Assert.Equal("", console.Stderr);
        Assert.Equal(0, code);
        Assert.Equal("5 true add\n{\"hello\":\"ada\",\"count\":2}\nundefined\ntrue 3,2\n8,9\n", console.Stdout);
    }

    [Fact]
    public void Async_functions_settle_promises_on_the_loop()
    {
        var (code, console) = Run("""
            import { later, bytesLater, fails } from "host:myapp";
            console.log(await later("x"));
            console.log([...await bytesLater()].join());
            try { await fails(); } catch (e) { console.log(e.name, e.message, e instanceof DOMException); }
            """, App());
        Assert.Equal("", console.Stderr);
        Assert.Equal(0, code);
        Assert.Equal("later:x\n1,2,3\nNotFoundError no such user true\n", console.Stdout);
    }

    [Fact]
    public void Errors_reach_the_script_as_js_errors()
    {
        var (code, console) = Run("""
            import { add, range, broken } from "host:myapp";
            for (const f of [() => range(), () => broken(), () => add("one", 2)]) {
              try { f(); } catch (e) { console.log(e.constructor.name, e.message); }
            }
            """, App());
        Assert.Equal(0, code);
        Assert.Equal("RangeError out of range\nError host:myapp broken failed: the database is down\nTypeError host:myapp add: argument 0 must be a number\n", console.Stdout);
    }

    [Fact]
    public void Calls_need_the_capability_the_module_requires()
    {
        var calls = new List<string>();
        var (_, console) = Run("""
            import { add, later } from "host:myapp";
            try { add(1, 2); } catch (e) { console.log(e.name, e.message); }
            try { await later("x"); } catch (e) { console.log(e.name); }
            """, App(calls), Capability.None);
        Assert.Equal("NotCapable host:myapp add requires the Host capability, which this runtime was not granted\nNotCapable\n", console.Stdout);
        Assert.Empty(calls);

        var guarded = new HostModule("net-app") { Requires = Capability.Host | Capability.Net }.Function("ping", _ => "pong");
        var (_, denied) = Run("import { ping } from 'host:net-app'; try { ping() } catch (e) { console.log(e.name) }", guarded, Capability.Host);
        Assert.Equal("NotCapable\n", denied.Stdout);
        var (_, granted) = Run("import { ping } from 'host:net-app'; console.log(ping())", guarded, Capability.Host | Capability.Net);
        Assert.Equal("pong\n", granted.Stdout);
    }

    [Fact]
    public void An_unknown_host_module_is_a_clear_import_error()
    {
        var (code, console) = Run("import 'host:other';", App());
        Assert.Equal(1, code);
        Assert.Contains("there is no host module by that name", console.Stderr);
    }

    [Fact]
    public void Names_are_checked_when_the_module_is_built()
    {
        Assert.Throws<ArgumentException>(() => new HostModule("My App"));
        Assert.Throws<ArgumentException>(() => new HostModule("x").Function("default", _ => 1));
        Assert.Throws<ArgumentException>(() => new HostModule("x").Function("class", _ => 1));
        Assert.Throws<ArgumentException>(() => new HostModule("x").Function("a-b", _ => 1));
        Assert.Throws<ArgumentException>(() => new HostModule("x").Function("f", _ => 1).Function("f", _ => 2));
    }

    [Fact]
    public void Host_answers_are_recorded_and_replayed_without_calling_the_functions()
    {
        const string program = """
            import { add, later, reverse, broken, fails } from "host:myapp";
            console.log(add(1, 2), await later("r"), [...reverse(new Uint8Array([1, 2]))].join());
            try { broken(); } catch (e) { console.log(e.message); }
            try { await fails(); } catch (e) { console.log(e.name); }
            """;
        var calls = new List<string>();
        var recorded = new CapturingConsole();
        // A bare virtual clock: the async functions finish on real threads, which a Simulation does not wait for.
        var files = new SimFileSystem();
        var providers = new ProviderSet(new VirtualClock(), new SeededEntropy(3), recorded, new SimProcessHost(cwd: files.Root), files);
        using var buffer = new MemoryStream();
        using (var trace = new TraceWriter(buffer, Simulation.Header(program, 3)))
        {
            using var runtime = JsRuntime.FromCode(Options(Recorder.Wrap(providers, trace), App(calls)), program);
            trace.End(runtime.RunToCompletion());
        }
        Assert.Equal("", recorded.Stderr);
        Assert.Equal("3 later:r 2,1\nhost:myapp broken failed: the database is down\nNotFoundError\n", recorded.Stdout);
        Assert.Equal(["add", "later"], calls);

        calls.Clear();
        using var reader = new TraceReader(new MemoryStream(buffer.ToArray()));
        var replayer = new TraceReplayer(reader);
        var replayed = new CapturingConsole();
        using (var runtime = JsRuntime.FromCode(Options(Replayer.Providers(replayer, replayed), App(calls)), program))
        {
            replayer.OnDivergence = d => runtime.Stop(99);
            var exit = runtime.RunToCompletion();
            replayer.ExpectEnd(exit);
            Assert.Equal(0, exit);
        }
        Assert.Null(replayer.Divergence);
        Assert.Equal(recorded.Stdout, replayed.Stdout);
        Assert.Empty(calls);   // every answer came from the trace
    }

    [Fact]
    public void A_replay_that_calls_with_other_arguments_diverges()
    {
        var world = new Simulation(1);
        var providers = new ProviderSet(world.Clock, new SeededEntropy(1), new CapturingConsole(), new SimProcessHost(), world.CreateDisk());
        using var buffer = new MemoryStream();
        using (var trace = new TraceWriter(buffer, Simulation.Header("", 1)))
        {
            using var runtime = JsRuntime.FromCode(Options(Recorder.Wrap(providers, trace), App()), "import { add } from 'host:myapp'; console.log(add(1, 2));");
            trace.End(runtime.RunToCompletion());
        }
        using var reader = new TraceReader(new MemoryStream(buffer.ToArray()));
        var replayer = new TraceReplayer(reader);
        using (var runtime = JsRuntime.FromCode(Options(Replayer.Providers(replayer, new CapturingConsole()), App()), "import { add } from 'host:myapp'; console.log(add(1, 5));"))
        {
            replayer.OnDivergence = d => runtime.Stop(99);
            Assert.Equal(99, runtime.RunToCompletion());
        }
        Assert.Contains("host:myapp add [1,2]", replayer.Divergence!.Message + "");
        Assert.Contains("host:myapp add [1,5]", replayer.Divergence!.Message);
    }

    private static RuntimeOptions Options(ProviderSet providers, HostModule module) =>
        new() { Providers = providers, Capabilities = Capability.All, Deterministic = true, HostModules = [module] };
}
