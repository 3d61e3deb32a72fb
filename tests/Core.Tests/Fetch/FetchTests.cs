using System.IO.Compression;
using EsRuntime.Capabilities;

namespace EsRuntime.Tests.Fetch;

/// <summary>fetch() against an esrun server on loopback and on the simulated network.</summary>
public sealed class FetchTests
{
    private const string Server = """
        import { serve } from "runtime:http";
        const server = serve({ hostname: "127.0.0.1", port: 0 }, async (request) => {
          const url = new URL(request.url);
          const p = url.pathname;
          if (p === "/echo") return new Response(await request.text(), { headers: { "x-method": request.method, "x-type": request.headers.get("content-type") ?? "none" } });
          if (p.startsWith("/to/")) return new Response(null, { status: Number(p.slice(4)), headers: { location: "/echo?from=" + p.slice(4) } });
          if (p === "/loop") return new Response(null, { status: 302, headers: { location: "/loop" } });
          if (p === "/gzip" || p === "/deflate") {
            const body = new Blob(["compressed ".repeat(1000)]).stream().pipeThrough(new CompressionStream(p.slice(1)));
            return new Response(body, { headers: { "content-encoding": p.slice(1) } });
          }
          if (p === "/br") return new Response(Uint8Array.from(atob(BROTLI), (c) => c.charCodeAt(0)), { headers: { "content-encoding": "br" } });
          if (p === "/slow") return new Response(new ReadableStream({
            async pull(c) { await new Promise((r) => setTimeout(r, 5)); c.enqueue(new Uint8Array(1000)); },
          }));
          return Response.json({ path: p + url.search, accept: request.headers.get("accept"), encoding: request.headers.get("accept-encoding") });
        });
        const { port } = await server.addr;
        const base = `http://127.0.0.1:${port}`;
        const settle = (promise) => promise.then((v) => v, (e) => `${e.name}: ${e.message.replace(/:\d+/g, ":PORT")}`);
        """;

    private static readonly string Brotli = Convert.ToBase64String(Compress(string.Concat(Enumerable.Repeat("brotli ", 500))));

    private static byte[] Compress(string text)
    {
        using var output = new MemoryStream();
        using (var br = new BrotliStream(output, CompressionLevel.Optimal)) br.Write(System.Text.Encoding.UTF8.GetBytes(text));
        return output.ToArray();
    }

    private static string Script(string code) => $"const BROTLI = \"{Brotli}\";\n" + Server + code + "\nawait server.stop();\n";

    private static JsResult Real(string code, IReadOnlyList<string>? netHosts = null) => JsHarness.RunReal(Script(code), netHosts: netHosts);

    private static JsResult Sim(string code, ulong seed = 1, string faults = "none") => JsHarness.RunSim(Script(code), seed, faults);

    private static void Both(string code, string expected)
    {
        var real = Real(code);
        Assert.Equal(expected, real.Stdout + real.Stderr);
        var sim = Sim(code, seed: 5);
        Assert.Equal(expected, sim.Stdout + sim.Stderr);
    }

    [Fact]
    public void AGetSendsTheDefaultHeadersAndReadsJson() => Both("""
        const r = await fetch(base + "/hello?x=1");
        console.log(r.status, r.ok, r.statusText, r.type, r.url === base + "/hello?x=1", r.redirected, JSON.stringify(await r.json()));
        """, "200 true OK basic true false {\"path\":\"/hello?x=1\",\"accept\":\"*/*\",\"encoding\":\"gzip, deflate, br\"}\n");

    [Fact]
    public void BodiesOfEveryKindAreSentWithTheirContentType() => Both("""
        for (const body of ["text", new Uint8Array([104, 105]), new Blob(["blob"], { type: "text/x-blob" }), new URLSearchParams({ a: "1" })]) {
          const r = await fetch(base + "/echo", { method: "POST", body });
          console.log(r.headers.get("x-method"), r.headers.get("x-type"), await r.text());
        }
        """, "POST text/plain;charset=UTF-8 text\nPOST none hi\nPOST text/x-blob blob\nPOST application/x-www-form-urlencoded;charset=UTF-8 a=1\n");

