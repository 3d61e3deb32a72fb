using System.IO.Compression;
using System.Security.Cryptography;

namespace EsRuntime.Tests.Streams;

public class CompressionTests
{
    private const string Helpers = """
        async function collect(readable) {
          const chunks = [];
          for await (const c of readable) chunks.push(c);
          let n = 0;
          for (const c of chunks) n += c.length;
          const out = new Uint8Array(n);
          let o = 0;
          for (const c of chunks) { out.set(c, o); o += c.length; }
          return out;
        }
        async function run(bytes, stream, chunkSize = bytes.length || 1) {
          const w = stream.writable.getWriter();
          for (let i = 0; i < bytes.length; i += chunkSize) w.write(bytes.subarray(i, i + chunkSize)).catch(() => {});
          w.close().catch(() => {});
          return collect(stream.readable);
        }
        function toBase64(bytes) {
          let s = "";
          for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
          return btoa(s);
        }
        function fromBase64(text) {
          return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
        }
        function makeData(size, seed) {
          const data = new Uint8Array(size);
          let x = seed;
          for (let i = 0; i < size; i++) { x = (x * 1103515245 + 12345) >>> 0; data[i] = (x >>> 24) % 20 + 60; }
          return data;
        }
        function same(a, b) {
          if (a.length !== b.length) return false;
          for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
          return true;
        }

        """;

