namespace EsRuntime.Tests.Web;

/// <summary>AbortController and AbortSignal (src/Core/Web/Abort/abort.js).</summary>
public class AbortTests
{
    private static void Expect(string code, string stdout)
    {
        var r = JsHarness.Run(code);
        Assert.Equal("", r.Stderr);
        Assert.Equal(stdout, r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void ControllerAbortsItsSignalOnce()
    {
        Expect("""
            const ac = new AbortController();
            const s = ac.signal;
            console.log(s === ac.signal, s.aborted, s.reason, s instanceof EventTarget);
            let events = 0;
            s.onabort = (e) => { events++; console.log("onabort", e.type, s.aborted, e.isTrusted); };
            s.addEventListener("abort", () => events++);
            ac.abort("why");
            ac.abort("again");
            console.log(s.aborted, s.reason, events);
            try { s.throwIfAborted(); } catch (e) { console.log("thrown", e); }
            """, "true false undefined true\nonabort abort true true\ntrue why 2\nthrown why\n");
    }

    [Fact]
    public void DefaultReasonIsAnAbortErrorDOMException()
    {
        Expect("""
            const ac = new AbortController();
            ac.abort();
            const r = ac.signal.reason;
            console.log(r instanceof DOMException, r.name, r.code, r.message);
            const s = AbortSignal.abort();
            console.log(s.aborted, s.reason.name);
            console.log(AbortSignal.abort(0).reason, AbortSignal.abort(null).reason);
            new AbortController().signal.throwIfAborted();
            console.log("not aborted: no throw");
            """, "true AbortError 20 signal is aborted without reason\ntrue AbortError\n0 null\nnot aborted: no throw\n");
    }

    [Fact]
    public void AbortAlgorithmsRunBeforeTheEvent()
    {
        Expect("""
            const ac = new AbortController();
            const t = new EventTarget();
            t.addEventListener("x", () => console.log("listener"), { signal: ac.signal });
            ac.signal.addEventListener("abort", () => { console.log("abort event"); t.dispatchEvent(new Event("x")); });
            ac.abort();
            """, "abort event\n");
    }

    [Fact]
    public void NoPublicConstructorAndWebIdlShape()
    {
        Expect("""
            try { new AbortSignal(); } catch (e) { console.log(e.name, e.message); }
            console.log(AbortSignal.length, AbortController.length, AbortSignal.timeout.length, AbortSignal.any.length, AbortSignal.abort.length);
            console.log(Object.prototype.toString.call(new AbortController()), Object.prototype.toString.call(AbortSignal.abort()));
            console.log(Object.keys(AbortSignal.prototype).join(), Object.keys(AbortController.prototype).join());
            console.log(Object.keys(AbortSignal).join());
            console.log(Object.getPrototypeOf(AbortSignal) === EventTarget);
            for (const f of [
              () => Object.getOwnPropertyDescriptor(AbortSignal.prototype, "aborted").get.call(new EventTarget()),
              () => Object.getOwnPropertyDescriptor(AbortSignal.prototype, "onabort").get.call(new EventTarget()),
              () => AbortController.prototype.abort.call({}),
              () => AbortSignal.timeout(),
              () => AbortSignal.timeout(-1),
              () => AbortSignal.timeout(Infinity),
              () => AbortSignal.any([{}]),
              () => AbortSignal.any(5),
            ]) { try { f(); console.log("ok"); } catch (e) { console.log(e.name); } }
            """,
            "TypeError Illegal constructor\n0 0 1 1 0\n[object AbortController] [object AbortSignal]\n" +
            "aborted,reason,throwIfAborted,onabort signal,abort\nabort,timeout,any\ntrue\n" + string.Concat(Enumerable.Repeat("TypeError\n", 8)));
    }

    [Fact]
    public void TimeoutAbortsAtTheRightVirtualTime()
    {
        Expect("""
            const s = AbortSignal.timeout(100);
            setTimeout(() => console.log("at 99", s.aborted), 99);
            s.onabort = () => console.log("abort at", performance.now(), s.reason.name, s.reason.message, s.reason.code);
            setTimeout(() => console.log("at 101", s.aborted), 101);
            """, "at 99 false\nabort at 100 TimeoutError signal timed out 23\nat 101 true\n");
    }

    [Fact]
    public void TimeoutZeroAndThrowIfAborted()
    {
        Expect("""
            const s = AbortSignal.timeout(0);
            console.log(s.aborted);
            setTimeout(() => { try { s.throwIfAborted(); } catch (e) { console.log(e.name); } }, 1);
            """, "false\nTimeoutError\n");
    }

    [Fact]
    public void AnyFollowsTheFirstSourceToAbort()
    {
        Expect("""
            const a = new AbortController(), b = new AbortController();
            const any = AbortSignal.any([a.signal, b.signal]);
            const nested = AbortSignal.any([any]);
            console.log(any.aborted, nested.aborted);
            const log = [];
            a.signal.onabort = () => log.push("a");
            any.onabort = () => log.push("any:" + any.reason);
            nested.onabort = () => log.push("nested:" + nested.reason);
            b.abort("B");
            a.abort("A");
            console.log(log.join(" "), any.reason, nested.reason, a.signal.reason);
            """, "false false\nany:B nested:B a B B A\n");
    }

    [Fact]
    public void AnyOfAnAbortedSignalIsAbortedAtOnce()
    {
        Expect("""
            const a = new AbortController();
            a.abort("first");
            const s = AbortSignal.any([new AbortController().signal, a.signal, AbortSignal.abort("second")]);
            console.log(s.aborted, s.reason);
            const empty = AbortSignal.any([]);
            console.log(empty.aborted);
            const t = AbortSignal.any([AbortSignal.timeout(10)]);
            t.onabort = () => console.log("timeout via any", performance.now(), t.reason.name);
            """, "true first\nfalse\ntimeout via any 10 TimeoutError\n");
    }

    [Fact]
    public void AnyWithTheSameSignalTwice()
    {
        Expect("""
            const a = new AbortController();
            const s = AbortSignal.any([a.signal, a.signal]);
            let n = 0;
            s.addEventListener("abort", () => n++);
            a.abort();
            console.log(n, s.reason === a.signal.reason);
            """, "1 true\n");
    }

    [Fact]
    public void OnabortHandlerAttribute()
    {
        Expect("""
            const ac = new AbortController();
            const s = ac.signal;
            console.log(s.onabort);
            const h = () => console.log("h");
            s.onabort = h;
            console.log(s.onabort === h);
            s.onabort = 5;
            console.log(s.onabort);
            s.onabort = () => console.log("replaced");
            ac.abort();
            """, "null\ntrue\nnull\nreplaced\n");
    }

    [Fact]
    public void EventHandlerKeepsItsPositionUntilCleared()
    {
        Expect("""
            const ac = new AbortController();
            const s = ac.signal;
            const log = [];
            s.addEventListener("abort", () => log.push("first"));
            s.onabort = () => log.push("handler-1");
            s.addEventListener("abort", () => log.push("third"));
            s.onabort = () => log.push("handler-2");
            ac.abort();
            console.log(log.join());
            const ac2 = new AbortController();
            const log2 = [];
            ac2.signal.onabort = () => log2.push("handler");
            ac2.signal.addEventListener("abort", () => log2.push("listener"));
            ac2.signal.onabort = null;
            ac2.signal.onabort = () => log2.push("handler again");
            ac2.abort();
            console.log(log2.join());
            """, "first,handler-2,third\nlistener,handler again\n");
    }
}
