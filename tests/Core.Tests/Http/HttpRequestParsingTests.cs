using EsRuntime.Http;
using static EsRuntime.Tests.Http.HttpTranscript;

namespace EsRuntime.Tests.Http;

/// <summary>Request heads and bodies as the server connection parses them (RFC 9112 §2–§7).</summary>
public class HttpRequestParsingTests
{
    [Fact]
    public void SimpleGetYieldsHeadThenEnd()
    {
        using var c = Server("GET /index.html?q=1 HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n");
        var heads = new List<HttpRequestHead>();
        Assert.Equal(["head GET /index.html?q=1 1.1", "end"], Drain(c, heads));
        var h = heads[0];
        Assert.Equal([new HttpField("Host", "example.com"), new HttpField("Accept", "*/*")], h.Fields);
        Assert.True(h.KeepAlive);
        Assert.False(h.Chunked);
        Assert.Equal(-1, h.ContentLength);
        Assert.False(h.ExpectsContinue);
        Assert.Null(h.Upgrade);
    }

    [Fact]
    public void FieldsKeepOrderCaseAndLatin1AndTrimWhitespace()
    {
        using var c = Server("GET / HTTP/1.1\r\nhost: a\r\nX-Thing:   two  words \t\r\nX-Thing: \t\r\nX-Latin: caf\u00e9\r\n\r\n");
        var heads = new List<HttpRequestHead>();
        Drain(c, heads);
        Assert.Equal([new("host", "a"), new("X-Thing", "two  words"), new("X-Thing", ""), new("X-Latin", "café")], heads[0].Fields);
        Assert.Equal("two  words", heads[0].Get("x-thing"));
    }

