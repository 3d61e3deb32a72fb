using EsRuntime.Http;
using static EsRuntime.Tests.Http.HttpTranscript;

namespace EsRuntime.Tests.Http;

/// <summary>
/// Every request the server must refuse, with the status it earns: request-smuggling vectors
/// (RFC 9112 §6.3, §11.2), malformed syntax, unsupported features, and each limit.
/// </summary>
public class HttpRequestRejectionTests
{
    private const string Get = "GET / HTTP/1.1\r\nHost: a\r\n";

    [Theory]
    // Content-Length and Transfer-Encoding together, in either order.
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", "400 both Content-Length and Transfer-Encoding")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n", "400 both Content-Length and Transfer-Encoding")]
    // Repeated Content-Length, even with the same value, and lists.
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc", "400 more than one Content-Length")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", "400 more than one Content-Length")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 3\r\n\r\nabc", "400 invalid Content-Length")]
    // Content-Length that is not 1*DIGIT.
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\n", "400 invalid Content-Length")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +3\r\n\r\n", "400 invalid Content-Length")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", "400 invalid Content-Length")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0x10\r\n\r\n", "400 invalid Content-Length")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1 0\r\n\r\n", "400 invalid Content-Length")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \r\n\r\n", "400 invalid Content-Length")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999\r\n\r\n", "413 Content-Length too large")]
    // Transfer-Encoding the server cannot delimit or does not implement.
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n", "400 chunked is not the final transfer coding")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", "400 chunked is not the final transfer coding")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: \r\n\r\n", "400 chunked is not the final transfer coding")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n", "400 chunked is not the final transfer coding")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, chunked\r\n\r\n", "400 chunked applied more than once")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", "501 unsupported transfer coding")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked;q=1\r\n\r\n", "400 chunked is not the final transfer coding")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: xchunked\r\n\r\n", "400 chunked is not the final transfer coding")]
    [InlineData("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "400 Transfer-Encoding in an HTTP/1.0 request")]
    // Line folding and whitespace where a name is expected.
    [InlineData(Get + "X-A: one\r\n two\r\n\r\n", "400 obsolete line folding or leading whitespace in a header line")]
    [InlineData(Get + "X-A: one\r\n\ttwo\r\n\r\n", "400 obsolete line folding or leading whitespace in a header line")]
    [InlineData("GET / HTTP/1.1\r\n Host: a\r\n\r\n", "400 obsolete line folding or leading whitespace in a header line")]
    [InlineData("GET / HTTP/1.1\r\nHost : a\r\n\r\n", "400 whitespace before the colon in a header line")]
    [InlineData("GET / HTTP/1.1\r\nHost\t: a\r\n\r\n", "400 whitespace before the colon in a header line")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding : chunked\r\n\r\n", "400 whitespace before the colon in a header line")]
    // Bare CR and bare LF.
    [InlineData("GET / HTTP/1.1\nHost: a\r\n\r\n", "400 bare CR or LF in the request line")]
    [InlineData("GET / HTTP/1.1\rHost: a\r\n\r\n", "400 bare CR or LF in the request line")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\nX: b\r\n\r\n", "400 bare LF in the header section")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\rX: b\r\n\r\n", "400 bare CR in the header section")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\n\n", "400 bare LF in the header section")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\n\r\r\n", "400 bare CR in the header section")]
    // Names and methods must be tokens; values may not hold controls.
    [InlineData("G(T / HTTP/1.1\r\nHost: a\r\n\r\n", "400 invalid character in the method")]
    [InlineData("GE\u0001T / HTTP/1.1\r\nHost: a\r\n\r\n", "400 invalid character in the method")]
    [InlineData(Get + "X\"A: b\r\n\r\n", "400 invalid character in a header name")]
    [InlineData(Get + "X@A: b\r\n\r\n", "400 invalid character in a header name")]
    [InlineData(Get + "X\u00e9: b\r\n\r\n", "400 invalid character in a header name")]
    [InlineData(Get + ": b\r\n\r\n", "400 empty header name")]
    [InlineData(Get + "NoColon\r\n\r\n", "400 header line without a colon")]
    [InlineData(Get + "X-A: a\u0000b\r\n\r\n", "400 control character in a header value")]
    [InlineData(Get + "X-A: a\u0001b\r\n\r\n", "400 control character in a header value")]
    [InlineData(Get + "X-A: a\u007fb\r\n\r\n", "400 control character in a header value")]
    [InlineData(Get + "X-A: a\u001b[31m\r\n\r\n", "400 control character in a header value")]
    // The request line.
    [InlineData("GET  / HTTP/1.1\r\nHost: a\r\n\r\n", "400 empty request target")]
    [InlineData("GET / HTTP/1.1 \r\nHost: a\r\n\r\n", "400 malformed HTTP version")]
    [InlineData(" GET / HTTP/1.1\r\nHost: a\r\n\r\n", "400 malformed request line")]
    [InlineData("GET /\r\n\r\n", "400 request line without an HTTP version")]
    [InlineData("GET\r\n\r\n", "400 malformed request line")]
    [InlineData("GET / http/1.1\r\nHost: a\r\n\r\n", "400 malformed HTTP version")]
    [InlineData("GET / HTTP/1.10\r\nHost: a\r\n\r\n", "400 malformed HTTP version")]
    [InlineData("GET / HTTP/11\r\nHost: a\r\n\r\n", "400 malformed HTTP version")]
    [InlineData("GET /a\u007fb HTTP/1.1\r\nHost: a\r\n\r\n", "400 invalid character in the request target")]
    [InlineData("GET /caf\u00e9 HTTP/1.1\r\nHost: a\r\n\r\n", "400 invalid character in the request target")]
    [InlineData("GET * HTTP/1.1\r\nHost: a\r\n\r\n", "400 asterisk-form target outside OPTIONS")]
    [InlineData("GET example.com HTTP/1.1\r\nHost: a\r\n\r\n", "400 request target is neither origin-form nor absolute-form")]
    [InlineData("GET 1http://a/ HTTP/1.1\r\nHost: a\r\n\r\n", "400 request target is neither origin-form nor absolute-form")]
    // Host (RFC 9112 §3.2).
    [InlineData("GET / HTTP/1.1\r\n\r\n", "400 HTTP/1.1 request without Host")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "400 more than one Host")]
    [InlineData("GET / HTTP/1.1\r\nHost: a b\r\n\r\n", "400 invalid Host")]
    [InlineData("GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", "400 invalid Host")]
    // Versions and methods the server does not speak.
    [InlineData("GET / HTTP/2.0\r\nHost: a\r\n\r\n", "505 only HTTP/1.x is supported")]
    [InlineData("GET / HTTP/0.9\r\nHost: a\r\n\r\n", "505 only HTTP/1.x is supported")]
    [InlineData("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n", "501 CONNECT is not supported")]
    // Chunked framing.
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nx\r\n", "400 invalid chunk size")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n\r\n", "400 invalid chunk size")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\n", "400 invalid chunk size")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3 \r\nabc\r\n", "400 invalid chunk extension")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3;\r\nabc\r\n", "400 invalid chunk extension")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3;a=\r\nabc\r\n", "400 invalid chunk extension")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3;a=\"x\r\nabc\r\n", "400 invalid chunk extension")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3;a\u0001\r\nabc\r\n", "400 invalid chunk extension")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3x\r\nabc\r\n", "400 invalid chunk extension")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\nabc\r\n", "400 bare CR or LF in a chunk size line")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcd\r\n", "400 chunk data not followed by CRLF")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\n0\r\n\r\n", "400 chunk data not followed by CRLF")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX", "400 chunk data not followed by CRLF")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX : y\r\n\r\n", "400 whitespace before the colon in a header line")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX: y\n\r\n", "400 bare LF in the header section")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n8000000000000000\r\n", "413 chunk size too large")]
    public void RefusedWithStatus(string request, string expected)
    {
        Assert.Equal("error " + expected, ErrorOf(request));
    }

    [Fact]
    public void TlsHelloOnThePlainPortIsRefusedAtOnce()
    {
        using var c = new HttpServerConnection(HttpLimits.Default, 0);
        c.Receive([0x16, 0x03, 0x01, 0x02, 0x00, 0x01], 0);
        Assert.Equal(["error 400 malformed request line"], Drain(c));
    }

    [Fact]
    public void PartialMethodIsNotRefusedEarly()
    {
        using var c = Server("GE");
        Assert.Empty(Drain(c));
        c.Receive(Bytes("T / HTTP/1.1\r"), 0);
        Assert.Empty(Drain(c));
        c.Receive(Bytes("\nHost: a\r\n\r\n"), 0);
        Assert.Equal(["head GET / 1.1", "end"], Drain(c));
    }

    private static readonly HttpLimits Small = HttpLimits.Default with
    {
        MaxStartLineBytes = 64,
        MaxHeaderBytes = 128,
        MaxHeaderCount = 4,
        MaxBodyBytes = 10,
        MaxChunkLineBytes = 16,
    };

    [Fact]
    public void RequestTargetPastTheLimitIs414()
    {
        Assert.Equal("error 414 request target too long", ErrorOf("GET /" + new string('a', 80) + " HTTP/1.1\r\nHost: a\r\n\r\n", Small));
        // Still 414 before the line has ended.
        Assert.Equal("error 414 request target too long", ErrorOf("GET /" + new string('a', 80), Small));
    }

    [Fact]
    public void RequestLineJustWithinTheLimitIsAccepted()
    {
        var line = "GET /" + new string('a', 64 - 14) + " HTTP/1.1";
        Assert.Equal(64, line.Length);
        Assert.Equal("ok", ErrorOf(line + "\r\nHost: a\r\n\r\n", Small));
        Assert.Equal("error 414 request target too long", ErrorOf("GET /a" + new string('a', 64 - 14) + " HTTP/1.1\r\nHost: a\r\n\r\n", Small));
    }

    [Fact]
    public void MethodPastTheLimitIs501()
    {
        Assert.Equal("error 501 method too long", ErrorOf(new string('M', 80), Small));
    }

    [Fact]
    public void LeadingEmptyLinesCountAgainstTheRequestLine()
    {
        Assert.StartsWith("error 414", ErrorOf(string.Concat(Enumerable.Repeat("\r\n", 30)) + "GET /abcdefghijklmnop HTTP/1.1\r\nHost: a\r\n\r\n", Small));
    }

    [Fact]
    public void HeaderSectionPastTheLimitIs431()
    {
        Assert.Equal("error 431 header section too large", ErrorOf(Get + "X-Big: " + new string('v', 200) + "\r\n\r\n", Small));
        Assert.Equal("error 431 header section too large", ErrorOf(Get + "X-Big: " + new string('v', 200), Small));
        Assert.Equal("error 431 header section too large", ErrorOf(Get + "X-1: " + new string('v', 50) + "\r\nX-2: " + new string('v', 60) + "\r\n\r\n", Small));
    }

    [Fact]
    public void HeaderSectionAtTheLimitIsAccepted()
    {
        // "Host: a\r\n" is 9 bytes and the final CRLF 2: a 115-byte field line and its CRLF fill the 128 exactly.
        var field = "X: " + new string('v', 117 - 3 - 2);
        Assert.Equal("ok", ErrorOf(Get + field + "\r\n\r\n", Small));
        Assert.Equal("error 431 header section too large", ErrorOf(Get + field + "v\r\n\r\n", Small));
    }

    [Fact]
    public void TooManyHeaderFieldsIs431()
    {
        Assert.Equal("ok", ErrorOf(Get + "A: 1\r\nB: 2\r\nC: 3\r\n\r\n", Small));
        Assert.Equal("error 431 too many header fields", ErrorOf(Get + "A: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n", Small));
    }

    [Fact]
    public void BodyPastTheLimitIs413()
    {
        Assert.Equal("ok", ErrorOf("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n0123456789", Small));
        Assert.Equal("error 413 request body too large", ErrorOf("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n", Small));
        Assert.Equal("ok", ErrorOf("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n01234\r\n5\r\n56789\r\n0\r\n\r\n", Small));
        Assert.Equal("error 413 body too large", ErrorOf("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n01234\r\n6\r\n", Small));
    }

    [Fact]
    public void ChunkLinePastTheLimitIs413()
    {
        Assert.Equal("error 413 chunk extensions too long", ErrorOf("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1;" + new string('e', 40) + "\r\n", Small));
        Assert.Equal("error 413 chunk extensions too long", ErrorOf("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1;" + new string('e', 40), Small));
    }

    [Fact]
    public void TrailerSectionIsBoundedLikeTheHead()
    {
        const string start = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n";
        Assert.Equal("error 431 header section too large", ErrorOf(start + "T: " + new string('t', 200) + "\r\n\r\n", Small));
        Assert.Equal("error 431 too many header fields", ErrorOf(start + "A: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\nE: 5\r\n\r\n", Small));
    }
}
