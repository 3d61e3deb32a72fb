using EsRuntime.Capabilities;
using EsRuntime.Providers.Sim.Disk;

namespace EsRuntime.Tests.Fs;

/// <summary>runtime:fs as the API reference describes it, on the in-memory disk (cwd /sim/project).</summary>
public sealed class FsApiTests
{
    private static JsResult Run(string body, Capability capabilities = Capability.All, SimFileSystem? disk = null) =>
        JsHarness.Run("import * as fs from 'runtime:fs';\nimport { file, write, readDir, stat, exists, mkdir, remove, rename } from 'runtime:fs';\n" + body,
            capabilities, files: disk ?? new SimFileSystem());

    private static string Out(string body, SimFileSystem? disk = null)
    {
        var r = Run(body, disk: disk);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return r.Stdout;
    }

    [Fact]
    public void TheReferenceExampleWorks()
    {
        Assert.Equal("true {\"ok\":true} 11\n", Out("""
            await mkdir("data", { recursive: true });
            await write("data/app.json", JSON.stringify({ ok: true }));
            const f = file("data/app.json");
            const cfg = await f.json();
            const n = await write("data/copy.json", f);
            console.log(cfg.ok, await file("data/copy.json").text(), n);
            """));
    }

    [Fact]
    public void FileHandleReadsEveryWay()
    {
        var disk = new SimFileSystem().Add("/sim/project/t.txt", "héllo");
        Assert.Equal("héllo|104,195,169,108,108,111|6|true|6|t.txt|text/plain;charset=utf-8|t.txt\n", Out("""
            const f = file("t.txt");
            const text = await f.text();
            const bytes = await f.bytes();
            const buffer = await f.arrayBuffer();
            const chunks = [];
            for await (const c of f.stream()) chunks.push(...c);
            console.log([text, Array.from(bytes), buffer.byteLength, bytes instanceof Uint8Array, chunks.length, f.name, f.type, f.path].join("|"));
            """, disk));
    }

    [Fact]
    public void NothingIsReadUntilAReadMethodIsCalled()
    {
        // A handle to a missing file is fine; only reading it fails.
        Assert.Equal("ok 0 false\nNotFoundError read 'missing.txt': no such file or directory\n", Out("""
            const f = file("missing.txt");
            console.log("ok", f.size, await f.exists());
            try { await f.text(); } catch (e) { console.log(e.name, e.message); }
            """));
    }

    [Fact]
    public void WriteAcceptsEveryWebBody()
    {
        Assert.Equal("3 abc\n3 abc\n3 abc\n3 abc\n3 abc\n3 abc\n3 abc\n6 abcdef\n", Out("""
            const bytes = new TextEncoder().encode("abc");
            const inputs = [
              "abc", bytes, bytes.buffer, new DataView(bytes.buffer), new Uint8Array([0, 97, 98, 99]).subarray(1),
              new Blob(["a", "bc"]),
              file("src.txt"),
              new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode("abc")); c.enqueue("def"); c.close(); } }),
            ];
            await write("src.txt", "abc");
            for (const input of inputs) {
              const n = await write("out.txt", input);
              console.log(n, await file("out.txt").text());
            }
            """));
    }

    [Fact]
    public void WriteRefusesWhatIsNotABody()
    {
        Assert.Equal("TypeError write: the data must be a string, a Blob, an ArrayBuffer, a typed array, a DataView, a Response, a ReadableStream or a file() handle, received 42\nfalse\n", Out("""
            try { await write("x.txt", 42); } catch (e) { console.log(e.name, e.message); }
            console.log(await exists("x.txt"));
            """));
    }

    [Fact]
    public void AStreamThatFailsLeavesTheOldFileWhole()
    {
        Assert.Equal("boom\nold\n[\"old.txt\"]\n", Out("""
            await write("old.txt", "old");
            const failing = new ReadableStream({ pull(c) { c.enqueue(new Uint8Array([1, 2])); throw new Error("boom"); } });
            try { await write("old.txt", failing); } catch (e) { console.log(e.message); }
            console.log(await file("old.txt").text());
            console.log(JSON.stringify((await readDir(".")).map((e) => e.name)));
            """));
    }

