using System.IO.Compression;
using EsRuntime.Capabilities;
using EsRuntime.Providers;
using EsRuntime.Providers.Sim;
using EsRuntime.Providers.Sim.Disk;
using EsRuntime.Runtime;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EsRuntime.Properties;

/// <summary>
/// Chunking does not change what a decoding stream produces: any split of a byte sequence into
/// chunks, through TextDecoderStream or DecompressionStream, gives the same result as one chunk
/// (the same text or bytes, or the same error; text decoded before a fatal error may be enqueued).
/// </summary>
public class StreamProperties
{
    private const string Helpers = """
        const fromBase64 = (t) => Uint8Array.from(atob(t), (c) => c.charCodeAt(0));
        function toBase64(bytes) {
          let s = "";
          for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
          return btoa(s);
        }
        function split(bytes, cuts) {
          const chunks = [];
          let start = 0;
          for (const cut of cuts) { chunks.push(bytes.slice(start, cut)); start = cut; }
          chunks.push(bytes.slice(start));
          return chunks;
        }
        async function through(chunks, transform) {
          const out = [];
          let error = null;
          try {
            for await (const c of ReadableStream.from(chunks).pipeThrough(transform)) out.push(c);
          } catch (e) { error = e.name; }
          return { out, error };
        }
        function joinBytes(parts) {
          let n = 0;
          for (const p of parts) n += p.length;
          const r = new Uint8Array(n);
          let o = 0;
          for (const p of parts) { r.set(p, o); o += p.length; }
          return r;
        }

        """;

    private static readonly string[] Labels = ["utf-8", "utf-16le", "utf-16be", "shift_jis", "gb18030", "windows-1252"];

    /// <summary>Byte sequences biased towards multi-byte text, with sorted cut points inside them.</summary>
    private static Gen<(byte[] Bytes, int[] Cuts)> BytesAndCuts(Gen<byte[]> bytes) =>
        bytes.SelectMany(b => Gen.Choose(0, 12).SelectMany(n => Gen.ListOf(Gen.Choose(0, b.Length), n))
            .Select(cuts => (b, cuts.Distinct().Order().ToArray())));

