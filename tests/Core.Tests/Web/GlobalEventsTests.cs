namespace EsRuntime.Tests.Web;

/// <summary>The global object as an EventTarget, ErrorEvent, PromiseRejectionEvent and the reporting of
/// uncaught errors through them (src/Core/Web/Events/global_events.js, Bootstrap/report.js, dispatch.js).</summary>
public class GlobalEventsTests
{
    private static void Expect(string code, string stdout)
    {
        var r = JsHarness.Run(code);
        Assert.Equal("", r.Stderr);
        Assert.Equal(stdout, r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void GlobalObjectDispatchesEvents()
    {
        Expect("""
            console.log(globalThis.addEventListener === EventTarget.prototype.addEventListener,
              typeof removeEventListener, typeof dispatchEvent, globalThis instanceof EventTarget);
            const listener = function (e) { console.log(e.type, e.target === globalThis, e.currentTarget === globalThis, this === globalThis); };
            addEventListener("ping", listener);
            console.log(dispatchEvent(new Event("ping")));
            globalThis.dispatchEvent(new Event("ping"));
            EventTarget.prototype.dispatchEvent.call(globalThis, new Event("ping"));
            removeEventListener("ping", listener);
            console.log(dispatchEvent(new Event("ping")));
            console.log(Object.keys(globalThis).includes("addEventListener"), Object.getOwnPropertyDescriptor(globalThis, "addEventListener").writable);
            """,
            "true function function false\nping true true true\ntrue\nping true true true\nping true true true\ntrue\nfalse true\n");
    }

    [Fact]
    public void ErrorEventShape()
    {
        Expect("""
            const e = new ErrorEvent("error", { message: "m", filename: "f.js", lineno: 3, colno: 4, error: 42, cancelable: true });
            console.log(e.message, e.filename, e.lineno, e.colno, e.error, e.cancelable, e instanceof Event);
            const d = new ErrorEvent("x");
            console.log(JSON.stringify([d.message, d.filename, d.lineno, d.colno]), d.error);
            console.log(ErrorEvent.length, Object.prototype.toString.call(d), Object.keys(ErrorEvent.prototype).join());
            console.log(new ErrorEvent("x", { lineno: -1 }).lineno);
            try { Object.getOwnPropertyDescriptor(ErrorEvent.prototype, "message").get.call(new Event("x")); } catch (err) { console.log(err.name); }
            """,
            "m f.js 3 4 42 true true\n[\"\",\"\",0,0] undefined\n1 [object ErrorEvent] message,filename,lineno,colno,error\n4294967295\nTypeError\n");
    }

    [Fact]
    public void PromiseRejectionEventShape()
    {
        Expect("""
            const p = Promise.resolve(1);
            const e = new PromiseRejectionEvent("unhandledrejection", { promise: p, reason: "r", cancelable: true });
            console.log(e.promise === p, e.reason, e.cancelable, PromiseRejectionEvent.length);
            console.log(new PromiseRejectionEvent("x", { promise: p }).reason);
            for (const f of [() => new PromiseRejectionEvent("x"), () => new PromiseRejectionEvent("x", {}), () => new PromiseRejectionEvent("x", { promise: 1 })]) {
              try { f(); console.log("ok"); } catch (err) { console.log(err.name); }
            }
            const thenable = { then() {} };
            console.log(new PromiseRejectionEvent("x", { promise: thenable }).promise === thenable);
            console.log(Object.prototype.toString.call(e), Object.keys(PromiseRejectionEvent.prototype).join());
            """,
            "true r true 2\nundefined\nTypeError\nTypeError\nTypeError\ntrue\n[object PromiseRejectionEvent] promise,reason\n");
    }

    [Fact]
    public void UncaughtErrorFiresErrorEventAndPreventDefaultKeepsTheRunGoing()
    {
        Expect("""
            addEventListener("error", (e) => {
              console.log(e instanceof ErrorEvent, e.type, e.cancelable, e.isTrusted, e.message);
              console.log(e.error.message, e.filename.endsWith(".mjs"), e.lineno, e.colno);
              e.preventDefault();
            });
            setTimeout(() => {
              throw new RangeError("in timer");
            }, 1);
            setTimeout(() => console.log("later timer still runs"), 2);
            """,
            "true error true true Uncaught RangeError: in timer\nin timer true 7 9\nlater timer still runs\n");
    }

    [Fact]
    public void UncaughtErrorNotPreventedIsReportedAfterTheListeners()
    {
        var r = JsHarness.Run("""
            addEventListener("error", (e) => console.log("saw", e.message));
            setTimeout(() => { throw new Error("bad"); }, 1);
            setTimeout(() => console.log("never"), 2);
            """);
        Assert.Equal("saw Uncaught Error: bad\n", r.Stdout);
        Assert.StartsWith("error: Uncaught Error: bad\n", r.Stderr);
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void OnerrorGetsFiveArgumentsAndReturningTrueCancels()
    {
        Expect("""
            console.log(onerror);
            onerror = function (message, filename, lineno, colno, error) {
              console.log(this === globalThis, message, typeof filename, lineno > 0, colno > 0, error.message, arguments.length);
              return true;
            };
            console.log(typeof onerror);
            queueMicrotask(() => { throw new Error("from microtask"); });
            setTimeout(() => console.log("still alive"), 5);
            """,
            "null\nfunction\ntrue Uncaught Error: from microtask string true true from microtask 5\nstill alive\n");
    }

    [Fact]
    public void OnerrorReturningFalseDoesNotCancel()
    {
        var r = JsHarness.Run("""
            onerror = () => false;
            throw new Error("top level");
            """);
        Assert.StartsWith("error: Uncaught Error: top level\n", r.Stderr);
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void TopLevelModuleErrorFiresErrorEvent()
    {
        Expect("""
            addEventListener("error", (e) => { console.log("caught", e.error); e.preventDefault(); });
            setTimeout(() => console.log("timer after the module failed"), 1);
            throw "plain value";
            """, "caught plain value\ntimer after the module failed\n");
    }

    [Fact]
    public void ReportErrorFiresErrorEventFirst()
    {
        Expect("""
            addEventListener("error", (e) => { console.log("error event:", e.message, e.error.message); e.preventDefault(); });
            reportError(new TypeError("reported"));
            console.log("continues after reportError");
            """, "error event: Uncaught TypeError: reported reported\ncontinues after reportError\n");
    }

    [Fact]
    public void ReportErrorWithoutListenerEndsTheRun()
    {
        // Reporting does not stop the script (HTML "report the exception"); the run ends with the task.
        var r = JsHarness.Run("addEventListener('error', () => console.log('listener')); reportError(new Error('x')); console.log('same task'); setTimeout(() => console.log('not reached'));");
        Assert.Equal("listener\nsame task\n", r.Stdout);
        Assert.StartsWith("error: Uncaught Error: x\n", r.Stderr);
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void ErrorInsideAnErrorListenerIsReportedWithoutASecondEvent()
    {
        var r = JsHarness.Run("""
            let calls = 0;
            addEventListener("error", (e) => { calls++; console.log("listener", calls); throw new Error("listener broke"); });
            setTimeout(() => { throw new Error("first"); }, 1);
            """);
        Assert.Equal("listener 1\n", r.Stdout);
        Assert.StartsWith("error: Uncaught Error: listener broke\n", r.Stderr);
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void UnhandledRejectionFiresEventAndPreventDefaultSuppressesTheReport()
    {
        Expect("""
            const p = Promise.reject(new Error("nope"));
            addEventListener("unhandledrejection", (e) => {
              console.log(e instanceof PromiseRejectionEvent, e.type, e.cancelable, e.isTrusted, e.promise === p, e.reason.message);
              e.preventDefault();
            });
            setTimeout(() => console.log("run goes on"), 10);
            """, "true unhandledrejection true true true nope\nrun goes on\n");
    }

    [Fact]
    public void UnhandledRejectionNotPreventedIsReported()
    {
        var r = JsHarness.Run("""
            addEventListener("unhandledrejection", (e) => console.log("saw", e.reason));
            Promise.reject(42);
            setTimeout(() => console.log("never"), 10);
            """);
        Assert.Equal("saw 42\n", r.Stdout);
        Assert.StartsWith("error: Uncaught (in promise) 42\n", r.Stderr);
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void OnunhandledrejectionHandlerAttribute()
    {
        Expect("""
            console.log(onunhandledrejection, onrejectionhandled);
            onunhandledrejection = (e) => { console.log("handler", e.reason); e.preventDefault(); };
            Promise.reject("a");
            Promise.reject("b");
            """, "null null\nhandler a\nhandler b\n");
    }

    [Fact]
    public void OnunhandledrejectionReturningFalseCancels()
    {
        Expect("""
            onunhandledrejection = () => false;
            Promise.reject(new Error("quiet"));
            """, "");
    }

    [Fact]
    public void RejectionHandledFiresWhenAReportedPromiseGetsAHandler()
    {
        Expect("""
            let reported;
            addEventListener("unhandledrejection", (e) => { reported = e.promise; e.preventDefault(); console.log("unhandled", e.reason); });
            onrejectionhandled = (e) => console.log("handled later", e.promise === reported, e.reason, e.cancelable, e.isTrusted);
            const p = Promise.reject("late");
            setTimeout(() => { p.catch(() => console.log("catch ran")); console.log("catch attached"); }, 5);
            """, "unhandled late\ncatch attached\ncatch ran\nhandled later true late false true\n");
    }

    [Fact]
    public void HandlerAttachedDuringUnhandledRejectionDoesNotFireRejectionHandled()
    {
        Expect("""
            addEventListener("unhandledrejection", (e) => { e.promise.catch(() => console.log("caught in listener")); e.preventDefault(); console.log("unhandled"); });
            addEventListener("rejectionhandled", () => console.log("rejectionhandled (should not fire)"));
            Promise.reject(new Error("x"));
            setTimeout(() => console.log("end"), 5);
            """, "unhandled\ncaught in listener\nend\n");
    }

    [Fact]
    public void RejectionHandledInTheSameTurnFiresNothing()
    {
        Expect("""
            addEventListener("unhandledrejection", () => console.log("should not fire"));
            const p = Promise.reject(1);
            await null;
            p.catch(() => console.log("handled in time"));
            """, "handled in time\n");
    }

    [Fact]
    public void RejectionsMadeByTheMicrotasksOfAListenerAreReportedToo()
    {
        var r = JsHarness.Run("""
            addEventListener("unhandledrejection", async (e) => {
              console.log("unhandled", e.reason);
              if (e.reason === 1) { e.preventDefault(); await null; Promise.reject(2); }
            });
            Promise.reject(1);
            """);
        Assert.Equal("unhandled 1\nunhandled 2\n", r.Stdout);
        Assert.StartsWith("error: Uncaught (in promise) 2\n", r.Stderr);
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void ErrorInUnhandledRejectionListenerGoesToTheErrorEvent()
    {
        Expect("""
            addEventListener("error", (e) => { console.log("error event:", e.error.message); e.preventDefault(); });
            addEventListener("unhandledrejection", (e) => { e.preventDefault(); throw new Error("listener threw"); });
            addEventListener("unhandledrejection", (e) => console.log("second listener", e.defaultPrevented));
            Promise.reject(0);
            """, "error event: listener threw\nsecond listener true\n");
    }

    [Fact]
    public void EventHandlerAttributesAreOwnAccessorsOfTheGlobal()
    {
        Expect("""
            for (const name of ["onerror", "onunhandledrejection", "onrejectionhandled"]) {
              const d = Object.getOwnPropertyDescriptor(globalThis, name);
              console.log(name, typeof d.get, typeof d.set, d.configurable, d.get.name);
            }
            onerror = "not a function";
            console.log(onerror);
            const handler = { handleEvent() {} };
            onerror = handler;
            console.log(onerror === handler);
            """,
            "onerror function function true get onerror\nonunhandledrejection function function true get onunhandledrejection\n" +
            "onrejectionhandled function function true get onrejectionhandled\nnull\ntrue\n");
    }

    [Fact]
    public void ExitCodeStaysZeroWhenEveryErrorIsHandled()
    {
        var r = JsHarness.Run("""
            addEventListener("error", (e) => e.preventDefault());
            addEventListener("unhandledrejection", (e) => e.preventDefault());
            setTimeout(() => { throw new Error("one"); }, 1);
            setTimeout(() => Promise.reject(new Error("two")), 2);
            setTimeout(() => console.log("done"), 3);
            """);
        Assert.Equal("done\n", r.Stdout);
        Assert.Equal("", r.Stderr);
        Assert.Equal(0, r.ExitCode);
    }
}
