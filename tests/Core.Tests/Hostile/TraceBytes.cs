using System.IO.Compression;

namespace EsRuntime.Tests.Hostile;

/// <summary>Opens a trace file's compressed records and packs them again, to damage a trace precisely.</summary>
internal static class TraceBytes
{
    private const int PrefixLength = 10; // "ESRTRACE" + u16 version

    /// <summary>The decompressed records (header first).</summary>
    public static byte[] Records(byte[] trace)
    {
        using var inflate = new DeflateStream(new MemoryStream(trace, PrefixLength, trace.Length - PrefixLength), CompressionMode.Decompress);
        using var records = new MemoryStream();
        inflate.CopyTo(records);
        return records.ToArray();
    }

    /// <summary>A trace with the same prefix whose compressed stream holds <paramref name="records"/>.</summary>
    public static byte[] Pack(byte[] trace, byte[] records)
    {
        using var output = new MemoryStream();
        output.Write(trace, 0, PrefixLength);
        using (var deflate = new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true)) deflate.Write(records);
        return output.ToArray();
    }

    /// <summary>Replaces the first occurrence of <paramref name="from"/> with <paramref name="to"/> (same length).</summary>
    public static byte[] Replace(byte[] bytes, string from, string to)
    {
        var a = System.Text.Encoding.UTF8.GetBytes(from);
        var b = System.Text.Encoding.UTF8.GetBytes(to);
        Assert.Equal(a.Length, b.Length);
        var at = bytes.AsSpan().IndexOf(a);
        Assert.True(at >= 0, $"'{from}' is not in the records");
        var copy = (byte[])bytes.Clone();
        b.CopyTo(copy, at);
        return copy;
    }

    public static bool Contains(byte[] trace, string text) =>
        Records(trace).AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0;
}
