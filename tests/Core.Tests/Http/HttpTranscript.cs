using System.Buffers;

using EsRuntime.Http;

namespace EsRuntime.Tests.Http;

/// <summary>Drives the codec's connections in tests and writes what they yield as short lines.</summary>
internal static class HttpTranscript
{
    public static byte[] Bytes(string latin1) => System.Text.Encoding.Latin1.GetBytes(latin1);

    public static string Text(ReadOnlySequence<byte> data) => System.Text.Encoding.Latin1.GetString(data.ToArray());

    public static string Text(ArrayBufferWriter<byte> output) => System.Text.Encoding.Latin1.GetString(output.WrittenSpan);

    /// <summary>Takes events until the connection has nothing more: "head GET / 1.1", "body ...", "end", "error 400 ...", "closed".</summary>
    public static List<string> Drain(HttpServerConnection c, List<HttpRequestHead>? heads = null) =>
        Drain(c.Next, h => $"head {h.Method} {h.Target} {(h.Version == HttpVersion.Http11 ? "1.1" : "1.0")}", heads);

    public static List<string> Drain(HttpClientConnection c, List<HttpResponseHead>? heads = null) =>
        Drain(c.Next, h => $"head {h.Status} {h.Reason}", heads);

    private static List<string> Drain<THead>(Func<HttpEvent<THead>> next, Func<THead, string> show, List<THead>? heads) where THead : class
    {
        var lines = new List<string>();
        for (var guard = 0; guard < 10_000; guard++)
        {
            var e = next();
            switch (e.Kind)
            {
                case HttpEventKind.None: return lines;
                case HttpEventKind.Head:
                    heads?.Add(e.Head!);
                    lines.Add(show(e.Head!));
                    break;
                case HttpEventKind.Body: lines.Add("body " + Text(e.Data)); break;
                case HttpEventKind.End: lines.Add("end"); break;
                case HttpEventKind.Error: lines.Add($"error {e.Error.Status} {e.Error.Reason}"); return lines;
                case HttpEventKind.Closed: lines.Add("closed"); return lines;
            }
        }
        throw new InvalidOperationException("the connection kept yielding events");
    }

    /// <summary>Bodies joined: consecutive "body" lines become one, so chunking does not show.</summary>
    public static List<string> Joined(List<string> lines)
    {
        var result = new List<string>();
        foreach (var line in lines)
        {
            if (line.StartsWith("body ", StringComparison.Ordinal) && result.Count > 0 && result[^1].StartsWith("body ", StringComparison.Ordinal))
            {
                result[^1] += line[5..];
            }
            else
            {
                result.Add(line);
            }
        }
        return result;
    }

    public static HttpServerConnection Server(string bytes, HttpLimits? limits = null, long now = 0)
    {
        var c = new HttpServerConnection(limits ?? HttpLimits.Default, now);
        c.Receive(Bytes(bytes), now);
        return c;
    }

    /// <summary>The first error a request stream earns, or "ok" when it parses to its end.</summary>
    public static string ErrorOf(string bytes, HttpLimits? limits = null)
    {
        using var c = Server(bytes, limits);
        var lines = Drain(c);
        var error = lines.FirstOrDefault(l => l.StartsWith("error", StringComparison.Ordinal));
        return error ?? "ok";
    }

    /// <summary>Answers the current request with an empty 200.</summary>
    public static string Respond(HttpServerConnection c, int status = 200, string body = "", long now = 0, params HttpField[] fields)
    {
        var output = new ArrayBufferWriter<byte>();
        c.BeginResponse(output, status, null, fields, body.Length, now);
        c.WriteBody(output, Bytes(body));
        c.EndResponse(output, now);
        return Text(output);
    }
}
