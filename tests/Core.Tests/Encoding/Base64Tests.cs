using System.Text;
using System.Text.Json;

namespace EsRuntime.Tests.Encoding;

/// <summary>
/// atob/btoa against a literal reading of HTML's forgiving-base64 (written here, independently of
/// Base64.cs): every byte value in every position of a group, and every class of invalid input. atob's
/// strict vectorized fast path (padded; space, tab, CR and LF skipped) and its general path (unpadded,
/// or a form feed, which only the general path skips) must agree with the reference and with each other.
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
}
