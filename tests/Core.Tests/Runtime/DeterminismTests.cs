namespace EsRuntime.Tests.Runtime;

public class DeterminismTests
{
    private const string Script = """
        const out = [];
        out.push(Date.now(), new Date().toISOString(), Math.random(), Math.random(), performance.now(), performance.timeOrigin);
        await new Promise((resolve) => setTimeout(resolve, 1234));
        out.push(Date.now(), performance.now(), Math.random());
        const order = [];
        for (let i = 0; i < 5; i++) setTimeout(() => order.push(i), Math.floor(Math.random() * 50));
        await new Promise((resolve) => setTimeout(resolve, 100));
        out.push(order.join(""), String(new Date()));
        console.log(out.join("\n"));
        """;

    [Fact]
    public void SameSeedGivesIdenticalOutput()
    {
        var first = JsHarness.Run(Script, seed: 42);
        var second = JsHarness.Run(Script, seed: 42);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal("", first.Stderr);
        Assert.Equal(first.Stdout, second.Stdout);
        // The virtual clock starts at the simulation epoch and moved exactly as far as the timers said.
        var lines = first.Stdout.Split('\n');
        Assert.Equal("946684800000", lines[0]);
        Assert.Equal("2000-01-01T00:00:00.000Z", lines[1]);
        Assert.Equal("946684801234", lines[6]);
    }

    [Fact]
    public void DifferentSeedGivesDifferentRandomness()
    {
        var a = JsHarness.Run(Script, seed: 1);
        var b = JsHarness.Run(Script, seed: 2);
        Assert.NotEqual(a.Stdout.Split('\n')[2], b.Stdout.Split('\n')[2]);
    }

    [Fact]
    public void MathRandomIsInUnitIntervalAndDateKeepsItsShape()
    {
        var r = JsHarness.Run("""
            let ok = true;
            for (let i = 0; i < 10000; i++) { const x = Math.random(); if (!(x >= 0 && x < 1)) ok = false; }
            console.log(ok, typeof Date(), new Date(0).toISOString(), new Date(2020, 0, 1) instanceof Date, Date.length, Date.name, Date.UTC(2000, 0, 1));
            class MyDate extends Date {}
            console.log(new MyDate() instanceof MyDate, new MyDate().getTime() === Date.now());
            """);
        Assert.Equal("true string 1970-01-01T00:00:00.000Z true 7 Date 946684800000\ntrue true\n", r.Stdout);
    }

    [Fact]
    public void IntlFormatWithoutADateUsesTheProviderClock()
    {
        var r = JsHarness.Run("""
            const f = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", year: "numeric" });
            console.log(f.format(), f.formatToParts()[0].value);
            """);
        Assert.Equal("2000 2000\n", r.Stdout);
    }
}
