namespace EsRuntime.Tests.Web;

/// <summary>Blob, File and FormData (src/Core/Web/Blob/blob.js).</summary>
public class BlobTests
{
    private static void Expect(string code, string stdout)
    {
        var r = JsHarness.Run(code);
        Assert.Equal("", r.Stderr);
        Assert.Equal(stdout, r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void BlobFromMixedParts()
    {
        Expect("""
            const inner = new Blob(["in", "ner"]);
            const bytes = new Uint8Array([0x21, 0x22, 0x23]);
            const blob = new Blob(["héllo ", new Uint8Array([0x41, 0x42]).buffer, bytes.subarray(1), new DataView(bytes.buffer, 0, 1), " ", inner, " ", 42, " 😀"]);
            console.log(blob.size, JSON.stringify(blob.type));
            console.log(await blob.text());
            bytes[0] = 0;
            console.log(await blob.text());
            console.log(Array.from(await blob.bytes()).slice(0, 7).join());
            const ab = await blob.arrayBuffer();
            console.log(ab instanceof ArrayBuffer, ab.byteLength);
            console.log(new Blob().size, new Blob([]).size, await new Blob().text() === "");
            """,
            "26 \"\"\nhéllo AB\"#! inner 42 😀\nhéllo AB\"#! inner 42 😀\n104,195,169,108,108,111,32\ntrue 26\n0 0 true\n");
    }

    [Fact]
    public void LoneSurrogatesBecomeReplacementCharacters()
    {
        Expect("""
            const b = new Blob(["a\uD800b"]);
            console.log(b.size, Array.from(await b.bytes()).join());
            """, "5 97,239,191,189,98\n");
    }

    [Fact]
    public void TextDecodesUtf8WithReplacementAndDropsTheBom()
    {
        Expect("""
            const b = new Blob([new Uint8Array([0xEF, 0xBB, 0xBF, 0x61, 0xFF, 0x62, 0xE2, 0x82, 0x63, 0xF0, 0x9F, 0x98, 0x80, 0xC0, 0x80, 0xED, 0xA0, 0x80, 0xE2])]);
            const text = await b.text();
            console.log(JSON.stringify(text), text.length);
            """, "\"a�b�c😀������\" 13\n");
    }

    [Fact]
    public void TypeIsLowercasedOnlyWhenPrintableAscii()
    {
        Expect("""
            console.log(new Blob([], { type: "Text/HTML;Charset=UTF-8" }).type);
            console.log(JSON.stringify(new Blob([], { type: "text/\u00e9" }).type), JSON.stringify(new Blob([], { type: "a\u0019b" }).type));
            try { new Blob([], { endings: "dos" }); } catch (e) { console.log(e.name); }
            try { new Blob("abc"); } catch (e) { console.log(e.name); }
            try { new Blob([], 5); } catch (e) { console.log(e.name); }
            const order = [];
            new Blob([], { get type() { order.push("type"); return ""; }, get endings() { order.push("endings"); return "native"; } });
            console.log(order.join());
            """, "text/html;charset=utf-8\n\"\" \"\"\nTypeError\nTypeError\nTypeError\nendings,type\n");
    }

    [Fact]
    public void NativeEndingsConvertStringPartsOnly()
    {
        Expect("""
            const native = new Blob(["a\r\nb\rc\n", new Uint8Array([13, 10])], { endings: "native" });
            console.log(JSON.stringify(await native.text()), native.size);
            const transparent = new Blob(["a\r\nb"]);
            console.log(JSON.stringify(await transparent.text()));
            """, "\"a\\nb\\nc\\n\\r\\n\" 8\n\"a\\r\\nb\"\n");
    }

    [Fact]
    public void Slicing()
    {
        Expect("""
            const b = new Blob(["0123456789"], { type: "text/plain" });
            const show = async (s) => console.log(JSON.stringify(await s.text()), s.size, JSON.stringify(s.type));
            await show(b.slice());
            await show(b.slice(2));
            await show(b.slice(2, 5));
            await show(b.slice(-3));
            await show(b.slice(-3, -1));
            await show(b.slice(5, 2));
            await show(b.slice(0, 100));
            await show(b.slice(-100, 2, "Application/JSON"));
            await show(b.slice(1.5, 3.5));
            await show(b.slice(2, 8).slice(1, -1));
            await show(b.slice(NaN, Infinity, "x\u00ff"));
            const f = new File(["abc"], "f.txt");
            console.log(f.slice(1) instanceof File, f.slice(1) instanceof Blob);
            """,
            "\"0123456789\" 10 \"\"\n\"23456789\" 8 \"\"\n\"234\" 3 \"\"\n\"789\" 3 \"\"\n\"78\" 2 \"\"\n\"\" 0 \"\"\n" +
            "\"0123456789\" 10 \"\"\n\"01\" 2 \"application/json\"\n\"23\" 2 \"\"\n\"3456\" 4 \"\"\n\"0123456789\" 10 \"\"\nfalse true\n");
    }

    [Fact]
    public void BlobPartsAreCopiedAtConstruction()
    {
        Expect("""
            const u8 = new Uint8Array([65, 66, 67]);
            const b = new Blob([u8]);
            u8[0] = 90;
            console.log(await b.text());
            const out = await b.bytes();
            out[1] = 90;
            console.log(await b.text(), (await b.bytes()) !== (await b.bytes()));
            """, "ABC\nABC true\n");
    }

    [Fact]
    public void WebIdlShapeAndBrandChecks()
    {
        Expect("""
            console.log(Blob.length, File.length, FormData.length, Blob.prototype.slice.length, FormData.prototype.append.length, FormData.prototype.forEach.length);
            // stream() is installed by the streams prelude through internals.installBlobStream.
            console.log(Object.keys(Blob.prototype).filter((k) => k !== "stream").join());
            console.log(Object.keys(File.prototype).join());
            console.log(Object.prototype.toString.call(new Blob()), Object.prototype.toString.call(new File([], "x")), Object.prototype.toString.call(new FormData()));
            console.log(Object.getPrototypeOf(File) === Blob, new File([], "x") instanceof Blob);
            for (const f of [
              () => Object.getOwnPropertyDescriptor(Blob.prototype, "size").get.call({}),
              () => Object.getOwnPropertyDescriptor(File.prototype, "name").get.call(new Blob()),
              () => FormData.prototype.get.call({}, "a"),
              () => Blob(),
              () => new File([]),
            ]) { try { f(); console.log("ok"); } catch (e) { console.log(e.name); } }
            Blob.prototype.text.call({}).catch((e) => console.log("rejected", e.name));
            """,
            "0 2 0 0 2 1\nsize,type,slice,text,arrayBuffer,bytes\nname,lastModified\n[object Blob] [object File] [object FormData]\n" +
            "true true\nTypeError\nTypeError\nTypeError\nTypeError\nTypeError\nrejected TypeError\n");
    }

    [Fact]
    public void FileNameTypeAndLastModified()
    {
        Expect("""
            const f = new File(["content"], "dir/name\uD800.txt", { type: "TEXT/plain", lastModified: 1234.9 });
            console.log(JSON.stringify(f.name), f.type, f.lastModified, f.size, await f.text());
            const now = Date.now();
            const g = new File([], "g");
            console.log(g.lastModified === now, new File([], "h", { lastModified: -5 }).lastModified);
            setTimeout(() => console.log(new File([], "later").lastModified - now), 100);
            """, "\"dir/name�.txt\" text/plain 1234 7 content\ntrue -5\n100\n");
    }

    [Fact]
    public void FormDataBasics()
    {
        Expect("""
            const fd = new FormData();
            fd.append("a", "1");
            fd.append("b", "2");
            fd.append("a", "3");
            console.log(fd.get("a"), fd.getAll("a").join(), fd.has("b"), fd.has("c"), fd.get("c"), fd.getAll("c").length);
            fd.set("a", "4");
            console.log(JSON.stringify([...fd]));
            fd.delete("b");
            console.log(JSON.stringify([...fd.entries()]), [...fd.keys()].join(), [...fd.values()].join());
            fd.append("n", 5);
            fd.append("u", "x\uD800");
            fd.append("k\uDC00", "v");
            console.log(typeof fd.get("n"), JSON.stringify(fd.get("u")), fd.has("k\uFFFD"));
            const seen = [];
            fd.forEach(function (value, key, self) { seen.push(key + "=" + value + (self === fd) + (this === seen)); }, seen);
            console.log(seen.join(" "));
            """,
            "1 1,3 true false null 0\n[[\"a\",\"4\"],[\"b\",\"2\"]]\n[[\"a\",\"4\"]] a 4\nstring \"x�\" true\na=4truetrue n=5truetrue u=x�truetrue k�=vtruetrue\n");
    }

    [Fact]
    public void FormDataWithFileValues()
    {
        Expect("""
            const fd = new FormData();
            const blob = new Blob(["blob data"], { type: "text/plain" });
            fd.append("b", blob);
            const asBlob = fd.get("b");
            console.log(asBlob instanceof File, asBlob.name, asBlob.type, asBlob.size, await asBlob.text(), asBlob !== blob);
            const file = new File(["file data"], "orig.txt", { type: "text/x", lastModified: 99 });
            fd.append("f", file);
            console.log(fd.get("f") === file);
            fd.append("renamed", file, "new.txt");
            const renamed = fd.get("renamed");
            console.log(renamed !== file, renamed.name, renamed.type, renamed.lastModified, await renamed.text());
            fd.set("b", blob, "named.bin");
            console.log(fd.get("b").name, fd.getAll("b").length);
            try { fd.append("x", "not a blob", "name"); } catch (e) { console.log(e.name); }
            try { fd.append("x"); } catch (e) { console.log(e.name); }
            fd.append("y", blob, undefined);
            console.log(fd.get("y").name);
            """,
            "true blob text/plain 9 blob data true\ntrue\ntrue new.txt text/x 99 file data\nnamed.bin 1\nTypeError\nTypeError\nblob\n");
    }

    [Fact]
    public void FormDataIteratorsAreLive()
    {
        Expect("""
            const fd = new FormData();
            fd.append("a", "1");
            const it = fd.keys();
            console.log(Object.prototype.toString.call(it), typeof it.next, it[Symbol.iterator]() === it);
            console.log(JSON.stringify(it.next()));
            fd.append("b", "2");
            console.log(JSON.stringify(it.next()), JSON.stringify(it.next()));
            console.log(FormData.prototype[Symbol.iterator] === FormData.prototype.entries);
            try { new FormData({}); } catch (e) { console.log(e.name); }
            try { new FormData(null); } catch (e) { console.log(e.name); }
            console.log(new FormData(undefined).has("x"));
            """,
            "[object FormData Iterator] function true\n{\"value\":\"a\",\"done\":false}\n{\"value\":\"b\",\"done\":false} {\"done\":true}\ntrue\nTypeError\nTypeError\nfalse\n");
    }

    [Fact]
    public void ConsoleOutput()
    {
        Expect("""
            console.log(new Blob(["abc"], { type: "text/plain" }));
            console.log(new File(["x"], "a.txt", { lastModified: 5 }));
            """, "Blob { size: 3, type: 'text/plain' }\nFile { name: 'a.txt', lastModified: 5, size: 1, type: '' }\n");
    }
}
