// An embedder's program: runs app.mjs on the real providers with one host: module, then reads
// values back from the running program.
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EsRuntime.Capabilities;
using EsRuntime.Providers;
using EsRuntime.Providers.Real;
using EsRuntime.Providers.Real.Files;
using EsRuntime.Runtime;

var here = AppContext.BaseDirectory;

// host:sample — a synchronous function and an asynchronous one backed by a Task.
var sample = new HostModule("sample")
    .Function("greet", args => $"hello, {args.GetString(0)}, from .NET {Environment.Version.Major}")
    .AsyncFunction("lookupUser", async (args, cancel) =>
    {
        await Task.Delay(10, cancel);   // a database, a web service...
        var user = new User(args.GetInt32(0), "Ada", ["admin", "ops"]);
        return HostValue.From(user, SampleJson.Default.User);
    });

using var console = new StdConsole(allowColors: false);
using var files = new RealFileSystem(here);
var providers = new ProviderSet(new SystemClock(), new SystemEntropy(), console, new RealProcessHost(args), files);
var options = new RuntimeOptions
{
    Providers = providers,
    Capabilities = Capability.Host,     // deny by default: only the host module
    HostModules = [sample],
    TimeLimit = TimeSpan.FromSeconds(10),
    HeapLimitMiB = 256,
};

await using var runtime = new JsRuntime(options, Path.Combine(here, "app.mjs"));
var exitCode = await runtime.RunAsync();
Console.WriteLine($"RunAsync finished with exit code {exitCode}");

Console.WriteLine($"Evaluate<int>: {runtime.Evaluate("6 * 7", SampleJson.Default.Int32)}");
var bytes = runtime.Evaluate("new TextEncoder().encode('esrun')", SampleJson.Default.ByteArray);
Console.WriteLine($"Evaluate<byte[]>: {Convert.ToHexString(bytes)}");
var area = await runtime.CallAsync(SampleJson.Default.JsonObject, "area", 3, 4);
Console.WriteLine($"CallAsync area: {area!.ToJsonString()}");
Console.WriteLine($"CallAsync slowDouble: {await runtime.CallAsync(SampleJson.Default.Int32, "slowDouble", 21)}");
try
{
    runtime.Evaluate("undefinedName + 1", SampleJson.Default.Int32);
}
catch (JsException e)
{
    Console.WriteLine($"JsException: {e.Name}: {e.JsMessage}");
}
return exitCode;

internal sealed record User(int Id, string Name, string[] Roles);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(byte[]))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class SampleJson : JsonSerializerContext;
