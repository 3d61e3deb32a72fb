using EsRuntime.Capabilities;
using EsRuntime.Providers;

namespace EsRuntime.Tests.Net;

/// <summary>runtime:net over real loopback sockets and over the simulated network: the same script, the same bytes.</summary>
public sealed class NetTests
{
    private const string Echo = """
        import { connect, listen } from "runtime:net";
        const server = listen({ hostname: "127.0.0.1", port: 0 });
        const { port } = await server.addr;
        (async () => { for await (const conn of server) conn.readable.pipeTo(conn.writable).catch(() => {}); })();
        const payload = new Uint8Array(200_000);
        for (let i = 0; i < payload.length; i++) payload[i] = (i * 31) & 255;
        const sock = connect({ hostname: "127.0.0.1", port });
        const info = await sock.opened;
        const writer = sock.writable.getWriter();
        const sending = (async () => { await writer.write(payload); await writer.write("tail"); await writer.close(); })();
        const chunks = [];
        let total = 0;
        for await (const chunk of sock.readable) { chunks.push(chunk); total += chunk.byteLength; }
        await sending;
        const all = new Uint8Array(total);
        let offset = 0;
        for (const c of chunks) { all.set(c, offset); offset += c.byteLength; }
        let same = total === payload.length + 4;
        for (let i = 0; same && i < payload.length; i++) same = all[i] === payload[i];
        same &&= new TextDecoder().decode(all.subarray(payload.length)) === "tail";
        console.log("echoed", total, same, typeof info.remoteAddress, info.remoteAddress.endsWith(":" + port));
        await sock.closed;
        server.close();
        """;

    private static JsResult Real(string code, Capability capabilities = Capability.All) => JsHarness.RunReal(code, capabilities);

    private static JsResult Sim(string code, ulong seed = 1, string faults = "none", Capability capabilities = Capability.All) =>
        JsHarness.RunSim(code, seed, faults, capabilities);

    [Fact]
    public void AnEchoOverLoopbackAndOverTheSimulatedNetworkGivesTheSameBytes()
    {
        var real = Real(Echo);
        Assert.Equal("echoed 200004 true string true\n", real.Stdout + real.Stderr);
        for (ulong seed = 1; seed <= 5; seed++)
        {
            var sim = Sim(Echo, seed);
            Assert.Equal(real.Stdout, sim.Stdout + sim.Stderr);
        }
    }

    [Fact]
    public void HalfCloseWorksBothWays()
    {
        const string code = """
            import { connect, listen } from "runtime:net";
            const server = listen({ port: 0, hostname: "127.0.0.1", allowHalfOpen: true });
            const { port } = await server.addr;
            const served = (async () => {
              const conn = await server.accept();
              let got = "";
              for await (const c of conn.readable) got += new TextDecoder().decode(c);
              // The client half-closed; this side can still answer.
              const w = conn.writable.getWriter();
              await w.write("got " + got);
              await w.close();
            })();
            const sock = connect(`127.0.0.1:${port}`, { allowHalfOpen: true });
            const w = sock.writable.getWriter();
            await w.write("question");
            await w.close();
            let answer = "";
            for await (const c of sock.readable) answer += new TextDecoder().decode(c);
            await served;
            console.log(answer);
            server.close();
            """;
        Assert.Equal("got question\n", Real(code).Stdout);
        Assert.Equal("got question\n", Sim(code).Stdout);
    }

    [Fact]
    public void RefusedAndUnknownHostsGiveCleanNamedErrors()
    {
        const string code = """
            import { connect } from "runtime:net";
            for (const address of ["127.0.0.1:9", "no-such-host.invalid:80"]) {
              const s = connect(address);
              try { await s.opened; } catch (e) { console.log(e.name, e instanceof DOMException, e.message); }
              try { await s.closed; } catch (e) { console.log("closed", e.name); }
            }
            """;
        var expected = "ConnectionRefusedError true connect 127.0.0.1:9 refused\nclosed ConnectionRefusedError\n";
        Assert.StartsWith(expected + "HostNotFoundError true connect no-such-host.invalid:80", Real(code).Stdout);
        Assert.StartsWith(expected + "HostNotFoundError true connect no-such-host.invalid:80", Sim(code).Stdout);
    }

