using EsRuntime.Capabilities;
using EsRuntime.Providers;

namespace EsRuntime.Tests.Http;

/// <summary>runtime:http serve end to end: raw bytes in over a socket, the codec's answers out, on loopback and on the simulated network.</summary>
public sealed class ServeTests
{
    /// <summary>A server with the API reference's handler, plus a raw client that sends bytes and returns everything until the server closes.</summary>
    private const string Prelude = """
        import { serve } from "runtime:http";
        import { connect } from "runtime:net";
        const server = serve({ hostname: "127.0.0.1", port: 0 }, async (request) => {
          const url = new URL(request.url);
          if (url.pathname === "/echo") return new Response(await request.text(), { status: 200 });
          if (url.pathname === "/throw") throw new Error("boom");
          if (url.pathname === "/not-a-response") return { status: 200 };
          if (url.pathname === "/empty") return new Response(null, { status: 204 });
          if (url.pathname === "/stream") return new Response(new ReadableStream({
            start(c) { for (const part of ["a", "bb", "ccc"]) c.enqueue(new TextEncoder().encode(part)); c.close(); },
          }));
          return Response.json({ method: request.method, path: url.pathname });
        });
        const { port } = await server.addr;
        async function raw(text) {
          const socket = connect({ hostname: "127.0.0.1", port });
          await socket.opened;
          const writer = socket.writable.getWriter();
          await writer.write(new TextEncoder().encode(text));
          let out = "";
          const decoder = new TextDecoder();
          for await (const chunk of socket.readable) out += decoder.decode(chunk, { stream: true });
          return out.replace(/\r\nDate: [^\r]*/, "");
        }
        const show = (text) => console.log(JSON.stringify(text));
        """;

    private static JsResult Real(string code) => JsHarness.RunReal(Prelude + code);

    private static JsResult Sim(string code, ulong seed = 1, string faults = "none") => JsHarness.RunSim(Prelude + code, seed, faults);

    private static void Both(string code, string expected)
    {
        var real = Real(code);
        Assert.Equal(expected, real.Stdout);
        Assert.Equal(0, real.ExitCode);
        var sim = Sim(code, seed: 7);
        Assert.Equal(expected, sim.Stdout);
    }

    [Fact]
    public void TheApiReferenceHandlerAnswersJsonAndEchoesABody() => Both("""
        show(await raw("GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        show(await raw("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello"));
        await server.stop();
        """,
        "\"HTTP/1.1 200 OK\\r\\nContent-Type: application/json\\r\\nContent-Length: 32\\r\\nConnection: close\\r\\n\\r\\n{\\\"method\\\":\\\"GET\\\",\\\"path\\\":\\\"/hello\\\"}\"\n"
        + "\"HTTP/1.1 200 OK\\r\\nContent-Type: text/plain;charset=UTF-8\\r\\nContent-Length: 5\\r\\nConnection: close\\r\\n\\r\\nhello\"\n");

    [Fact]
    public void PipelinedRequestsAreAnsweredInOrderOnOneConnection()
    {
        var result = Real("""
            const text = await raw("GET /a HTTP/1.1\r\nHost: x\r\n\r\nPOST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nxyzGET /c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            console.log([...text.matchAll(/\r\n\r\n([^H]*)/g)].map((m) => m[1]).join(" | "));
            await server.stop();
            """);
        Assert.Equal("{\"method\":\"GET\",\"path\":\"/a\"} | xyz | {\"method\":\"GET\",\"path\":\"/c\"}\n", result.Stdout);
    }

    [Fact]
    public void AHandlerThatThrowsOrReturnsANonResponseGives500AndIsReported()
    {
        var result = Real("""
            show((await raw("GET /throw HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).split("\r\n")[0]);
            show((await raw("GET /not-a-response HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).split("\r\n")[0]);
            await server.stop();
            """);
        Assert.Equal("\"HTTP/1.1 500 Internal Server Error\"\n\"HTTP/1.1 500 Internal Server Error\"\n", result.Stdout);
        Assert.Contains("error: serve: the handler for GET /throw threw: Error: boom", result.Stderr);
        Assert.Contains("error: serve: the handler for GET /not-a-response returned Object, not a Response", result.Stderr);
        Assert.Equal(0, result.ExitCode);
    }

