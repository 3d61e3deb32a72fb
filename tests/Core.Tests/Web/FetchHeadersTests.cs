using static EsRuntime.Tests.Web.FetchJs;

namespace EsRuntime.Tests.Web;

/// <summary>Headers (src/Core/Web/Fetch/headers.js): names, values, guards, iteration, MIME types.</summary>
public class FetchHeadersTests
{
    [Fact]
    public void IterationIsSortedLowercasedAndCombined()
    {
        Expect("""
            const h = new Headers([["B", " 2 "], ["a", "1"], ["b", "3"], ["Set-Cookie", "x=1"], ["set-cookie", "y=2"]]);
            console.log(pairs(h));
            console.log(pairs(h.keys()), pairs(h.values()));
            const seen = [];
            h.forEach((value, name, self) => seen.push(`${name}=${value}:${self === h}`));
            console.log(seen.join(" "));
            console.log(h.get("b"), h.get("SET-COOKIE"), JSON.stringify(h.getSetCookie()), h.get("missing"));
            console.log(Object.prototype.toString.call(h.entries()), h[Symbol.iterator] === h.entries);
            """,
            """
            [["a","1"],["b","2, 3"],["set-cookie","x=1"],["set-cookie","y=2"]]
            ["a","b","set-cookie","set-cookie"] ["1","2, 3","x=1","y=2"]
            a=1:true b=2, 3:true set-cookie=x=1:true set-cookie=y=2:true
            2, 3 x=1, y=2 ["x=1","y=2"] null
            [object Headers Iterator] true

            """);
    }

    [Fact]
    public void IteratorsAreLiveAndSeeLaterChanges()
    {
        Expect("""
            const h = new Headers({ b: "1" });
            const it = h.keys();
            console.log(it.next().value);
            h.append("c", "2");
            h.append("a", "0");
            console.log(JSON.stringify([...it]));
            """, "b\n[\"b\",\"c\"]\n");
    }

    [Fact]
    public void AppendKeepsTheFirstCaseSetReplacesDeleteRemovesAll()
    {
        Expect("""
            const h = new Headers();
            h.append("X-Thing", "1");
            h.append("x-thing", "2");
            h.append("Other", "o");
            h.set("X-THING", "3");
            console.log(pairs(h), h.has("x-thing"));
            h.append("x-thing", "4");
            h.delete("X-Thing");
            console.log(pairs(h), h.has("x-thing"));
            """, "[[\"other\",\"o\"],[\"x-thing\",\"3\"]] true\n[[\"other\",\"o\"]] false\n");
    }

    [Fact]
    public void ValuesAreNormalizedAndInvalidOnesRefused()
    {
        Expect("""
            const h = new Headers();
            h.append("a", " \t\r\nv a l\t \n");
            console.log(JSON.stringify(h.get("a")));
            console.log(await attempt(() => h.append("bad name", "x")));
            console.log(await attempt(() => h.append("", "x")));
            console.log(await attempt(() => h.append("x", "a\nb")));
            console.log(await attempt(() => h.append("x", "a\rb")));
            console.log(await attempt(() => h.append("x", "a\0b")));
            console.log(await attempt(() => h.set("x", "\u0100")));
            console.log(await attempt(() => h.get("b(r)")));
            console.log(await attempt(() => h.has()));
            h.append("latin1", "caf\u00e9\u0001x");
            console.log(JSON.stringify(h.get("latin1")));
            """,
            """
            "v a l"
            TypeError: Failed to execute 'append' on 'Headers': Invalid name "bad name".
            TypeError: Failed to execute 'append' on 'Headers': Invalid name "".
            TypeError: Failed to execute 'append' on 'Headers': Invalid value for header "x".
            TypeError: Failed to execute 'append' on 'Headers': Invalid value for header "x".
            TypeError: Failed to execute 'append' on 'Headers': Invalid value for header "x".
            TypeError: Failed to execute 'set' on 'Headers': Cannot convert to ByteString because the character at index 0 has a value of 256 which is greater than 255.
            TypeError: Failed to execute 'get' on 'Headers': Invalid name "b(r)".
            TypeError: Failed to execute 'has' on 'Headers': 1 argument required, but only 0 present.
            "café\u0001x"

            """);
    }

    [Fact]
    public void ConstructorTakesPairsRecordsAndHeaders()
    {
        Expect("""
            console.log(pairs(new Headers({ B: "2", a: "1" })));
            const proto = { inherited: "no" };
            const record = Object.create(proto, { own: { value: "yes", enumerable: true }, hidden: { value: "no", enumerable: false } });
            console.log(pairs(new Headers(record)));
            console.log(pairs(new Headers(new Headers([["z", "1"], ["Z", "2"]]))));
            console.log(pairs(new Headers(new Map([["m", "1"]]))));
            console.log(await attempt(() => new Headers([["a"]])));
            console.log(await attempt(() => new Headers([["a", "1", "2"]])));
            console.log(await attempt(() => new Headers(1)));
            console.log(await attempt(() => new Headers(null)));
            console.log(await attempt(() => new Headers({ [Symbol("s")]: "x" })));
            console.log(await attempt(() => new Headers({ [Symbol.iterator]: 1 })));
            """,
            """
            [["a","1"],["b","2"]]
            [["own","yes"]]
            [["z","1, 2"]]
            [["m","1"]]
            TypeError: Failed to construct 'Headers': Each header pair must be an iterable [name, value] with exactly two items.
            TypeError: Failed to construct 'Headers': Each header pair must be an iterable [name, value] with exactly two items.
            TypeError: Failed to construct 'Headers': The provided value is not of type '(record<ByteString, ByteString> or sequence<sequence<ByteString>>)'.
            TypeError: Failed to construct 'Headers': The provided value is not of type '(record<ByteString, ByteString> or sequence<sequence<ByteString>>)'.
            TypeError: Cannot convert a Symbol value to a string
            TypeError: Failed to construct 'Headers': The object's @@iterator is not callable.

            """);
    }