    [Theory]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\n\r\n", true)]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", false)]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nConnection: keep-alive, Close\r\n\r\n", false)]
    [InlineData("GET / HTTP/1.0\r\n\r\n", false)]
    [InlineData("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", true)]
    [InlineData("GET / HTTP/1.0\r\nConnection: keep-alive\r\nConnection: close\r\n\r\n", false)]
    [InlineData("GET / HTTP/1.2\r\nHost: a\r\n\r\n", true)]
    public void KeepAliveFollowsVersionAndConnection(string request, bool keepAlive)
    {
        using var c = Server(request);
        var heads = new List<HttpRequestHead>();
        Drain(c, heads);
        Assert.Equal(keepAlive, heads.Single().KeepAlive);
    }

    [Fact]
    public void HigherMinorVersionIsTreatedAsHttp11()
    {
        using var c = Server("GET / HTTP/1.7\r\nHost: a\r\n\r\n");
        Assert.Equal(["head GET / 1.1", "end"], Drain(c));
    }

    [Fact]
    public void EmptyLinesBeforeTheRequestLineAreIgnored()
    {
        using var c = Server("\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n");
        Assert.Equal(["head GET / 1.1", "end"], Drain(c));
    }

    [Theory]
    [InlineData("GET http://example.com/x?y HTTP/1.1\r\nHost: example.com\r\n\r\n", "http://example.com/x?y")]
    [InlineData("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n", "*")]
    [InlineData("PURGE /cache HTTP/1.1\r\nHost: a\r\n\r\n", "/cache")]
    public void TargetFormsAndExtensionMethods(string request, string target)
    {
        using var c = Server(request);
        var heads = new List<HttpRequestHead>();
        Drain(c, heads);
        Assert.Equal(target, heads.Single().Target);
    }

    [Fact]
    public void ContentLengthBodyArrivesInSlices()
    {
        using var c = Server("POST /u HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\nhello");
        Assert.Equal(["head POST /u 1.1", "body hello"], Drain(c));
        c.Receive(Bytes(" wor"), 0);
        Assert.Equal(["body  wor"], Drain(c));
        c.Receive(Bytes("ld"), 0);
        Assert.Equal(["body ld", "end"], Drain(c));
    }

    [Fact]
    public void ContentLengthZeroHasNoBody()
    {
        using var c = Server("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n");
        var heads = new List<HttpRequestHead>();
        Assert.Equal(["head POST / 1.1", "end"], Drain(c, heads));
        Assert.Equal(0, heads[0].ContentLength);
    }

    [Fact]
    public void ChunkedBodyWithExtensionsAndTrailers()
    {
        using var c = Server("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" +
            "5;name=value\r\nhello\r\n" +
            "6 ; a = \"quoted \\\" str\" ; b\r\n world\r\n" +
            "000\r\nX-Trailer: yes\r\nX-Other: 2\r\n\r\n");
        var heads = new List<HttpRequestHead>();
        Assert.Equal(["head POST / 1.1", "body hello", "body  world", "end"], Drain(c, heads));
        Assert.True(heads[0].Chunked);
        Assert.DoesNotContain(heads[0].Fields, f => f.Name == "X-Trailer");
    }

    [Fact]
    public void ChunkedBodyAcceptsUpperAndLowerHexAndTransferEncodingCase()
    {
        using var c = Server("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\na\r\n0123456789\r\nA\r\nabcdefghij\r\n0\r\n\r\n");
        Assert.Equal(["head POST / 1.1", "body 0123456789", "body abcdefghij", "end"], Drain(c));
    }

    [Fact]
    public void TransferEncodingAcrossTwoFieldsEndsInChunked()
    {
        using var c = Server("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: \r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        Assert.Equal(["head POST / 1.1", "end"], Drain(c));
    }

    [Fact]
    public void ExpectContinueAndUpgradeAreReported()
    {
        using var c = Server("POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\nContent-Length: 1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n");
        var heads = new List<HttpRequestHead>();
        Drain(c, heads);
        Assert.True(heads[0].ExpectsContinue);
        Assert.Equal("websocket", heads[0].Upgrade);
    }

    [Fact]
    public void Http10IgnoresExpectAndUpgrade()
    {
        using var c = Server("POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 1\r\nConnection: upgrade\r\nUpgrade: x\r\n\r\n");
        var heads = new List<HttpRequestHead>();
        Drain(c, heads);
        Assert.False(heads[0].ExpectsContinue);
        Assert.Null(heads[0].Upgrade);
    }

    [Fact]
    public void UpgradeWithoutConnectionUpgradeIsNotAnUpgrade()
    {
        using var c = Server("GET / HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\n\r\n");
        var heads = new List<HttpRequestHead>();
        Drain(c, heads);
        Assert.Null(heads[0].Upgrade);
    }

    [Fact]
    public void HeadArrivingOneByteAtATimeParsesTheSame()
    {
        const string request = "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n";
        using var c = new HttpServerConnection(HttpLimits.Default, 0);
        var lines = new List<string>();
        foreach (var b in Bytes(request))
        {
            c.Receive([b], 0);
            lines.AddRange(Drain(c));
        }
        Assert.Equal(["head POST /x 1.1", "body a", "body b", "body c", "end"], lines);
    }

    [Fact]
    public void EofBetweenRequestsIsAClose()
    {
        using var c = Server("");
        c.ReceiveEof();
        Assert.Equal(["closed"], Drain(c));
        Assert.False(c.IsOpen);
    }

    [Fact]
    public void EofInsideTheHeadIsAnError()
    {
        using var c = Server("GET / HTTP/1.1\r\nHost: a\r\n");
        c.ReceiveEof();
        Assert.Equal(["error 400 connection closed before the request head was complete"], Drain(c));
    }

    [Fact]
    public void EofInsideTheBodyIsAnError()
    {
        using var c = Server("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc");
        c.ReceiveEof();
        Assert.Equal(["head POST / 1.1", "body abc", "error 400 connection closed before the body was complete"], Drain(c));
    }

    [Fact]
    public void EofInsideAChunkedBodyIsAnError()
    {
        using var c = Server("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n");
        c.ReceiveEof();
        Assert.Equal(["head POST / 1.1", "body abc", "error 400 connection closed before the body was complete"], Drain(c));
    }

    [Fact]
    public void AfterAnErrorTheConnectionOnlyReportsClosed()
    {
        using var c = Server("GET / HTTP/1.1\r\nHost : a\r\n\r\n");
        Assert.Equal("error 400", string.Join("", Drain(c))[..9]);
        c.Receive(Bytes("GET / HTTP/1.1\r\nHost: a\r\n\r\n"), 0);
        Assert.Equal(["closed"], Drain(c));
        Assert.False(c.WantsInput);
    }

    [Fact]
    public void WantsInputStopsWhenTheBufferIsFull()
    {
        var limits = HttpLimits.Default with { MaxBufferedBytes = 64 };
        using var c = Server("GET / HTTP/1.1\r\nHost: a\r\n\r\n", limits);
        Assert.True(c.WantsInput);
        Drain(c);
        c.Receive(new byte[100], 0);
        Assert.False(c.WantsInput);
    }
}
