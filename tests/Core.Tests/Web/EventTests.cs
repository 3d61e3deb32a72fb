namespace EsRuntime.Tests.Web;

/// <summary>Event, CustomEvent and EventTarget (src/Core/Web/Events/event_target.js).</summary>
public class EventTests
{
    private static void Expect(string code, string stdout)
    {
        var r = JsHarness.Run(code);
        Assert.Equal("", r.Stderr);
        Assert.Equal(stdout, r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void EventDefaultsAndInit()
    {
        Expect("""
            const e = new Event("x");
            console.log(e.type, e.bubbles, e.cancelable, e.composed, e.defaultPrevented, e.isTrusted);
            console.log(e.target, e.currentTarget, e.srcElement, e.eventPhase, e.returnValue, e.cancelBubble);
            console.log(typeof e.timeStamp, e.timeStamp >= 0, e.composedPath().length);
            const f = new Event("y", { bubbles: true, cancelable: true, composed: true, other: 1 });
            console.log(f.bubbles, f.cancelable, f.composed, f.other);
            const order = [];
            new Event("z", {
              get cancelable() { order.push("cancelable"); return false; },
              get bubbles() { order.push("bubbles"); return true; },
              get composed() { order.push("composed"); return false; },
            });
            console.log(order.join());
            """,
            "x false false false false false\nnull null null 0 true false\nnumber true 0\ntrue true true undefined\nbubbles,cancelable,composed\n");
    }

    [Fact]
    public void TimeStampComesFromPerformanceNow()
    {
        Expect("""
            setTimeout(() => {
              const before = performance.now();
              const e = new Event("x");
              console.log(e.timeStamp === before, e.timeStamp);
            }, 25);
            """, "true 25\n");
    }

    [Fact]
    public void ConstructorErrors()
    {
        Expect("""
            for (const f of [() => Event("x"), () => new Event(), () => new Event("x", 5), () => new Event(Symbol())]) {
              try { f(); console.log("no throw"); } catch (e) { console.log(e.constructor.name); }
            }
            const err = { name: "mine" };
            try { new Event({ toString() { throw err; } }); } catch (e) { console.log(e === err); }
            """, "TypeError\nTypeError\nTypeError\nTypeError\ntrue\n");
    }

    [Fact]
    public void WebIdlShape()
    {
        Expect("""
            console.log(Event.length, CustomEvent.length, EventTarget.length, Event.name);
            console.log(EventTarget.prototype.addEventListener.length, EventTarget.prototype.removeEventListener.length, EventTarget.prototype.dispatchEvent.length);
            console.log(Event.prototype.initEvent.length, Event.prototype.composedPath.length, CustomEvent.prototype.initCustomEvent.length);
            console.log(Object.prototype.toString.call(new Event("x")), Object.prototype.toString.call(new EventTarget()), Object.prototype.toString.call(new CustomEvent("x")));
            const d = Object.getOwnPropertyDescriptor(Event.prototype, "type");
            console.log(d.enumerable, d.configurable, typeof d.get, d.set, d.get.name);
            console.log(Object.getOwnPropertyDescriptor(Event.prototype, "preventDefault").enumerable);
            console.log(Object.keys(Event.prototype).includes("bubbles"), Object.keys(EventTarget.prototype).join());
            for (const [name, value] of [["NONE", 0], ["CAPTURING_PHASE", 1], ["AT_TARGET", 2], ["BUBBLING_PHASE", 3]]) {
              const a = Object.getOwnPropertyDescriptor(Event, name), b = Object.getOwnPropertyDescriptor(Event.prototype, name);
              console.log(name, a.value === value && b.value === value, a.writable, a.enumerable, a.configurable, new Event("x")[name]);
            }
            const t1 = Object.getOwnPropertyDescriptor(new Event("a"), "isTrusted");
            const t2 = Object.getOwnPropertyDescriptor(new Event("b"), "isTrusted");
            console.log(t1.get === t2.get, t1.enumerable, t1.configurable, "isTrusted" in Event.prototype);
            console.log(Object.getPrototypeOf(CustomEvent) === Event, Object.getPrototypeOf(CustomEvent.prototype) === Event.prototype);
            """,
            "1 1 0 Event\n2 2 1\n1 0 1\n[object Event] [object EventTarget] [object CustomEvent]\n" +
            "true true function undefined get type\ntrue\ntrue addEventListener,removeEventListener,dispatchEvent\n" +
            "NONE true false true false 0\nCAPTURING_PHASE true false true false 1\nAT_TARGET true false true false 2\nBUBBLING_PHASE true false true false 3\n" +
            "true true false false\ntrue true\n");
    }

    [Fact]
    public void BrandChecks()
    {
        Expect("""
            const tries = [
              () => Object.getOwnPropertyDescriptor(Event.prototype, "type").get.call({}),
              () => Event.prototype.preventDefault.call(new EventTarget()),
              () => EventTarget.prototype.addEventListener.call({}, "x", null),
              () => Object.getOwnPropertyDescriptor(CustomEvent.prototype, "detail").get.call(new Event("x")),
              () => new EventTarget().dispatchEvent({ type: "x" }),
              () => new EventTarget().dispatchEvent(),
              () => new EventTarget().addEventListener("x"),
              () => new EventTarget().addEventListener("x", 5),
              () => Object.getOwnPropertyDescriptor(new Event("x"), "isTrusted").get.call({}),
            ];
            for (const f of tries) { try { f(); console.log("ok"); } catch (e) { console.log(e.name); } }
            """, string.Concat(Enumerable.Repeat("TypeError\n", 9)));
    }

    [Fact]
    public void DispatchBasicsAndReturnValue()
    {
        Expect("""
            const t = new EventTarget();
            const e = new Event("go", { cancelable: true });
            t.addEventListener("go", function (ev) {
              console.log(this === t, ev === e, ev.target === t, ev.currentTarget === t, ev.eventPhase, ev.isTrusted);
              console.log(ev.composedPath().length === 1 && ev.composedPath()[0] === t);
              ev.preventDefault();
            });
            console.log(t.dispatchEvent(e), e.defaultPrevented, e.returnValue);
            console.log(e.target === t, e.currentTarget, e.eventPhase, e.composedPath().length);
            const plain = new Event("go");
            t.addEventListener("go", (ev) => ev.preventDefault());
            console.log(t.dispatchEvent(plain), plain.defaultPrevented);
            """,
            "true true true true 2 false\ntrue\nfalse true false\ntrue null 0 0\ntrue false true true 2 false\ntrue\ntrue false\n");
    }

    [Fact]
    public void CaptureListenersRunFirstAtTarget()
    {
        Expect("""
            const t = new EventTarget();
            const order = [];
            t.addEventListener("x", () => order.push(1), true);
            t.addEventListener("x", () => order.push(2), false);
            t.addEventListener("x", () => order.push(3), { capture: true });
            t.addEventListener("x", () => order.push(4));
            t.dispatchEvent(new Event("x", { bubbles: true }));
            console.log(order.join());
            """, "1,3,2,4\n");
    }

    [Fact]
    public void ListenersAreDeduplicatedByTypeCallbackAndCapture()
    {
        Expect("""
            const t = new EventTarget();
            let n = 0;
            const f = () => n++;
            t.addEventListener("x", f);
            t.addEventListener("x", f);
            t.addEventListener("x", f, { once: true });
            t.addEventListener("x", f, true);
            t.addEventListener("y", f);
            t.dispatchEvent(new Event("x"));
            console.log(n);
            t.removeEventListener("x", f);
            t.dispatchEvent(new Event("x"));
            console.log(n);
            t.removeEventListener("x", f, { capture: true });
            t.dispatchEvent(new Event("x"));
            console.log(n);
            t.addEventListener("x", null);
            t.removeEventListener("x", null);
            """, "2\n3\n3\n");
    }

    [Fact]
    public void OnceAndPassive()
    {
        Expect("""
            const t = new EventTarget();
            let n = 0;
            t.addEventListener("x", () => n++, { once: true });
            t.dispatchEvent(new Event("x"));
            t.dispatchEvent(new Event("x"));
            console.log(n);
            const e = new Event("p", { cancelable: true });
            t.addEventListener("p", (ev) => { ev.preventDefault(); console.log("passive", ev.defaultPrevented); ev.returnValue = false; console.log(ev.defaultPrevented); }, { passive: true });
            t.addEventListener("p", (ev) => { ev.preventDefault(); console.log("active", ev.defaultPrevented); });
            console.log(t.dispatchEvent(e));
            const nested = new EventTarget();
            let calls = 0;
            nested.addEventListener("x", () => { calls++; nested.dispatchEvent(new Event("x")); }, { once: true });
            nested.dispatchEvent(new Event("x"));
            console.log(calls);
            """, "1\npassive false\nfalse\nactive true\nfalse\n1\n");
    }

    [Fact]
    public void ListenersAddedOrRemovedDuringDispatch()
    {
        Expect("""
            const t = new EventTarget();
            const log = [];
            const late = () => log.push("late");
            const removed = () => log.push("removed");
            t.addEventListener("x", () => { log.push("first"); t.addEventListener("x", late); t.removeEventListener("x", removed); });
            t.addEventListener("x", removed);
            t.dispatchEvent(new Event("x"));
            console.log(log.join());
            log.length = 0;
            t.dispatchEvent(new Event("x"));
            console.log(log.join());
            """, "first\nfirst,late\n");
    }

    [Fact]
    public void StopImmediatePropagationAndCancelBubble()
    {
        Expect("""
            const t = new EventTarget();
            const log = [];
            t.addEventListener("x", (e) => { log.push(1); e.stopImmediatePropagation(); console.log(e.cancelBubble); });
            t.addEventListener("x", () => log.push(2));
            const e = new Event("x");
            t.dispatchEvent(e);
            console.log(log.join(), e.cancelBubble);
            const t2 = new EventTarget();
            t2.addEventListener("y", (e) => e.stopPropagation(), true);
            t2.addEventListener("y", () => console.log("non-capture listener at the target runs"));
            t2.dispatchEvent(new Event("y"));
            const c = new Event("z");
            c.cancelBubble = true;
            console.log(c.cancelBubble);
            c.cancelBubble = false;
            console.log(c.cancelBubble);
            let ran = false;
            t.addEventListener("z", () => ran = true);
            t.dispatchEvent(c);
            console.log(ran, c.cancelBubble);
            const pre = new Event("w");
            pre.stopImmediatePropagation();
            t.addEventListener("w", () => console.log("called on the second dispatch only"));
            t.dispatchEvent(pre);
            t.dispatchEvent(pre);
            """, "true\n1 false\nnon-capture listener at the target runs\ntrue\ntrue\ntrue false\ncalled on the second dispatch only\n");
    }

    [Fact]
    public void HandleEventObjects()
    {
        Expect("""
            const t = new EventTarget();
            let lookups = 0;
            const listener = {
              get handleEvent() { lookups++; return function (e) { console.log(this === listener, e.type); }; },
            };
            t.addEventListener("x", listener);
            t.dispatchEvent(new Event("x"));
            t.dispatchEvent(new Event("x"));
            console.log(lookups);
            const fn = () => console.log("function called");
            fn.handleEvent = () => console.log("handleEvent called");
            t.addEventListener("y", fn);
            t.dispatchEvent(new Event("y"));
            """, "true x\ntrue x\n2\nfunction called\n");
    }

    [Fact]
    public void ReDispatchAndDispatchFlag()
    {
        Expect("""
            const t = new EventTarget();
            const e = new Event("x");
            t.addEventListener("x", () => {
              try { t.dispatchEvent(e); } catch (err) { console.log(err.name, err instanceof DOMException, err.code); }
            });
            console.log(t.dispatchEvent(e));
            console.log(t.dispatchEvent(e));
            """, "InvalidStateError true 11\ntrue\nInvalidStateError true 11\ntrue\n");
    }

    [Fact]
    public void InitEventAndCustomEvent()
    {
        Expect("""
            const e = new Event("a");
            e.initEvent("b", true, true);
            console.log(e.type, e.bubbles, e.cancelable);
            const t = new EventTarget();
            t.addEventListener("b", (ev) => { ev.initEvent("c", false, false); console.log("inside", ev.type); });
            t.dispatchEvent(e);
            console.log(e.type);
            const c = new CustomEvent("d", { detail: { n: 1 }, cancelable: true });
            console.log(c.detail.n, c.cancelable, new CustomEvent("e").detail);
            c.initCustomEvent("f", false, false, 42);
            console.log(c.type, c.detail, c.cancelable);
            """, "b true true\ninside b\nb\n1 true null\nf 42 false\n");
    }

    [Fact]
    public void Subclassing()
    {
        Expect("""
            class Emitter extends EventTarget {
              on(type, fn) { this.addEventListener(type, fn); return this; }
              emit(type, detail) { return this.dispatchEvent(new CustomEvent(type, { detail })); }
            }
            const em = new Emitter();
            em.on("hello", (e) => console.log(e.detail, e.target === em, e.target instanceof Emitter));
            console.log(em.emit("hello", "world"));
            class MyEvent extends Event { constructor() { super("mine", { cancelable: true }); this.extra = 7; } }
            const me = new MyEvent();
            em.on("mine", (e) => { console.log(e.extra, e instanceof MyEvent); e.preventDefault(); });
            console.log(em.dispatchEvent(me), Object.prototype.toString.call(me));
            """, "world true true\ntrue\n7 true\nfalse [object Event]\n");
    }

    [Fact]
    public void ListenerExceptionsAreReportedAndOtherListenersContinueWhenHandled()
    {
        Expect("""
            addEventListener("error", (e) => { console.log("reported:", e.error.message, e.message); e.preventDefault(); });
            const t = new EventTarget();
            t.addEventListener("x", () => { console.log("first"); throw new Error("boom"); });
            t.addEventListener("x", () => console.log("second"));
            console.log(t.dispatchEvent(new Event("x")));
            """, "first\nreported: boom Uncaught Error: boom\nsecond\ntrue\n");
    }

    [Fact]
    public void UnhandledListenerExceptionEndsTheRunAfterTheTask()
    {
        // The other listeners and the rest of the task still run; no later task does.
        var r = JsHarness.Run("""
            const t = new EventTarget();
            t.addEventListener("x", () => { throw new TypeError("listener failed"); });
            t.addEventListener("x", () => console.log("second listener"));
            console.log(t.dispatchEvent(new Event("x")));
            Promise.resolve().then(() => console.log("microtask"));
            setTimeout(() => console.log("never"), 0);
            """);
        Assert.Equal("second listener\ntrue\nmicrotask\n", r.Stdout);
        Assert.StartsWith("error: Uncaught TypeError: listener failed\n", r.Stderr);
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void NonCallableHandleEventIsReportedAsTypeError()
    {
        Expect("""
            addEventListener("error", (e) => { console.log(e.error.constructor.name); e.preventDefault(); });
            const t = new EventTarget();
            t.addEventListener("x", { handleEvent: 42 });
            t.addEventListener("x", {});
            t.dispatchEvent(new Event("x"));
            """, "TypeError\nTypeError\n");
    }

    [Fact]
    public void AbortSignalOptionRemovesListener()
    {
        Expect("""
            const t = new EventTarget();
            const ac = new AbortController();
            let n = 0;
            const f = () => n++;
            t.addEventListener("x", f, { signal: ac.signal });
            t.dispatchEvent(new Event("x"));
            ac.abort();
            t.dispatchEvent(new Event("x"));
            t.addEventListener("x", f, { signal: ac.signal });
            t.dispatchEvent(new Event("x"));
            console.log(n);
            try { t.addEventListener("x", f, { signal: null }); } catch (e) { console.log(e.name); }
            try { t.addEventListener("x", null, { signal: {} }); } catch (e) { console.log(e.name); }
            const ac2 = new AbortController();
            t.addEventListener("y", () => { ac2.abort(); console.log("first"); }, { signal: ac2.signal });
            t.addEventListener("y", () => console.log("second"), { signal: ac2.signal });
            t.dispatchEvent(new Event("y"));
            """, "1\nTypeError\nTypeError\nfirst\n");
    }

    [Fact]
    public void TrustedDispatchFromPrelude()
    {
        Expect("""
            const ac = new AbortController();
            ac.signal.addEventListener("abort", (e) => console.log(e.isTrusted, e.type, e.target === ac.signal));
            ac.abort();
            const manual = new Event("abort");
            new EventTarget().dispatchEvent(manual);
            console.log(manual.isTrusted);
            """, "true abort true\nfalse\n");
    }

    [Fact]
    public void ConsoleLogOfEvents()
    {
        Expect("""
            console.log(new CustomEvent("x", { detail: 1 }).type);
            console.log(String(new Event("x")));
            """, "x\n[object Event]\n");
    }
}
