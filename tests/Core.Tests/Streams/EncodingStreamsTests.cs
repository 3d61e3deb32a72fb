namespace EsRuntime.Tests.Streams;

public class EncodingStreamsTests
{
    private static string Ok(string code)
    {
        var r = JsHarness.Run(code);
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}\nstdout: {r.Stdout}\nstderr: {r.Stderr}");
        return r.Stdout;
    }

    [Fact]
    public void TextDecoderStreamJoinsMultiByteCharactersSplitAcrossChunks()
    {
        var stdout = Ok("""
            const text = "aé€😀z";
            const bytes = new TextEncoder().encode(text);
            for (let size = 1; size <= 4; size++) {
              const chunks = [];
              for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.slice(i, i + size));
              let out = "";
              for await (const s of ReadableStream.from(chunks).pipeThrough(new TextDecoderStream())) out += s;
              console.log(size, out === text);
            }
            """);
        Assert.Equal("1 true\n2 true\n3 true\n4 true\n", stdout);
    }

    [Fact]
    public void TextDecoderStreamFatalErrorsWithTypeError()
    {
        var stdout = Ok("""
            try {
              for await (const s of ReadableStream.from([new Uint8Array([0x61, 0xff])]).pipeThrough(new TextDecoderStream("utf-8", { fatal: true }))) {}
            } catch (e) { console.log(e.name); }
            let out = "";
            for await (const s of ReadableStream.from([new Uint8Array([0x61, 0xe2, 0x82])]).pipeThrough(new TextDecoderStream())) out += s;
            console.log(out.length, out.charCodeAt(0), out.charCodeAt(1));
            """);
        Assert.Equal("TypeError\n2 97 65533\n", stdout);
    }

    [Fact]
    public void TextEncoderStreamHandlesSplitSurrogates()
    {
        var stdout = Ok("""
            const chunks = [];
            for await (const c of ReadableStream.from(["\uD83D", "\uDE00", "x\uD83D"]).pipeThrough(new TextEncoderStream())) chunks.push(...c);
            console.log(chunks.join(","));
            """);
        Assert.Equal("240,159,152,128,120,239,191,189\n", stdout);
    }

    [Fact]
    public void TextDecoderStreamLegacyEncodings()
    {
        var stdout = Ok("""
            const bytes = [new Uint8Array([0x82]), new Uint8Array([0xa0, 0x41])];
            let out = "";
            for await (const s of ReadableStream.from(bytes).pipeThrough(new TextDecoderStream("shift_jis"))) out += s;
            console.log(out, new TextDecoderStream("latin1").encoding);
            """);
        Assert.Equal("あA windows-1252\n", stdout);
    }
}