    [Fact]
    public void ImmutableGuardRefusesEveryChange()
    {
        Expect("""
            const h = Response.error().headers;
            console.log(await attempt(() => h.append("a", "1")));
            console.log(await attempt(() => h.set("a", "1")));
            console.log(await attempt(() => h.delete("a")));
            const redirect = Response.redirect("http://example.com/", 307).headers;
            console.log(await attempt(() => redirect.set("location", "http://evil/")), redirect.get("location"));
            """,
            """
            TypeError: Headers are immutable.
            TypeError: Headers are immutable.
            TypeError: Headers are immutable.
            TypeError: Headers are immutable. http://example.com/

            """);
    }

    /// <summary>
    /// Unlike a browser (and like Deno and Node), forbidden request-header and response-header
    /// names are kept: a server sets cookies, a client its Host (docs/DECISIONS.md, the fetch entry).
    /// </summary>
    [Fact]
    public void RequestAndResponseGuardsKeepForbiddenNames()
    {
        Expect("""
            const rq = new Request("http://x/", { headers: { Host: "h", Cookie: "c=1", "Content-Length": "5", Connection: "close" } });
            rq.headers.append("Sec-Thing", "1");
            console.log(pairs(rq.headers));
            const rs = new Response(null, { headers: { "Set-Cookie": "a=1" } });
            rs.headers.append("Set-Cookie2", "b=2");
            console.log(pairs(rs.headers));
            """,
            """
            [["connection","close"],["content-length","5"],["cookie","c=1"],["host","h"],["sec-thing","1"]]
            [["set-cookie","a=1"],["set-cookie2","b=2"]]

            """);
    }

    [Fact]
    public void NoCorsGuardKeepsOnlySafelistedHeaders()
    {
        Expect("""
            const h = new Request("http://x/", { mode: "no-cors" }).headers;
            h.append("X-Custom", "1");
            h.append("Accept", "text/html");
            h.append("Content-Type", "application/json");
            h.append("Content-Type", "text/plain;charset=utf-8");
            h.append("Accept-Language", "en-US,en;q=0.5");
            h.append("Content-Language", "de(DE)");
            h.set("Accept", "x".repeat(129));
            console.log(pairs(h));
            h.append("Accept", "y".repeat(120));
            console.log(h.get("accept"));
            h.delete("x-custom");
            h.delete("accept");
            console.log(pairs(h));
            """,
            """
            [["accept","text/html"],["accept-language","en-US,en;q=0.5"],["content-type","text/plain;charset=utf-8"]]
            text/html
            [["accept-language","en-US,en;q=0.5"],["content-type","text/plain;charset=utf-8"]]

            """);
    }

    [Fact]
    public void BlobTypeComesFromTheExtractedMimeType()
    {
        Expect("""
            const typeOf = async (value) => (await new Response("", { headers: { "Content-Type": value } }).blob()).type;
            for (const v of ["Text/HTML; Charset=\"utf-8\"", "text/plain;charset=gbk, text/html", "text/html;charset=gbk, text/html",
                "text/html;charset=gbk, text/plain, text/html", "*/*", "not a type", "text/plain;a=\"b;c\";a=2", "text/plain, */*"]) {
              console.log(JSON.stringify(v), JSON.stringify(await typeOf(v)));
            }
            """,
            """
            "Text/HTML; Charset=\"utf-8\"" "text/html;charset=utf-8"
            "text/plain;charset=gbk, text/html" "text/html"
            "text/html;charset=gbk, text/html" "text/html;charset=gbk"
            "text/html;charset=gbk, text/plain, text/html" "text/html"
            "*/*" ""
            "not a type" ""
            "text/plain;a=\"b;c\";a=2" "text/plain;a=\"b;c\""
            "text/plain, */*" "text/plain"

            """);
    }

    [Fact]
    public void BrandChecksAndShape()
    {
        Expect("""
            const get = Headers.prototype.get;
            console.log(await attempt(() => get.call({}, "a")));
            console.log(await attempt(() => Headers()));
            console.log(Object.prototype.toString.call(new Headers()), Object.keys(Headers.prototype).join());
            console.log(new Headers({ a: "1" }));
            """,
            """
            TypeError: Illegal invocation
            TypeError: Class constructor Headers cannot be invoked without 'new'
            [object Headers] append,delete,get,getSetCookie,has,set,entries,keys,values,forEach
            Headers { a: '1' }

            """);
    }
}
