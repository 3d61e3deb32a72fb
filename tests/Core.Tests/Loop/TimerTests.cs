namespace EsRuntime.Tests.Loop;

public class TimerTests
{
    [Fact]
    public void TimersRunByDueTimeThenCreationOrder()
    {
        var r = JsHarness.Run("""
            setTimeout(() => console.log("a 10"), 10);
            setTimeout(() => console.log("b 5"), 5);
            setTimeout(() => console.log("c 5"), 5);
            setTimeout(() => console.log("d 0"));
            """);
        Assert.Equal("d 0\nb 5\nc 5\na 10\n", r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void MicrotasksDrainBetweenTimerCallbacks()
    {
        var r = JsHarness.Run("""
            setTimeout(() => { console.log("t1"); Promise.resolve().then(() => console.log("t1 micro")); queueMicrotask(() => console.log("t1 queued")); });
            setTimeout(() => console.log("t2"));
            """);
        Assert.Equal("t1\nt1 micro\nt1 queued\nt2\n", r.Stdout);
    }

    [Fact]
    public void MicrotasksRunBeforeTimersAndInFifoOrder()
    {
        var r = JsHarness.Run("""
            setTimeout(() => console.log("timeout"));
            queueMicrotask(() => console.log("micro 1"));
            Promise.resolve().then(() => console.log("micro 2")).then(() => console.log("micro 4"));
            queueMicrotask(() => console.log("micro 3"));
            console.log("sync");
            """);
        Assert.Equal("sync\nmicro 1\nmicro 2\nmicro 3\nmicro 4\ntimeout\n", r.Stdout);
    }

    [Fact]
    public void IntervalRepeatsUntilCleared()
    {
        var r = JsHarness.Run("""
            const start = Date.now();
            let n = 0;
            const id = setInterval(() => {
              n++;
              console.log(`tick ${n} at ${Date.now() - start}`);
              if (n === 3) clearInterval(id);
            }, 100);
            """);
        Assert.Equal("tick 1 at 100\ntick 2 at 200\ntick 3 at 300\n", r.Stdout);
    }

    [Fact]
    public void ClearTimeoutCancelsAndTimerArgumentsArePassed()
    {
        var r = JsHarness.Run("""
            const id = setTimeout(() => console.log("never"), 5);
            clearTimeout(id);
            setTimeout((a, b) => console.log(a + b), 1, "x", "y");
            console.log(typeof id);
            """);
        Assert.Equal("number\nxy\n", r.Stdout);
    }

    [Fact]
    public void NestedZeroTimeoutsAreClampedTo4msFromTheSixthLevel()
    {
        var r = JsHarness.Run("""
            const times = [];
            const t0 = performance.now();
            function level() {
              times.push(performance.now() - t0);
              if (times.length < 8) setTimeout(level, 0);
              else console.log(times.join(","));
            }
            setTimeout(level, 0);
            """);
        Assert.Equal("0,0,0,0,0,4,8,12\n", r.Stdout);
    }

    [Fact]
    public void VirtualClockMakesAnHourOfTimersInstant()
    {
        var started = DateTime.UtcNow;
        var r = JsHarness.Run("""
            const start = Date.now();
            let ticks = 0;
            const id = setInterval(() => { if (++ticks === 3600) { clearInterval(id); console.log(Date.now() - start); } }, 1000);
            """);
        Assert.Equal("3600000\n", r.Stdout);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30), "the simulated hour must not be waited for in real time");
    }

    [Fact]
    public void NonFunctionHandlerIsATypeError()
    {
        var r = JsHarness.Run("""
            try { setTimeout("console.log(1)", 0); } catch (e) { console.log(e instanceof TypeError, e.message); }
            """);
        Assert.Equal("true setTimeout: the callback must be a function (string handlers are not evaluated)\n", r.Stdout);
    }

    // One dispatch fires a turn's due timers with the checkpoint and rejection settling between them
    // (D62); the other path dispatches each alone. Both must give HTML's order.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ATurnsTimersAreSeparateMacrotasksOnBothDispatchPaths(bool oneDispatchPerTimer)
    {
        var r = JsHarness.Run("""
            const log = (s) => console.log(s);
            addEventListener("unhandledrejection", (e) => { log(`unhandled ${e.reason}`); e.preventDefault(); });
            addEventListener("error", (e) => { log(`error ${e.error.message}`); e.preventDefault(); });
            setTimeout(async () => {
              log("t1");
              await null; log("t1 await 1");
              await null; log("t1 await 2");
              Promise.resolve().then(() => Promise.resolve()).then(() => log("t1 deep"));
              Promise.reject("r1");
            });
            setTimeout(() => { log("t2"); clearTimeout(t3); clearInterval(interval); setTimeout(() => log("t5, a later turn")); });
            const t3 = setTimeout(() => log("t3 was cleared"));
            const interval = setInterval(() => log("interval was cleared"));
            setTimeout(() => { queueMicrotask(() => log("t4 micro")); throw new Error("boom"); });
            let ticks = 0;
            const repeat = setInterval(() => { log(`repeat ${++ticks}`); if (ticks === 2) clearInterval(repeat); }, 0);
            """, oneDispatchPerTimer: oneDispatchPerTimer);
        Assert.Equal("t1\nt1 await 1\nt1 await 2\nt1 deep\nunhandled r1\nt2\nerror boom\nt4 micro\nrepeat 1\nt5, a later turn\nrepeat 2\n", r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ExitInATimersMicrotaskStopsTheTimersAfterIt(bool oneDispatchPerTimer)
    {
        var r = JsHarness.Run("""
            import { exit } from "runtime:process";
            setTimeout(() => { console.log("t1"); queueMicrotask(() => exit(3)); });
            setTimeout(() => console.log("t2 must not run"));
            """, oneDispatchPerTimer: oneDispatchPerTimer);
        Assert.Equal("t1\n", r.Stdout);
        Assert.Equal(3, r.ExitCode);
    }

    // Starts and clears travel in a log of 1024 records that C# applies after the macrotask, or at once
    // when it is full (D64): thousands in one task, cleared across those flushes, keep HTML's order.
    [Fact]
    public void ThousandsOfTimersStartedAndClearedInOneTaskFireInOrder()
    {
        var r = JsHarness.Run("""
            const fired = [];
            const ids = [];
            for (let i = 0; i < 3000; i++) ids.push(setTimeout(() => fired.push(i), (i * 7) % 5));
            for (let i = 0; i < 3000; i += 3) clearTimeout(ids[i]);
            clearTimeout(ids[2999]); clearTimeout(ids[2999]);
            setTimeout(() => {
              const expected = [];
              for (let t = 0; t < 5; t++) for (let i = 0; i < 2999; i++) if (i % 3 !== 0 && (i * 7) % 5 === t) expected.push(i);
              console.log(fired.length, JSON.stringify(fired) === JSON.stringify(expected));
            }, 10);
            """);
        Assert.Equal("1999 true\n", r.Stdout);
    }
}
