using EsRuntime.Replay;

namespace EsRuntime.Properties;

/// <summary>Trace surgery for the properties; running and replaying is Simulation's.</summary>
public static class Runs
{
    /// <summary>The same trace with event <paramref name="index"/> changed (and checkpoints recomputed).</summary>
    public static byte[] Mutate(byte[] trace, int index)
    {
        using var reader = new TraceReader(new MemoryStream(trace));
        using var output = new MemoryStream();
        using (var writer = new TraceWriter(output, reader.Header))
        {
            var i = 0;
            while (reader.Next() is { } e)
            {
                writer.Add(i++ == index ? Change(e) : e);
            }
            writer.End(reader.EndExitCode ?? 0);
        }
        return output.ToArray();
    }

    public static int EventCount(byte[] trace)
    {
        using var reader = new TraceReader(new MemoryStream(trace));
        var n = 0;
        while (reader.Next() is not null) n++;
        return n;
    }

    private static TraceEvent Change(TraceEvent e) => e switch
    {
        { Bytes: { Length: > 0 } bytes } => e with { Bytes = bytes.Select((b, i) => i == 0 ? (byte)(b ^ 1) : b).ToArray() },
        { Text: not null } => e with { Text = e.Text + "!" },
        _ => e with { Number = e.Number + 1 },
    };
}