    [Fact]
    public void RedirectsFollowTheMethodRulesAndTheModes() => Both("""
        for (const status of [301, 302, 303, 307, 308]) {
          const r = await fetch(base + "/to/" + status, { method: "POST", body: "b" });
          console.log(status, r.status, r.redirected, new URL(r.url).search, r.headers.get("x-method"), JSON.stringify(await r.text()));
        }
        const manual = await fetch(base + "/to/302", { redirect: "manual" });
        console.log("manual", manual.status, manual.headers.get("location"));
        console.log(await settle(fetch(base + "/to/302", { redirect: "error" })));
        console.log(await settle(fetch(base + "/loop")));
        """, "301 200 true ?from=301 GET \"\"\n302 200 true ?from=302 GET \"\"\n303 200 true ?from=303 GET \"\"\n"
           + "307 200 true ?from=307 POST \"b\"\n308 200 true ?from=308 POST \"b\"\n"
           + "manual 302 /echo?from=302\n"
           + "TypeError: fetch failed: http://127.0.0.1:PORT/to/302 redirected (302) and the redirect mode is \"error\"\n"
           + "TypeError: fetch failed: more than 20 redirects\n");

    [Fact]
    public void ContentEncodingsAreDecoded() => Both("""
        for (const coding of ["gzip", "deflate", "br"]) {
          const text = await (await fetch(base + "/" + coding)).text();
          console.log(coding, text.length, text.slice(0, 11));
        }
        """, "gzip 11000 compressed \ndeflate 11000 compressed \nbr 3500 brotli brot\n");

    [Fact]
    public void AbortingRejectsWithTheSignalsReasonBeforeAndDuringTheBody() => Both("""
        const before = new AbortController();
        before.abort(new Error("not wanted"));
        console.log(await settle(fetch(base + "/hello", { signal: before.signal })));
        const during = new AbortController();
        const r = await fetch(base + "/slow", { signal: during.signal });
        const reader = r.body.getReader();
        await reader.read();
        during.abort();
        console.log(await settle(reader.read()));
        console.log(await settle(fetch(base + "/slow", { signal: AbortSignal.abort() })));
        """, "Error: not wanted\nAbortError: signal is aborted without reason\nAbortError: signal is aborted without reason\n");

    [Fact]
    public void NetworkErrorsAreTypeErrorsThatSayWhatFailed()
    {
        var result = JsHarness.RunReal("""
            const settle = (p) => p.then(() => "ok", (e) => `${e.name}: ${e.message}`);
            console.log(await settle(fetch("http://127.0.0.1:49/")));
            console.log(await settle(fetch("ftp://example.com/")));
            console.log(await settle(fetch("blob:nothing")));
            console.log(await settle(fetch("http://user:pw@127.0.0.1:49/")));
            console.log(await settle(fetch("not a url")));
            """);
        Assert.Equal("TypeError: fetch failed: connect 127.0.0.1:49 refused\n"
            + "TypeError: fetch failed: the URL scheme \"ftp\" is not supported\n"
            + "TypeError: fetch failed: blob: URLs are not supported (esrun has no URL.createObjectURL)\n",
            string.Join("\n", result.Stdout.Split('\n').Take(3)) + "\n");
        Assert.StartsWith("TypeError", result.Stdout.Split('\n')[3]);
        Assert.StartsWith("TypeError", result.Stdout.Split('\n')[4]);
    }

    [Fact]
    public void PortsOfOtherProtocolsAreBlockedBeforeAnyConnection()
    {
        var result = JsHarness.RunReal("""
            console.log(await fetch("http://127.0.0.1:25/").then(() => "ok", (e) => `${e.name}: ${e.message}`));
            """);
        Assert.Equal("TypeError: fetch failed: port 25 is blocked (it belongs to another protocol)\n", result.Stdout);
    }

    [Fact]
    public void DataUrlsAreDecodedWithTheirMimeType()
    {
        var result = JsHarness.Run("""
            for (const url of ["data:,a%20b", "data:text/html;base64,PGI+", "data:;charset=utf-8,%C3%A9", "data:text/plain;base64,%%%"]) {
              const r = await fetch(url).then((r) => r, (e) => e);
              console.log(r instanceof Response ? `${r.headers.get("content-type")} ${await r.text()}` : r.name);
            }
            """);
        Assert.Equal("text/plain;charset=US-ASCII a b\ntext/html <b>\ntext/plain;charset=utf-8 é\nTypeError\n", result.Stdout);
    }

