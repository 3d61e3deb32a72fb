using System.Text.Json;
using System.Text.Json.Serialization;
using EsRuntime.Providers.Real;
using EsRuntime.Runtime;

namespace EsRuntime.Tests.Embedding;

public sealed record Point(int X, int Y);

[JsonSerializable(typeof(Point))]
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
public sealed partial class EmbedJson : JsonSerializerContext;

/// <summary>Typed values out of a runtime: Evaluate, EvaluateAsync, CallAsync.</summary>
public sealed class EvaluateTests
{
    private static JsRuntime Create(string code) => RunAsyncTests.Create(code).Runtime;

    [Fact]
    public void Evaluate_reads_json_compatible_values()
    {
        using var runtime = Create("");
        Assert.Equal(42, runtime.Evaluate<int>("6 * 7"));
        Assert.Equal("héllo", runtime.Evaluate<string>("'h\\u00e9llo'"));
        Assert.True(runtime.Evaluate<bool>("1 < 2"));
        Assert.Equal(0.5, runtime.Evaluate<double>("1 / 2"));
        Assert.Equal([1, 2, 3], runtime.Evaluate<int[]>("[1, 2, 3]"));
        Assert.Equal(new Dictionary<string, string> { ["a"] = "b" }, runtime.Evaluate<Dictionary<string, string>>("({ a: 'b' })"));
        Assert.Null(runtime.Evaluate<string?>("undefined"));
        Assert.Equal(JsonValueKind.Object, runtime.Evaluate<JsonElement>("({ nested: [1, { x: null }] })").ValueKind);
        // A script, not only an expression: its completion value is the result.
        Assert.Equal(3, runtime.Evaluate<int>("let a = 1; a + 2"));
    }

    [Fact]
    public void Evaluate_with_a_source_generated_type_info()
    {
        using var runtime = Create("");
        Assert.Equal(new Point(3, 4), runtime.Evaluate("({ x: 3, y: 4 })", EmbedJson.Default.Point));
    }

    [Fact]
    public void Evaluate_reads_bytes_from_typed_arrays_and_buffers()
    {
        using var runtime = Create("");
        Assert.Equal(new byte[] { 1, 2, 255 }, runtime.Evaluate<byte[]>("new Uint8Array([1, 2, 255])"));
        Assert.Equal(new byte[] { 104, 105 }, runtime.Evaluate<byte[]>("new TextEncoder().encode('hi').buffer"));
        // A view reads only its own window of the buffer.
        Assert.Equal(new byte[] { 2, 3 }, runtime.Evaluate<byte[]>("new Uint8Array([1, 2, 3, 4]).subarray(1, 3)"));
        var error = Assert.Throws<JsException>(() => runtime.Evaluate<byte[]>("'not bytes'"));
        Assert.Equal("TypeError", error.Name);
    }

    [Fact]
    public void A_throw_is_a_JsException_and_the_run_goes_on()
    {
        using var runtime = Create("");
        var error = Assert.Throws<JsException>(() => runtime.Evaluate<int>("null.x"));
        Assert.Equal("TypeError", error.Name);
        Assert.Contains("null", error.JsMessage);
        var custom = Assert.Throws<JsException>(() => runtime.Evaluate<int>("throw new RangeError('line one\\nline two')"));
        Assert.Equal("RangeError", custom.Name);
        Assert.Equal("line one\nline two", custom.JsMessage);
        Assert.Equal("Uncaught 7", Assert.Throws<JsException>(() => runtime.Evaluate<int>("throw 7")).JsMessage);
        Assert.Equal(2, runtime.Evaluate<int>("1 + 1"));
        Assert.Null(runtime.ExitCode);
    }

    [Fact]
    public void A_script_that_replaces_JSON_does_not_change_the_answer()
    {
        using var runtime = Create("");
        runtime.Execute("JSON.stringify = () => '666'; globalThis.eval = () => 666;");
        Assert.Equal(5, runtime.Evaluate<int>("2 + 3"));
    }

    [Fact]
    public void A_value_that_does_not_fit_the_type_is_a_JsonException()
    {
        using var runtime = Create("");
        Assert.ThrowsAny<JsonException>(() => runtime.Evaluate<int>("'text'"));
    }

    [Fact]
    public void Exit_during_an_evaluation_ends_the_run()
    {
        using var runtime = Create("import { exit } from 'runtime:process'; globalThis.quit = exit;");
        runtime.Tick();
        Assert.Throws<InvalidOperationException>(() => runtime.Evaluate<int>("quit(3)"));
        Assert.Equal(3, runtime.ExitCode);
        Assert.Throws<InvalidOperationException>(() => runtime.Evaluate<int>("1"));
    }