    [Fact]
    public void LargeFilesStreamInChunksAndReadWhole()
    {
        Assert.Equal("3000000 3000000 true 46 3000000\n", Out("""
            const big = new Uint8Array(3_000_000);
            for (let i = 0; i < big.length; i++) big[i] = i % 251;
            await write("big.bin", big);
            const back = await file("big.bin").bytes();
            let same = back.length === big.length;
            for (let i = 0; same && i < big.length; i += 997) same = back[i] === big[i];
            let chunks = 0, total = 0;
            for await (const c of file("big.bin").stream()) { chunks++; total += c.byteLength; }
            console.log(back.length, (await stat("big.bin")).size, same, chunks, await write("copy.bin", file("big.bin")));
            """));
    }

    [Fact]
    public void ReadDirStatExistsMkdirRemoveRename()
    {
        Assert.Equal(
            "[[\"a.txt\",true,false,false],[\"sub\",false,true,false]]\n" +
            "{\"size\":2,\"isFile\":true,\"isDir\":false,\"isSymlink\":false} true\n" +
            "true false\n" +
            "AlreadyExistsError mkdir 'sub': it already exists\n" +
            "NotEmptyError remove 'sub': the directory is not empty\n" +
            "false [\"b.txt\",\"sub\"]\n", Out("""
            await mkdir("sub/deeper/deepest", { recursive: true });
            await write("a.txt", "hi");
            console.log(JSON.stringify((await readDir(".")).map((e) => [e.name, e.isFile, e.isDir, e.isSymlink])));
            const { mtimeMs, ...s } = await stat("a.txt");
            console.log(JSON.stringify(s), typeof mtimeMs === "number");
            console.log(await exists("sub/deeper"), await exists("nope/nope"));
            try { await mkdir("sub"); } catch (e) { console.log(e.name, e.message); }
            await mkdir("sub", { recursive: true });
            try { await remove("sub"); } catch (e) { console.log(e.name, e.message); }
            await rename("a.txt", "b.txt");
            await remove("sub/deeper", { recursive: true });
            console.log(await exists("a.txt"), JSON.stringify((await readDir(".")).map((e) => e.name)));
            """));
    }

    [Fact]
    public void PathsMayBeFileUrlsAndHandles()
    {
        Assert.Equal("x x x x\n", Out("""
            await write(new URL("file:///sim/project/u.txt"), "x");
            console.log(await file("file:///sim/project/u.txt").text(), await file(new URL("file:///sim/project/u.txt")).text(),
              await file("/sim/project/u.txt").text(), await file(file("u.txt")).text());
            """));
    }

    [Theory]
    [InlineData("file(42)", "file: the path must be a string, a file: URL or a file() handle, received 42")]
    [InlineData("file('')", "file: the path is empty")]
    [InlineData("file('https://example.com/x')", "")]
    [InlineData("stat(new URL('https://example.com/x'))", "stat: only file: URLs are paths, received https://example.com/x")]
    [InlineData("stat('file:///sim/project/a%2fb')", "stat: a file: URL must not encode \"/\", \"\\\" or NUL: file:///sim/project/a%2fb")]
    [InlineData("stat('a\\0b')", "the path contains a NUL character")]
    public void BadPathsAreTypeErrors(string call, string message)
    {
        var r = Run($"try {{ await {call}.text?.(); await {call}; console.log('no error'); }} catch (e) {{ console.log(e.name + ': ' + e.message); }}");
        if (message.Length == 0) Assert.Contains("Error", r.Stdout); // https: is read as a relative path and is missing
        else Assert.Equal($"TypeError: {message}\n", r.Stdout);
    }

