using System.Buffers;
using EsRuntime.Http;
using static EsRuntime.Tests.Http.HttpTranscript;

namespace EsRuntime.Tests.Http;

/// <summary>How the server connection frames responses and decides whether the connection stays open.</summary>
public class HttpResponseWritingTests
{
    private const string Epoch = "Date: Thu, 01 Jan 1970 00:00:00 GMT\r\n";

    private static HttpServerConnection Ready(string request)
    {
        var c = Server(request);
        Drain(c);
        return c;
    }

    private static (string Text, bool Open) Answer(HttpServerConnection c, int status, long contentLength, string[] chunks, HttpField[]? fields = null, bool close = false, long now = 0)
    {
        var output = new ArrayBufferWriter<byte>();
        c.BeginResponse(output, status, null, fields ?? [], contentLength, now, close);
        foreach (var chunk in chunks) c.WriteBody(output, Bytes(chunk));
        var open = c.EndResponse(output, now);
        return (Text(output), open);
    }

    [Fact]
    public void KnownLengthResponse()
    {
        using var c = Ready("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        var (text, open) = Answer(c, 200, 5, ["hel", "lo"], [new("Content-Type", "text/plain")]);
        Assert.Equal("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n" + Epoch + "Content-Length: 5\r\n\r\nhello", text);
        Assert.True(open);
        Assert.True(c.IsOpen);
    }

    [Fact]
    public void EmptyBodyStillSaysContentLengthZero()
    {
        using var c = Ready("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        Assert.Equal("HTTP/1.1 200 OK\r\n" + Epoch + "Content-Length: 0\r\n\r\n", Answer(c, 200, 0, []).Text);
    }

    [Fact]
    public void UnknownLengthIsChunkedWithTheTerminatingChunk()
    {
        using var c = Ready("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        var (text, open) = Answer(c, 200, -1, ["hello", "", new string('x', 26)]);
        Assert.Equal("HTTP/1.1 200 OK\r\n" + Epoch + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n1A\r\n" + new string('x', 26) + "\r\n0\r\n\r\n", text);
        Assert.True(open);
    }

    [Fact]
    public void UnknownLengthToAnHttp10ClientRunsToTheClose()
    {
        using var c = Ready("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        var (text, open) = Answer(c, 200, -1, ["hello"]);
        Assert.Equal("HTTP/1.1 200 OK\r\n" + Epoch + "Connection: close\r\n\r\nhello", text);
        Assert.False(open);
        Assert.False(c.IsOpen);
    }

    [Fact]
    public void Http10KeepAliveIsConfirmed()
    {
        using var c = Ready("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        var (text, open) = Answer(c, 200, 2, ["hi"]);
        Assert.Equal("HTTP/1.1 200 OK\r\n" + Epoch + "Content-Length: 2\r\nConnection: keep-alive\r\n\r\nhi", text);
        Assert.True(open);
    }

    [Fact]
    public void Http10WithoutKeepAliveCloses()
    {
        using var c = Ready("GET / HTTP/1.0\r\n\r\n");
        var (text, open) = Answer(c, 200, 2, ["hi"]);
        Assert.Equal("HTTP/1.1 200 OK\r\n" + Epoch + "Content-Length: 2\r\nConnection: close\r\n\r\nhi", text);
        Assert.False(open);
    }

    [Fact]
    public void RequestConnectionCloseIsHonoured()
    {
        using var c = Ready("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        var (text, open) = Answer(c, 200, 0, []);
        Assert.EndsWith("Connection: close\r\n\r\n", text);
        Assert.False(open);
    }

    [Fact]
    public void CallerConnectionCloseOrCloseFlagEndsTheConnection()
    {
        using (var c = Ready("GET / HTTP/1.1\r\nHost: a\r\n\r\n"))
        {
            var (text, open) = Answer(c, 200, 0, [], [new("connection", "Close")]);
            Assert.Equal("HTTP/1.1 200 OK\r\n" + Epoch + "Content-Length: 0\r\nConnection: close\r\n\r\n", text);
            Assert.False(open);
        }
        using (var c = Ready("GET / HTTP/1.1\r\nHost: a\r\n\r\n"))
        {
            var (text, open) = Answer(c, 200, 0, [], close: true);
            Assert.EndsWith("Connection: close\r\n\r\n", text);
            Assert.False(open);
        }
    }

    [Fact]
    public void HeadResponseAnnouncesTheLengthButSendsNoBody()
    {
        using var c = Ready("HEAD / HTTP/1.1\r\nHost: a\r\n\r\n");
        var (text, open) = Answer(c, 200, 5, ["hello"]);
        Assert.Equal("HTTP/1.1 200 OK\r\n" + Epoch + "Content-Length: 5\r\n\r\n", text);
        Assert.True(open);
    }

    [Fact]
    public void HeadResponseOfUnknownLengthHasNoFraming()
    {
        using var c = Ready("HEAD / HTTP/1.1\r\nHost: a\r\n\r\n");
        var (text, open) = Answer(c, 200, -1, ["hello"]);
        Assert.Equal("HTTP/1.1 200 OK\r\n" + Epoch + "\r\n", text);
        Assert.True(open);
    }

    [Theory]
    [InlineData(204, "No Content")]
    [InlineData(304, "Not Modified")]
    public void NoContentAndNotModifiedHaveNoBodyAndNoLength(int status, string reason)
    {
        using var c = Ready("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        var (text, open) = Answer(c, status, 5, ["hello"], [new("Content-Length", "5")]);
        Assert.Equal($"HTTP/1.1 {status} {reason}\r\n" + Epoch + "\r\n", text);
        Assert.True(open);
    }

    [Fact]
    public void CodecOwnsFramingFieldsAndKeepsTheCallersDate()
    {
        using var c = Ready("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        var (text, _) = Answer(c, 201, 2, ["ok"],
            [new("Transfer-Encoding", "gzip"), new("Content-Length", "99"), new("Connection", "keep-alive"), new("Date", "yesterday"), new("Set-Cookie", "a=1"), new("Set-Cookie", "b=2")]);
        Assert.Equal("HTTP/1.1 201 Created\r\nDate: yesterday\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\nContent-Length: 2\r\n\r\nok", text);
    }

    [Fact]
    public void CallersContentLengthFramesAStreamOfUnknownLength()
    {
        using var c = Ready("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        var (text, open) = Answer(c, 200, -1, ["ab", "c"], [new("content-length", "3")]);
        Assert.Equal("HTTP/1.1 200 OK\r\n" + Epoch + "Content-Length: 3\r\n\r\nabc", text);
        Assert.True(open);
    }

    [Fact]
    public void BodyLongerThanDeclaredIsCutAndCloses()
    {
        using var c = Ready("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        var (text, open) = Answer(c, 200, 3, ["ab", "cdef"]);
        Assert.EndsWith("\r\n\r\nabc", text);
        Assert.False(open);
    }

    [Fact]
    public void BodyShorterThanDeclaredCloses()
    {
        using var c = Ready("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        var (text, open) = Answer(c, 200, 10, ["ab"]);
        Assert.EndsWith("\r\n\r\nab", text);
        Assert.False(open);
    }

    [Fact]
    public void DateComesFromTheCallersTime()
    {
        using var c = Ready("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        var ms = new DateTimeOffset(1994, 11, 6, 8, 49, 37, 999, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var (text, _) = Answer(c, 200, 0, [], now: ms);
        Assert.Contains("\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n", text);
    }

    [Fact]
    public void CustomReasonAndUnknownStatus()
    {
        using var c = Ready("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        var output = new ArrayBufferWriter<byte>();
        c.BeginResponse(output, 299, null, [], 0, 0);
        Assert.StartsWith("HTTP/1.1 299 \r\n", Text(output));
        using var d = Ready("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        output.Clear();
        d.BeginResponse(output, 200, "Fine Thanks", [], 0, 0);
        Assert.StartsWith("HTTP/1.1 200 Fine Thanks\r\n", Text(output));
    }

    [Theory]
    [InlineData("Bad Name", "v")]
    [InlineData("X", "a\r\nInjected: yes")]
    [InlineData("X", "a\nb")]
    [InlineData("X", "a\u0000b")]
    [InlineData("X", "snow\u2603")]
    [InlineData("", "v")]
    public void FieldsThatCouldSplitTheMessageAreRefused(string name, string value)
    {
        using var c = Ready("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        Assert.Throws<ArgumentException>(() => c.BeginResponse(new ArrayBufferWriter<byte>(), 200, null, [new(name, value)], 0, 0));
    }

    [Fact]
    public void ReasonWithCrLfIsRefused()
    {
        using var c = Ready("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        Assert.Throws<ArgumentException>(() => c.BeginResponse(new ArrayBufferWriter<byte>(), 200, "OK\r\nX: y", [], 0, 0));
    }

    [Fact]
    public void MisuseThrows()
    {
        using var c = new HttpServerConnection(HttpLimits.Default, 0);
        var output = new ArrayBufferWriter<byte>();
        Assert.Throws<InvalidOperationException>(() => c.BeginResponse(output, 200, null, [], 0, 0));
        using var d = Ready("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        Assert.Throws<ArgumentOutOfRangeException>(() => d.BeginResponse(output, 100, null, [], 0, 0));
        Assert.Throws<InvalidOperationException>(() => d.WriteBody(output, [1]));
        d.BeginResponse(output, 200, null, [], 0, 0);
        Assert.Throws<InvalidOperationException>(() => d.BeginResponse(output, 200, null, [], 0, 0));
    }

    [Fact]
    public void ErrorResponseNamesTheReasonAndCloses()
    {
        using var c = Server("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n");
        var e = c.Next();
        Assert.Equal(HttpEventKind.Error, e.Kind);
        var output = new ArrayBufferWriter<byte>();
        Assert.True(c.WriteErrorResponse(output, e.Error, 0));
        Assert.Equal("HTTP/1.1 400 Bad Request\r\n" + Epoch + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: 19\r\nConnection: close\r\n\r\nmore than one Host\n", Text(output));
        Assert.False(c.IsOpen);
    }

    [Fact]
    public void ErrorAfterTheResponseStartedCannotBeAnswered()
    {
        using var c = Server("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n");
        Drain(c);
        var output = new ArrayBufferWriter<byte>();
        c.BeginResponse(output, 200, null, [], -1, 0);
        c.Receive(Bytes("zz\r\n"), 0);
        var lines = Drain(c);
        Assert.Equal(["error 400 invalid chunk size"], lines);
        output.Clear();
        Assert.False(c.WriteErrorResponse(output, new HttpError(400, "x"), 0));
        Assert.Equal(0, output.WrittenCount);
    }
}

/// <summary>IMF-fixdate formatting and its per-second cache.</summary>
public class HttpDateTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(784111777000L)]
    [InlineData(951782400000L)]   // 2000-02-29
    [InlineData(4102444799999L)]  // 2099-12-31T23:59:59.999
    [InlineData(-1L)]             // 1969-12-31T23:59:59.999
    [InlineData(1700000000123L)]
    public void MatchesTheRfc1123Format(long ms)
    {
        var bytes = new byte[HttpDate.Length];
        HttpDate.Format(ms, bytes);
        var expected = DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, System.Text.Encoding.ASCII.GetString(bytes));
    }

    [Fact]
    public void CacheChangesOnlyWithTheSecond()
    {
        var cache = new HttpDateCache();
        Assert.Equal("Thu, 01 Jan 1970 00:00:01 GMT", System.Text.Encoding.ASCII.GetString(cache.Get(1000)));
        Assert.Equal("Thu, 01 Jan 1970 00:00:01 GMT", System.Text.Encoding.ASCII.GetString(cache.Get(1999)));
        Assert.Equal("Thu, 01 Jan 1970 00:00:02 GMT", System.Text.Encoding.ASCII.GetString(cache.Get(2000)));
        Assert.Equal("Wed, 31 Dec 1969 23:59:59 GMT", System.Text.Encoding.ASCII.GetString(cache.Get(-1)));
    }
}