    [Fact]
    public async Task Exit_while_a_promise_is_awaited_ends_the_run()
    {
        using var runtime = Create("import { exit } from 'runtime:process'; globalThis.quit = exit;");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => runtime.EvaluateAsync<int>("new Promise(() => setTimeout(() => quit(4), 10))"));
        Assert.Contains("exit code 4", error.Message);
        Assert.Equal(4, runtime.ExitCode);
    }

    [Fact]
    public async Task EvaluateAsync_awaits_a_promise_on_the_loop_with_virtual_time()
    {
        using var runtime = Create("");
        var t0 = runtime.Evaluate<double>("Date.now()");
        var value = await runtime.EvaluateAsync<int>("new Promise(resolve => setTimeout(() => resolve(42), 5000))");
        Assert.Equal(42, value);
        Assert.Equal(5000, runtime.Evaluate<double>("Date.now()") - t0, 0);
        Assert.Equal(7, await runtime.EvaluateAsync<int>("7"));   // a plain value is returned as is
        Assert.Equal(new Point(1, 2), await runtime.EvaluateAsync("Promise.resolve({ x: 1, y: 2 })", EmbedJson.Default.Point));
        Assert.Equal(new byte[] { 9 }, await runtime.EvaluateAsync<byte[]>("Promise.resolve(new Uint8Array([9]))"));
    }

    [Fact]
    public async Task EvaluateAsync_on_the_real_clock()
    {
        using var runtime = RunAsyncTests.Create("", new SystemClock()).Runtime;
        Assert.Equal("late", await runtime.EvaluateAsync<string>("new Promise(r => setTimeout(() => r('late'), 50))"));
    }

    [Fact]
    public async Task A_rejection_is_a_JsException_and_not_unhandled()
    {
        var (runtime, console) = RunAsyncTests.Create("");
        using (runtime)
        {
            var error = await Assert.ThrowsAsync<JsException>(() => runtime.EvaluateAsync<int>("Promise.reject(new TypeError('nope'))"));
            Assert.Equal("nope", error.JsMessage);
            Assert.Equal(0, await runtime.RunAsync());
            Assert.Equal("", console.Stderr);
        }
    }

    [Fact]
    public async Task A_promise_that_can_never_settle_is_reported()
    {
        using var runtime = Create("");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => runtime.EvaluateAsync<int>("new Promise(() => {})"));
        Assert.Contains("never settle", error.Message);
    }

    [Fact]
    public async Task EvaluateAsync_can_be_cancelled()
    {
        using var runtime = RunAsyncTests.Create("", new SystemClock()).Runtime;
        using var cancel = new CancellationTokenSource(50);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runtime.EvaluateAsync<int>("new Promise(r => setTimeout(() => r(1), 60_000))", cancel.Token));
        Assert.Equal(1, runtime.Evaluate<int>("1"));
    }

    [Fact]
    public async Task CallAsync_calls_an_export_of_the_main_module()
    {
        var code = """
            let calls = 0;
            await new Promise(r => setTimeout(r, 10));
            export function add(a, b) { calls++; return a + b; }
            export async function greet(who) { await new Promise(r => setTimeout(r, 100)); return { hello: who.name, calls }; }
            export const notAFunction = 1;
            export function fail() { throw new SyntaxError("bad"); }
            """;
        using var runtime = Create(code);
        // The first call starts the program and waits for its top-level await.
        Assert.Equal(5, await runtime.CallAsync<int>("add", 2, 3));
        var greeting = await runtime.CallAsync<Dictionary<string, JsonElement>>("greet", new System.Text.Json.Nodes.JsonObject { ["name"] = "ada" });
        Assert.Equal("ada", greeting["hello"].GetString());
        Assert.Equal(1, greeting["calls"].GetInt32());
        Assert.Equal("TypeError", (await Assert.ThrowsAsync<JsException>(() => runtime.CallAsync<int>("notAFunction"))).Name);
        Assert.Equal("TypeError", (await Assert.ThrowsAsync<JsException>(() => runtime.CallAsync<int>("missing"))).Name);
        Assert.Equal("SyntaxError", (await Assert.ThrowsAsync<JsException>(() => runtime.CallAsync<int>("fail"))).Name);
        Assert.Equal("34", await runtime.CallAsync<string>("add", "3", 4));
    }
}