    private static Gen<byte[]> TextLikeBytes =>
        Gen.Frequency(
            (3, Gen.ArrayOf(Gen.Elements("a", "é", "€", "😀", "あ", "\uFEFF", "z")).Select(parts => System.Text.Encoding.UTF8.GetBytes(string.Concat(parts)))),
            (1, Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i))));

    [Property(MaxTest = 60)]
    public Property TextDecoderStreamIgnoresChunkBoundaries() =>
        Prop.ForAll(Arb.From(BytesAndCuts(TextLikeBytes)), Arb.From(Gen.Elements(Labels)), Arb.From(Gen.Elements(false, true)), (input, label, fatal) =>
        {
            var (bytes, cuts) = input;
            var code = Helpers + $$"""
                const bytes = fromBase64("{{Convert.ToBase64String(bytes)}}");
                const options = { fatal: {{(fatal ? "true" : "false")}} };
                const whole = await through([bytes], new TextDecoderStream("{{label}}", options));
                const parts = await through(split(bytes, {{System.Text.Json.JsonSerializer.Serialize(cuts)}}), new TextDecoderStream("{{label}}", options));
                // A fatal error ends both runs with the same error; chunks decoded before it may differ.
                const same = whole.error !== null || parts.error !== null
                  ? whole.error === parts.error
                  : whole.out.join("") === parts.out.join("");
                console.log(same ? "same" : "different");
                console.log(whole.error ?? "ok");
                """;
            var output = Run(code);
            return output.StartsWith("same\n", StringComparison.Ordinal).Label($"{label} fatal={fatal} cuts=[{string.Join(",", cuts)}] bytes={Convert.ToHexString(bytes)}: {output}");
        });

    private static Gen<byte[]> Compressible =>
        Gen.Choose(0, 20000).SelectMany(n => Gen.Choose(1, 40).Select(alphabet =>
        {
            var data = new byte[n];
            var rng = new Random(n * 31 + alphabet);
            for (var i = 0; i < n; i++) data[i] = (byte)(i % 97 == 0 ? rng.Next(256) : 65 + rng.Next(alphabet));
            return data;
        }));

    [Property(MaxTest = 60)]
    public Property DecompressionStreamIgnoresChunkBoundaries() =>
        Prop.ForAll(Arb.From(Compressible), Arb.From(Gen.Elements("gzip", "deflate", "deflate-raw")),
            Arb.From(Gen.Zip(Gen.Elements(CompressionLevel.Fastest, CompressionLevel.Optimal, CompressionLevel.SmallestSize, CompressionLevel.NoCompression),
                Gen.ListOf(Gen.Choose(0, 1_000_000), 8))), (data, format, levelAndCuts) =>
        {
            var (level, cutSeeds) = levelAndCuts;
            var compressed = Compress(data, format, level);
            var cuts = cutSeeds.Select(c => c % (compressed.Length + 1)).Distinct().Order().ToArray();
            var code = Helpers + $$"""
                const compressed = fromBase64("{{Convert.ToBase64String(compressed)}}");
                const whole = await through([compressed], new DecompressionStream("{{format}}"));
                const parts = await through(split(compressed, {{System.Text.Json.JsonSerializer.Serialize(cuts)}}), new DecompressionStream("{{format}}"));
                const a = toBase64(joinBytes(whole.out)), b = toBase64(joinBytes(parts.out));
                console.log(a === b && whole.error === parts.error ? "same" : "different");
                console.log(whole.error ?? a);
                """;
            var output = Run(code);
            var lines = output.Split('\n');
            var sameAsOne = lines[0] == "same";
            var matchesInput = lines.Length > 1 && lines[1] == Convert.ToBase64String(data);
            return (sameAsOne && matchesInput).Label($"{format} {level} cuts=[{string.Join(",", cuts)}] n={data.Length}: {output[..Math.Min(200, output.Length)]}");
        });

    [Property(MaxTest = 40)]
    public Property CompressionStreamOutputDoesNotDependOnInputChunking() =>
        Prop.ForAll(Arb.From(Compressible), Arb.From(Gen.Elements("gzip", "deflate", "deflate-raw")), Arb.From(Gen.ListOf(Gen.Choose(0, 1_000_000), 6)), (data, format, cutSeeds) =>
        {
            var cuts = cutSeeds.Select(c => c % (data.Length + 1)).Distinct().Order().ToArray();
            var code = Helpers + $$"""
                const data = fromBase64("{{Convert.ToBase64String(data)}}");
                const compressed = joinBytes((await through(split(data, {{System.Text.Json.JsonSerializer.Serialize(cuts)}}), new CompressionStream("{{format}}"))).out);
                console.log(toBase64(compressed));
                """;
            var output = Run(code).TrimEnd('\n');
            var back = Decompress(Convert.FromBase64String(output), format);
            return back.AsSpan().SequenceEqual(data).Label($"{format} cuts=[{string.Join(",", cuts)}] n={data.Length}");
        });

    private static byte[] Compress(byte[] data, string format, CompressionLevel level)
    {
        var output = new MemoryStream();
        using (Stream z = format switch
        {
            "gzip" => new GZipStream(output, level, leaveOpen: true),
            "deflate" => new ZLibStream(output, level, leaveOpen: true),
            _ => new DeflateStream(output, level, leaveOpen: true),
        })
        {
            z.Write(data);
        }
        return output.ToArray();
    }

    private static byte[] Decompress(byte[] data, string format)
    {
        using Stream z = format switch
        {
            "gzip" => new GZipStream(new MemoryStream(data), CompressionMode.Decompress),
            "deflate" => new ZLibStream(new MemoryStream(data), CompressionMode.Decompress),
            _ => new DeflateStream(new MemoryStream(data), CompressionMode.Decompress),
        };
        var output = new MemoryStream();
        z.CopyTo(output);
        return output.ToArray();
    }

    private static string Run(string code)
    {
        var console = new CapturingConsole();
        var providers = new ProviderSet(new VirtualClock(), new SeededEntropy(1), console, new SimProcessHost(), new SimFileSystem());
        using var runtime = JsRuntime.FromCode(new RuntimeOptions { Providers = providers, Capabilities = Capability.All }, code);
        var exit = runtime.RunToCompletion();
        return exit == 0 ? console.Stdout : $"exit {exit}: {console.Stdout} {console.Stderr}";
    }
}
