using System.Text;
using EsRuntime.Engine;
using EsRuntime.Modules;
using EsRuntime.Web.Url;

namespace EsRuntime.Tests.Url;

/// <summary>
/// A bare V8 engine with only the URL ops and url.js loaded (no runtime, no event loop), plus two test
/// ops: <c>__test.print(text)</c> and <c>__test.vectors(file)</c> (a WPT vector file, parsed). Lets the JS
/// classes be tested on their own, independent of the rest of the prelude.
/// </summary>
public sealed class UrlJsHost : IDisposable
{
    private readonly V8Engine _engine;
    private readonly StringBuilder _output = new();

    private sealed class NoModules : IModuleHost
    {
        public ModuleSource Load(string specifier, string? referrerUrl) => throw new ModuleException("no modules here");
        public bool IsPrivileged(string url) => false;
    }

    // The slice of the real bootstrap that url.js relies on: ops, the transfer buffer, defineGlobal.
    private const string Bootstrap = """
        (function () {
          const ops = Object.create(null);
          for (const key of Object.getOwnPropertyNames(globalThis)) {
            if (key.startsWith("__op_")) { ops[key.slice(5)] = globalThis[key]; delete globalThis[key]; }
          }
          const internals = Object.create(null);
          internals.ops = ops;
          internals.defineGlobal = (name, value) =>
            Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
          const transfer = new ArrayBuffer(64 * 1024);
          ops.bindTransfer(transfer);
          internals.transferU32 = new Uint32Array(transfer);
          globalThis.__test = { print: ops.testPrint, vectors: (name) => JSON.parse(ops.testVectors(name)) };
          // The JS fast path and the C# parser, side by side (UrlFastPathTests).
          __test.parseSimple = (s) => internals.urlParseSimple(s);
          __test.parseOp = (s) => {
            const r = ops.urlParse(s);
            return r === null ? null : [r === true ? s : r, ...internals.transferU32.subarray(0, 8)];
          };
          (function (internals) { "use strict";
        /*URL_JS*/
          })(internals);
        })();
        """;

    // A testharness.js-like subset: test(fn, name) records "FAIL name: message" lines.
    private const string Harness = """
        (function () {
          const fmt = (v) => (typeof v === "string" ? JSON.stringify(v) : String(v));
          let passed = 0;
          let failed = 0;
          globalThis.assert_equals = (actual, expected, what = "") => {
            if (!Object.is(actual, expected)) throw new Error(`${what} expected ${fmt(expected)} but got ${fmt(actual)}`);
          };
          globalThis.assert_true = (value, what = "") => { if (value !== true) throw new Error(`${what} expected true, got ${fmt(value)}`); };
          globalThis.assert_false = (value, what = "") => { if (value !== false) throw new Error(`${what} expected false, got ${fmt(value)}`); };
          globalThis.assert_array_equals = (actual, expected, what = "") => {
            if (actual.length !== expected.length || actual.some((v, i) => !Object.is(v, expected[i])))
              throw new Error(`${what} expected [${expected.map(fmt)}] but got [${[...actual].map(fmt)}]`);
          };
          globalThis.assert_throws_js = (ctor, fn, what = "") => {
            try { fn(); } catch (e) {
              if (!(e instanceof ctor)) throw new Error(`${what} threw ${e} instead of ${ctor.name}`);
              return;
            }
            throw new Error(`${what} did not throw ${ctor.name}`);
          };
          globalThis.test = (fn, name) => {
            try { fn(); passed++; } catch (e) { failed++; __test.print(`FAIL ${name}: ${e && e.message}`); }
          };
          globalThis.done = () => __test.print(`DONE ${passed} ${failed}`);
        })();
        """;

    public UrlJsHost()
    {
        _engine = new V8Engine(new NoModules(), new EngineLimits());
        _engine.RegisterTransferOp();
        UrlOps.Register(_engine);
        _engine.RegisterOp("testPrint", (a, r) => _output.AppendLine(a.String(0)));
        _engine.RegisterOp("testVectors", (a, r) => r.Set(File.ReadAllText(Path.Combine(WptUrlVectors.ResourcesDir, a.String(0)))));
        _engine.ExecuteScript("url-bootstrap.js", Bootstrap.Replace("/*URL_JS*/", EmbeddedText.Read("Web/Url/url_simple.js") + "\n" + EmbeddedText.Read("Web/Url/url.js")));
        _engine.ExecuteScript("harness.js", Harness);
    }

    /// <summary>Runs a script (ending with <c>done()</c>) and returns what it printed.</summary>
    public JsRun Run(string code)
    {
        _output.Clear();
        _engine.ExecuteScript("test.js", code);
        var lines = _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var failures = lines.Where(l => l.StartsWith("FAIL ", StringComparison.Ordinal)).Select(l => l[5..]).ToList();
        var done = lines.LastOrDefault(l => l.StartsWith("DONE ", StringComparison.Ordinal))?.Split(' ');
        return new JsRun(done is null ? -1 : int.Parse(done[1], System.Globalization.CultureInfo.InvariantCulture), failures);
    }

    public void Dispose() => _engine.Dispose();
}

/// <summary>The outcome of a JS test script: how many tests passed, and "name: message" per failure.</summary>
public sealed record JsRun(int Passed, List<string> Failures);
