using EsRuntime.Replay;

namespace EsRuntime.Cli.Trace;

/// <summary>Reads a trace and writes one of its timeline views.</summary>
internal static class TraceViews
{
    public static int Show(CommandLine.TraceView view)
    {
        Timeline timeline;
        try
        {
            using var reader = new TraceReader(File.OpenRead(view.TracePath));
            timeline = Timeline.Read(reader);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or TraceFormatException)
        {
            Console.Error.WriteLine($"error: cannot read {view.TracePath}: {e.Message}");
            return CommandLine.TraceUnreadable;
        }
        switch (view.Format)
        {
            case "timeline":
                Console.Out.Write(TimelineText.Render(timeline));
                return 0;
            case "json":
                Console.Out.WriteLine(TimelineJson.Render(timeline, indented: true));
                return 0;
            default:
                try { File.WriteAllText(view.OutputPath!, TimelineHtml.Render(timeline)); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"error: cannot write {view.OutputPath}: {e.Message}");
                    return 1;
                }
                Console.Out.WriteLine($"wrote {view.OutputPath}: {timeline.Entries.Count} events, {timeline.Hosts.Count} host(s)");
                return 0;
        }
    }
}
