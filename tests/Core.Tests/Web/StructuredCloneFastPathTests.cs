namespace EsRuntime.Tests.Web;

/// <summary>
/// structuredClone has two ways to clone: directly (no transfer list) and through records (a transfer
/// list). Both classify values by their prototype chain first and fall back to trying every brand
/// check. These tests hold the two ways to the same result for every supported type, and hold the
/// classification to what node prints for values whose prototype and brand disagree.
/// </summary>
public class StructuredCloneFastPathTests
{
    // A canonical description of a value: kind, prototype, own properties, contents; shared references
    // and cycles as #n. Two clones that describe the same are indistinguishable to these checks.
    private const string Describe = """
        const protoNames = new Map([[Object.prototype, "Object"], [Array.prototype, "Array"], [null, "null"]]);
        for (const name of ["Map", "Set", "Date", "RegExp", "ArrayBuffer", "DataView", "Error", "TypeError", "RangeError", "EvalError",
          "ReferenceError", "SyntaxError", "URIError", "Number", "String", "Boolean", "BigInt", "DOMException", "Blob", "File",
          "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
          "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array"]) {
          if (globalThis[name]) protoNames.set(globalThis[name].prototype, name);
        }
        async function describe(value, seen = new Map()) {
          if (value === null || (typeof value !== "object" && typeof value !== "function")) {
            return Object.is(value, -0) ? "-0" : `${typeof value}:${String(value)}`;
          }
          if (seen.has(value)) return `#${seen.get(value)}`;
          seen.set(value, seen.size);
          const parts = [Object.prototype.toString.call(value), protoNames.get(Object.getPrototypeOf(value)) ?? "other"];
          if (value instanceof Date) parts.push(value.getTime());
          if (value instanceof RegExp) parts.push(value.source, value.flags, value.lastIndex);
          if (value instanceof ArrayBuffer) parts.push(value.byteLength, value.resizable, [...new Uint8Array(value)].join("."));
          if (ArrayBuffer.isView(value)) parts.push(value.byteOffset, value.byteLength, await describe(value.buffer, seen));
          if (value instanceof Map) for (const [k, v] of value) parts.push(`${await describe(k, seen)}=>${await describe(v, seen)}`);
          if (value instanceof Set) for (const v of value) parts.push(await describe(v, seen));
          if (value instanceof Error || value instanceof DOMException) {
            parts.push(value.name, value.message, typeof value.stack, Object.hasOwn(value, "cause") ? await describe(value.cause, seen) : "no cause");
          }
          if (value instanceof Blob) parts.push(value.size, value.type, await value.text(), value.name ?? "", value.lastModified ?? "");
          if (typeof value.valueOf === "function" && !(value instanceof Date) && value.valueOf() !== value) parts.push(`boxed ${String(value.valueOf())}`);
          for (const key of Reflect.ownKeys(value)) {
            if (typeof key === "symbol" || (ArrayBuffer.isView(value) && /^\d+$/.test(key))) continue;
            const d = Object.getOwnPropertyDescriptor(value, key);
            if (key === "stack") continue;
            parts.push(`${key}:${d.writable ? "w" : ""}${d.enumerable ? "e" : ""}${d.configurable ? "c" : ""}=${"value" in d ? await describe(d.value, seen) : "accessor"}`);
          }
          return `{${parts.join(" ")}}`;
        }
        const viaRecords = (v) => structuredClone(v, { transfer: [new ArrayBuffer(1)] });
        async function same(label, value) {
          const direct = await describe(structuredClone(value));
          const records = await describe(viaRecords(value));
          console.log(direct === records ? `${label} same` : `${label} DIFFERS\n  direct:  ${direct}\n  records: ${records}`);
        }
        """;

