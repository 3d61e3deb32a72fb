using static EsRuntime.Tests.Web.FetchJs;

namespace EsRuntime.Tests.Web;

/// <summary>Response (src/Core/Web/Fetch/response.js): init, statuses, the static constructors, clone.</summary>
public class FetchResponseTests
{
    [Fact]
    public void DefaultsAndInit()
    {
        Expect("""
            const d = new Response();
            console.log(d.type, d.url === "", d.redirected, d.status, d.ok, JSON.stringify(d.statusText), d.body, d.bodyUsed, pairs(d.headers));
            const r = new Response("x", { status: 404, statusText: "Nope", headers: [["X-A", "1"]] });
            console.log(r.status, r.ok, r.statusText, pairs(r.headers), r.headers === r.headers);
            """,
            """
            default true false 200 true "" null false []
            404 false Nope [["content-type","text/plain;charset=UTF-8"],["x-a","1"]] true

            """);
    }

    [Fact]
    public void StatusAndStatusTextAreChecked()
    {
        Expect("""
            for (const status of [199, 600, 0, 65536 + 63]) console.log(await attempt(() => new Response("", { status }).status));
            console.log(await attempt(() => new Response("", { status: 299.9 }).status));
            console.log(await attempt(() => new Response("", { statusText: "bad\ntext" })));
            console.log(await attempt(() => new Response("", { statusText: "\u0100" })));
            console.log(await attempt(() => new Response("", { statusText: "caf\u00e9 \t ok" }).statusText));
            for (const status of [101, 103, 204, 205, 304]) console.log(await attempt(() => new Response("body", { status })));
            console.log(await attempt(() => new Response(null, { status: 204 }).status), await attempt(() => new Response("", { status: 200 }).status));
            """,
            """
            RangeError: Failed to construct 'Response': The status provided (199) is outside the range [200, 599].
            RangeError: Failed to construct 'Response': The status provided (600) is outside the range [200, 599].
            RangeError: Failed to construct 'Response': The status provided (0) is outside the range [200, 599].
            RangeError: Failed to construct 'Response': The status provided (63) is outside the range [200, 599].
            299
            TypeError: Failed to construct 'Response': Invalid statusText.
            TypeError: Failed to construct 'Response': Cannot convert to ByteString because the character at index 0 has a value of 256 which is greater than 255.
            café 	 ok
            RangeError: Failed to construct 'Response': The status provided (101) is outside the range [200, 599].
            RangeError: Failed to construct 'Response': The status provided (103) is outside the range [200, 599].
            TypeError: Failed to construct 'Response': Response with null body status cannot have body.
            TypeError: Failed to construct 'Response': Response with null body status cannot have body.
            TypeError: Failed to construct 'Response': Response with null body status cannot have body.
            204 200

            """);
    }

    [Fact]
    public void ErrorRedirectAndJson()
    {
        Expect("""
            const e = Response.error();
            console.log(e.type, e.status, e.ok, JSON.stringify(e.statusText), e.body, await attempt(() => e.headers.append("a", "b")));
            const r = Response.redirect("http://example.com/a b?c#d", 308);
            console.log(r.status, r.headers.get("location"), r.type, r.body, r.url === "");
            console.log(Response.redirect("http://example.com/").status);
            console.log(await attempt(() => Response.redirect("http://example.com/", 200)));
            console.log(await attempt(() => Response.redirect("/relative")));
            console.log(await attempt(() => Response.redirect()));
            const j = Response.json({ a: [1, "é"] }, { status: 202, headers: { "X-J": "1" } });
            console.log(j.status, pairs(j.headers), await j.text());
            const own = Response.json(null, { headers: { "Content-Type": "application/problem+json" } });
            console.log(own.headers.get("content-type"), await own.json());
            console.log(await attempt(() => Response.json(undefined)));
            console.log(await attempt(() => Response.json(() => 1)));
            console.log(await attempt(() => Response.json(10n)));
            console.log(await attempt(() => Response.json({}, { status: 204 })));
            """,
            """
            error 0 false "" null TypeError: Headers are immutable.
            308 http://example.com/a%20b?c#d default null true
            302
            RangeError: Failed to execute 'redirect' on 'Response': Invalid status code 200.
            TypeError: Failed to execute 'redirect' on 'Response': Invalid URL "/relative".
            TypeError: Failed to execute 'redirect' on 'Response': 1 argument required, but only 0 present.
            202 [["content-type","application/json"],["x-j","1"]] {"a":[1,"é"]}
            application/problem+json null
            TypeError: Failed to execute 'json' on 'Response': The data is not JSON-serializable.
            TypeError: Failed to execute 'json' on 'Response': The data is not JSON-serializable.
            TypeError: Do not know how to serialize a BigInt
            TypeError: Failed to execute 'json' on 'Response': Response with null body status cannot have body.

            """);
    }

    [Fact]
    public void CloneTeesTheBody()
    {
        Expect("""
            const chunks = ["ab", "cd"].map((s) => new TextEncoder().encode(s));
            const a = new Response(new ReadableStream({ pull(c) { chunks.length ? c.enqueue(chunks.shift()) : c.close(); } }), { status: 201, statusText: "Made", headers: { A: "1" } });
            const b = a.clone();
            console.log(b.status, b.statusText, b.type, b.headers.get("a"), b.headers === a.headers);
            console.log(await a.text(), await b.text(), a.bodyUsed, b.bodyUsed);
            console.log(await attempt(() => a.clone()));
            const bytes = new Response("same");
            const copy = bytes.clone();
            console.log(await bytes.text(), await copy.text());
            const locked = new Response("x");
            locked.body.getReader();
            console.log(await attempt(() => locked.clone()));
            """,
            """
            201 Made default 1 false
            abcd abcd true true
            TypeError: Failed to execute 'clone' on 'Response': Response body is already used.
            same same
            TypeError: Failed to execute 'clone' on 'Response': Response body is already used.

            """);
    }

    [Fact]
    public void ShapeAndInspect()
    {
        Expect("""
            console.log(Object.keys(Response.prototype).join());
            console.log(typeof Response.json, Object.getOwnPropertyDescriptor(Response, "error").enumerable);
            console.log(await attempt(() => Object.getOwnPropertyDescriptor(Response.prototype, "status").get.call({})));
            console.log(new Response("hi", { status: 201 }));
            """,
            """
            type,url,redirected,status,ok,statusText,headers,clone,body,bodyUsed,arrayBuffer,blob,bytes,formData,json,text
            function true
            TypeError: Illegal invocation
            Response {
              body: ReadableStream { locked: false, state: 'readable', supportsBYOB: true },
              bodyUsed: false,
              headers: Headers { content-type: 'text/plain;charset=UTF-8' },
              ok: true,
              redirected: false,
              status: 201,
              statusText: '',
              url: ''
            }

            """);
    }
}