    [Fact]
    public void ReadsNeedFileReadAndChangesNeedFileWrite()
    {
        var disk = new SimFileSystem().Add("/sim/project/a.txt", "a");
        var readOnly = Run("""
            console.log(await file("a.txt").text());
            for (const change of [() => write("b.txt", "b"), () => mkdir("d"), () => remove("a.txt"), () => rename("a.txt", "c.txt")]) {
              try { await change(); console.log("allowed"); } catch (e) { console.log(e.name); }
            }
            """, Capability.FileRead, disk);
        Assert.Equal("a\nNotCapable\nNotCapable\nNotCapable\nNotCapable\n", readOnly.Stdout);
        var writeOnly = Run("""
            for (const read of [() => file("a.txt").text(), () => stat("a.txt"), () => readDir("."), () => exists("a.txt")]) {
              try { await read(); console.log("allowed"); } catch (e) { console.log(e.name, e.message.includes("FileRead")); }
            }
            await write("b.txt", "b");
            console.log("wrote");
            """, Capability.FileWrite, disk);
        Assert.Equal("NotCapable true\nNotCapable true\nNotCapable true\nNotCapable true\nwrote\n", writeOnly.Stdout);
    }

    [Fact]
    public void ErrorsNameTheOperationAndThePathAsWritten()
    {
        var disk = new SimFileSystem().Add("/sim/project/f.txt", "x");
        Assert.Equal(
            "NotFoundError stat 'nope': no such file or directory\n" +
            "NotADirectoryError readDir 'f.txt': not a directory\n" +
            "IsADirectoryError read '.': it is a directory\n" +
            "NotADirectoryError read 'f.txt/': not a directory\n" +
            "NotAllowedError read '../../etc/passwd': the path leads outside the root jail\n" +
            "NotAllowedError stat '/etc/passwd': the path leads outside the root jail\n" +
            "TypeError remove '.': cannot remove the root of the jail\n" +
            "TypeError rename '.' -> 'x': cannot rename the root of the jail\n", Out("""
            const attempts = [() => stat("nope"), () => readDir("f.txt"), () => file(".").text(), () => file("f.txt/").text(),
              () => file("../../etc/passwd").text(), () => stat("/etc/passwd"), () => remove("."), () => rename(".", "x")];
            for (const attempt of attempts) {
              try { await attempt(); console.log("no error"); } catch (e) { console.log(e.name, e.message); }
            }
            """, disk));
    }

    [Fact]
    public void ErrorsAreDomExceptionsOrTypeErrors()
    {
        Assert.Equal("true true\n", Out("""
            let a, b;
            try { await stat("nope"); } catch (e) { a = e instanceof DOMException; }
            try { await remove("."); } catch (e) { b = e instanceof TypeError; }
            console.log(a, b);
            """));
    }

    [Fact]
    public void SymlinksOnTheDiskAreFollowedInsideAndReportedByStat()
    {
        // The simulated disk shows real links; here a test builds them through a real snapshot directory.
        var dir = Directory.CreateTempSubdirectory("esrun-simlinks-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "target.txt"), "T");
            File.CreateSymbolicLink(Path.Combine(dir.FullName, "link.txt"), "target.txt");
            var world = new Providers.Sim.Simulation(1);
            var disk = world.CreateDisk(snapshotOf: dir.FullName);
            var r = JsHarness.Run("""
                import { file, stat, remove, exists, readDir } from "runtime:fs";
                const s = await stat("link.txt");
                console.log(await file("link.txt").text(), s.isSymlink, s.isFile, (await stat("target.txt")).isSymlink);
                console.log(JSON.stringify((await readDir(".")).map((e) => [e.name, e.isSymlink])));
                await remove("link.txt");
                console.log(await exists("link.txt"), await exists("target.txt"));
                """, files: disk, clock: world.Clock);
            Assert.Equal("T true true false\n[[\"link.txt\",true],[\"target.txt\",false]]\nfalse true\n", r.Stdout + r.Stderr);
            Assert.True(File.Exists(Path.Combine(dir.FullName, "link.txt")), "the simulated run must not touch the real disk");
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public void TheDefaultExportAggregatesTheFunctions()
    {
        Assert.Equal("file,write,readDir,stat,exists,mkdir,remove,rename,FsFile true\n", Out("""
            console.log(Object.keys(fs.default).join(","), Object.isFrozen(fs.default));
            """));
    }

    [Fact]
    public void FsFileCannotBeConstructedByScripts()
    {
        Assert.Equal("TypeError\n", Out("try { new fs.FsFile(Symbol(), '/etc/passwd', 'x'); } catch (e) { console.log(e.name); }"));
    }
}
