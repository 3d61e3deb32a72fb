using static EsRuntime.Tests.Web.FetchJs;

namespace EsRuntime.Tests.Web;

/// <summary>Request (src/Core/Web/Fetch/request.js): every RequestInit member, methods, URLs, bodies, signals, clone.</summary>
public class FetchRequestTests
{
    [Fact]
    public void DefaultsOfANewRequest()
    {
        Expect("""
            const r = new Request("HTTP://Example.COM/a/../b?q#frag");
            console.log(r.method, r.url, r.destination === "", r.referrer, JSON.stringify(r.referrerPolicy), r.mode, r.credentials,
              r.cache, r.redirect, JSON.stringify(r.integrity), r.keepalive, r.isReloadNavigation, r.isHistoryNavigation, r.duplex,
              r.body, r.bodyUsed, r.signal instanceof AbortSignal, r.signal.aborted, pairs(r.headers));
            """,
            "GET http://example.com/b?q#frag true about:client \"\" cors same-origin default follow \"\" false false false half null false true false []\n");
    }

    [Fact]
    public void EveryInitMemberIsRead()
    {
        Expect("""
            const r = new Request("http://x/", {
              method: "post", body: "hi", headers: { "X-A": "1" }, referrer: "", referrerPolicy: "strict-origin",
              mode: "same-origin", credentials: "include", cache: "no-store", redirect: "manual", integrity: "sha256-abc",
              keepalive: true, priority: "low", signal: null, window: null, duplex: "half",
            });
            console.log(r.method, JSON.stringify(r.referrer), r.referrerPolicy, r.mode, r.credentials, r.cache, r.redirect, r.integrity, r.keepalive);
            console.log(pairs(r.headers), await r.text());
            """, "POST \"\" strict-origin same-origin include no-store manual sha256-abc true\n[[\"content-type\",\"text/plain;charset=UTF-8\"],[\"x-a\",\"1\"]] hi\n");
    }

    [Fact]
    public void MethodsAreNormalizedAndForbiddenOnesRefused()
    {
        Expect("""
            for (const m of ["get", "Post", "put", "delete", "head", "options", "patch", "PROPFIND"]) console.log(new Request("http://x/", { method: m }).method);
            for (const m of ["CONNECT", "trace", "Track", "bad method", "é", ""]) console.log(await attempt(() => new Request("http://x/", { method: m })));
            """,
            """
            GET
            POST
            PUT
            DELETE
            HEAD
            OPTIONS
            patch
            PROPFIND
            TypeError: Failed to construct 'Request': 'CONNECT' HTTP method is unsupported.
            TypeError: Failed to construct 'Request': 'trace' HTTP method is unsupported.
            TypeError: Failed to construct 'Request': 'Track' HTTP method is unsupported.
            TypeError: Failed to construct 'Request': 'bad method' is not a valid HTTP method.
            TypeError: Failed to construct 'Request': 'é' is not a valid HTTP method.
            TypeError: Failed to construct 'Request': '' is not a valid HTTP method.

            """);
    }

