namespace EsRuntime.Tests.Streams;

/// <summary>ReadableStream / WritableStream / TransformStream end to end in the runtime.</summary>
public class StreamsTests
{
    private static string Ok(string code)
    {
        var r = JsHarness.Run(code);
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}\nstdout: {r.Stdout}\nstderr: {r.Stderr}");
        Assert.Equal("", r.Stderr);
        return r.Stdout;
    }

    [Fact]
    public void GlobalsArePresentAndShaped()
    {
        var names = new[]
        {
            "ReadableStream", "ReadableStreamDefaultReader", "ReadableStreamBYOBReader", "ReadableStreamBYOBRequest",
            "ReadableByteStreamController", "ReadableStreamDefaultController", "WritableStream", "WritableStreamDefaultWriter",
            "WritableStreamDefaultController", "TransformStream", "TransformStreamDefaultController", "ByteLengthQueuingStrategy",
            "CountQueuingStrategy", "TextEncoderStream", "TextDecoderStream", "CompressionStream", "DecompressionStream",
        };
        var stdout = Ok($$"""
            for (const name of {{System.Text.Json.JsonSerializer.Serialize(names)}}) {
              const d = Object.getOwnPropertyDescriptor(globalThis, name);
              if (!d || typeof d.value !== "function" || d.enumerable) throw new Error(name);
              if (Object.prototype.toString.call(d.value.prototype) !== `[object ${name}]`) throw new Error(name + " tag");
            }
            console.log("ok");
            """);
        Assert.Equal("ok\n", stdout);
    }

    [Fact]
    public void PipeThroughTransformStream()
    {
        var stdout = Ok("""
            const out = [];
            await ReadableStream.from([1, 2, 3])
              .pipeThrough(new TransformStream({ transform(c, ctl) { ctl.enqueue(c * 2); } }))
              .pipeTo(new WritableStream({ write(c) { out.push(c); } }));
            console.log(out.join(","));
            """);
        Assert.Equal("2,4,6\n", stdout);
    }

    [Fact]
    public void BackpressureHoldsTheSourceAtTheHighWaterMark()
    {
        var stdout = Ok("""
            let pulls = 0;
            const rs = new ReadableStream({ pull(c) { pulls++; c.enqueue(pulls); } }, { highWaterMark: 3 });
            await new Promise((r) => setTimeout(r, 10));
            console.log(pulls);
            const reader = rs.getReader();
            await reader.read();
            await new Promise((r) => setTimeout(r, 10));
            console.log(pulls);
            """);
        Assert.Equal("3\n4\n", stdout);
    }

    [Fact]
    public void AsyncIterationAndCancel()
    {
        var stdout = Ok("""
            let canceled;
            const rs = new ReadableStream({
              start(c) { for (let i = 0; i < 5; i++) c.enqueue(i); },
              cancel(reason) { canceled = reason === undefined ? "undefined" : String(reason); },
            });
            const seen = [];
            for await (const x of rs) { seen.push(x); if (x === 2) break; }
            console.log(seen.join(","), canceled, rs.locked);
            """);
        Assert.Equal("0,1,2 undefined false\n", stdout);
    }

    [Fact]
    public void ByteStreamWithByobReaderAndTee()
    {
        var stdout = Ok("""
            let n = 0;
            const rs = new ReadableStream({
              type: "bytes",
              pull(c) {
                const req = c.byobRequest;
                if (n >= 3) { c.close(); if (req) req.respond(0); return; }
                if (req) { req.view[0] = 10 + n; req.respond(1); } else { c.enqueue(new Uint8Array([10 + n])); }
                n++;
              },
            });
            const [a, b] = rs.tee();
            const ra = a.getReader({ mode: "byob" });
            const got = [];
            for (;;) { const { value, done } = await ra.read(new Uint8Array(4)); if (done) break; got.push(...value); }
            const gotB = [];
            for await (const chunk of b) gotB.push(...chunk);
            console.log(got.join(","), gotB.join(","));
            """);
        Assert.Equal("10,11,12 10,11,12\n", stdout);
    }

    [Fact]
    public void WritableStreamAbortSignalAndErrors()
    {
        var stdout = Ok("""
            let signal;
            const ws = new WritableStream({ start(c) { signal = c.signal; } });
            await ws.abort("why");
            console.log(signal.aborted, signal.reason);
            const failing = new WritableStream({ write() { throw new TypeError("nope"); } });
            const w = failing.getWriter();
            try { await w.write(1); } catch (e) { console.log(e.name, e.message); }
            try { await w.closed; } catch (e) { console.log("closed", e.message); }
            """);
        Assert.Equal("true why\nTypeError nope\nclosed nope\n", stdout);
    }

    [Fact]
    public void PipeToWithAbortSignal()
    {
        var stdout = Ok("""
            const ac = new AbortController();
            const rs = new ReadableStream({ pull(c) { c.enqueue("x"); return new Promise((r) => setTimeout(r, 5)); } });
            let aborted;
            const ws = new WritableStream({ abort(reason) { aborted = reason.name; } });
            setTimeout(() => ac.abort(), 20);
            try { await rs.pipeTo(ws, { signal: ac.signal }); } catch (e) { console.log(e.name, aborted, rs.locked, ws.locked); }
            """);
        Assert.Equal("AbortError AbortError false false\n", stdout);
    }

    [Fact]
    public void StreamsSurviveReplacedGlobals()
    {
        var stdout = Ok("""
            const rs = ReadableStream.from(["a", "b"]);
            const ts = new TransformStream();
            const out = [];
            const ws = new WritableStream({ write(c) { out.push(c); } });
            const savedThen = Promise.prototype.then;
            Promise.prototype.then = function () { throw new Error("patched then"); };
            globalThis.ReadableStream = null;
            const done = rs.pipeThrough(ts).pipeTo(ws);
            Promise.prototype.then = savedThen;
            await done;
            console.log(out.join(""));
            """);
        Assert.Equal("ab\n", stdout);
    }

    [Fact]
    public void BlobStreamReadsTheBlob()
    {
        var stdout = Ok("""
            const big = new Uint8Array(200000).map((_, i) => i % 251);
            const blob = new Blob(["head:", big]);
            let total = 0, chunks = 0, sum = 0;
            for await (const c of blob.stream()) { chunks++; total += c.length; for (const b of c) sum = (sum + b) % 65536; }
            let expected = 0; for (const b of new TextEncoder().encode("head:")) expected += b; for (const b of big) expected = (expected + b) % 65536;
            console.log(total, chunks > 1, sum === expected);
            """);
        Assert.Equal("200005 true true\n", stdout);
    }

    [Fact]
    public void InspectShowsStreamState()
    {
        var stdout = Ok("""
            const rs = new ReadableStream();
            rs.getReader();
            console.log(rs);
            console.log(new WritableStream());
            """);
        Assert.Equal("ReadableStream { locked: true, state: 'readable', supportsBYOB: false }\nWritableStream { locked: false, state: 'writable' }\n", stdout);
    }
}
