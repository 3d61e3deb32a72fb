namespace EsRuntime.Tests.Encoding;

/// <summary>
/// TextEncoder/TextDecoder/atob/btoa beyond what the WPT files check: inputs larger than one transfer
/// chunk (64 KiB − 32), sequences split across chunk boundaries, and decoder streams after errors.
/// Each script prints "ok" lines or the first mismatch.
/// </summary>
public sealed class EncodingTests
{
    private static void AssertOk(string script)
    {
        var result = JsHarness.Run(script + "\nconsole.log('done');");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("done\n", result.Stdout);
    }

    private const string Check = """
        const check = (actual, expected, what) => {
          if (actual !== expected) throw new Error(`${what}: expected ${expected} but got ${actual}`);
        };
        """;

    [Fact]
    public void LargeStringsRoundTripThroughUtf8()
    {
        AssertOk(Check + """
            // ASCII, 2-, 3- and 4-byte scalars, repeated well past one chunk.
            const unit = "a\u00e9\u6c34\ud834\udd1e";
            const s = unit.repeat(40000);
            const bytes = new TextEncoder().encode(s);
            check(bytes.length, 40000 * (1 + 2 + 3 + 4), "encoded length");
            check(new TextDecoder().decode(bytes), s, "round trip");
            """);
    }

    [Fact]
    public void SurrogatePairsAreNotSplitAtEncodeChunkBoundaries()
    {
        AssertOk(Check + """
            for (let pad = 21830; pad < 21840; pad++) {
              const s = "x".repeat(pad) + "\ud834\udd1e" + "y".repeat(30000);
              const bytes = new TextEncoder().encode(s);
              check(bytes.length, pad + 4 + 30000, `length at ${pad}`);
              check(bytes[pad], 0xf0, `lead byte at ${pad}`);
              check(new TextDecoder().decode(bytes), s, `round trip at ${pad}`);
            }
            """);
    }

    [Fact]
    public void ShortAndLongInputsTakeTheSamePathToTheSameResult()
    {
        // Inputs up to 128 units/bytes are handled in JS, longer ones in C#: both must agree.
        AssertOk(Check + """
            const pieces = ["a", "\u00e9", "\u6c34", "\ud834\udd1e", "\ud800", "\udc00x", "\ufeff"];
            for (const piece of pieces) {
              const short = piece.repeat(2), long = piece.repeat(200);
              const shortBytes = new TextEncoder().encode(short), longBytes = new TextEncoder().encode(long);
              check(longBytes.length, shortBytes.length * 100, `encoded length of ${escape(piece)}`);
              check(longBytes.slice(0, shortBytes.length).join(), shortBytes.join(), `bytes of ${escape(piece)}`);
              const shortText = new TextDecoder().decode(shortBytes);
              check(new TextDecoder().decode(longBytes).slice(0, shortText.length), shortText, `decode of ${escape(piece)}`);
            }
            // Invalid and truncated UTF-8 at both sizes.
            for (const bad of [[0xff], [0xe6, 0xb0], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf]]) {
              const shortText = new TextDecoder().decode(new Uint8Array([0x61, ...bad, 0x62]));
              const longInput = new Uint8Array(300).fill(0x61);
              longInput.set(bad, 150);
              longInput[150 + bad.length] = 0x62;
              const longText = new TextDecoder().decode(longInput);
              check(longText.slice(149, 149 + shortText.length), shortText, `invalid ${bad}`);
            }
            """);
    }

    [Fact]
    public void EncodeIntoFillsLargeDestinationsAndStopsBeforeAPartialScalar()
    {
        AssertOk(Check + """
            const s = "\u00e9".repeat(100000);
            const big = new Uint8Array(200001);
            let r = new TextEncoder().encodeInto(s, big);
            check(r.read, 100000, "read");
            check(r.written, 200000, "written");
            check(new TextDecoder().decode(big.subarray(0, r.written)), s, "content");
            const odd = new Uint8Array(150001);
            r = new TextEncoder().encodeInto(s, odd);
            check(r.read, 75000, "read (short destination)");
            check(r.written, 150000, "written (short destination)");
            check(odd[150000], 0, "untouched tail");
            """);
    }