    [Theory]
    [InlineData("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "HTTP/1.1 400 Bad Request")]
    [InlineData("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", "HTTP/1.1 400 Bad Request")]
    [InlineData("GET / HTTP/1.1\r\nHost : x\r\n\r\n", "HTTP/1.1 400 Bad Request")]
    [InlineData("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", "HTTP/1.1 501 Not Implemented")]
    public void SmugglingAndMalformedRequestsAreRefusedWithTheirStatus(string request, string statusLine)
    {
        var result = Real($"show((await raw({System.Text.Json.JsonSerializer.Serialize(request)})).split(\"\\r\\n\")[0]);\nawait server.stop();");
        Assert.Equal($"\"{statusLine}\"\n", result.Stdout);
    }

    [Fact]
    public void HeadAnd204HaveNoBodyAndStreamedBodiesAreChunked()
    {
        var result = Real("""
            show(await raw("HEAD /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
            show(await raw("GET /empty HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
            show(await raw("GET /stream HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
            await server.stop();
            """);
        Assert.Equal(
            "\"HTTP/1.1 200 OK\\r\\nContent-Type: application/json\\r\\nContent-Length: 33\\r\\nConnection: close\\r\\n\\r\\n\"\n"
            + "\"HTTP/1.1 204 No Content\\r\\nConnection: close\\r\\n\\r\\n\"\n"
            + "\"HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\nConnection: close\\r\\n\\r\\n1\\r\\na\\r\\n2\\r\\nbb\\r\\n3\\r\\nccc\\r\\n0\\r\\n\\r\\n\"\n",
            result.Stdout);
    }

    [Fact]
    public void ASlowClientGets408AfterTheHeaderTimeoutOnTheLoopClock()
    {
        // Simulated time: the 30 s header timeout passes in no wall time.
        var result = Sim("""
            const started = performance.now();
            const text = await raw("GET /hello HTTP/1.1\r\nHost: x\r\n");
            console.log(text.split("\r\n")[0], Math.round((performance.now() - started) / 1000));
            await server.stop();
            """);
        Assert.Equal("HTTP/1.1 408 Request Timeout 30\n", result.Stdout);
    }

    [Fact]
    public void TwoHundredConcurrentKeepAliveClientsAreAllAnswered()
    {
        var result = Real("""
            const answers = await Promise.all(Array.from({ length: 200 }, async (_, i) => {
              const r = await fetch(`http://127.0.0.1:${port}/n${i}`);
              return (await r.json()).path;
            }));
            console.log(answers.length, answers.every((path, i) => path === "/n" + i));
            await server.stop();
            """);
        Assert.Equal("200 true\n", result.Stdout + result.Stderr);
    }

    [Fact]
    public void StreamedUploadAndDownloadKeepEveryByte()
    {
        const string code = """
            const big = serve({ hostname: "127.0.0.1", port: 0 }, async (request) => {
              let total = 0, sum = 0;
              for await (const chunk of request.body) { total += chunk.byteLength; for (const b of chunk) sum = (sum + b) % 65521; }
              const size = Number(new URL(request.url).searchParams.get("size"));
              let sent = 0;
              return new Response(new ReadableStream({
                pull(c) {
                  if (sent >= size) { c.close(); return; }
                  const n = Math.min(65536, size - sent);
                  c.enqueue(new Uint8Array(n).map((_, i) => (sent + i) & 255));
                  sent += n;
                },
              }), { headers: { "x-received": `${total}/${sum}` } });
            });
            const bigPort = (await big.addr).port;
            let produced = 0;
            const upload = new ReadableStream({
              pull(c) {
                if (produced >= 3_000_000) { c.close(); return; }
                c.enqueue(new Uint8Array(100_000).fill(7));
                produced += 100_000;
              },
            });
            const r = await fetch(`http://127.0.0.1:${bigPort}/?size=4000000`, { method: "POST", body: upload, duplex: "half" });
            let total = 0, ok = true;
            for await (const chunk of r.body) { for (let i = 0; i < chunk.length; i++) ok &&= chunk[i] === ((total + i) & 255); total += chunk.byteLength; }
            console.log(r.headers.get("x-received"), total, ok);
            await big.stop();
            await server.stop();
            """;
        var expected = $"3000000/{3_000_000L * 7 % 65521} 4000000 true\n";
        Assert.Equal(expected, Real(code).Stdout);
        Assert.Equal(expected, Sim(code, seed: 3).Stdout);
    }

    [Fact]
    public void StopEndsTheServerAndFinishedSettles()
    {
        var result = Real("""
            await fetch(`http://127.0.0.1:${port}/x`).then((r) => r.text());
            await server.stop();
            await server.finished;
            const after = await fetch(`http://127.0.0.1:${port}/x`).then(() => "answered", (e) => e.name);
            console.log("stopped", after);
            """);
        Assert.Equal("stopped TypeError\n", result.Stdout);
    }

    [Fact]
    public void ServeWithoutNetListenIsNotCapable()
    {
        var result = JsHarness.RunReal("""
            import { serve } from "runtime:http";
            try { serve(() => new Response("x")); await new Promise((r) => setTimeout(r, 10)); console.log("served"); }
            catch (e) { console.log(e.name, e.message); }
            """, Capability.All & ~Capability.NetListen);
        Assert.StartsWith("NotCapable runtime:http serve requires the NetListen capability", result.Stdout);
    }

    [Fact]
    public void UnderNetworkFaultsEveryRequestEndsAndTheSameSeedGivesTheSameRun()
    {
        const string code = """
            let answered = 0, failed = 0;
            await Promise.all(Array.from({ length: 30 }, (_, i) => fetch(`http://127.0.0.1:${port}/n${i}`).then((r) => r.text()).then(() => answered++, () => failed++)));
            console.log(answered + failed, answered > 0);
            await server.stop();
            """;
        var first = Sim(code, seed: 11, faults: "net.reset=0.05,net.delay=0.2");
        Assert.Equal("30 true\n", first.Stdout);
        var second = Sim(code, seed: 11, faults: "net.reset=0.05,net.delay=0.2");
        Assert.Equal(first.Stdout + first.Stderr, second.Stdout + second.Stderr);
    }
}
