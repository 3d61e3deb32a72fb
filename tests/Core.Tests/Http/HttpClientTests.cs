using System.Buffers;
using EsRuntime.Http;
using static EsRuntime.Tests.Http.HttpTranscript;

namespace EsRuntime.Tests.Http;

/// <summary>The client connection: request writing and response parsing (RFC 9112 §4, §6.3).</summary>
public class HttpClientTests
{
    private static HttpClientConnection Sent(string method = "GET", BodyFraming? framing = null)
    {
        var c = new HttpClientConnection();
        var output = new ArrayBufferWriter<byte>();
        c.WriteRequestHead(output, method, "/", "example.com", [], framing ?? BodyFraming.None);
        return c;
    }

    private static List<string> Answered(HttpClientConnection c, string response, bool eof = false)
    {
        c.Receive(Bytes(response));
        if (eof) c.ReceiveEof();
        return Drain(c);
    }

    [Fact]
    public void RequestHeadPutsHostFirstAndOwnsTheFraming()
    {
        using var c = new HttpClientConnection();
        var output = new ArrayBufferWriter<byte>();
        c.WriteRequestHead(output, "POST", "/upload?x=1", "example.com:8080",
            [new("host", "evil"), new("Content-Length", "1"), new("transfer-encoding", "gzip"), new("Connection", "upgrade"), new("Accept", "*/*")],
            BodyFraming.OfLength(5));
        c.WriteBody(output, Bytes("hello"));
        c.EndRequest(output);
        Assert.Equal("POST /upload?x=1 HTTP/1.1\r\nHost: example.com:8080\r\nAccept: */*\r\nContent-Length: 5\r\n\r\nhello", Text(output));
    }

    [Fact]
    public void ChunkedRequestBodyAndConnectionClose()
    {
        using var c = new HttpClientConnection();
        var output = new ArrayBufferWriter<byte>();
        c.WriteRequestHead(output, "PUT", "/", "h", [], BodyFraming.Chunked, close: true);
        c.WriteBody(output, Bytes("abc"));
        c.WriteBody(output, Bytes(""));
        c.WriteBody(output, Bytes("0123456789abcdef"));
        c.EndRequest(output);
        Assert.Equal("PUT / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nabc\r\n10\r\n0123456789abcdef\r\n0\r\n\r\n", Text(output));
    }

    [Theory]
    [InlineData("GE T", "/", "h")]
    [InlineData("GET", "/a b", "h")]
    [InlineData("GET", "", "h")]
    [InlineData("GET", "/", "h\r\nX: y")]
    public void InvalidRequestPartsAreRefused(string method, string target, string host)
    {
        using var c = new HttpClientConnection();
        Assert.Throws<ArgumentException>(() => c.WriteRequestHead(new ArrayBufferWriter<byte>(), method, target, host, [], BodyFraming.None));
    }

