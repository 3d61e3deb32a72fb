namespace EsRuntime.Tests.Streams;

/// <summary>Hostile compressed input to our own inflater: only clean TypeErrors or data, never a hang or crash.</summary>
public class DecompressionFuzzTests
{
    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("deflate-raw")]
    public void RandomAndMutatedInputEndsCleanly(string format)
    {
        var r = JsHarness.Run($$"""
            const format = "{{format}}";
            async function collect(stream) {
              const chunks = [];
              for await (const chunk of stream) chunks.push(chunk);
              return chunks.reduce((n, c) => n + c.length, 0);
            }
            async function inflate(bytes) {
              try { await collect(new Blob([bytes]).stream().pipeThrough(new DecompressionStream(format))); return "ok"; }
              catch (e) { return e instanceof TypeError ? "TypeError" : "unexpected " + e; }
            }
            const text = new TextEncoder().encode("The quick brown fox jumps over the lazy dog. ".repeat(200));
            async function compress(bytes) {
              const out = [];
              for await (const c of new Blob([bytes]).stream().pipeThrough(new CompressionStream(format))) out.push(...c);
              return new Uint8Array(out);
            }
            const valid = await compress(text);
            const outcomes = new Map();
            const note = (o) => outcomes.set(o, (outcomes.get(o) ?? 0) + 1);
            for (let i = 0; i < 150; i++) {
              const random = crypto.getRandomValues(new Uint8Array(1 + (i * 7) % 300));
              note(await inflate(random));
              const mutated = valid.slice();
              const at = crypto.getRandomValues(new Uint32Array(1))[0] % mutated.length;
              mutated[at] ^= 1 << (i % 8);
              note(await inflate(mutated));
              note(await inflate(valid.slice(0, (i * 13) % valid.length)));
            }
            const unexpected = [...outcomes.keys()].filter((k) => k.startsWith("unexpected"));
            console.log(JSON.stringify(unexpected), outcomes.get("TypeError") > 100);
            """);
        Assert.Equal("", r.Stderr);
        Assert.Equal("[] true\n", r.Stdout);
    }
}
