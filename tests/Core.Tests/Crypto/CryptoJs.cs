namespace EsRuntime.Tests.Crypto;

/// <summary>Runs crypto test scripts with a few helpers in scope and checks what they print.</summary>
internal static class CryptoJs
{
    // hex/unhex/ascii and `expectError(promise)` (prints the rejection's name) for every script.
    public const string Helpers = """
        const hex = (b) => Array.from(new Uint8Array(b instanceof ArrayBuffer ? b : b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)), (x) => x.toString(16).padStart(2, "0")).join("");
        const unhex = (s) => new Uint8Array((s.replace(/\s+/g, "").match(/../g) ?? []).map((h) => parseInt(h, 16)));
        const ascii = (s) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));
        const subtle = crypto.subtle;
        async function errorName(promise) {
          try { await promise; return "resolved"; } catch (e) { return e.name; }
        }

        """;

    public static JsResult Run(string code, ulong seed = 1) => JsHarness.Run(Helpers + code, seed: seed);

    /// <summary>Runs the script and asserts a clean exit with exactly this output.</summary>
    public static void Expect(string code, string expected, ulong seed = 1)
    {
        var result = Run(code, seed);
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\nstdout:\n{result.Stdout}\nstderr:\n{result.Stderr}");
        Assert.Equal(expected.ReplaceLineEndings("\n"), result.Stdout);
    }

    /// <summary>Runs the script and returns its stdout, asserting a clean exit.</summary>
    public static string Output(string code, ulong seed = 1)
    {
        var result = Run(code, seed);
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\nstdout:\n{result.Stdout}\nstderr:\n{result.Stderr}");
        return result.Stdout;
    }
}
