namespace EsRuntime.Tests.Runtime;

public class ExitAndErrorTests
{
    [Fact]
    public void ExitHaltsImmediatelyWithItsCode()
    {
        var r = JsHarness.Run("""
            import { exit } from "runtime:process";
            setTimeout(() => console.log("timer never runs"), 0);
            console.log("before");
            try { exit(3); } catch { console.log("exit must not be catchable"); }
            console.log("after");
            """);
        Assert.Equal("before\n", r.Stdout);
        Assert.Equal(3, r.ExitCode);
    }

    [Theory]
    [InlineData("await 0; exit(3);", "")]
    [InlineData("await new Promise((r) => setTimeout(r, 5)); Promise.resolve().then(() => { console.log('in'); exit(3); }); console.log('after');", "after\nin\n")]
    [InlineData("await null; queueMicrotask(() => exit(3)); setTimeout(() => console.log('timer must not run'), 0);", "")]
    [InlineData("await null; try { exit(3); } catch { console.log('no output after exit'); }", "")]
    public void ExitDuringTopLevelAwaitEndsTheRunWithoutCrashing(string body, string stdout)
    {
        // Terminating V8 while an async module is evaluating aborts the process; the runtime ends softly then.
        var r = JsHarness.Run("import { exit } from 'runtime:process';\n" + body);
        Assert.Equal(3, r.ExitCode);
        Assert.Equal(stdout, r.Stdout);
        Assert.Equal("", r.Stderr);
    }

    [Fact]
    public void ExitDefaultsToZeroAndRejectsNonIntegers()
    {
        Assert.Equal(0, JsHarness.Run("import { exit } from 'runtime:process'; setTimeout(() => {}, 10); exit();").ExitCode);
        var r = JsHarness.Run("import { exit } from 'runtime:process'; try { exit('x') } catch (e) { console.log(e.name) }");
        Assert.Equal("TypeError\n", r.Stdout);
    }

    [Fact]
    public void UncaughtErrorPrintsHeaderCodeFrameAndStackOnce()
    {
        var r = JsHarness.Run("""
            function fail() {
              throw new TypeError("bad thing");
            }
            fail();
            """);
        Assert.Equal(1, r.ExitCode);
        var lines = r.Stderr.Split('\n');
        Assert.Equal("error: Uncaught TypeError: bad thing", lines[0]);
        Assert.Equal("  throw new TypeError(\"bad thing\");", lines[1]);
        Assert.Equal("        ^", lines[2]);
        Assert.Matches(@"^\s+at fail \(.*\$esrun\$eval\.mjs:2:9\)$", lines[3]);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(r.Stderr, "bad thing").Count); // header + code frame, not restated by the stack
    }

    [Fact]
    public void ThrowingANonErrorIsReported()
    {
        var r = JsHarness.Run("throw 'plain string';");
        Assert.StartsWith("error: Uncaught plain string\n", r.Stderr.Replace("'", ""));
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void TopLevelAwaitThenThrowIsUncaught()
    {
        var r = JsHarness.Run("await new Promise((r) => setTimeout(r, 5)); throw new Error('after await');");
        Assert.StartsWith("error: Uncaught Error: after await\n", r.Stderr);
        Assert.Equal(1, r.ExitCode);
    }
}
