namespace EsRuntime.Tests.Runtime;

public class GlobalsTests
{
    [Fact]
    public void SelfIsGlobalThisAndTheCoreGlobalsExist()
    {
        var r = JsHarness.Run("""
            const names = ["console", "queueMicrotask", "setTimeout", "setInterval", "clearTimeout", "clearInterval",
              "structuredClone", "reportError", "performance", "DOMException"];
            console.log(self === globalThis, names.every((n) => typeof globalThis[n] !== "undefined"));
            console.log(Object.getOwnPropertyDescriptor(globalThis, "setTimeout").enumerable);
            """);
        Assert.Equal("true true\nfalse\n", r.Stdout);
    }

    [Fact]
    public void RuntimeInternalsAreNotReachableFromUserCode()
    {
        var r = JsHarness.Run("""
            const leaked = Object.getOwnPropertyNames(globalThis).filter((k) => k.startsWith("__op_") || k === "__esrun_internals");
            console.log(JSON.stringify(leaked), import.meta.internals === undefined, typeof import.meta.url);
            __esrun_dispatch();  // callable, but without the private armed flag it does nothing
            console.log("still here");
            """);
        Assert.Equal("[] true string\nstill here\n", r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }
}