    [Fact]
    public void EnumsAndModeRules()
    {
        Expect("""
            console.log(await attempt(() => new Request("http://x/", { redirect: "bogus" })));
            console.log(await attempt(() => new Request("http://x/", { mode: "navigate" })));
            console.log(await attempt(() => new Request("http://x/", { cache: "only-if-cached" })));
            console.log(await attempt(() => new Request("http://x/", { cache: "only-if-cached", mode: "same-origin" }).cache));
            console.log(await attempt(() => new Request("http://x/", { mode: "no-cors", method: "PUT" })));
            console.log(await attempt(() => new Request("http://x/", { mode: "no-cors", method: "POST" }).mode));
            console.log(await attempt(() => new Request("http://x/", { window: {} })));
            console.log(await attempt(() => new Request("http://x/", { signal: {} })));
            console.log(await attempt(() => new Request("http://x/", { priority: "urgent" })));
            console.log(await attempt(() => new Request("http://x/", { duplex: "full" })));
            """,
            """
            TypeError: Failed to construct 'Request': Failed to read the 'redirect' property from 'RequestInit': The provided value 'bogus' is not a valid enum value of type RequestRedirect.
            TypeError: Failed to construct 'Request': Cannot construct a Request with a RequestInit whose mode member is set as 'navigate'.
            TypeError: Failed to construct 'Request': 'only-if-cached' can be set only with 'same-origin' mode.
            only-if-cached
            TypeError: Failed to construct 'Request': 'PUT' is unsupported in no-cors mode.
            no-cors
            TypeError: Failed to construct 'Request': 'window' must be null.
            TypeError: Failed to construct 'Request': Failed to read the 'signal' property from 'RequestInit': Failed to convert value to 'AbortSignal'.
            TypeError: Failed to construct 'Request': Failed to read the 'priority' property from 'RequestInit': The provided value 'urgent' is not a valid enum value of type RequestPriority.
            TypeError: Failed to construct 'Request': Failed to read the 'duplex' property from 'RequestInit': The provided value 'full' is not a valid enum value of type RequestDuplex.

            """);
    }

    [Fact]
    public void UrlsNeedABaseToBeRelativeAndMayNotCarryCredentials()
    {
        Expect("""
            console.log(await attempt(() => new Request("/relative")));
            console.log(await attempt(() => new Request("http://user:pass@x/")));
            console.log(await attempt(() => new Request("http://[bad")));
            globalThis.location = { href: "http://base.test/dir/page" };
            console.log(new Request("other?x").url, new Request("http://base.test/ref", { referrer: "/from" }).referrer);
            console.log(new Request("http://x/", { referrer: "http://elsewhere/" }).referrer, new Request("http://x/", { referrer: "about:client" }).referrer);
            """,
            """
            TypeError: Failed to construct 'Request': Invalid URL "/relative".
            TypeError: Failed to construct 'Request': Request cannot be constructed from a URL that includes credentials: http://user:pass@x/
            TypeError: Failed to construct 'Request': Invalid URL "http://[bad".
            http://base.test/dir/other?x http://base.test/from
            about:client about:client

            """);
    }

    [Fact]
    public void BodyRules()
    {
        Expect("""
            console.log(await attempt(() => new Request("http://x/", { body: "a" })));
            console.log(await attempt(() => new Request("http://x/", { method: "HEAD", body: "a" })));
            console.log(await attempt(() => new Request("http://x/", { method: "GET", body: null }).body));
            console.log(await attempt(() => new Request("http://x/", { method: "POST", body: new ReadableStream() })));
            console.log(await attempt(() => new Request("http://x/", { method: "POST", body: new ReadableStream(), duplex: "half" }).duplex));
            console.log(await attempt(() => new Request("http://x/", { method: "POST", body: new ReadableStream(), duplex: "half", mode: "no-cors" })));
            console.log(await attempt(() => new Request("http://x/", { method: "POST", body: new ReadableStream(), duplex: "half", keepalive: true })));
            const blob = new Request("http://x/", { method: "POST", body: new Blob(["b"], { type: "Image/PNG" }) });
            console.log(blob.headers.get("content-type"));
            const kept = new Request("http://x/", { method: "POST", body: "s", headers: { "Content-Type": "text/x" } });
            console.log(kept.headers.get("content-type"));
            """,
            """
            TypeError: Failed to construct 'Request': Request with GET/HEAD method cannot have body.
            TypeError: Failed to construct 'Request': Request with GET/HEAD method cannot have body.
            null
            TypeError: Failed to construct 'Request': The duplex member must be specified for a request with a streaming body.
            half
            TypeError: Failed to construct 'Request': A request with a streaming body must have mode 'same-origin' or 'cors'.
            TypeError: A keepalive request cannot have a ReadableStream body.
            image/png
            text/x

            """);
    }

