using System.Text.Json;
using EsRuntime.Wpt;

// The upstream WPT files on esrun and on its peers, side by side, through one runner
// (tests/Wpt/Runner). Usage, from the repository root:
//   dotnet run -c Release --project bench/wpt -- [esrun] [node] [deno] [bun] [--only <key prefix>]
//       [--workers N] [--peers-dir /tmp/peers] [--json results.json]
// node is taken from PATH; deno and bun from <peers-dir>/node_modules/.bin (npm i deno bun there).
var runtimes = new List<string>();
string? only = null, json = null;
var peersDir = "/tmp/peers";
var workers = WptSuite.Workers;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--only": only = args[++i]; break;
        case "--json": json = args[++i]; break;
        case "--peers-dir": peersDir = args[++i]; break;
        case "--workers": workers = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        default: runtimes.Add(args[i]); break;
    }
}
if (runtimes.Count == 0) runtimes.Add("esrun");

var files = WptSuite.Files.Where(f => only is null || f.Key.StartsWith(only, StringComparison.Ordinal)).ToList();
var runnable = WptSuite.Runnable.Where(f => only is null || f.Key.StartsWith(only, StringComparison.Ordinal)).ToList();
var table = new List<(string, IReadOnlyList<WptAreaCounts>)>();
var dump = new Dictionary<string, IReadOnlyDictionary<string, WptFileResult>>();
var scratch = Directory.CreateTempSubdirectory("esrun-wpt-peers-").FullName;
foreach (var name in runtimes)
{
    WptSuite.Run run;
    string label;
    if (name == "esrun")
    {
        run = WptSuite.RunAll(runnable, workers);
        label = "esrun";
    }
    else
    {
        var peer = PeerHost.Find(name, peersDir) ?? throw new InvalidOperationException($"{name} is neither in {peersDir}/node_modules/.bin nor on PATH");
        label = $"{name} {peer.Version()}";
        run = WptSuite.RunAll(runnable, workers, file => peer.Run(file, WptEntry.Build(file), scratch));
    }
    Console.Error.WriteLine($"{label}: {runnable.Count} files in {run.Seconds:0.0} s on {run.Workers} workers");
    table.Add((label, WptAreaCounts.Of(files, run.Results)));
    dump[name] = run.Results;
}
Directory.Delete(scratch, recursive: true);
Console.WriteLine(WptAreaCounts.Table(table));
if (json is not null) File.WriteAllText(json, JsonSerializer.Serialize(dump, new JsonSerializerOptions { WriteIndented = true }));
