namespace EsRuntime.Tests.Web;

/// <summary>performance as an EventTarget and User Timing on the monotonic clock (src/Core/Web/Performance).</summary>
public class PerformanceTests
{
    private static void Expect(string code, string stdout)
    {
        var r = JsHarness.Run(code);
        Assert.Equal("", r.Stderr);
        Assert.Equal(stdout, r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void Performance_is_an_EventTarget()
    {
        Expect("""
            console.log(performance instanceof EventTarget, Object.getPrototypeOf(Performance.prototype) === EventTarget.prototype);
            performance.addEventListener("x", (e) => console.log("got", e.type));
            performance.dispatchEvent(new Event("x"));
            try { new Performance(); } catch (e) { console.log(e.name); }
            console.log(typeof performance.now(), JSON.stringify(Object.keys(performance.toJSON())));
            """,
            "true true\ngot x\nTypeError\nnumber [\"timeOrigin\"]\n");
    }

    [Fact]
    public void Marks_and_measures()
    {
        Expect("""
            const a = performance.mark("a", { startTime: 10, detail: { n: 1 } });
            const b = performance.mark("b", { startTime: 25 });
            console.log(a.entryType, a.startTime, a.duration, a.detail.n, b.detail, a instanceof PerformanceEntry);
            const m = performance.measure("a-b", "a", "b");
            console.log(m.entryType, m.startTime, m.duration, m.detail);
            const o = performance.measure("opts", { start: 5, duration: 7, detail: "d" });
            console.log(o.startTime, o.duration, o.detail);
            const e = performance.measure("end", { end: "b", duration: 5 });
            console.log(e.startTime, e.duration);
            console.log(performance.getEntries().map((x) => x.name).join());
            console.log(performance.getEntriesByType("mark").map((x) => x.name).join(), performance.getEntriesByName("a-b")[0] === m);
            for (const bad of [() => performance.measure("x", "nope"), () => performance.measure("x", { start: 1 }, "b"), () => performance.measure("x", { detail: 1 }),
              () => performance.mark("n", { startTime: -1 }), () => performance.measure("x", { start: 1, end: 2, duration: 1 })]) {
              try { bad(); console.log("no error"); } catch (err) { console.log(err.name); }
            }
            performance.clearMarks("a");
            console.log(performance.getEntriesByType("mark").map((x) => x.name).join());
            performance.clearMeasures();
            performance.clearMarks();
            console.log(performance.getEntries().length, JSON.stringify(new PerformanceMark("p", { startTime: 1 })));
            try { new PerformanceMeasure(); } catch (err) { console.log(err.name); }
            """,
            "mark 10 0 1 null true\nmeasure 10 15 null\n5 7 d\n20 5\nopts,a,a-b,end,b\na,b true\n" +
            "SyntaxError\nTypeError\nTypeError\nTypeError\nTypeError\nb\n0 {\"name\":\"p\",\"entryType\":\"mark\",\"startTime\":1,\"duration\":0,\"detail\":null}\nTypeError\n");
    }

    [Fact]
    public void Namespace_and_legacy_code_and_clone_fixes()
    {
        Expect("""
            const proto = Object.getPrototypeOf(console);
            console.log(Object.getOwnPropertyNames(proto).length, Object.getPrototypeOf(proto) === Object.prototype);
            console.log(new DOMException("m", "InUseAttributeError").code);
            console.log(JSON.stringify([...new URLSearchParams({ "x\uDC53": "1", "x\uDC5C": "2", "x\uDC65": "3" })]));
            for (const v of [new URL("https://a.example/"), new URLSearchParams("a=1")]) {
              try { structuredClone(v); console.log("cloned"); } catch (e) { console.log(e.name); }
            }
            """,
            "0 true\n10\n[[\"x\uFFFD\",\"3\"]]\nDataCloneError\nDataCloneError\n");
    }
}
