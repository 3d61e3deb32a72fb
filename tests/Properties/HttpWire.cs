using System.Buffers;
using System.Text;
using EsRuntime.Http;
using FsCheck;
using FsCheck.Fluent;

namespace EsRuntime.Properties;

/// <summary>A generated request or response: what the codec must read back, and how it goes on the wire.</summary>
internal sealed record WireMessage(string StartLine, HttpVersion Version, List<HttpField> Fields, byte[] Body, BodyFramingKind Framing,
    int[] ChunkSizes, string[] Extensions, List<HttpField> Trailers)
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    /// <summary>The message as a sender would write it by hand (with chunk extensions and trailers the writers never produce).</summary>
    public byte[] Wire()
    {
        var s = new StringBuilder(StartLine).Append("\r\n");
        foreach (var f in Fields) s.Append(f.Name).Append(": ").Append(f.Value).Append("\r\n");
        if (Framing == BodyFramingKind.Length) s.Append("Content-Length: ").Append(Body.Length).Append("\r\n");
        if (Framing == BodyFramingKind.Chunked) s.Append("Transfer-Encoding: chunked\r\n");
        s.Append("\r\n");
        var bytes = new List<byte>(Latin1.GetBytes(s.ToString()));
        if (Framing == BodyFramingKind.Chunked)
        {
            var at = 0;
            for (var i = 0; i < ChunkSizes.Length; i++)
            {
                var n = ChunkSizes[i];
                bytes.AddRange(Latin1.GetBytes($"{n:x}{Extensions[i % Extensions.Length]}\r\n"));
                bytes.AddRange(Body.AsSpan(at, n).ToArray());
                bytes.AddRange("\r\n"u8.ToArray());
                at += n;
            }
            bytes.AddRange(Latin1.GetBytes($"0{Extensions[0]}\r\n"));
            foreach (var t in Trailers) bytes.AddRange(Latin1.GetBytes($"{t.Name}: {t.Value}\r\n"));
            bytes.AddRange("\r\n"u8.ToArray());
        }
        else
        {
            bytes.AddRange(Body);
        }
        return [.. bytes];
    }

    /// <summary>What a connection should yield for it.</summary>
    public List<string> Expected(bool bodiless = false)
    {
        var framingFields = Framing switch
        {
            BodyFramingKind.Length => [new HttpField("Content-Length", Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            BodyFramingKind.Chunked => [new HttpField("Transfer-Encoding", "chunked")],
            _ => new List<HttpField>(),
        };
        var lines = new List<string> { HttpDriver.HeadLine(StartLine, Fields.Concat(framingFields)) };
        if (Body.Length > 0 && !bodiless) lines.Add("body " + Latin1.GetString(Body));
        lines.Add("end");
        return lines;
    }
}

/// <summary>Generators of well-formed HTTP/1.1 pieces and messages, and byte-level mutations of them.</summary>
internal static class HttpGen
{
    private const string TokenAlphabet = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public static Gen<int> Small(int max) => Gen.Choose(0, max);

    public static Gen<string> Token(int max) =>
        Gen.Choose(1, max).SelectMany(n => Gen.ArrayOf(Gen.Elements(TokenAlphabet.ToCharArray()), n)).Select(cs => new string(cs));

    /// <summary>Names that never collide with the fields the codec interprets.</summary>
    public static Gen<string> FieldName => Token(10).Select(t => "X-" + t);

    /// <summary>Visible ASCII, obs-text and inner whitespace; no leading or trailing whitespace (it is trimmed).</summary>
    public static Gen<string> FieldValue =>
        Gen.Choose(0, 24).SelectMany(n => Gen.ArrayOf(Gen.Frequency(
                (16, Gen.Choose(0x21, 0x7E).Select(c => (char)c)),
                (2, Gen.Elements(' ', '\t')),
                (2, Gen.Choose(0x80, 0xFF).Select(c => (char)c))), n))
            .Select(cs => new string(cs).Trim(' ', '\t'));

    public static Gen<List<HttpField>> Fields(int max) =>
        Small(max).SelectMany(n => Gen.ListOf(Gen.Zip(FieldName, FieldValue, (name, value) => new HttpField(name, value)), n)).Select(l => l.ToList());

    public static Gen<string> Host =>
        from name in Gen.Choose(1, 12).SelectMany(n => Gen.ArrayOf(Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789-.".ToCharArray()), n))
        from port in Gen.Frequency((3, Gen.Constant("")), (1, Gen.Choose(1, 65535).Select(p => ":" + p)))
        select new string(name) + port;

    public static Gen<string> Target =>
        Gen.Choose(0, 30).SelectMany(n => Gen.ArrayOf(Gen.Choose(0x21, 0x7E).Select(c => (char)c), n)).Select(cs => "/" + new string(cs));

    public static Gen<byte[]> Body(int max) => Small(max).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n));

    public static Gen<string> ChunkExtension => Gen.Elements("", "", ";a", ";name=value", " ; q=\"quoted \\\" ;x\"", ";k=v;k2", "\t;e=1");

    /// <summary>Splits a length into chunk sizes (each ≥ 1).</summary>
    private static Gen<int[]> ChunkSizes(int length) =>
        Gen.ListOf(Gen.Choose(1, 64), 12).Select(sizes =>
        {
            var result = new List<int>();
            var left = length;
            foreach (var s in sizes) { if (left == 0) break; var n = Math.Min(s, left); result.Add(n); left -= n; }
            if (left > 0) result.Add(left);
            return result.ToArray();
        });

    private static Gen<WireMessage> Framed(string startLine, HttpVersion version, List<HttpField> fields, bool allowChunked) =>
        from body in Body(200)
        from framing in allowChunked ? Gen.Elements(BodyFramingKind.Length, BodyFramingKind.Chunked, BodyFramingKind.None) : Gen.Elements(BodyFramingKind.Length, BodyFramingKind.None)
        from sizes in ChunkSizes(body.Length)
        from extensions in Gen.ArrayOf(ChunkExtension, 3)
        from trailers in Fields(3)
        let actualBody = framing == BodyFramingKind.None ? [] : body
        select new WireMessage(startLine, version, fields, actualBody, framing, framing == BodyFramingKind.Chunked ? sizes : [], extensions, trailers);

    /// <summary>A keep-alive request: HTTP/1.1 with Host, or HTTP/1.0 with Connection: keep-alive (never chunked).</summary>
    public static Gen<WireMessage> Request =>
        from method in Gen.Elements("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "PURGE")
        from target in Target
        from http10 in Gen.Frequency((1, Gen.Constant(true)), (5, Gen.Constant(false)))
        from host in Host
        from fields in Fields(6)
        let version = http10 ? HttpVersion.Http10 : HttpVersion.Http11
        let all = (http10 ? new List<HttpField> { new("Connection", "keep-alive") } : [new("Host", host)]).Concat(fields).ToList()
        from message in Framed($"{method} {target} HTTP/1.{(http10 ? 0 : 1)}", version, all, !http10)
        select message;

    public static Gen<List<WireMessage>> Requests => Gen.Choose(1, 4).SelectMany(n => Gen.ListOf(Request, n)).Select(l => l.ToList());

    /// <summary>A response with a body framed by length or chunks (close-delimited ones only as the last message).</summary>
    public static Gen<WireMessage> Response =>
        from status in Gen.Elements(200, 201, 404, 500, 299)
        from fields in Fields(6)
        from message in Framed($"HTTP/1.1 {status} {HttpKnownNames.Reason(status)}", HttpVersion.Http11, fields, allowChunked: true)
        select message.Framing == BodyFramingKind.None ? message with { Framing = BodyFramingKind.Length } : message;

    /// <summary>Sorted cut points inside a byte array of this length.</summary>
    public static Gen<int[]> Cuts(int length) =>
        Gen.Choose(0, 16).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, length), n)).Select(c => c.Distinct().Order().ToArray());

    public static List<byte[]> Split(byte[] bytes, int[] cuts)
    {
        var parts = new List<byte[]>();
        var start = 0;
        foreach (var cut in cuts) { parts.Add(bytes[start..cut]); start = cut; }
        parts.Add(bytes[start..]);
        return parts;
    }

    private static readonly string[] Fragments =
    [
        "\r\n", "\r", "\n", " ", "\t", ":", ";", ",", "\"", "0", "1", "f", "ffffffffffffffffff", "GET / HTTP/1.1\r\n", "HTTP/1.1 200 OK\r\n",
        "Host: a\r\n", "Content-Length: ", "Transfer-Encoding: chunked\r\n", "Transfer-Encoding: gzip\r\n", "Connection: close\r\n",
        "Expect: 100-continue\r\n", "\r\n\r\n", "5\r\nhello\r\n", "0\r\n\r\n", "\u0000", "\u007f", "\u00ff", " HTTP/1.0", "99999999999999999999",
    ];

    /// <summary>HTTP-shaped junk: fragments of the grammar and random bytes in any order.</summary>
    public static Gen<byte[]> Junk =>
        Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(Gen.Frequency(
                (3, Gen.Elements(Fragments).Select(f => Encoding.Latin1.GetBytes(f))),
                (1, Gen.Choose(0, 255).Select(b => new[] { (byte)b }))), n))
            .Select(parts => parts.SelectMany(p => p).ToArray());

    /// <summary>Byte edits: overwrite, insert, delete, duplicate a run, cut the tail.</summary>
    public static Gen<byte[]> Mutate(byte[] bytes) =>
        Gen.Choose(1, 6).SelectMany(n => Gen.ListOf(Gen.Zip(Gen.Choose(0, 4), Gen.Zip(Gen.Choose(0, 1 << 20), Gen.Choose(0, 255))), n))
            .Select(edits =>
            {
                var b = bytes.ToList();
                foreach (var (kind, (position, value)) in edits)
                {
                    var at = b.Count == 0 ? 0 : position % b.Count;
                    switch (kind)
                    {
                        case 0 when b.Count > 0: b[at] = (byte)value; break;
                        case 1: b.Insert(at, (byte)value); break;
                        case 2 when b.Count > 0: b.RemoveAt(at); break;
                        case 3 when b.Count > 0: b.InsertRange(at, b.GetRange(at, Math.Min(value % 16 + 1, b.Count - at))); break;
                        case 4: b.RemoveRange(at, b.Count - at); break;
                    }
                }
                return b.ToArray();
            });
}

