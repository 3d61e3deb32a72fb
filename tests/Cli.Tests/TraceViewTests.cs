using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace EsRuntime.Cli.Tests;

/// <summary>
/// `esrun trace --timeline | --json | --html`. The HTML page is opened in a real headless Chromium,
/// driven over the DevTools protocol: it must draw every event and show an event's payload on click.
/// Without Chromium the browser test fails with a message saying so (it never passes untested).
/// </summary>
public sealed class TraceViewTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("esrun-trace-view-");

    public void Dispose() => _dir.Delete(recursive: true);

    private const string Program = """
        console.log("hello from the trace", Math.random() < 1);
        setTimeout(() => console.error("<b>not markup</b>"), 25);
        """;

    private string Record()
    {
        var script = Path.Combine(_dir.FullName, "app.mjs");
        File.WriteAllText(script, Program);
        var trace = Path.Combine(_dir.FullName, "app.trace");
        var r = Esrun.Run(_dir.FullName, "--sim", "3", "--record", trace, script);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return trace;
    }

    private static JsonDocument Json(string trace)
    {
        var r = Esrun.Run(null, "trace", trace, "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        return JsonDocument.Parse(r.Stdout);
    }

    [Fact]
    public void JsonListsEveryEventWithTimeLaneAndPayload()
    {
        using var json = Json(Record());
        var root = json.RootElement;
        Assert.Equal("sim", root.GetProperty("header").GetProperty("mode").GetString());
        Assert.Equal(0, root.GetProperty("end").GetProperty("exitCode").GetInt32());
        var events = root.GetProperty("events").EnumerateArray().ToList();
        var write = events.Single(e => e.GetProperty("kind").GetString() == "ConsoleWrite" &&
            e.GetProperty("text").GetString() == "hello from the trace true\n");
        Assert.Equal("console", write.GetProperty("lane").GetString());
        Assert.Equal("main", write.GetProperty("host").GetString());
        var late = events.Single(e => e.TryGetProperty("text", out var t) && t.GetString() == "<b>not markup</b>\n");
        Assert.True(late.GetProperty("timeMs").GetDouble() >= 25, "the timer fired 25 ms of virtual time later");
        Assert.Equal(Enumerable.Range(0, events.Count), events.Select(e => e.GetProperty("index").GetInt32()));
        Assert.DoesNotContain("\"environment\"", root.GetProperty("header").GetRawText());
    }

    [Fact]
    public void TimelineIsOneReadableLinePerEvent()
    {
        var trace = Record();
        var r = Esrun.Run(null, "trace", trace, "--timeline");
        Assert.Equal(0, r.ExitCode);
        using var json = Json(trace);
        var count = json.RootElement.GetProperty("events").GetArrayLength();
        var lines = r.Stdout.Split('\n');
        Assert.Contains(lines, l => l.Contains("console") && l.Contains("console stdout write \"hello from the trace true\\n\""));
        Assert.Contains(lines, l => l.Contains("entropy") && l.Contains("entropy 16 bytes"));
        Assert.Equal(count, lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s+\d+\.\d{3}\s+\d+\s")));
    }

    [Fact]
    public void AnUnreadableTraceIsAClearError()
    {
        var bad = Path.Combine(_dir.FullName, "bad.trace");
        File.WriteAllText(bad, "not a trace");
        var r = Esrun.Run(null, "trace", bad, "--html", Path.Combine(_dir.FullName, "out.html"));
        Assert.Equal(87, r.ExitCode);
        Assert.StartsWith("error: cannot read ", r.Stderr);
        Assert.Equal(2, Esrun.Run(null, "trace", bad, "--html").ExitCode);
    }

    [Fact]
    public async Task HtmlPageShowsEveryEventInAHeadlessBrowser()
    {
        var trace = Record();
        var html = Path.Combine(_dir.FullName, "timeline.html");
        var r = Esrun.Run(null, "trace", trace, "--html", html);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var json = Json(trace);
        var count = json.RootElement.GetProperty("events").GetArrayLength();

        await using var browser = await HeadlessChromium.Open(new Uri(html).AbsoluteUri, _dir.FullName);
        Assert.Equal("true", await browser.WaitFor("document.body.dataset.ready"));
        Assert.EndsWith("timeline.html", await browser.Evaluate("location.href"));
        Assert.Equal(count.ToString(), await browser.Evaluate("String(document.querySelectorAll('.event').length)"));
        Assert.Equal("main", await browser.Evaluate("[...document.querySelectorAll('.host-row')].map(r => r.dataset.host).join()"));
        // The console text arrives as text, not markup, and a click shows the event's payload.
        Assert.Equal("0", await browser.Evaluate("String(document.querySelectorAll('#canvas b').length)"));
        var payload = await browser.Evaluate("""
            (() => {
              const mark = [...document.querySelectorAll('.event')].find(m => m.title.includes('not markup'));
              mark.click();
              return document.getElementById('details').textContent;
            })()
            """);
        using var shown = JsonDocument.Parse(payload);
        Assert.Equal("<b>not markup</b>\n", shown.RootElement.GetProperty("text").GetString());
        Assert.Equal("ConsoleWrite", shown.RootElement.GetProperty("kind").GetString());
        // Zooming redraws the same events wider apart.
        var before = await browser.Evaluate("document.querySelector('.event[data-index=\"5\"]').style.left");
        await browser.Evaluate("document.getElementById('zoom-in').click(), ''");
        var after = await browser.Evaluate("document.querySelector('.event[data-index=\"5\"]').style.left");
        Assert.True(double.Parse(after.TrimEnd('p', 'x')) > double.Parse(before.TrimEnd('p', 'x')), $"{before} -> {after}");
    }
}

/// <summary>Debian's Chromium, headless, driven through the DevTools protocol over a WebSocket.</summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ClientWebSocket _socket = new();
    private int _nextId;

    private HeadlessChromium(Process process) => _process = process;

    public static string? FindExecutable()
    {
        if (Environment.GetEnvironmentVariable("ESRUN_CHROMIUM") is { Length: > 0 } configured) return configured;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/bin"))
            foreach (var name in new[] { "chromium", "chromium-browser" })
                if (File.Exists(Path.Combine(dir, name))) return Path.Combine(dir, name);
        return null;
    }

    public static async Task<HeadlessChromium> Open(string url, string scratch)
    {
        var executable = FindExecutable() ?? throw new InvalidOperationException(
            "Chromium is not installed, so the HTML timeline cannot be checked in a browser: " +
            "apt-get install -y chromium (.ci/run does), or set ESRUN_CHROMIUM to a Chromium binary.");
        var profile = Directory.CreateDirectory(Path.Combine(scratch, "chromium-profile")).FullName;
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--remote-debugging-port=0", $"--user-data-dir={profile}", url })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var browser = new HeadlessChromium(process);
        try
        {
            // Chromium writes the port it chose to DevToolsActivePort in the profile.
            var portFile = Path.Combine(profile, "DevToolsActivePort");
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!File.Exists(portFile) || File.ReadAllLines(portFile).Length < 1)
            {
                if (process.HasExited) throw new InvalidOperationException($"chromium exited with {process.ExitCode}");
                if (DateTime.UtcNow > deadline) throw new TimeoutException("chromium did not open its DevTools port");
                await Task.Delay(100);
            }
            var port = int.Parse(File.ReadAllLines(portFile)[0]);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            string? socketUrl = null;
            while (socketUrl is null)
            {
                using var targets = JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list"));
                socketUrl = targets.RootElement.EnumerateArray()
                    .Where(t => t.GetProperty("type").GetString() == "page")
                    .Select(t => t.GetProperty("webSocketDebuggerUrl").GetString()).FirstOrDefault();
                if (socketUrl is null)
                {
                    if (DateTime.UtcNow > deadline) throw new TimeoutException("chromium opened no page");
                    await Task.Delay(100);
                }
            }
            await browser._socket.ConnectAsync(new Uri(socketUrl), CancellationToken.None);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Evaluates an expression in the page until it yields a non-empty string (the page may still load).</summary>
    public async Task<string> WaitFor(string expression)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        for (; ; )
        {
            // Until the page has loaded, the expression may throw (no body yet) or be empty.
            var value = await Evaluate($"(() => {{ try {{ return String(({expression}) ?? ''); }} catch {{ return ''; }} }})()");
            if (value.Length > 0 || DateTime.UtcNow > deadline) return value;
            await Task.Delay(100);
        }
    }

    /// <summary>Runtime.evaluate; the expression must give a string.</summary>
    public async Task<string> Evaluate(string expression)
    {
        var id = ++_nextId;
        var request = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["id"] = id,
            ["method"] = "Runtime.evaluate",
            ["params"] = new Dictionary<string, object> { ["expression"] = expression, ["returnByValue"] = true },
        });
        await _socket.SendAsync(Encoding.UTF8.GetBytes(request), WebSocketMessageType.Text, true, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        for (; ; )
        {
            using var reply = JsonDocument.Parse(await Receive(timeout.Token));
            if (!reply.RootElement.TryGetProperty("id", out var replyId) || replyId.GetInt32() != id) continue;
            var result = reply.RootElement.GetProperty("result");
            if (result.TryGetProperty("exceptionDetails", out var error)) throw new InvalidOperationException("page script failed: " + error.GetRawText());
            var value = result.GetProperty("result");
            return value.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
        }
    }

    private async Task<string> Receive(CancellationToken token)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        for (; ; )
        {
            var part = await _socket.ReceiveAsync(buffer, token);
            message.Write(buffer, 0, part.Count);
            if (part.EndOfMessage) return Encoding.UTF8.GetString(message.ToArray());
        }
    }

    public async ValueTask DisposeAsync()
    {
        try { if (_socket.State == WebSocketState.Open) await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None); }
        catch (WebSocketException) { }
        _socket.Dispose();
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
