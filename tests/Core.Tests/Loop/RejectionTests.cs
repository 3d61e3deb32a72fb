namespace EsRuntime.Tests.Loop;

public class RejectionTests
{
    [Fact]
    public void UnhandledRejectionIsReportedAndExitsWith1()
    {
        var r = JsHarness.Run("""
            setTimeout(() => console.log("never runs"), 10);
            Promise.reject(new RangeError("nope"));
            console.log("sync done");
            """);
        Assert.Equal("sync done\n", r.Stdout);
        Assert.StartsWith("error: Uncaught (in promise) RangeError: nope\n", r.Stderr);
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void RejectionHandledInTheSameTurnIsNotReported()
    {
        var r = JsHarness.Run("""
            const p = Promise.reject(new Error("late"));
            await null;
            await null;
            p.catch((e) => console.log("handled", e.message));
            """);
        Assert.Equal("handled late\n", r.Stdout);
        Assert.Equal("", r.Stderr);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void RejectionLeftUnhandledPastItsTurnIsReportedEvenIfHandledLater()
    {
        var r = JsHarness.Run("""
            const p = Promise.reject(new Error("too late"));
            setTimeout(() => p.catch(() => console.log("caught")), 10);
            """);
        Assert.Equal("", r.Stdout);
        Assert.Contains("error: Uncaught (in promise) Error: too late", r.Stderr);
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void RejectionWithANonErrorValueIsInspected()
    {
        var r = JsHarness.Run("Promise.reject(42);");
        Assert.StartsWith("error: Uncaught (in promise) 42\n", r.Stderr);
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void UncaughtErrorInATimerStopsTheRun()
    {
        var r = JsHarness.Run("""
            setTimeout(() => { throw new TypeError("in timer"); }, 1);
            setTimeout(() => console.log("never"), 2);
            """);
        Assert.Equal("", r.Stdout);
        Assert.StartsWith("error: Uncaught TypeError: in timer\n", r.Stderr);
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void ErrorThrownInAMicrotaskIsUncaught()
    {
        var r = JsHarness.Run("queueMicrotask(() => { throw new Error('from microtask'); });");
        Assert.StartsWith("error: Uncaught Error: from microtask\n", r.Stderr);
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void ReportErrorReportsLikeAnUncaughtError()
    {
        var r = JsHarness.Run("reportError(new Error('reported')); console.log('same task'); setTimeout(() => console.log('not reached'));");
        Assert.StartsWith("error: Uncaught Error: reported\n", r.Stderr);
        Assert.Equal("same task\n", r.Stdout);
        Assert.Equal(1, r.ExitCode);
    }
}
