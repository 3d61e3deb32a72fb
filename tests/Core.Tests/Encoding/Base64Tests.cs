using System.Text;
using System.Text.Json;

namespace EsRuntime.Tests.Encoding;

/// <summary>
/// atob/btoa against a literal reading of HTML's forgiving-base64 (written here, independently of
/// Base64.cs): every byte value in every position of a group, and every class of invalid input. Strings
/// whose bytes fit the 64 KiB transfer buffer go through V8's Uint8Array base64; longer ones through
/// Base64.cs, whose strict vectorized fast path (padded; space, tab, CR and LF skipped) and general path
/// (unpadded, or a form feed) must agree with the reference too (the *_past_the_transfer_buffer tests).
/// </summary>
public class Base64Tests
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    // https://infra.spec.whatwg.org/#forgiving-base64-decode, step by step.
    private static string? Reference(string input)
    {
        var s = new string(input.Where(c => c is not ('\t' or '\n' or '\f' or '\r' or ' ')).ToArray());
        if (s.Length % 4 == 0)
        {
            if (s.EndsWith("==", StringComparison.Ordinal)) s = s[..^2];
            else if (s.EndsWith('=')) s = s[..^1];
        }
        if (s.Length % 4 == 1 || s.Any(c => Alphabet.IndexOf(c) < 0)) return null;
        var output = new StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var c in s)
        {
            buffer = (buffer << 6) | Alphabet.IndexOf(c);
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                output.Append((char)((buffer >> bits) & 0xFF));
            }
        }
        return output.ToString();
    }

    private static List<string> AtobAll(IReadOnlyList<string> inputs)
    {
        var r = JsHarness.Run($$"""
            const inputs = {{JsonSerializer.Serialize(inputs)}};
            for (const s of inputs) {
              let out;
              try { out = "ok " + [...atob(s)].map((c) => c.charCodeAt(0)).join("."); } catch (e) { out = `${e.constructor.name} ${e.name}`; }
              console.log(out);
            }
            """);
        Assert.Equal("", r.Stderr);
        return r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    private static string Expected(string input)
    {
        var decoded = Reference(input);
        return decoded is null ? "DOMException InvalidCharacterError" : "ok " + string.Join(".", decoded.Select(c => (int)c));
    }

    [Fact]
    public void Every_byte_value_round_trips_in_every_position()
    {
        var r = JsHarness.Run("""
            let bad = 0;
            for (let b = 0; b < 256; b++) {
              for (const s of [String.fromCharCode(b), "a" + String.fromCharCode(b), "ab" + String.fromCharCode(b), String.fromCharCode(b).repeat(100)]) {
                const encoded = btoa(s);
                if (atob(encoded) !== s || atob(encoded.split("").join(" ")) !== s) bad++;
              }
            }
            let all = "";
            for (let b = 0; b < 256; b++) all += String.fromCharCode(b);
            console.log(bad, btoa(all).length, atob(btoa(all)) === all);
            """);
        Assert.Equal("0 344 true\n", r.Stdout);
    }

    [Fact]
    public void Btoa_matches_the_base_library_for_every_byte()
    {
        var bytes = Enumerable.Range(0, 256).Select(b => (byte)b).ToArray();
        var r = JsHarness.Run("""
            let s = ""; for (let b = 0; b < 256; b++) s += String.fromCharCode(b);
            console.log(btoa(s)); console.log(btoa(s.slice(1))); console.log(btoa(s.slice(2)));
            """);
        Assert.Equal($"{Convert.ToBase64String(bytes)}\n{Convert.ToBase64String(bytes[1..])}\n{Convert.ToBase64String(bytes[2..])}\n", r.Stdout);
    }

    [Fact]
    public void Btoa_refuses_chars_above_Latin1()
    {
        var r = JsHarness.Run("""
            for (const s of ["\u0100", "ab\u0100", "abc\u20ac", "\ud83d\ude00", "x".repeat(1000) + "\u0101"]) {
              try { btoa(s); console.log("encoded"); } catch (e) { console.log(e.constructor.name, e.name, e.code); }
            }
            """);
        Assert.Equal(string.Concat(Enumerable.Repeat("DOMException InvalidCharacterError 5\n", 5)), r.Stdout);
    }

    [Fact]
    public void Every_char_below_0x100_and_some_above_decode_as_the_spec_says_on_both_paths()
    {
        // Each char c in a padded 4-char group (fast path when valid), and with whitespace around: the
        // spaces are skipped on the fast path, the form feed sends it down the general path.
        var inputs = new List<string>();
        foreach (var c in Enumerable.Range(0, 0x100).Concat([0x100, 0x3D3, 0xFEFF, 0xFF1D, 0xD800]).Select(i => (char)i))
        {
            inputs.Add($"QU{c}=");
            inputs.Add($"QUJ{c}");
            inputs.Add($" QU J{c} ");
            inputs.Add($"\fQU J{c}");
        }
        var actual = AtobAll(inputs);
        Assert.Equal(inputs.Select(Expected).ToList(), actual);
    }

    [Fact]
    public void Every_class_of_padding_length_and_whitespace_decodes_as_the_spec_says()
    {
        var inputs = new List<string>
        {
            "", "=", "==", "===", "A", "AB", "ABC", "ABCD", "ABCDE", "ABCDEF", "ABCDEFG",
            "AB=", "AB==", "AB===", "ABC=", "ABC==", "A===", "AB=C", "AB==C", "A=BC", "=ABC", "ABCD=", "ABCD==",
            "AB= =", "AB =\t=", " A B C D ", "\tQUJD\n", "\fQQ==\r", "QQ\u00a0==", "QQ\u3000==", "QQ\v==",
            "QUJDRA==", "QUJDRA=", "QUJDRA", "QUJDRAA", "QUJDRAA=", "QUJDRAAA", "QU JD RA AA", "QUJD\u0000",
            "YQ", "YR", "YQ==", "YR==", "////", "++++", "-_-_", "QUJD.", new string('A', 4000), new string('A', 4001) + "=",
        };
        Assert.Equal(inputs.Select(Expected).ToList(), AtobAll(inputs));
    }

    [Fact]
    public void Every_class_of_input_decodes_as_the_spec_says_past_the_transfer_buffer()
    {
        var big = Convert.ToBase64String(Enumerable.Range(0, 90_000).Select(i => (byte)(i * 7)).ToArray());
        var inputs = new List<string>
        {
            big, big.TrimEnd('='), big + "=", " " + big + "\n", "\f" + big, big[..^4] + "QQ", big[..^4] + "QQ=", big[..^4] + "Q",
            big[..^4] + "QR==", big[..60_000] + "." + big[60_000..], big[..70_000] + "\u0100" + big[70_000..],
        };
        Assert.Equal(inputs.Select(Expected).ToList(), AtobAll(inputs));
    }

    [Fact]
    public void Replacing_Uint8Array_methods_changes_neither_btoa_nor_atob()
    {
        var r = JsHarness.Run("""
            Uint8Array.prototype.toBase64 = () => "patched";
            Uint8Array.prototype.setFromBase64 = () => ({ read: 0, written: 0 });
            Object.getPrototypeOf(Uint8Array.prototype).subarray = () => new Uint8Array(0);
            Function.prototype.call = () => "patched";
            console.log(btoa("hello"), atob("aGVsbG8="));
            """);
        Assert.Equal("aGVsbG8= hello\n", r.Stdout);
    }

    [Fact]
    public void Btoa_matches_the_base_library_past_the_transfer_buffer()
    {
        var bytes = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 13)).ToArray();
        var r = JsHarness.Run("""
            let s = ""; for (let i = 0; i < 100000; i++) s += String.fromCharCode((i * 13) & 0xff);
            console.log(btoa(s)); console.log(atob(btoa(s)) === s);
            try { btoa(s + "\u0100"); console.log("encoded"); } catch (e) { console.log(e.name); }
            """);
        Assert.Equal($"{Convert.ToBase64String(bytes)}\ntrue\nInvalidCharacterError\n", r.Stdout);
    }
}
