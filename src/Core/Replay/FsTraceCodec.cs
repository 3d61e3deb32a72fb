using System.Globalization;
using System.Text;
using EsRuntime.Providers;

namespace EsRuntime.Replay;

/// <summary>
/// How filesystem answers are written into trace events and read back: one shape for both the
/// recording and the replaying filesystem, so the two cannot disagree.
/// </summary>
internal static class FsTraceCodec
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static TraceEvent Request(long tag, string description) => new(TraceEventKind.FsRequest, description, Number: tag);

    public static TraceEvent Ok(long tag, string? text = null, byte[]? bytes = null) => new(TraceEventKind.FsResult, "ok", text, tag, bytes);

    public static TraceEvent Failure(long tag, FsException e) =>
        new(TraceEventKind.FsResult, (e.Injected ? "fault:" : "") + e.Code, e.Detail, tag);

    /// <summary>The error a failed result holds, or null for success.</summary>
    public static FsException? Error(TraceEvent e)
    {
        if (e.Argument == "ok") return null;
        var status = e.Argument ?? "";
        var injected = status.StartsWith("fault:", StringComparison.Ordinal);
        if (injected) status = status[6..];
        return Enum.TryParse<FsErrorCode>(status, out var code)
            ? new FsException(code, e.Text ?? FsException.Describe(code), injected)
            : new FsException(FsErrorCode.IOError, $"unknown recorded status '{status}'");
    }

    public static string Stat(FsStat s) => string.Create(Invariant,
        $"{s.Size} {(s.IsFile ? 1 : 0)}{(s.IsDirectory ? 1 : 0)}{(s.IsSymlink ? 1 : 0)} {s.MtimeMs:R}");

    public static FsStat Stat(string text)
    {
        var parts = text.Split(' ');
        return new FsStat(long.Parse(parts[0], Invariant), parts[1][0] == '1', parts[1][1] == '1', parts[1][2] == '1', double.Parse(parts[2], Invariant));
    }

    public static string Entries(IReadOnlyList<FsEntry> entries)
    {
        var text = new StringBuilder();
        foreach (var e in entries)
            text.Append(e.IsFile ? 'f' : e.IsDirectory ? 'd' : e.IsSymlink ? 'l' : 'o').Append(e.Name).Append('\0');
        return text.ToString();
    }

    public static IReadOnlyList<FsEntry> Entries(string text) => text.Split('\0', StringSplitOptions.RemoveEmptyEntries)
        .Select(item => new FsEntry(item[1..], item[0] == 'f', item[0] == 'd', item[0] == 'l')).ToList();

    public static string Location(FsLocation l) => string.Create(Invariant, $"{(int)l.Kind}{(l.OutsideJail ? "!" : "")} {l.Size} {l.RealPath}");

    public static FsLocation Location(string text)
    {
        var parts = text.Split(' ', 3);
        var outside = parts[0].EndsWith('!');
        var kind = (FsNodeKind)int.Parse(outside ? parts[0][..^1] : parts[0], Invariant);
        var path = parts.Length > 2 ? parts[2] : "";
        return new FsLocation(kind, path.Length == 0 ? null : path, long.Parse(parts[1], Invariant), outside);
    }
}
