namespace EsRuntime.Tests.Web;

/// <summary>FileReader and ProgressEvent (src/Core/Web/Blob/file_reader.js): each read step is a task on the loop.</summary>
public class FileReaderTests
{
    private static void Expect(string code, string stdout)
    {
        var r = JsHarness.Run(code);
        Assert.Equal("", r.Stderr);
        Assert.Equal(stdout, r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void Events_come_in_order_as_separate_tasks()
    {
        Expect("""
            const log = [];
            const r = new FileReader();
            for (const t of ["loadstart", "progress", "load", "abort", "error", "loadend"]) {
              r.addEventListener(t, (e) => log.push(`${t}:${e.loaded}/${e.total}:${r.readyState}:${e instanceof ProgressEvent}`));
            }
            r.readAsText(new Blob(["héllo"]));
            queueMicrotask(() => log.push("microtask"));
            setTimeout(() => log.push("timer"), 0);
            console.log(r.readyState, r.result);
            await new Promise((resolve) => { r.onloadend = resolve; });
            console.log(log.join(" "));
            console.log(JSON.stringify(r.result), r.readyState === FileReader.DONE);
            """,
            "1 null\nmicrotask loadstart:0/6:1:true timer progress:6/6:1:true load:6/6:2:true loadend:6/6:2:true\n\"héllo\" true\n");
    }

    [Fact]
    public void Every_read_kind()
    {
        Expect("""
            async function read(kind, blob, ...args) {
              const r = new FileReader();
              r[kind](blob, ...args);
              await new Promise((resolve) => { r.onload = resolve; });
              return r.result;
            }
            console.log(await read("readAsDataURL", new Blob(["TEST"], { type: "text/plain" })));
            console.log(await read("readAsDataURL", new Blob([])));
            console.log(JSON.stringify(await read("readAsBinaryString", new Blob([new Uint8Array([0xff, 0x41, 0])]))));
            console.log([...new Uint8Array(await read("readAsArrayBuffer", new Blob([new Uint8Array([1, 2, 3])])))].join());
            console.log(await read("readAsText", new Blob([new Uint8Array([0x00, 0x41])]), "utf-16be"));
            console.log(await read("readAsText", new Blob([new Uint8Array([0x41, 0x00])], { type: "text/plain;charset=UTF-16LE" })));
            console.log(await read("readAsText", new Blob([new Uint8Array([0xfe, 0xff, 0x00, 0x42])]), "utf-8"));
            """,
            "data:text/plain;base64,VEVTVA==\ndata:application/octet-stream;base64,\n\"ÿA\\u0000\"\n1,2,3\nA\nA\nB\n");
    }

    [Fact]
    public void Abort_drops_the_queued_tasks_and_a_second_read_is_InvalidStateError()
    {
        Expect("""
            const log = [];
            const r = new FileReader();
            for (const t of ["loadstart", "progress", "load", "abort", "loadend"]) r.addEventListener(t, () => log.push(t));
            r.readAsArrayBuffer(new Blob(["abc"]));
            try { r.readAsText(new Blob(["x"])); } catch (e) { log.push(e.name); }
            r.abort();
            console.log(r.readyState, r.result);
            await new Promise((resolve) => setTimeout(resolve, 5));
            console.log(log.join(" "));
            r.readAsText(new Blob(["again"]));
            await new Promise((resolve) => { r.onload = resolve; });
            console.log(r.result, typeof FileReader.prototype.abort, Object.prototype.toString.call(r));
            """,
            "2 null\nInvalidStateError abort loadend\nagain function [object FileReader]\n");
    }

    [Fact]
    public void ProgressEvent_constructor()
    {
        Expect("""
            const e = new ProgressEvent("progress", { lengthComputable: true, loaded: 5, total: 10, bubbles: true });
            console.log(e.type, e.lengthComputable, e.loaded, e.total, e.bubbles, e instanceof Event);
            const d = new ProgressEvent("x");
            console.log(d.lengthComputable, d.loaded, d.total);
            try { Object.getOwnPropertyDescriptor(ProgressEvent.prototype, "loaded").get.call({}); } catch (err) { console.log(err.name); }
            """,
            "progress true 5 10 true true\nfalse 0 0\nTypeError\n");
    }
}