    [Fact]
    public void RequestFromRequestTakesItsBodyAndFields()
    {
        Expect("""
            const from = new Request("http://x/a", { method: "PUT", body: "payload", headers: { "X-From": "1" }, redirect: "error", mode: "same-origin" });
            const to = new Request(from);
            console.log(from.bodyUsed, to.method, to.url, to.redirect, to.mode, pairs(to.headers), await to.text());
            console.log(await attempt(() => new Request(from)));
            const streamed = new Request("http://x/", { method: "POST", body: new ReadableStream({ start(c) { c.enqueue(new Uint8Array([65, 66])); c.close(); } }), duplex: "half" });
            const next = new Request(streamed, { headers: { "X-New": "2" } });
            console.log(streamed.bodyUsed, next.bodyUsed, pairs(next.headers), await next.text());
            const replaced = new Request("http://x/", { method: "POST", body: "old" });
            const withNew = new Request(replaced, { body: "new" });
            console.log(replaced.bodyUsed, await withNew.text());
            const init = new Request(new Request("http://x/", { mode: "no-cors" }), { method: "GET" });
            console.log(init.mode);
            """,
            """
            true PUT http://x/a error same-origin [["content-type","text/plain;charset=UTF-8"],["x-from","1"]] payload
            TypeError: Failed to construct 'Request': Cannot construct a Request with a Request object that has already been used.
            true false [["x-new","2"]] AB
            true new
            no-cors

            """);
    }

    [Fact]
    public void SignalsFollowTheInitSignalAndClones()
    {
        Expect("""
            const controller = new AbortController();
            const r = new Request("http://x/", { signal: controller.signal });
            const clone = r.clone();
            const derived = new Request(r);
            console.log(r.signal === controller.signal, r.signal.aborted, clone.signal === r.signal);
            controller.abort("stop");
            console.log(r.signal.aborted, r.signal.reason, clone.signal.aborted, clone.signal.reason, derived.signal.aborted);
            const already = new Request("http://x/", { signal: AbortSignal.abort("early") });
            console.log(already.signal.aborted, already.signal.reason);
            """, "false false false\ntrue stop true stop true\ntrue early\n");
    }

    [Fact]
    public void CloneTeesTheBodyAndCopiesHeaders()
    {
        Expect("""
            const r = new Request("http://x/", { method: "POST", body: new ReadableStream({ start(c) { c.enqueue(new Uint8Array([104, 105])); c.close(); } }), duplex: "half", headers: { A: "1" } });
            const c = r.clone();
            c.headers.set("A", "2");
            console.log(r.headers.get("a"), c.headers.get("a"), await r.text(), await c.text());
            console.log(await attempt(() => r.clone()));
            const immutable = Response.error().clone();
            console.log(await attempt(() => immutable.headers.set("x", "y")));
            """,
            """
            1 2 hi hi
            TypeError: Failed to execute 'clone' on 'Request': Request body is already used.
            TypeError: Headers are immutable.

            """);
    }

    [Fact]
    public void ShapeAndBrandChecks()
    {
        Expect("""
            console.log(await attempt(() => new Request()));
            console.log(await attempt(() => Object.getOwnPropertyDescriptor(Request.prototype, "url").get.call({})));
            console.log(await attempt(() => Request.prototype.text.call({})));
            console.log(Object.prototype.toString.call(new Request("http://x/")));
            console.log(new Request("http://x/", { method: "POST" }));
            """,
            """
            TypeError: Failed to construct 'Request': 1 argument required, but only 0 present.
            TypeError: Illegal invocation
            TypeError: Illegal invocation
            [object Request]
            Request {
              bodyUsed: false,
              headers: Headers {},
              method: 'POST',
              redirect: 'follow',
              url: 'http://x/'
            }

            """);
    }
}
