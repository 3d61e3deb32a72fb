using System.Globalization;
using System.Text;

namespace EsRuntime.Replay;

/// <summary>
/// One event: its kind, the question's argument (a path, a stream, a length) and the answer. Numbers
/// travel as <see cref="Number"/>, text as <see cref="Text"/>, bytes as <see cref="Bytes"/>.
/// </summary>
public sealed record TraceEvent(TraceEventKind Kind, string? Argument = null, string? Text = null, double Number = 0, byte[]? Bytes = null)
{
    /// <summary>A short human description for summaries and divergence messages.</summary>
    public string Describe()
    {
        static string Quote(string? s, int max = 60) =>
            s is null ? "null" : "\"" + (s.Length > max ? s[..max] + "…" : s).Replace("\n", "\\n") + "\"";
        return Kind switch
        {
            TraceEventKind.ClockWall => $"clock wall read = {Number.ToString(CultureInfo.InvariantCulture)}",
            TraceEventKind.ClockMonotonic => $"clock monotonic read = {Number.ToString(CultureInfo.InvariantCulture)}",
            TraceEventKind.Entropy => $"entropy {Bytes?.Length ?? 0} bytes",
            TraceEventKind.ConsoleWrite => $"console {Argument} write {Quote(Text)}",
            TraceEventKind.ProcessEnvironment => $"process environment read ({Number} variables)",
            TraceEventKind.ProcessCwd => $"process cwd = {Quote(Text)}",
            TraceEventKind.ProcessExit => $"process exit({Number})",
            TraceEventKind.ModuleRealPath => $"module realpath {Quote(Argument)} = {Quote(Text)}",
            TraceEventKind.ModuleIsFile => $"module is-file {Quote(Argument)} = {Number != 0}",
            TraceEventKind.ModuleIsDirectory => $"module is-directory {Quote(Argument)} = {Number != 0}",
            TraceEventKind.ModuleReadText => $"module read {Quote(Argument)} ({(Text is null ? "missing" : Encoding.UTF8.GetByteCount(Text) + " bytes")})",
            TraceEventKind.Checkpoint => $"checkpoint hash {Argument}",
            TraceEventKind.End => $"end, exit code {Number}",
            TraceEventKind.ConsoleColor => $"console {Argument} colours = {Number != 0}",
            TraceEventKind.HostCall => $"host call {Argument}",
            TraceEventKind.HostRequest => $"host request {Argument}",
            TraceEventKind.HostResult => $"host result {Argument} {Quote(Text)}",
            _ => $"event {(int)Kind}",
        };
    }

    /// <summary>The question without the answer: what a replaying program must ask for next.</summary>
    public string DescribeRequest() => Kind switch
    {
        TraceEventKind.ClockWall => "clock wall read",
        TraceEventKind.ClockMonotonic => "clock monotonic read",
        TraceEventKind.Entropy => $"entropy {Bytes?.Length ?? 0} bytes",
        TraceEventKind.ConsoleWrite => Describe(),
        TraceEventKind.ProcessExit => Describe(),
        TraceEventKind.ProcessEnvironment => "process environment read",
        TraceEventKind.ConsoleColor => $"console {Argument} colours",
        TraceEventKind.ModuleRealPath or TraceEventKind.ModuleIsFile or TraceEventKind.ModuleIsDirectory or TraceEventKind.ModuleReadText
            => Describe().Split(" = ")[0].Split(" (")[0],
        _ => Describe(),
    };
}