/// <summary>Runs the codec's connections over byte streams and writes what they yield as lines.</summary>
internal static class HttpDriver
{
    public static string HeadLine(string startLine, IEnumerable<HttpField> fields) =>
        "head " + startLine + " [" + string.Join("|", fields.Select(f => f.Name + ": " + f.Value)) + "]";

    private static string Version(HttpVersion v) => v == HttpVersion.Http10 ? "HTTP/1.0" : "HTTP/1.1";

    /// <summary>A run's events (bodies joined), whether it reached an error or a close, whether it looped, and any exception.</summary>
    public sealed record Run(List<string> Events, bool Terminal, bool RanAway, string? Exception);

    /// <summary>
    /// Feeds the parts to a server connection, answering each request with an empty 200 when it
    /// ends (or, with <paramref name="respondEarly"/>, as soon as its head arrives), and writing the
    /// error response after an error.
    /// </summary>
    public static Run Server(IEnumerable<byte[]> parts, bool eof, bool respondEarly = false, HttpLimits? limits = null)
    {
        var output = new ArrayBufferWriter<byte>();
        using var c = new HttpServerConnection(limits ?? HttpLimits.Default, 0);
        var now = 0L;
        void Respond()
        {
            c.BeginResponse(output, 200, null, [], 0, now);
            c.EndResponse(output, now);
        }
        return Drive(parts, eof, part => { now += 10; c.Receive(part, now); c.CheckTimeouts(now); }, c.ReceiveEof, c.Next,
            h => HeadLine($"{h.Method} {h.Target} {Version(h.Version)}", h.Fields),
            e =>
            {
                if (e.Kind == HttpEventKind.Head && respondEarly) Respond();
                if (e.Kind == HttpEventKind.End && !c.ResponseStarted) Respond();
                if (e.Kind == HttpEventKind.Error) c.WriteErrorResponse(output, e.Error, now);
            });
    }

