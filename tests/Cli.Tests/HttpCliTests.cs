using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EsRuntime.Cli.Tests;

/// <summary>runtime:http serve and fetch from the CLI on real scripts: loopback, --sim, record and replay, --allow-net, a .NET server.</summary>
public sealed class HttpCliTests() : ProjectFolder("esrun-http-cli-")
{
    /// <summary>The API reference's server, and N clients fetching from it (N from the arguments).</summary>
    private const string ServerAndClients = """
        import { serve } from "runtime:http";
        import { args } from "runtime:process";
        const server = serve({ hostname: "127.0.0.1", port: 8080 }, async (request) => {
          const url = new URL(request.url);
          if (url.pathname === "/echo") {
            return new Response(await request.text(), { status: 200 });
          }
          return Response.json({ method: request.method, path: url.pathname });
        });
        const { port } = await server.addr;
        const n = Number(args[0] ?? 10);
        let bytes = 0;
        await Promise.all(Array.from({ length: n }, async (_, i) => {
          const get = await fetch(`http://127.0.0.1:${port}/item/${i}`);
          const got = await get.text();
          bytes += got.length;
          const post = await fetch(`http://127.0.0.1:${port}/echo`, { method: "POST", body: "x".repeat(i) });
          const echoed = await post.text();
          bytes += echoed.length;
        }));
        console.log("requests", n * 2, "bytes", bytes);
        await server.stop();
        """;

    [Fact]
    public void TheApiReferenceServerAnswersFetchOverLoopbackAndUnderSim()
    {
        var script = Script("server.mjs", ServerAndClients.Replace("port: 8080", "port: 0"));
        var real = Esrun.Run(Dir.FullName, script, "20");
        Assert.Equal("requests 40 bytes 860\n", real.Stdout + real.Stderr);
        var sim = Esrun.Run(Dir.FullName, "--sim", "9", script, "20");
        Assert.Equal(real.Stdout, sim.Stdout + sim.Stderr);
        var again = Esrun.Run(Dir.FullName, "--sim", "9", "--faults", "net.delay=0.3,net.slow=0.2", script, "20");
        Assert.Equal(real.Stdout, again.Stdout + again.Stderr);
    }

    [Fact]
    public void AHundredFetchRunReplaysIdenticallyWithNoNetworkAndNoScript()
    {
        var script = Script("server.mjs", ServerAndClients.Replace("port: 8080", "port: 0"));
        var trace = Path.Combine(Path.GetTempPath(), $"esrun-http-{Guid.NewGuid():N}.trace");
        try
        {
            var recorded = Esrun.Run(Dir.FullName, "--record", trace, script, "50");
            Assert.Equal("requests 100 bytes 2915\n", recorded.Stdout + recorded.Stderr);
            File.Delete(script);
            var replayed = Esrun.Run(Path.GetTempPath(), "--replay", trace);
            Assert.Equal(recorded.Stdout, replayed.Stdout + replayed.Stderr);
            Assert.Equal(0, replayed.ExitCode);
        }
        finally { File.Delete(trace); }
    }

    [Fact]
    public void AllowNetLimitsFetchToTheListedHosts()
    {
        var script = Script("allow.mjs", """
            for (const url of ["http://127.0.0.1:49/", "http://localhost:49/"]) {
              console.log(await fetch(url).then(() => "answered", (e) => `${e.name}: ${e.message}`));
            }
            """);
        var r = Esrun.Run(Dir.FullName, "--allow-net=127.0.0.1", script);
        Assert.Equal("TypeError: fetch failed: connect 127.0.0.1:49 refused\n"
            + "NotCapable: fetch to localhost:49 is not allowed: the Net capability covers only 127.0.0.1\n", r.Stdout + r.Stderr);
        Assert.Equal(2, Esrun.Run(Dir.FullName, "--allow-net", "", script).ExitCode);
    }

    [Fact]
    public void FetchFollowsARedirectChainToAChunkedGzipBodyFromADotNetServer()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var cts = new CancellationTokenSource();
        var serving = Task.Run(() => Serve(listener, cts.Token));
        var script = Script("client.mjs", $$"""
            const r = await fetch("http://127.0.0.1:{{port}}/chain/5");
            const text = await r.text();
            console.log(r.status, r.redirected, new URL(r.url).pathname, r.headers.get("content-encoding"), text.length, text.slice(0, 6));
            """);
        var result = Esrun.Run(Dir.FullName, script);
        cts.Cancel();
        Assert.Equal("200 true /chain/0 gzip 60000 chunk \n", result.Stdout + result.Stderr);
    }

    /// <summary>A tiny HTTP/1.1 server written against the socket: /chain/N redirects to N-1; /chain/0 sends a chunked gzip body.</summary>
    private static async Task Serve(TcpListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stop); } catch (OperationCanceledException) { return; }
            _ = Task.Run(async () =>
            {
                using var _ = client;
                var stream = client.GetStream();
                var buffer = new byte[8192];
                var pending = "";
                while (true)
                {
                    var n = await stream.ReadAsync(buffer, stop);
                    if (n == 0) return;
                    pending += Encoding.ASCII.GetString(buffer, 0, n);
                    int end;
                    while ((end = pending.IndexOf("\r\n\r\n", StringComparison.Ordinal)) >= 0)
                    {
                        var path = pending.Split(' ')[1];
                        pending = pending[(end + 4)..];
                        var step = int.Parse(path["/chain/".Length..]);
                        if (step > 0)
                        {
                            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 302 Found\r\nLocation: /chain/{step - 1}\r\nContent-Length: 0\r\n\r\n"), stop);
                            continue;
                        }
                        using var packed = new MemoryStream();
                        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest)) gzip.Write(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("chunk ", 10_000))));
                        var body = packed.ToArray();
                        var head = "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n";
                        var output = new MemoryStream();
                        output.Write(Encoding.ASCII.GetBytes(head));
                        for (var offset = 0; offset < body.Length; offset += 100)
                        {
                            var length = Math.Min(100, body.Length - offset);
                            output.Write(Encoding.ASCII.GetBytes($"{length:x}\r\n"));
                            output.Write(body, offset, length);
                            output.Write("\r\n"u8);
                        }
                        output.Write("0\r\n\r\n"u8);
                        await stream.WriteAsync(output.ToArray(), stop);
                    }
                }
            }, stop);
        }
    }
}
