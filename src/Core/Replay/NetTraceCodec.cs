using System.Globalization;
using EsRuntime.Providers;

namespace EsRuntime.Replay;

/// <summary>How network answers are written into trace events and read back (shared by recording and replaying).</summary>
internal static class NetTraceCodec
{
    public static TaggedRecorder Recorder(TraceWriter trace) => new(trace, TraceEventKind.NetRequest, TraceEventKind.NetResult, (tag, e) =>
    {
        var net = e as NetException ?? new NetException(NetErrorCode.IOError, "input/output error");
        return (new TraceEvent(TraceEventKind.NetResult, (net.Injected ? "fault:" : "") + net.Code, net.Detail, tag), net);
    });

    public static TaggedReplayer Replayer(Replaying.TraceReplayer trace) => new(trace, TraceEventKind.NetRequest, TraceEventKind.NetResult, Error);

    public static TraceEvent Ok(long tag, string? text = null, byte[]? bytes = null) => new(TraceEventKind.NetResult, "ok", text, tag, bytes);

    private static NetException? Error(TraceEvent e)
    {
        if (e.Argument == "ok") return null;
        var status = e.Argument ?? "";
        var injected = status.StartsWith("fault:", StringComparison.Ordinal);
        if (injected) status = status[6..];
        return Enum.TryParse<NetErrorCode>(status, out var code)
            ? new NetException(code, e.Text ?? NetException.Describe(code), injected)
            : new NetException(NetErrorCode.IOError, $"unknown recorded status '{status}'");
    }

    public static string Address(NetAddress a) => string.Create(CultureInfo.InvariantCulture, $"{a.Port} {a.Host}");

    public static NetAddress Address(string text)
    {
        var space = text.IndexOf(' ');
        return new NetAddress(text[(space + 1)..], int.Parse(text[..space], CultureInfo.InvariantCulture));
    }

    /// <summary>A connection's two addresses, local then remote, one per line.</summary>
    public static string Ends(IConnection c) => Address(c.LocalAddress) + "\n" + Address(c.RemoteAddress);

    public static (NetAddress Local, NetAddress Remote) Ends(string text)
    {
        var newline = text.IndexOf('\n');
        return (Address(text[..newline]), Address(text[(newline + 1)..]));
    }
}