    [Fact]
    public void MultiByteSequencesSplitAcrossTransferChunksDecode()
    {
        AssertOk(Check + """
            const limit = 65536 - 32;
            // A 4-byte UTF-8 sequence straddling each position around the first chunk boundary.
            for (let at = limit - 4; at <= limit + 1; at++) {
              const bytes = new Uint8Array(at + 4 + 10).fill(0x61);
              bytes.set([0xf0, 0x9d, 0x84, 0x9e], at);
              const text = new TextDecoder().decode(bytes);
              check(text, "a".repeat(at) + "\ud834\udd1e" + "a".repeat(10), `utf-8 split at ${at}`);
            }
            // gb18030 four-byte and two-byte sequences, and UTF-16, likewise.
            for (let at = limit - 4; at <= limit + 1; at++) {
              const bytes = new Uint8Array(at + 4 + 2).fill(0x62);
              bytes.set([0x81, 0x30, 0x81, 0x30], at);
              check(new TextDecoder("gb18030").decode(bytes), "b".repeat(at) + "\u0080bb", `gb18030 split at ${at}`);
            }
            const utf16 = new Uint8Array(limit + 3);
            for (let i = 0; i < utf16.length - 1; i += 2) utf16[i] = 0x41;
            check(new TextDecoder("utf-16le").decode(utf16), "A".repeat((limit + 2) / 2) + "\ufffd", "utf-16le odd tail");
            """);
    }

    [Fact]
    public void AFatalErrorInALaterChunkThrowsAndTheDecoderRecovers()
    {
        AssertOk(Check + """
            const bytes = new Uint8Array(100000).fill(0x61);
            bytes[90000] = 0xff;
            const decoder = new TextDecoder("utf-8", { fatal: true });
            let threw = false;
            try { decoder.decode(bytes); } catch (e) { threw = e instanceof TypeError; }
            check(threw, true, "TypeError");
            decoder.decode(new Uint8Array([0xe6, 0xb0]), { stream: true });
            check(decoder.decode(new Uint8Array([0xb4])), "\u6c34", "fresh stream after the error");
            // Non-fatal: the same bytes decode with one replacement character.
            const text = new TextDecoder().decode(bytes);
            check(text.length, 100000, "length");
            check(text[90000], "\ufffd", "replacement");
            """);
    }

    [Fact]
    public void StreamingSessionsAreIndependentPerDecoder()
    {
        AssertOk(Check + """
            const a = new TextDecoder("shift_jis");
            const b = new TextDecoder("shift_jis");
            check(a.decode(new Uint8Array([0x82]), { stream: true }), "", "a lead");
            check(b.decode(new Uint8Array([0x88]), { stream: true }), "", "b lead");
            check(b.decode(new Uint8Array([0x9f])), "\u4e9c", "b trail");
            check(a.decode(new Uint8Array([0xa0])), "\u3042", "a trail");
            """);
    }

    [Fact]
    public void Base64RoundTripsLargeLatin1Strings()
    {
        AssertOk(Check + """
            let s = "";
            for (let i = 0; i < 300000; i++) s += String.fromCharCode(i % 256);
            const encoded = btoa(s);
            check(encoded.length, 400000, "encoded length");
            check(atob(encoded), s, "round trip");
            check(atob(" " + encoded.slice(0, 8) + "\n" + encoded.slice(8, 12) + "\t"), s.slice(0, 9), "whitespace");
            let name = "";
            try { btoa("\u0100"); } catch (e) { name = e.name + "/" + (e instanceof DOMException); }
            check(name, "InvalidCharacterError/true", "btoa error");
            """);
    }
}
