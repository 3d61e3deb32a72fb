using System.Globalization;
using EsRuntime.Runtime;

namespace EsRuntime.Replay;

/// <summary>
/// How host-module calls are written into trace events and read back, one shape for recording and
/// replaying. The question names the function and carries its arguments (JSON, and the byte
/// arguments' lengths), so a replay that calls differently diverges there. An answer is JSON text,
/// bytes, undefined, or an error's JS name and message. A synchronous call is one event
/// (<see cref="TraceEventKind.HostCall"/>: the question as its argument, the status as its number); an
/// asynchronous one a tagged request and result, as filesystem requests.
/// </summary>
internal static class HostTraceCodec
{
    private const string Json = "ok", Bytes = "bytes", Undefined = "undefined", Error = "error:";
    private const double SyncJson = 0, SyncBytes = 1, SyncUndefined = 2, SyncError = 3;

    public static string Question(HostFunction function, HostArgs args)
    {
        var question = $"{function} {args.Json}";
        foreach (var bytes in args.ByteArguments) question += " bytes:" + bytes.Length.ToString(CultureInfo.InvariantCulture);
        return question;
    }

    // ---- synchronous calls ----

    public static TraceEvent Call(string question, HostValue value) =>
        value.Bytes is { } bytes ? new(TraceEventKind.HostCall, question, null, SyncBytes, bytes)
        : value.Json is { } json ? new(TraceEventKind.HostCall, question, json, SyncJson)
        : new(TraceEventKind.HostCall, question, null, SyncUndefined);

    public static TraceEvent CallFailed(string question, string name, string message) =>
        new(TraceEventKind.HostCall, question, name + "\0" + message, SyncError);

    /// <summary>A recorded synchronous answer: its value, or its error thrown.</summary>
    public static HostValue CallAnswer(TraceEvent e)
    {
        switch (e.Number)
        {
            case SyncBytes: return HostValue.FromBytes(e.Bytes ?? []);
            case SyncJson: return HostValue.FromJson(e.Text ?? "null");
            case SyncUndefined: return HostValue.Undefined;
            default:
                var parts = (e.Text ?? "Error\0").Split('\0', 2);
                throw new HostFunctionException(parts[0], parts.Length > 1 ? parts[1] : "");
        }
    }

    // ---- asynchronous calls ----

    public static TraceEvent Result(long tag, HostValue value) =>
        value.Bytes is { } bytes ? new(TraceEventKind.HostResult, Bytes, null, tag, bytes)
        : value.Json is { } json ? new(TraceEventKind.HostResult, Json, json, tag)
        : new(TraceEventKind.HostResult, Undefined, null, tag);

    public static TaggedRecorder Recorder(TraceWriter trace) => new(trace, TraceEventKind.HostRequest, TraceEventKind.HostResult, (tag, e) =>
    {
        var (name, message) = e is HostFunctionException h ? (h.Name, h.Message) : ("Error", e.Message);
        return (new TraceEvent(TraceEventKind.HostResult, Error + name, message, tag), new HostFunctionException(name, message));
    });

    public static TaggedReplayer Replayer(Replaying.TraceReplayer trace) => new(trace, TraceEventKind.HostRequest, TraceEventKind.HostResult, e =>
        e.Argument is { } status && status.StartsWith(Error, StringComparison.Ordinal) ? new HostFunctionException(status[Error.Length..], e.Text ?? "") : null);

    /// <summary>The value of a successful asynchronous answer.</summary>
    public static HostValue ResultValue(TraceEvent e) => e.Argument switch
    {
        Bytes => HostValue.FromBytes(e.Bytes ?? []),
        Json => HostValue.FromJson(e.Text ?? "null"),
        _ => HostValue.Undefined,
    };
}