    [Fact]
    public void Direct_and_record_clones_agree_for_every_supported_type()
    {
        var r = JsHarness.Run(Describe + """
            const shared = { s: 1 };
            const cyclic = { name: "c" };
            cyclic.self = cyclic;
            const ab = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]).buffer;
            const growable = new ArrayBuffer(4, { maxByteLength: 16 });
            const sparse = [1, , 3];
            sparse.extra = "x";
            class Point { constructor() { this.x = 1; this.y = 2; } }
            const cases = {
              primitives: [0, -0, 1.5, NaN, Infinity, "s", "", true, false, null, undefined, 10n],
              plain: { a: 1, b: "two", c: [3], d: { e: null } },
              nullProto: Object.assign(Object.create(null), { k: "v" }),
              protoKey: JSON.parse('{"__proto__": {"x": 1}, "b": 2}'),
              classInstance: new Point(),
              arrays: [[], sparse, new Array(3), [[1, [2, [3]]]]],
              boxed: [new Number(3), new String("str"), new Boolean(false), Object(7n)],
              dates: [new Date(0), new Date(NaN), new Date(8.64e15)],
              regexps: [/a+b/gimsuy, /x/d, new RegExp("", "v")],
              buffers: [ab, growable, new ArrayBuffer(0)],
              views: { u8: new Uint8Array(ab, 2, 3), i16: new Int16Array(ab, 2, 2), f64: new Float64Array(ab), dv: new DataView(ab, 1, 4),
                c8: new Uint8ClampedArray([300]), big: new BigInt64Array([-1n]), ubig: new BigUint64Array([2n ** 63n]), f32: new Float32Array([0.5]),
                i8: new Int8Array([-3]), u16: new Uint16Array([9]), i32: new Int32Array([-9]), u32: new Uint32Array([2 ** 31]) },
              maps: [new Map(), new Map([[1, "a"], ["k", shared], [shared, [shared]]])],
              sets: [new Set(), new Set([1, "a", shared, [shared]])],
              errors: [new Error("e"), new TypeError("t", { cause: shared }), new RangeError(), new EvalError("v"), new ReferenceError("r"),
                new SyntaxError("s"), new URIError("u"), Object.assign(new Error("x"), { name: "Custom" }), new Error("c", { cause: undefined })],
              domException: new DOMException("stop", "AbortError"),
              platform: [new Blob(["hi"], { type: "text/plain" }), new File(["f"], "f.txt", { lastModified: 7 })],
              shared: { a: shared, b: shared, list: [shared, shared] },
              cyclic,
              getters: { get g() { return "got"; } },
            };
            for (const [label, value] of Object.entries(cases)) await same(label, value);
            const all = Object.values(cases);
            await same("everything at once", all);
            """);
        Assert.Equal("", r.Stderr);
        Assert.DoesNotContain("DIFFERS", r.Stdout);
        Assert.Equal(20, r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.EndsWith(" same", StringComparison.Ordinal)));
    }

    [Fact]
    public void Uncloneable_values_fail_the_same_way_on_both_paths()
    {
        var r = JsHarness.Run("""
            const viaRecords = (v) => structuredClone(v, { transfer: [new ArrayBuffer(1)] });
            const name = (f) => { try { f(); return "CLONED"; } catch (e) { return `${e.name}: ${e.message}`; } };
            const values = [() => 1, Symbol("s"), Object(Symbol("b")), new WeakMap(), new WeakSet(), new WeakRef({}), Promise.resolve(),
              [1].values(), (function* () {})(), (function () { return arguments; })(), globalThis, navigator, new FormData(),
              new FinalizationRegistry(() => {}), { nested: [new WeakMap()] }];
            for (const v of values) {
              const a = name(() => structuredClone(v)), b = name(() => viaRecords(v));
              console.log(a === b ? a : `DIFFERS ${a} / ${b}`);
            }
            """);
        Assert.Equal("", r.Stderr);
        Assert.DoesNotContain("DIFFERS", r.Stdout);
        Assert.DoesNotContain("CLONED", r.Stdout);
        Assert.Equal(15, r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.StartsWith("DataCloneError", StringComparison.Ordinal)));
    }

    // Expected: what node 20 prints, except for the Blob (node refuses it: its Blob is no platform object
    // of ours) and the documented differences (last lines).
    [Fact]
    public void A_brand_that_disagrees_with_the_prototype_chain()
    {
        var r = JsHarness.Run("""
            const show = (label, make) => {
              for (const clone of [(v) => structuredClone(v), (v) => structuredClone(v, { transfer: [new ArrayBuffer(1)] })]) {
                try {
                  const c = clone(make());
                  console.log(label, Object.prototype.toString.call(c), JSON.stringify(c instanceof Map ? [...c] : c));
                } catch (e) { console.log(label, e.name); }
              }
            };
            show("fake Map", () => Object.create(Map.prototype));
            show("Date on Map.prototype", () => Object.setPrototypeOf(new Date(5), Map.prototype));
            show("Date on Object.prototype", () => Object.setPrototypeOf(new Date(5), Object.prototype));
            show("Number on null", () => Object.setPrototypeOf(new Number(7), null));
            show("TypeError on Object.prototype", () => Object.setPrototypeOf(new TypeError("t"), Object.prototype));
            show("Uint8Array on Object.prototype", () => Object.setPrototypeOf(new Uint8Array([1, 2]), Object.prototype));
            show("Blob on Map.prototype", () => Object.setPrototypeOf(new Blob(["b"]), Map.prototype));
            show("subclass of Map", () => { class M extends Map {} return new M([[1, 2]]); });
            show("tag says Map", () => ({ [Symbol.toStringTag]: "Map", a: 1 }));
            show("RegExp.prototype", () => RegExp.prototype);
            // Deliberate differences: a browser clones these as a Map, a Blob and a DOMException; the chain
            // says plain object.
            show("Map on Object.prototype", () => Object.setPrototypeOf(new Map([[1, 2]]), Object.prototype));
            show("Blob on Object.prototype", () => Object.setPrototypeOf(new Blob(["b"]), Object.prototype));
            show("DOMException on Object.prototype", () => Object.setPrototypeOf(new DOMException("d"), Object.prototype));
            """);
        Assert.Equal("""
            fake Map [object Object] {}
            fake Map [object Object] {}
            Date on Map.prototype [object Date] "1970-01-01T00:00:00.005Z"
            Date on Map.prototype [object Date] "1970-01-01T00:00:00.005Z"
            Date on Object.prototype [object Date] "1970-01-01T00:00:00.005Z"
            Date on Object.prototype [object Date] "1970-01-01T00:00:00.005Z"
            Number on null [object Number] 7
            Number on null [object Number] 7
            TypeError on Object.prototype [object Error] {}
            TypeError on Object.prototype [object Error] {}
            Uint8Array on Object.prototype [object Uint8Array] {"0":1,"1":2}
            Uint8Array on Object.prototype [object Uint8Array] {"0":1,"1":2}
            Blob on Map.prototype [object Blob] {}
            Blob on Map.prototype [object Blob] {}
            subclass of Map [object Map] [[1,2]]
            subclass of Map [object Map] [[1,2]]
            tag says Map [object Object] {"a":1}
            tag says Map [object Object] {"a":1}
            RegExp.prototype [object Object] {}
            RegExp.prototype [object Object] {}
            Map on Object.prototype [object Object] {}
            Map on Object.prototype [object Object] {}
            Blob on Object.prototype [object Object] {}
            Blob on Object.prototype [object Object] {}
            DOMException on Object.prototype [object Object] {}
            DOMException on Object.prototype [object Object] {}

            """, r.Stdout);
    }
}
