using System.Buffers;
using System.Text;
using EsRuntime.Http;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EsRuntime.Properties;

/// <summary>
/// The HTTP/1.1 codec (src/Core/Http): chunking never changes what is parsed; what the writers
/// write parses back to what they were given; and no byte stream, however broken, makes a
/// connection throw, loop, or stop short of an error or a clean close once the stream has ended.
/// </summary>
public class HttpCodecProperties
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    private static Gen<(T Value, byte[] Bytes, int[] Cuts)> WithCuts<T>(Gen<T> gen, Func<T, byte[]> wire) =>
        gen.SelectMany(v => { var bytes = wire(v); return HttpGen.Cuts(bytes.Length).Select(cuts => (v, bytes, cuts)); });

    private static string Show(byte[] bytes) => Latin1.GetString(bytes).Replace("\r", "\\r").Replace("\n", "\\n\n");

    [Property(MaxTest = 300)]
    public Property AnySplitOfValidRequestsParsesToTheSameMessages() =>
        Prop.ForAll(Arb.From(WithCuts(HttpGen.Requests, ms => ms.SelectMany(m => m.Wire()).ToArray())), input =>
        {
            var (messages, bytes, cuts) = input;
            var expected = messages.SelectMany(m => m.Expected()).Append("closed").ToList();
            var split = HttpDriver.Server(HttpGen.Split(bytes, cuts), eof: true);
            var whole = HttpDriver.Server([bytes], eof: true);
            var ok = split.Exception is null && split.Events.SequenceEqual(expected) && whole.Events.SequenceEqual(expected);
            return ok.Label($"cuts=[{string.Join(",", cuts)}]\n{Show(bytes)}\nexpected:\n{string.Join("\n", expected)}\ngot:\n{string.Join("\n", split.Events)}\n{split.Exception}");
        });

    [Property(MaxTest = 300)]
    public Property AnySplitOfAValidResponseParsesToTheSameMessage() =>
        Prop.ForAll(Arb.From(WithCuts(HttpGen.Response, m => m.Wire())), Arb.From(Gen.Elements(false, true)), (input, head) =>
        {
            var (message, bytes, cuts) = input;
            // One response then the close; a HEAD response has no body, so its bytes are not read as one.
            var wire = head ? Latin1.GetBytes(Latin1.GetString(bytes)[..(Latin1.GetString(bytes).IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)]) : bytes;
            var expected = message.Expected(bodiless: head);
            var run = HttpDriver.Client(HttpGen.Split(wire, cuts.Where(c => c <= wire.Length).ToArray()), eof: true, head);
            var got = run.Events.Take(expected.Count).ToList();
            var ok = run.Exception is null && got.SequenceEqual(expected) && run.Terminal;
            return ok.Label($"head={head}\n{Show(wire)}\nexpected:\n{string.Join("\n", expected)}\ngot:\n{string.Join("\n", run.Events)}\n{run.Exception}");
        });

    /// <summary>What the client writer writes (any chunking of the body writes) the server reads back.</summary>
    [Property(MaxTest = 200)]
    public Property WrittenRequestsParseBack() =>
        Prop.ForAll(Arb.From(HttpGen.Requests.Where(ms => ms.All(m => m.Version == HttpVersion.Http11))), Arb.From(Gen.ListOf(Gen.Choose(1, 50), 8)), (messages, pieces) =>
        {
            var output = new ArrayBufferWriter<byte>();
            var expected = new List<string>();
            foreach (var m in messages)
            {
                using var writer = new HttpClientConnection();
                var parts = m.StartLine.Split(' ');
                var host = m.Fields[0].Value;
                var fields = m.Fields.Skip(1).ToList();
                var framing = m.Framing == BodyFramingKind.Chunked ? BodyFraming.Chunked : m.Framing == BodyFramingKind.Length ? BodyFraming.OfLength(m.Body.Length) : BodyFraming.None;
                writer.WriteRequestHead(output, parts[0], parts[1], host, fields, framing);
                var at = 0;
                for (var i = 0; at < m.Body.Length; i++)
                {
                    var n = Math.Min(pieces[i % pieces.Count], m.Body.Length - at);
                    writer.WriteBody(output, m.Body.AsSpan(at, n));
                    at += n;
                }
                writer.EndRequest(output);
                expected.AddRange((m with { Trailers = [] }).Expected());
            }
            expected.Add("closed");
            var bytes = output.WrittenSpan.ToArray();
            var run = HttpDriver.Server(HttpGen.Split(bytes, [bytes.Length / 3, bytes.Length / 2]), eof: true);
            var ok = run.Exception is null && run.Events.SequenceEqual(expected);
            return ok.Label($"{Show(bytes)}\nexpected:\n{string.Join("\n", expected)}\ngot:\n{string.Join("\n", run.Events)}\n{run.Exception}");
        });

    private static readonly HashSet<string> CodecFields = new(["Date", "Content-Length", "Transfer-Encoding", "Connection"], StringComparer.OrdinalIgnoreCase);

    /// <summary>What the server writer writes (length known or not, any body chunking) the client reads back.</summary>
    [Property(MaxTest = 200)]
    public Property WrittenResponsesParseBack() =>
        Prop.ForAll(Arb.From(HttpGen.Response), Arb.From(Gen.Zip(Gen.Elements(200, 201, 204, 304, 404, 299), Gen.Zip(Gen.Elements(false, true), Gen.Elements(false, true)))),
            Arb.From(Gen.ListOf(Gen.Choose(1, 50), 6)), (message, choice, pieces) =>
        {
            var (status, (knownLength, head)) = choice;
            using var server = new HttpServerConnection(HttpLimits.Default, 0);
            server.Receive(Latin1.GetBytes($"{(head ? "HEAD" : "GET")} / HTTP/1.1\r\nHost: h\r\n\r\n"), 0);
            while (server.Next().Kind != HttpEventKind.End) { }
            var output = new ArrayBufferWriter<byte>();
            server.BeginResponse(output, status, null, message.Fields, knownLength ? message.Body.Length : -1, 0);
            for (int at = 0, i = 0; at < message.Body.Length; i++)
            {
                var n = Math.Min(pieces[i % pieces.Count], message.Body.Length - at);
                server.WriteBody(output, message.Body.AsSpan(at, n));
                at += n;
            }
            var open = server.EndResponse(output, 0);
            var bytes = output.WrittenSpan.ToArray();

            using var client = new HttpClientConnection();
            client.WriteRequestHead(new ArrayBufferWriter<byte>(), head ? "HEAD" : "GET", "/", "h", [], BodyFraming.None);
            client.Receive(bytes);
            var heads = new List<HttpResponseHead>();
            var body = new List<byte>();
            var ended = false;
            for (var e = client.Next(); e.Kind is not (HttpEventKind.None or HttpEventKind.Error or HttpEventKind.Closed); e = client.Next())
            {
                if (e.Kind == HttpEventKind.Head) heads.Add(e.Head!);
                if (e.Kind == HttpEventKind.Body) body.AddRange(e.Data.ToArray());
                if (e.Kind == HttpEventKind.End) { ended = true; break; }
            }
            var bodiless = head || status is 204 or 304;
            var ok = heads.Count == 1 && ended && heads[0].Status == status && heads[0].Reason == HttpKnownNames.Reason(status)
                && heads[0].Fields.Where(f => !CodecFields.Contains(f.Name)).SequenceEqual(message.Fields)
                && body.SequenceEqual(bodiless ? [] : message.Body)
                && client.CanReuse == open && open;
            return ok.Label($"status={status} known={knownLength} head={head} open={open} reuse={client.CanReuse}\n{Show(bytes)}");
        });

    private static Gen<byte[]> BrokenRequests =>
        Gen.Frequency(
            (3, HttpGen.Requests.Select(ms => ms.SelectMany(m => m.Wire()).ToArray()).SelectMany(HttpGen.Mutate)),
            (1, HttpGen.Junk),
            (1, HttpGen.Body(300)));

    private static readonly HttpLimits Tight = HttpLimits.Default with
    {
        MaxStartLineBytes = 48,
        MaxHeaderBytes = 160,
        MaxHeaderCount = 5,
        MaxBodyBytes = 120,
        MaxChunkLineBytes = 24,
        MaxDiscardBodyBytes = 16,
    };

    [Property(MaxTest = 1000)]
    public Property BrokenRequestStreamsEndInAnErrorOrACleanClose() =>
        Prop.ForAll(Arb.From(WithCuts(BrokenRequests, b => b)), Arb.From(Gen.Zip(Gen.Elements(false, true), Gen.Elements(false, true))), (input, flags) =>
        {
            var (_, bytes, cuts) = input;
            var (respondEarly, tight) = flags;
            var run = HttpDriver.Server(HttpGen.Split(bytes, cuts), eof: true, respondEarly, tight ? Tight : null);
            var ok = run.Exception is null && !run.RanAway && run.Terminal;
            return ok.Label($"early={respondEarly} tight={tight} ranAway={run.RanAway} terminal={run.Terminal} {run.Exception}\n{Show(bytes)}\n{string.Join("\n", run.Events)}");
        });

    private static Gen<byte[]> BrokenResponses =>
        Gen.Frequency(
            (3, HttpGen.Response.Select(m => m.Wire()).SelectMany(HttpGen.Mutate)),
            (1, HttpGen.Junk),
            (1, HttpGen.Body(300)));

    [Property(MaxTest = 1000)]
    public Property BrokenResponseStreamsEndInAnErrorOrACleanClose() =>
        Prop.ForAll(Arb.From(WithCuts(BrokenResponses, b => b)), Arb.From(Gen.Elements(false, true)), (input, head) =>
        {
            var (_, bytes, cuts) = input;
            var run = HttpDriver.Client(HttpGen.Split(bytes, cuts), eof: true, head);
            var ok = run.Exception is null && !run.RanAway && run.Terminal;
            return ok.Label($"head={head} ranAway={run.RanAway} terminal={run.Terminal} {run.Exception}\n{Show(bytes)}\n{string.Join("\n", run.Events)}");
        });

    /// <summary>The same, feeding the parsers directly with multi-segment sequences (the connections always hand them one segment).</summary>
    [Property(MaxTest = 300)]
    public Property ParsersReadMultiSegmentSequencesLikeOneSegment() =>
        Prop.ForAll(Arb.From(WithCuts(Gen.Frequency((3, HttpGen.Request.Select(m => m.Wire())), (1, HttpGen.Request.Select(m => m.Wire()).SelectMany(HttpGen.Mutate))), b => b)), input =>
        {
            var (_, bytes, cuts) = input;
            var one = ParseOnce(new ReadOnlySequence<byte>(bytes));
            var many = ParseOnce(Segments.Of(HttpGen.Split(bytes, cuts)));
            return (one == many).Label($"one={one}\nmany={many}\n{Show(bytes)}");
        });

    /// <summary>Head then body of one request, read from a complete sequence; the outcome as text.</summary>
    private static string ParseOnce(ReadOnlySequence<byte> sequence)
    {
        var parser = new HttpRequestParser(Tight);
        var reader = new SequenceReader<byte>(sequence);
        var status = parser.Parse(ref reader, out var head, out var error);
        if (status != ParseStatus.Done) return $"{status} {error}";
        var text = new StringBuilder(HttpDriver.HeadLine($"{head!.Method} {head.Target}", head.Fields));
        var body = new HttpBodyDecoder(head.Framing, Tight.MaxBodyBytes);
        byte[]? scratch = null;
        while (true)
        {
            var s = body.Read(ref reader, Tight, ref scratch, out var data, out error);
            if (s == BodyStatus.Data) { text.Append(Latin1.GetString(data.ToArray())); continue; }
            return text.Append($" {s} {(s == BodyStatus.Error ? error.ToString() : "")} at {reader.Consumed}").ToString();
        }
    }
}

/// <summary>A <see cref="ReadOnlySequence{T}"/> of several segments, one per part.</summary>
internal sealed class Segments : ReadOnlySequenceSegment<byte>
{
    private Segments(byte[] part, long runningIndex)
    {
        Memory = part;
        RunningIndex = runningIndex;
    }

    public static ReadOnlySequence<byte> Of(List<byte[]> parts)
    {
        var first = new Segments(parts[0], 0);
        var last = first;
        foreach (var part in parts.Skip(1))
        {
            var next = new Segments(part, last.RunningIndex + last.Memory.Length);
            last.Next = next;
            last = next;
        }
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