    [Fact]
    public void ConnectNeedsNetAndListenNeedsNetListen()
    {
        const string connect = """
            import { connect } from "runtime:net";
            try { connect("127.0.0.1:9"); console.log("allowed"); } catch (e) { console.log(e.name, e.message); }
            """;
        const string listen = """
            import { listen } from "runtime:net";
            try { listen({ port: 0 }).close(); console.log("allowed"); } catch (e) { console.log(e.name, e.message); }
            """;
        Assert.Equal("NotCapable runtime:net connect requires the Net capability, which this runtime was not granted\n",
            Sim(connect, capabilities: Capability.NetListen).Stdout);
        Assert.Equal("NotCapable runtime:net listen requires the NetListen capability, which this runtime was not granted\n",
            Sim(listen, capabilities: Capability.Net).Stdout);
        Assert.Equal("allowed\n", Sim(listen, capabilities: Capability.NetListen).Stdout);
    }

    [Fact]
    public void TlsIsRefusedWithANamedError()
    {
        var r = Sim("""
            import { connect } from "runtime:net";
            try { connect("example.com:443", { secureTransport: "on" }); } catch (e) { console.log(e.name, e.message); }
            """);
        Assert.Equal("NotSupportedError connect: TLS (secureTransport \"on\") is not supported yet; terminate TLS at a proxy\n", r.Stdout);
    }

    [Fact]
    public void BadAddressesAreTypeOrRangeErrors()
    {
        var r = Sim("""
            import { connect, listen } from "runtime:net";
            for (const bad of ["nohostport", "host:99999", { hostname: "", port: 1 }, 42, { hostname: "h", port: 1.5 }]) {
              try { connect(bad); } catch (e) { console.log(e.name); }
            }
            try { listen({ port: -1 }); } catch (e) { console.log(e.name); }
            """);
        Assert.Equal("TypeError\nRangeError\nTypeError\nTypeError\nRangeError\nRangeError\n", r.Stdout);
    }

    [Fact]
    public void ResetsAndPartitionsUnderFaultsGiveCleanErrorsAndTheRunEnds()
    {
        const string client = """
            import { connect, listen } from "runtime:net";
            const server = listen({ hostname: "127.0.0.1", port: 0 });
            const { port } = await server.addr;
            (async () => { for await (const conn of server) conn.readable.pipeTo(conn.writable).catch(() => {}); })();
            let ok = 0, failed = new Set();
            for (let i = 0; i < 20; i++) {
              try {
                const s = connect({ hostname: "127.0.0.1", port });
                await s.opened;
                const w = s.writable.getWriter();
                await w.write(new Uint8Array(50_000));
                await w.close();
                let n = 0;
                for await (const c of s.readable) n += c.byteLength;
                if (n === 50_000) ok++;
              } catch (e) { failed.add(e.name); }
            }
            console.log(ok > 0, [...failed].every((n) => ["ConnectionResetError", "ConnectionRefusedError"].includes(n)));
            server.close();
            """;
        for (ulong seed = 1; seed <= 4; seed++)
        {
            var r = Sim(client, seed, "net.reset=0.01,net.refused=0.1,net.delay=0.2,net.slow=0.2");
            Assert.Equal("true true\n", r.Stdout + r.Stderr);
            Assert.Equal(0, r.ExitCode);
        }
    }

    [Fact]
    public void AReaderThatNeverReadsHoldsTheWriterBack()
    {
        // Back-pressure: the receiving side never reads, so after the network's window the sender's
        // writes stop settling instead of buffering without bound.
        var r = Sim("""
            import { connect, listen } from "runtime:net";
            const server = listen({ hostname: "127.0.0.1", port: 0 });
            const { port } = await server.addr;
            server.accept(); // accepted, never read
            const s = connect({ hostname: "127.0.0.1", port });
            await s.opened;
            const w = s.writable.getWriter();
            let written = 0;
            const chunk = new Uint8Array(16 * 1024);
            const writing = (async () => { for (;;) { await w.write(chunk); written += chunk.byteLength; } })();
            await new Promise((r) => setTimeout(r, 2000));
            console.log(written > 0, written <= 1024 * 1024);
            s.close();
            server.close();
            """);
        Assert.Equal("true true\n", r.Stdout);
    }

    [Fact]
    public void TheSameSeedGivesTheSameRunWithFaults()
    {
        var first = Sim(Echo, 7, "net");
        var second = Sim(Echo, 7, "net");
        Assert.Equal(first, second);
    }
}