    [Fact]
    public void ContentLengthResponseThenReuse()
    {
        using var c = Sent();
        var heads = new List<HttpResponseHead>();
        c.Receive(Bytes("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhel"));
        Assert.Equal(["head 200 OK", "body hel"], Drain(c, heads));
        Assert.Equal([new HttpField("Content-Type", "text/plain")], heads[0].Fields.Take(1));
        Assert.Equal(["body lo", "end"], Answered(c, "lo"));
        Assert.True(c.CanReuse);
        c.WriteRequestHead(new ArrayBufferWriter<byte>(), "GET", "/2", "example.com", [], BodyFraming.None);
        Assert.Equal(["head 404 Not Found", "end"], Answered(c, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"));
    }

    [Fact]
    public void ChunkedResponseWithExtensionsAndTrailersIgnored()
    {
        using var c = Sent();
        Assert.Equal(["head 200 OK", "body abc", "body de", "end"],
            Answered(c, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n2\r\nde\r\n0\r\nContent-MD5: zz\r\nExpires: never\r\n\r\n"));
        Assert.True(c.CanReuse);
    }

    [Fact]
    public void CloseDelimitedResponseEndsAtEofAndIsNotReused()
    {
        using var c = Sent();
        Assert.Equal(["head 200 OK", "body all of it"], Answered(c, "HTTP/1.1 200 OK\r\n\r\nall of it"));
        c.ReceiveEof();
        Assert.Equal(["end", "closed"], Drain(c));
        Assert.False(c.CanReuse);
    }

    [Fact]
    public void TransferEncodingNotEndingInChunkedRunsToTheClose()
    {
        using var c = Sent();
        var heads = new List<HttpResponseHead>();
        c.Receive(Bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, identity\r\n\r\n"));
        Assert.Equal(["error 502 unsupported transfer coding"], Drain(c, heads));
    }

    [Theory]
    [InlineData("HEAD", "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n")]
    [InlineData("HEAD", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")]
    [InlineData("GET", "HTTP/1.1 204 No Content\r\nContent-Length: 100\r\n\r\n")]
    [InlineData("GET", "HTTP/1.1 304 Not Modified\r\nContent-Length: 100\r\n\r\n")]
    public void ResponsesWithoutABody(string method, string response)
    {
        using var c = Sent(method);
        var lines = Answered(c, response);
        Assert.Equal(2, lines.Count);
        Assert.Equal("end", lines[1]);
        Assert.True(c.CanReuse);
    }

    [Fact]
    public void InterimResponsesAreSkipped()
    {
        using var c = Sent("POST", BodyFraming.OfLength(2));
        Assert.Equal(["head 201 Created", "end", "closed"],
            Answered(c, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </s.css>\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n"));
        Assert.False(c.CanReuse); // the request body was never ended
    }

    [Fact]
    public void SwitchingProtocolsIsAnError()
    {
        using var c = Sent();
        Assert.Equal(["error 502 unexpected 101 Switching Protocols"], Answered(c, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n\r\n"));
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", true)]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", false)]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", false)]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n", true)]
    public void ReuseFollowsVersionAndConnection(string response, bool reusable)
    {
        using var c = Sent();
        var lines = Answered(c, response);
        Assert.Equal(reusable ? ["head 200 OK", "end"] : ["head 200 OK", "end", "closed"], lines);
        Assert.Equal(reusable, c.CanReuse);
    }

    [Fact]
    public void StatusLineWithoutReasonIsAccepted()
    {
        using var c = Sent();
        var heads = new List<HttpResponseHead>();
        c.Receive(Bytes("HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n"));
        Drain(c, heads);
        Assert.Equal("", heads[0].Reason);
        Assert.Equal(200, heads[0].Status);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n", "both Content-Length and Transfer-Encoding")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\n", "more than one Content-Length")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n", "invalid Content-Length")]
    [InlineData("HTTP/1.1 200 OK\r\nX: a\r\n b\r\n\r\n", "obsolete line folding or leading whitespace in a header line")]
    [InlineData("HTTP/1.1 200 OK\r\nX : a\r\n\r\n", "whitespace before the colon in a header line")]
    [InlineData("HTTP/1.1 200 OK\nX: a\r\n\r\n", "bare CR or LF in the status line")]
    [InlineData("HTTP/1.1 200 OK\r\nX: a\u0000\r\n\r\n", "control character in a header value")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", "unsupported transfer coding")]
    [InlineData("HTTP/2 200 OK\r\n\r\n", "malformed status line")]
    [InlineData("HTTP/2.0 200 OK\r\n\r\n", "only HTTP/1.x is supported")]
    [InlineData("HTTP/1.1 20 OK\r\n\r\n", "malformed status code")]
    [InlineData("HTTP/1.1 2000 OK\r\n\r\n", "malformed status line")]
    [InlineData("HTTP/1.1 099 Weird\r\n\r\n", "malformed status code")]
    [InlineData("HTTP/1.1 abc OK\r\n\r\n", "malformed status code")]
    [InlineData("HTTP/1.1 200 O\u0001K\r\n\r\n", "control character in the reason phrase")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "invalid chunk size")]
    [InlineData("ICY 200 OK\r\n\r\n", "malformed status line")]
    public void MalformedResponsesAre502(string response, string reason)
    {
        using var c = Sent();
        Assert.Equal([$"error 502 {reason}"], Joined(Answered(c, response)).Where(l => l.StartsWith("error", StringComparison.Ordinal)));
        Assert.False(c.CanReuse);
    }

    [Fact]
    public void ResponseHeadLimitsApply()
    {
        var limits = HttpLimits.Default with { MaxHeaderCount = 2 };
        using var c = new HttpClientConnection(limits);
        c.WriteRequestHead(new ArrayBufferWriter<byte>(), "GET", "/", "h", [], BodyFraming.None);
        Assert.Equal(["error 502 too many header fields"], Answered(c, "HTTP/1.1 200 OK\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n"));
    }

    [Fact]
    public void EofMidBodyIsAnError()
    {
        using var c = Sent();
        Assert.Equal(["head 200 OK", "body ab", "error 502 connection closed before the body was complete"],
            Answered(c, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nab", eof: true));
    }

    [Fact]
    public void EofBeforeAnyByteIsRetryable()
    {
        using var c = Sent();
        c.ReceiveEof();
        Assert.Equal(["error 502 connection closed before any response"], Drain(c));
        Assert.True(c.ClosedBeforeResponse);

        using var d = Sent();
        Assert.Equal(["error 502 connection closed before the response head was complete"], Answered(d, "HTTP/1.1 200", eof: true));
        Assert.False(d.ClosedBeforeResponse);
    }

    [Fact]
    public void DataWithNoRequestOutstandingIsAnError()
    {
        using var c = Sent();
        Answered(c, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        Assert.True(c.CanReuse);
        Assert.Equal(["error 502 data from the server with no request outstanding"], Answered(c, "HTTP/1.1 200 OK\r\n"));
        Assert.False(c.CanReuse);
    }

    [Fact]
    public void ExtraBytesAfterAResponseSpoilReuse()
    {
        using var c = Sent();
        Assert.Equal(["head 200 OK", "end", "closed"], Answered(c, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\nJUNK"));
        Assert.False(c.CanReuse);
        Assert.Throws<InvalidOperationException>(() => c.WriteRequestHead(new ArrayBufferWriter<byte>(), "GET", "/", "h", [], BodyFraming.None));
    }
}
