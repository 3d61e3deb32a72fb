namespace EsRuntime.Tests.Streams;

/// <summary>Orderings the Web IDL async iterator and the TransformStream cancel/terminate races require.</summary>
public class StreamOrderingTests
{
    private static string Ok(string code)
    {
        var r = JsHarness.Run(code);
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}\nstdout: {r.Stdout}\nstderr: {r.Stderr}");
        Assert.Equal("", r.Stderr);
        return r.Stdout;
    }

    [Fact]
    public void Return_then_next_settle_in_call_order()
    {
        Assert.Equal("return,next true true\n", Ok("""
            const it = new ReadableStream({ start(c) { c.enqueue(1); } }).values();
            const order = [];
            const a = it.return("r").then((x) => { order.push("return"); return x; });
            const b = it.next().then((x) => { order.push("next"); return x; });
            const [ra, rb] = await Promise.all([a, b]);
            console.log(order.join(), ra.done, rb.done);
            """));
    }

    [Fact]
    public void Cancel_then_terminate_or_error_leaves_cancel_fulfilled_and_writable_errored()
    {
        Assert.Equal("undefined TypeError\nundefined boom\n", Ok("""
            let controller;
            let ts = new TransformStream({ start(c) { controller = c; } });
            let cancel = ts.readable.cancel("why");
            controller.terminate();
            console.log(await cancel, await ts.writable.getWriter().closed.catch((e) => e.name));
            ts = new TransformStream({ start(c) { controller = c; } });
            cancel = ts.readable.cancel("why");
            controller.error(new Error("boom"));
            console.log(await cancel, await ts.writable.getWriter().closed.catch((e) => e.message));
            """));
    }
}
