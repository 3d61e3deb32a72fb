using EsRuntime.Capabilities;
using EsRuntime.Providers.Real.Files;

namespace EsRuntime.Tests.Fs;

/// <summary>
/// The root jail on the real disk: every escape attempt is refused with a clear error and the canary
/// beside the project is never read, written, created or deleted. The project is
/// <c>base/project</c>; <c>base/outside</c> holds the canary.
/// </summary>
public sealed class FsJailTests : IDisposable
{
    private const string CanaryText = "canary-untouched";
    private readonly DirectoryInfo _base = Directory.CreateTempSubdirectory("esrun-fsjail-");
    private readonly RealFileSystem _files;

    private string Project => Path.Combine(_base.FullName, "project");
    private string Outside => Path.Combine(_base.FullName, "outside");
    private string Canary => Path.Combine(Outside, "canary.txt");

    public FsJailTests()
    {
        Directory.CreateDirectory(Project);
        Directory.CreateDirectory(Outside);
        File.WriteAllText(Canary, CanaryText);
        File.WriteAllText(Path.Combine(Project, "inside.txt"), "inside");
        Directory.CreateDirectory(Path.Combine(Project, "dir"));
        Directory.CreateSymbolicLink(Path.Combine(Project, "outlink"), Outside);
        File.CreateSymbolicLink(Path.Combine(Project, "canarylink.txt"), Canary);
        File.CreateSymbolicLink(Path.Combine(Project, "insidelink.txt"), "inside.txt");
        _files = new RealFileSystem(Project);
    }

    public void Dispose()
    {
        _files.Dispose();
        _base.Delete(recursive: true);
    }

    private JsResult Run(string body) =>
        JsHarness.Run("import { file, write, readDir, stat, exists, mkdir, remove, rename } from 'runtime:fs';\n" +
            "async function attempt(what, f) { try { const v = await f(); console.log(what, 'allowed', JSON.stringify(v ?? null)); } catch (e) { console.log(what, e.name, e.message); } }\n" + body,
            Capability.All, files: _files);

    private void AssertCanaryUntouched()
    {
        Assert.Equal(CanaryText, File.ReadAllText(Canary));
        Assert.Equal("canary.txt", string.Join(",", Directory.GetFileSystemEntries(Outside).Select(Path.GetFileName)));
    }

    /// <param name="hostPathsGiven">The script itself wrote host paths (messages quote the path as written).</param>
    private void AssertAllRefused(JsResult r, int attempts, bool hostPathsGiven = false)
    {
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(attempts, lines.Length);
        foreach (var line in lines)
        {
            Assert.DoesNotContain(" allowed", line);
            Assert.DoesNotContain(CanaryText, line);
            if (!hostPathsGiven) Assert.DoesNotContain(_base.FullName, line);
        }
        AssertCanaryUntouched();
    }

    [Fact]
    public void DotDotSegmentsAreRefusedForEveryOperation()
    {
        var r = Run("""
            const p = "../outside/canary.txt";
            await attempt("read", () => file(p).text());
            await attempt("write", () => write(p, "x"));
            await attempt("write-new", () => write("../outside/new.txt", "x"));
            await attempt("mkdir", () => mkdir("../outside/d", { recursive: true }));
            await attempt("remove", () => remove(p));
            await attempt("rename-out", () => rename("inside.txt", "../outside/moved.txt"));
            await attempt("rename-in", () => rename(p, "stolen.txt"));
            await attempt("stat", () => stat(p));
            await attempt("readDir", () => readDir(".."));
            await attempt("deep", () => file("dir/../../outside/canary.txt").text());
            """);
        AssertAllRefused(r, 10);
        Assert.Contains("read NotAllowedError read '../outside/canary.txt': the path leads outside the root jail", r.Stdout);
        Assert.True(File.Exists(Path.Combine(Project, "inside.txt")));
    }

    [Fact]
    public void AbsolutePathsAndFileUrlsOutsideAreRefused()
    {
        var r = Run($$"""
            await attempt("abs", () => file({{System.Text.Json.JsonSerializer.Serialize(Canary)}}).text());
            await attempt("url", () => file(new URL({{System.Text.Json.JsonSerializer.Serialize(new Uri(Canary).AbsoluteUri)}})).text());
            await attempt("dotdot-encoded", () => file({{System.Text.Json.JsonSerializer.Serialize(new Uri(Project).AbsoluteUri + "/%2e%2e/outside/canary.txt")}}).text());
            await attempt("slash-encoded", () => file({{System.Text.Json.JsonSerializer.Serialize(new Uri(Project).AbsoluteUri + "/..%2foutside%2fcanary.txt")}}).text());
            await attempt("etc", () => file("/etc/passwd").text());
            """);
        AssertAllRefused(r, 5, hostPathsGiven: true);
        Assert.Contains("slash-encoded TypeError", r.Stdout);
    }

