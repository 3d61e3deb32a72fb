using EsRuntime.Engine;
using EsRuntime.Modules;

namespace EsRuntime.Tests.Runtime;

/// <summary>
/// The engine switches off ClearScript's isolate promise hook and per-Error detailed stack capture
/// (docs/DECISIONS.md). What scripts see must not change: promise ordering, error stacks, async stacks.
/// </summary>
public class IsolateTuningTests
{
    private sealed class NoModules : IModuleHost
    {
        public ModuleSource Load(string specifier, string? referrerUrl) => throw new ModuleException("no modules here");
        public bool IsPrivileged(string url) => false;
    }

    [Fact]
    public void TheTuningIsAppliedOnLinux()
    {
        using var engine = new V8Engine(new NoModules(), new EngineLimits());
        Assert.Equal(OperatingSystem.IsLinux(), engine.IsolateTuned);
        Assert.Equal(OperatingSystem.IsLinux(), engine.CanCheckpointMicrotasks);
        Assert.Equal(OperatingSystem.IsLinux(), engine.HeapWatched);
    }

    [Fact]
    public void TheYoungGenerationStartsLargerThanV8sDefault()
    {
        using var engine = new V8Engine(new NoModules(), new EngineLimits());
        Assert.Equal(OperatingSystem.IsLinux(), V8Flags.Applied);
        if (!OperatingSystem.IsLinux()) return;
        ulong? available = null;
        engine.RegisterOp("newSpace", (_, _) => available = V8Exports.Value!.HeapSpaceAvailable(V8Exports.Value.CurrentIsolate(), "new_space"));
        engine.ExecuteScript("new-space.js", "__op_newSpace();");
        // A fresh isolate's new space has almost all of one semi-space free: ~1 MiB at V8's default (measured
        // 0.95 MiB), ~4 MiB with the flag (3.95 MiB) — so the flag reached the V8 that ClearScript runs.
        Assert.NotNull(available);
        Assert.InRange(available.Value, 3UL << 20, 5UL << 20);
    }

    [Fact]
    public void PromiseJobsKeepTheirOrder()
    {
        var r = JsHarness.Run("""
            const log = [];
            (async () => { log.push("a1"); await null; log.push("a2"); await Promise.resolve(); log.push("a3"); })();
            Promise.resolve().then(() => log.push("p1")).then(() => log.push("p2"));
            queueMicrotask(() => log.push("m1"));
            const thenable = { then(r) { log.push("t"); r(1); } };
            Promise.resolve(thenable).then(() => log.push("t2"));
            log.push("sync");
            setTimeout(() => console.log(log.join(" ")), 0);
            """);
        // The order node, deno and esrun without the tuning print.
        Assert.Equal("a1 sync a2 p1 m1 t a3 p2 t2\n", r.Stdout);
    }

    [Fact]
    public void ErrorStacksStillNameEveryFrame()
    {
        var r = JsHarness.Run("""
            function inner() { return new Error("deep"); }
            function middle() { return inner(); }
            function outer() { return middle(); }
            const frames = outer().stack.split("\n").filter((l) => l.includes("at "));
            console.log(frames.slice(0, 3).map((l) => l.trim().split(" ")[1]).join(","));
            async function later() { await null; throw new TypeError("async"); }
            later().catch((e) => console.log(e.name, /at later/.test(e.stack)));
            """);
        Assert.Equal("inner,middle,outer\nTypeError true\n", r.Stdout);
    }

    [Fact]
    public void AnUncaughtErrorInAnEmbedderScriptStillSaysWhereItWas()
    {
        using var engine = new V8Engine(new NoModules(), new EngineLimits());
        var e = Assert.Throws<V8Engine.ScriptException>(() => engine.ExecuteScript("embedder.js", "function f() { throw new RangeError('bad'); }\nf();"));
        Assert.Contains("RangeError: bad", e.Details);
        Assert.Contains("embedder.js:1", e.Details);
    }
}
