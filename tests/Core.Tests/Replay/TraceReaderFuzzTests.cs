using EsRuntime.Providers.Sim;
using EsRuntime.Replay;

namespace EsRuntime.Tests.Replay;

/// <summary>Hostile or damaged traces give clean <see cref="TraceFormatException"/>s, never anything else.</summary>
public class TraceReaderFuzzTests
{
    private static readonly byte[] Valid = Simulation.Record("""
        console.log(Date.now(), Math.random());
        await new Promise((r) => setTimeout(r, 5));
        console.log("done");
        """).Trace;

    private static void ReadAll(byte[] bytes)
    {
        using var reader = new TraceReader(new MemoryStream(bytes));
        while (reader.Next() is not null) { }
    }

    private static void AssertCleanOutcome(byte[] bytes)
    {
        try { ReadAll(bytes); }
        catch (TraceFormatException) { }
    }

    [Fact]
    public void RandomBytesAreRejectedCleanly()
    {
        var random = new Random(1234);
        for (var i = 0; i < 500; i++)
        {
            var bytes = new byte[random.Next(0, 400)];
            random.NextBytes(bytes);
            if (i % 2 == 0 && bytes.Length >= 10) { "ESRTRACE"u8.CopyTo(bytes); bytes[8] = 1; bytes[9] = 0; }
            AssertCleanOutcome(bytes);
        }
    }

    [Fact]
    public void EveryTruncationReadsAPrefixOrFailsCleanly()
    {
        for (var length = 0; length < Valid.Length; length += Math.Max(1, Valid.Length / 300))
            AssertCleanOutcome(Valid[..length]);
    }

    [Fact]
    public void BitFlipsAreDetectedOrHarmlessNeverACrash()
    {
        var random = new Random(99);
        for (var i = 0; i < 1000; i++)
        {
            var bytes = (byte[])Valid.Clone();
            bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
            AssertCleanOutcome(bytes);
        }
    }

    [Fact]
    public void WrongMagicAndVersionAreNamed()
    {
        Assert.Contains("bad magic", Assert.Throws<TraceFormatException>(() => ReadAll("NOTATRACE!!"u8.ToArray())).Message);
        var future = (byte[])Valid.Clone();
        future[8] = 9;
        Assert.Contains("version 9 is not supported", Assert.Throws<TraceFormatException>(() => ReadAll(future)).Message);
    }

    [Fact]
    public void ValidTraceReadsToACleanEnd()
    {
        using var reader = new TraceReader(new MemoryStream(Valid));
        var n = 0;
        while (reader.Next() is not null) n++;
        Assert.True(n > 5);
        Assert.False(reader.Truncated);
        Assert.Equal(0, reader.EndExitCode);
    }
}