    [Fact]
    public void SymlinksLeadingOutAreRefusedForEveryOperation()
    {
        var r = Run("""
            await attempt("read-file-link", () => file("canarylink.txt").text());
            await attempt("read-through-dir-link", () => file("outlink/canary.txt").text());
            await attempt("write-file-link", () => write("canarylink.txt", "x"));
            await attempt("write-through-dir-link", () => write("outlink/new.txt", "x"));
            await attempt("mkdir-through", () => mkdir("outlink/sub"));
            await attempt("mkdir-through-recursive", () => mkdir("outlink/a/b", { recursive: true }));
            await attempt("rename-into", () => rename("inside.txt", "outlink/moved.txt"));
            await attempt("rename-out-of", () => rename("outlink/canary.txt", "stolen.txt"));
            await attempt("readDir-through", () => readDir("outlink"));
            await attempt("stat-through", () => stat("outlink/canary.txt"));
            await attempt("remove-through", () => remove("outlink/canary.txt"));
            await attempt("stream-through", async () => { for await (const c of file("outlink/canary.txt").stream()) return c; });
            """);
        AssertAllRefused(r, 12);
    }

    [Fact]
    public void RemovingALinkRemovesTheLinkNotItsTarget()
    {
        var r = Run("""
            console.log((await stat("insidelink.txt")).isSymlink, (await stat("inside.txt")).isSymlink, await file("insidelink.txt").text());
            await remove("insidelink.txt");
            await remove("outlink");
            await remove("canarylink.txt");
            console.log(await exists("insidelink.txt"), await exists("inside.txt"), await exists("outlink"));
            """);
        Assert.Equal("true false inside\nfalse true false\n", r.Stdout);
        AssertCanaryUntouched();
    }

    [Fact]
    public void ALinkSwappedInBetweenCheckAndUseIsNotFollowed()
    {
        // Just before "dir" is opened, replace it with a link to the outside: an implementation that
        // checked the name and then used it again would write into the canary's directory.
        var swapped = false;
        _files.BeforeOpen = canonical =>
        {
            if (swapped || !canonical.EndsWith("/dir", StringComparison.Ordinal)) return;
            swapped = true;
            Directory.Move(Path.Combine(Project, "dir"), Path.Combine(Project, "dir-away"));
            Directory.CreateSymbolicLink(Path.Combine(Project, "dir"), Outside);
        };
        var r = Run("""await attempt("write", () => write("dir/planted.txt", "x"));""");
        Assert.True(swapped, "the hook ran");
        AssertAllRefused(r, 1);
    }

    [Fact]
    public void AFileSwappedForALinkBeforeItIsOpenedIsNotRead()
    {
        var swapped = false;
        _files.BeforeOpen = canonical =>
        {
            if (swapped || !canonical.EndsWith("/inside.txt", StringComparison.Ordinal)) return;
            swapped = true;
            File.Delete(Path.Combine(Project, "inside.txt"));
            File.CreateSymbolicLink(Path.Combine(Project, "inside.txt"), Canary);
        };
        var r = Run("""await attempt("read", () => file("inside.txt").text());""");
        Assert.True(swapped, "the hook ran");
        AssertAllRefused(r, 1);
    }

    [Fact]
    public void TheRootItselfCannotBeRemovedOrRenamed()
    {
        var r = Run($$"""
            await attempt("remove-dot", () => remove(".", { recursive: true }));
            await attempt("remove-root", () => remove({{System.Text.Json.JsonSerializer.Serialize(Project)}}, { recursive: true }));
            await attempt("remove-dir-dotdot", () => remove("dir/..", { recursive: true }));
            await attempt("rename-root", () => rename(".", "elsewhere"));
            await attempt("empty", () => remove(""));
            """);
        AssertAllRefused(r, 5, hostPathsGiven: true);
        Assert.True(File.Exists(Path.Combine(Project, "inside.txt")));
    }

    [Fact]
    public void ATrailingSlashOnAFileNameIsNotADirectory()
    {
        var r = Run("""
            await attempt("read", () => file("inside.txt/").text());
            await attempt("stat", () => stat("inside.txt/"));
            await attempt("write", () => write("inside.txt/", "x"));
            await attempt("remove", () => remove("inside.txt/"));
            """);
        Assert.Equal(4, r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Contains("NotADirectoryError")));
        Assert.Equal("inside", File.ReadAllText(Path.Combine(Project, "inside.txt")));
    }

    [Fact]
    public void AFifoIsNotOpenedForReading()
    {
        var fifo = Path.Combine(Project, "pipe");
        var made = System.Diagnostics.Process.Start("mkfifo", fifo);
        made.WaitForExit();
        var r = Run("""await attempt("read", () => file("pipe").text());""");
        Assert.Contains("read IOError read 'pipe': not a regular file", r.Stdout);
    }

    [Fact]
    public void WritesAreWholeAndLeaveNoTemporaryFile()
    {
        var r = Run("""
            await write("dir/a.txt", "one");
            await write("dir/a.txt", "two");
            console.log(await file("dir/a.txt").text(), JSON.stringify((await readDir("dir")).map((e) => e.name)));
            """);
        Assert.Equal("two [\"a.txt\"]\n", r.Stdout);
    }
}
