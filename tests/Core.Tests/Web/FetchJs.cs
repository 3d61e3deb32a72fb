namespace EsRuntime.Tests.Web;

/// <summary>Runs fetch-object test scripts (Headers, Request, Response, bodies) and checks what they print.</summary>
internal static class FetchJs
{
    // `attempt(f)` prints what f returns (awaited) or "Name: message" for what it throws or rejects with.
    private const string Helpers = """
        async function attempt(f) {
          try { return String(await f()); } catch (e) { return `${e.name}: ${e.message}`; }
        }
        const pairs = (iterable) => JSON.stringify([...iterable]);
        const bytesOf = async (body) => JSON.stringify(Array.from(await body.bytes()));

        """;

    public static string Output(string code, ulong seed = 1)
    {
        var result = JsHarness.Run(Helpers + code, seed: seed);
        Assert.True(result.ExitCode == 0 && result.Stderr == "", $"exit {result.ExitCode}\nstdout:\n{result.Stdout}\nstderr:\n{result.Stderr}");
        return result.Stdout;
    }

    /// <summary>Runs the script and asserts a clean exit with exactly this output.</summary>
    public static void Expect(string code, string expected, ulong seed = 1) =>
        Assert.Equal(expected.ReplaceLineEndings("\n"), Output(code, seed));
}
