namespace EsRuntime.Tests.Hostile;

/// <summary>Issue 9, item 17: what ClearScript leaves on the global object.</summary>
public class EngineGlobalsTests
{
    /// <summary>
    /// Not fixed, and cannot be with ClearScript 7.5.1.1: its constructor runs
    /// <c>Object.defineProperty(this, 'EngineInternal', { value: Object.freeze({...}) })</c> before any
    /// host code, so the property is non-configurable and non-writable (ECMAScript forbids deleting or
    /// redefining it) and the object is frozen. This test pins that fact: when an upgrade makes the
    /// property configurable, it fails, and V8Engine.RunPrelude should then delete it (after priming the
    /// native side's cached getModuleResult by evaluating one async module; see docs/DECISIONS.md).
    /// </summary>
    [Fact]
    public void Item17_EngineInternalCannotBeRemoved_ClearScriptDefinesItNonConfigurableAndFrozen()
    {
        var r = JsHarness.Run("""
            const d = Object.getOwnPropertyDescriptor(globalThis, "EngineInternal");
            console.log(d.configurable, d.writable, d.enumerable, Object.isFrozen(d.value), Reflect.deleteProperty(globalThis, "EngineInternal"));
            """);
        Assert.Equal("false false false true false\n", r.Stdout);
    }
}