    [Fact]
    public void SequentialRequestsReuseOneConnection()
    {
        // A raw HTTP responder on runtime:net counts the connections fetch opened.
        var result = JsHarness.RunReal("""
            import { listen } from "runtime:net";
            const listener = listen({ hostname: "127.0.0.1", port: 0 });
            const { port } = await listener.addr;
            let connections = 0;
            const sockets = [];
            (async () => {
              for await (const socket of listener) {
                connections++;
                sockets.push(socket);
                (async () => {
                  const writer = socket.writable.getWriter();
                  let pending = "";
                  for await (const chunk of socket.readable) {
                    pending += new TextDecoder().decode(chunk);
                    while (pending.includes("\r\n\r\n")) {
                      pending = pending.slice(pending.indexOf("\r\n\r\n") + 4);
                      await writer.write(new TextEncoder().encode("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
                    }
                  }
                })();
              }
            })();
            let texts = "";
            for (let i = 0; i < 10; i++) texts += await (await fetch(`http://127.0.0.1:${port}/${i}`)).text();
            console.log(texts.length, connections);
            listener.close();
            for (const socket of sockets) socket.close(); // the server side's reads would keep the run alive
            """);
        Assert.Equal("20 1\n", result.Stdout + result.Stderr);
    }

    [Fact]
    public void TheNetHostListAndTheNetCapabilityAreCheckedOnTheOp()
    {
        var listed = Real("""console.log(await settle(fetch("http://127.0.0.1:49/")), (await fetch(base + "/x")).status);""", netHosts: ["127.0.0.1"]);
        Assert.Equal("TypeError: fetch failed: connect 127.0.0.1:PORT refused 200\n", listed.Stdout + listed.Stderr);
        var unlisted = JsHarness.RunReal("""
            console.log(await fetch("http://127.0.0.1:49/").then(() => "ok", (e) => `${e.name}: ${e.message}`));
            """, netHosts: ["example.com:443"]);
        Assert.Equal("NotCapable: fetch to 127.0.0.1:49 is not allowed: the Net capability covers only example.com:443\n", unlisted.Stdout);
        var denied = JsHarness.RunReal("""
            console.log(await fetch("http://127.0.0.1:49/").then(() => "ok", (e) => `${e.name}: ${e.message}`));
            """, Capability.All & ~Capability.Net);
        Assert.Equal("NotCapable: fetch requires the Net capability, which this runtime was not granted\n", denied.Stdout);
    }

    [Fact]
    public void AFileHandleIsABodyAndAResponseCanBeWrittenToAFile()
    {
        var result = Sim("""
            import { file, write } from "runtime:fs";
            await write("upload.txt", "from disk ".repeat(1000));
            const echoed = await fetch(base + "/echo", { method: "PUT", body: file("upload.txt") });
            console.log(echoed.headers.get("x-type"), (await echoed.text()).length);
            const written = await write("download.json", await fetch(base + "/saved"));
            console.log(written, await file("download.json").text());
            """);
        Assert.Equal("text/plain;charset=utf-8 10000", result.Stdout.Split('\n')[0]);
        Assert.Equal("63 {\"path\":\"/saved\",\"accept\":\"*/*\",\"encoding\":\"gzip, deflate, br\"}", result.Stdout.Split('\n')[1]);
    }

    [Fact]
    public void UnderFaultsFetchFailsCleanlyAndTheSameSeedRepeats()
    {
        const string code = """
            const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => settle(fetch(base + "/n" + i).then((r) => r.text()).then(() => "ok"))));
            console.log(outcomes.length, outcomes.every((o) => o === "ok" || o.startsWith("TypeError: fetch failed")));
            """;
        var first = Sim(code, seed: 21, faults: "net.reset=0.05,net.delay=0.3,net.slow=0.2");
        Assert.Equal("20 true\n", first.Stdout);
        Assert.Equal(first.Stdout + first.Stderr, Sim(code, seed: 21, faults: "net.reset=0.05,net.delay=0.3,net.slow=0.2").Stdout + first.Stderr);
    }
}