    private static string Ok(string code)
    {
        var r = JsHarness.Run(Helpers + code);
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}\nstdout: {r.Stdout}\nstderr: {r.Stderr}");
        Assert.Equal("", r.Stderr);
        return r.Stdout;
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("deflate-raw")]
    public void RoundTripsEmptySmallAndLargeInputs(string format)
    {
        var stdout = Ok($$"""
            for (const [size, chunk] of [[0, 1], [1, 1], [1000, 7], [3_000_000, 65536], [5_000_000, 1_000_000]]) {
              const input = makeData(size, size + 1);
              const compressed = await run(input, new CompressionStream("{{format}}"), chunk);
              const output = await run(compressed, new DecompressionStream("{{format}}"), 4093);
              console.log(size, same(input, output), size < 100 || compressed.length < size);
            }
            """);
        Assert.Equal("0 true true\n1 true true\n1000 true true\n3000000 true true\n5000000 true true\n", stdout);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("deflate-raw")]
    public void CorruptTruncatedAndTrailingInputAreTypeErrors(string format)
    {
        var stdout = Ok($$"""
            const good = await run(makeData(5000, 3), new CompressionStream("{{format}}"));
            const cases = {
              truncated: good.slice(0, good.length - 4),
              empty: new Uint8Array(0),
              junk: new Uint8Array([...good, 0, 1, 2]),
              // Raw deflate has no checksum: make its first block's type the reserved 11 instead.
              corrupt: "{{format}}" === "deflate-raw" ? good.map((b, i) => (i === 0 ? b | 6 : b)) : good.map((b, i) => (i === Math.floor(good.length / 2) ? b ^ 0x5a : b)),
              garbage: new Uint8Array(64).fill(0xff),
            };
            for (const [name, bytes] of Object.entries(cases)) {
              try {
                await run(bytes, new DecompressionStream("{{format}}"));
                console.log(name, "no error");
              } catch (e) {
                console.log(name, e.constructor.name);
              }
            }
            """);
        Assert.Equal("truncated TypeError\nempty TypeError\njunk TypeError\ncorrupt TypeError\ngarbage TypeError\n", stdout);
    }

    [Fact]
    public void TruncationIsReportedAtFlushWithAMessage()
    {
        var stdout = Ok("""
            const good = await run(new TextEncoder().encode("hello ".repeat(100)), new CompressionStream("gzip"));
            const ds = new DecompressionStream("gzip");
            const writer = ds.writable.getWriter();
            const reader = ds.readable.getReader();
            const read = reader.read();
            await writer.write(good.slice(0, 20));
            console.log("write ok");
            try { await writer.close(); } catch (e) { console.log(e.name, e.message); }
            await read;
            try { await reader.read(); } catch (e) { console.log("read", e.name); }
            """);
        Assert.Equal("write ok\nTypeError The compressed data ended before the end of the stream (truncated input).\nread TypeError\n", stdout);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("deflate-raw")]
    public void DecompressesWhatSystemIOCompressionProduced(string format)
    {
        var data = new byte[400_000];
        new Random(42).NextBytes(data.AsSpan(0, 1000));
        for (var i = 1000; i < data.Length; i++) data[i] = (byte)(data[i % 1000] ^ (i / 1000));
        var compressed = new MemoryStream();
        using (var z = Compressor(format, compressed, CompressionLevel.SmallestSize)) z.Write(data);
        var stdout = Ok($$"""
            const compressed = fromBase64("{{Convert.ToBase64String(compressed.ToArray())}}");
            const output = await run(compressed, new DecompressionStream("{{format}}"), 3001);
            const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", output));
            console.log(output.length, toBase64(digest));
            """);
        Assert.Equal($"{data.Length} {Convert.ToBase64String(SHA256.HashData(data))}\n", stdout);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("deflate-raw")]
    public void SystemIOCompressionDecompressesWhatWeProduced(string format)
    {
        var stdout = Ok($$"""
            const input = makeData(300000, 9);
            const compressed = await run(input, new CompressionStream("{{format}}"), 10007);
            console.log(toBase64(compressed));
            console.log(toBase64(input));
            """);
        var lines = stdout.Split('\n');
        var compressed = Convert.FromBase64String(lines[0]);
        var expected = Convert.FromBase64String(lines[1]);
        using var z = Decompressor(format, new MemoryStream(compressed));
        var output = new MemoryStream();
        z.CopyTo(output);
        Assert.Equal(expected, output.ToArray());
    }

    [Fact]
    public void GzipWithHeaderFieldsFromDotNetAndZlibVectors()
    {
        // A gzip member with FEXTRA, FNAME, FCOMMENT and FHCRC around a raw deflate body.
        var body = new MemoryStream();
        var text = System.Text.Encoding.UTF8.GetBytes("header fields ".PadRight(300, '!'));
        using (var z = new DeflateStream(body, CompressionLevel.Optimal, leaveOpen: true)) z.Write(text);
        var header = new List<byte> { 0x1F, 0x8B, 8, 2 | 4 | 8 | 16, 0, 0, 0, 0, 0, 3, 3, 0, 9, 9, 9 };
        header.AddRange("name\0comment\0"u8.ToArray());
        var crc = Crc32(header.ToArray());
        header.Add((byte)crc);
        header.Add((byte)(crc >> 8));
        var trailer = new List<byte>();
        var dataCrc = Crc32(text);
        trailer.AddRange(BitConverter.GetBytes(dataCrc));
        trailer.AddRange(BitConverter.GetBytes(text.Length));
        var member = header.Concat(body.ToArray()).Concat(trailer).ToArray();
        var badCrc = member.ToArray();
        badCrc[header.Count - 1] ^= 1;
        var stdout = Ok($$"""
            const out = await run(fromBase64("{{Convert.ToBase64String(member)}}"), new DecompressionStream("gzip"), 5);
            console.log(new TextDecoder().decode(out).length);
            try { await run(fromBase64("{{Convert.ToBase64String(badCrc)}}"), new DecompressionStream("gzip")); } catch (e) { console.log(e.name, e.message); }
            """);
        Assert.Equal("300\nTypeError Gzip header CRC mismatch.\n", stdout);
    }

    [Fact]
    public void CanceledAndAbortedStreamsFreeTheirSessions()
    {
        var stdout = Ok("""
            for (let i = 0; i < 200; i++) {
              const cs = new CompressionStream("gzip");
              const w = cs.writable.getWriter();
              w.write(new Uint8Array(1000)).catch(() => {});
              if (i % 2) await cs.readable.cancel("stop"); else await w.abort("stop");
            }
            const out = await run(new TextEncoder().encode("still fine"), new CompressionStream("deflate"));
            console.log(new TextDecoder().decode(await run(out, new DecompressionStream("deflate"))));
            """);
        Assert.Equal("still fine\n", stdout);
    }

    [Fact]
    public void BadFormatsAndChunksAreTypeErrors()
    {
        var stdout = Ok("""
            for (const f of ["br", "GZIP", "", undefined]) {
              try { new CompressionStream(f); } catch (e) { console.log("cs", e.name); }
              try { new DecompressionStream(f); } catch (e) { console.log("ds", e.name); }
            }
            const cs = new CompressionStream("gzip");
            const w = cs.writable.getWriter();
            const read = cs.readable.getReader().read();
            try { await w.write("text"); } catch (e) { console.log("chunk", e.name); }
            try { await read; } catch (e) { console.log("read", e.name); }
            """);
        Assert.Equal(string.Concat(Enumerable.Repeat("cs TypeError\nds TypeError\n", 4)) + "chunk TypeError\nread TypeError\n", stdout);
    }

    private static Stream Compressor(string format, Stream s, CompressionLevel level) => format switch
    {
        "gzip" => new GZipStream(s, level, leaveOpen: true),
        "deflate" => new ZLibStream(s, level, leaveOpen: true),
        _ => new DeflateStream(s, level, leaveOpen: true),
    };

    private static Stream Decompressor(string format, Stream s) => format switch
    {
        "gzip" => new GZipStream(s, CompressionMode.Decompress),
        "deflate" => new ZLibStream(s, CompressionMode.Decompress),
        _ => new DeflateStream(s, CompressionMode.Decompress),
    };

    private static uint Crc32(byte[] data)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            c ^= b;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        return ~c;
    }
}