    /// <summary>
    /// Sends a GET (or HEAD) on a client connection, feeds the parts as the server's answer, and
    /// sends the next request whenever a response ends on a reusable connection.
    /// </summary>
    public static Run Client(IEnumerable<byte[]> parts, bool eof, bool head = false)
    {
        var output = new ArrayBufferWriter<byte>();
        using var c = new HttpClientConnection();
        void Send() => c.WriteRequestHead(output, head ? "HEAD" : "GET", "/", "h", [], BodyFraming.None);
        Send();
        return Drive(parts, eof, part => c.Receive(part), c.ReceiveEof, c.Next,
            h => HeadLine($"{Version(h.Version)} {h.Status} {h.Reason}", h.Fields),
            e => { if (e.Kind == HttpEventKind.End && c.CanReuse) Send(); });
    }

    /// <summary>
    /// Feeds each part and takes events until there are none, then the end of input. Every
    /// <c>Next</c> is counted: a run that needs more steps than its bytes could justify has looped.
    /// </summary>
    private static Run Drive<THead>(IEnumerable<byte[]> parts, bool eof, Action<byte[]> receive, Action receiveEof,
        Func<HttpEvent<THead>> next, Func<THead, string> show, Action<HttpEvent<THead>> react) where THead : class
    {
        var events = new List<string>();
        var steps = 0;
        var budget = 64;
        var terminal = false;
        bool Pump()
        {
            while (!terminal)
            {
                if (++steps > budget) return false;
                var e = next();
                switch (e.Kind)
                {
                    case HttpEventKind.None:
                        return true;
                    case HttpEventKind.Head:
                        events.Add(show(e.Head!));
                        break;
                    case HttpEventKind.Body:
                        var text = Encoding.Latin1.GetString(e.Data.ToArray());
                        if (events.Count > 0 && events[^1].StartsWith("body ", StringComparison.Ordinal)) events[^1] += text;
                        else events.Add("body " + text);
                        break;
                    case HttpEventKind.End:
                        events.Add("end");
                        break;
                    case HttpEventKind.Error:
                        events.Add($"error {e.Error.Status}");
                        terminal = true;
                        break;
                    case HttpEventKind.Closed:
                        events.Add("closed");
                        terminal = true;
                        break;
                }
                react(e);
            }
            return true;
        }
        try
        {
            foreach (var part in parts)
            {
                budget += 4 * part.Length + 16;
                receive(part);
                if (!Pump()) return new Run(events, terminal, true, null);
            }
            if (eof)
            {
                receiveEof();
                budget += 16;
                if (!Pump()) return new Run(events, terminal, true, null);
            }
            return new Run(events, terminal, false, null);
        }
        catch (Exception ex)
        {
            return new Run(events, terminal, false, ex.GetType().Name + ": " + ex.Message);
        }
    }
}
