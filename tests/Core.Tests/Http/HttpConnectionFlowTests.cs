using System.Buffers;
using EsRuntime.Http;
using static EsRuntime.Tests.Http.HttpTranscript;

namespace EsRuntime.Tests.Http;

/// <summary>Pipelining, early responses, 100-continue and the header/idle timeouts of the server connection.</summary>
public class HttpConnectionFlowTests
{
    private const string A = "GET /a HTTP/1.1\r\nHost: h\r\n\r\n";
    private const string B = "POST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nxyz";
    private const string C = "GET /c HTTP/1.1\r\nHost: h\r\n\r\n";

    [Fact]
    public void PipelinedRequestsAreSurfacedOneResponseAtATime()
    {
        using var c = Server(A + B + C);
        Assert.Equal(["head GET /a 1.1", "end"], Drain(c));
        Assert.Empty(Drain(c)); // /b waits for /a's response
        Respond(c);
        Assert.Equal(["head POST /b 1.1", "body xyz", "end"], Drain(c));
        Respond(c);
        Assert.Equal(["head GET /c 1.1", "end"], Drain(c));
        Respond(c);
        Assert.Empty(Drain(c));
        Assert.True(c.IsOpen);
    }

    [Fact]
    public void ResponseEndingBeforeTheBodyDropsTheRestAndGoesOn()
    {
        using var c = Server("POST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 6\r\n\r\nab");
        Assert.Equal(["head POST /b 1.1", "body ab"], Drain(c));
        var output = new ArrayBufferWriter<byte>();
        c.BeginResponse(output, 200, null, [], 0, 0);
        Assert.DoesNotContain("Connection: close", Text(output));
        Assert.True(c.EndResponse(output, 0));
        c.Receive(Bytes("cdef" + C), 0);
        Assert.Equal(["head GET /c 1.1", "end"], Drain(c));
    }

    [Fact]
    public void ResponseEndingBeforeALongOrChunkedBodyCloses()
    {
        var limits = HttpLimits.Default with { MaxDiscardBodyBytes = 4 };
        foreach (var framing in new[] { "Content-Length: 5", "Transfer-Encoding: chunked" })
        {
            using var c = Server($"POST / HTTP/1.1\r\nHost: h\r\n{framing}\r\n\r\n", limits);
            Drain(c);
            var output = new ArrayBufferWriter<byte>();
            c.BeginResponse(output, 413, null, [], 0, 0);
            Assert.Contains("Connection: close\r\n", Text(output));
            Assert.False(c.EndResponse(output, 0));
            Assert.Equal(["closed"], Drain(c));
        }
    }

    [Fact]
    public void ContinueIsWrittenOnceAndOnlyWhenExpected()
    {
        using var c = Server("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
        Drain(c);
        var output = new ArrayBufferWriter<byte>();
        Assert.True(c.WriteContinue(output));
        Assert.False(c.WriteContinue(output));
        Assert.Equal("HTTP/1.1 100 Continue\r\n\r\n", Text(output));
        c.Receive(Bytes("ok"), 0);
        Assert.Equal(["body ok", "end"], Drain(c));
        output.Clear();
        c.BeginResponse(output, 200, null, [], 0, 0);
        Assert.DoesNotContain("Connection: close", Text(output));

        using var d = Server("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\n");
        Drain(d);
        Assert.False(d.WriteContinue(new ArrayBufferWriter<byte>()));
    }

    [Fact]
    public void FinalResponseWithoutContinueClosesWhenTheBodyIsPending()
    {
        using var c = Server("PUT / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
        Drain(c);
        var output = new ArrayBufferWriter<byte>();
        c.BeginResponse(output, 417, null, [], 0, 0);
        Assert.Contains("Connection: close\r\n", Text(output));
        Assert.False(c.WriteContinue(output));
        Assert.False(c.EndResponse(output, 0));
    }

    [Fact]
    public void IdleConnectionTimesOutWithoutAResponse()
    {
        var limits = HttpLimits.Default with { IdleTimeoutMs = 5000, HeaderTimeoutMs = 2000 };
        using var c = new HttpServerConnection(limits, 1000);
        Assert.Equal(6000, c.Deadline);
        Assert.Equal(HttpTimeoutAction.None, c.CheckTimeouts(5999));
        Assert.Equal(HttpTimeoutAction.Close, c.CheckTimeouts(6000));
        Assert.False(c.IsOpen);
    }

    [Fact]
    public void PartialHeadTimesOutWith408()
    {
        var limits = HttpLimits.Default with { IdleTimeoutMs = 5000, HeaderTimeoutMs = 2000 };
        using var c = new HttpServerConnection(limits, 0);
        c.Receive(Bytes("GET / HTTP/1.1\r\nHo"), 3000);
        Drain(c);
        Assert.Equal(5000, c.Deadline);
        c.Receive(Bytes("st: a\r\n"), 4500); // trickling bytes do not extend it
        Drain(c);
        Assert.Equal(5000, c.Deadline);
        Assert.Equal(HttpTimeoutAction.RequestTimeout, c.CheckTimeouts(5000));
        var output = new ArrayBufferWriter<byte>();
        Assert.True(c.WriteErrorResponse(output, new HttpError(408, "request head not received in time"), 5000));
        Assert.StartsWith("HTTP/1.1 408 Request Timeout\r\n", Text(output));
        Assert.False(c.IsOpen);
    }

    [Fact]
    public void NoTimerRunsWhileARequestIsReadOrAnswered()
    {
        var limits = HttpLimits.Default with { IdleTimeoutMs = 5000, HeaderTimeoutMs = 2000 };
        using var c = new HttpServerConnection(limits, 0);
        c.Receive(Bytes("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\n\r\nab"), 100);
        Drain(c);
        Assert.Equal(long.MaxValue, c.Deadline);
        Assert.Equal(HttpTimeoutAction.None, c.CheckTimeouts(1_000_000));
        c.Receive(Bytes("cd"), 1_000_000);
        Drain(c);
        Assert.Equal(long.MaxValue, c.Deadline);
        Respond(c, now: 2_000_000);
        Assert.Equal(2_005_000, c.Deadline); // idle again from the end of the response
    }

    [Fact]
    public void PipelinedHeadTimerStartsWhenThePreviousResponseEnds()
    {
        var limits = HttpLimits.Default with { IdleTimeoutMs = 5000, HeaderTimeoutMs = 2000 };
        using var c = new HttpServerConnection(limits, 0);
        c.Receive(Bytes(A + "GET /partial HTTP/1.1\r\n"), 10);
        Drain(c);
        Assert.Equal(long.MaxValue, c.Deadline);
        Respond(c, now: 7000);
        Drain(c);
        Assert.Equal(9000, c.Deadline);
    }
}
