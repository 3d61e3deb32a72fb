using System.Text.RegularExpressions;
using static EsRuntime.Tests.Crypto.CryptoJs;

namespace EsRuntime.Tests.Crypto;

/// <summary>crypto.getRandomValues and crypto.randomUUID: provider entropy, limits, formats.</summary>
public partial class RandomTests
{
    private const string Draw = """
        console.log(hex(crypto.getRandomValues(new Uint8Array(32))));
        console.log(crypto.getRandomValues(new BigUint64Array(2)).join());
        console.log(crypto.randomUUID());
        """;

    [Fact]
    public void Same_seed_same_bytes_different_seed_different_bytes()
    {
        var a = Output(Draw, seed: 11);
        Assert.Equal(a, Output(Draw, seed: 11));
        Assert.NotEqual(a, Output(Draw, seed: 12));
    }

    [Fact]
    public void Every_integer_array_type_is_filled_in_place() => Expect("""
        const types = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, BigInt64Array, BigUint64Array];
        const out = [];
        for (const T of types) {
          const a = new T(64);
          const r = crypto.getRandomValues(a);
          out.push(`${T.name}:${r === a}:${a.some((x) => x != 0)}`);
        }
        console.log(out.join(" "));
        // A view onto part of a buffer fills only that part.
        const buffer = new Uint8Array(16);
        crypto.getRandomValues(new Uint8Array(buffer.buffer, 4, 8));
        console.log(buffer.slice(0, 4).join(), buffer.slice(12).join(), buffer.slice(4, 12).some((x) => x !== 0));
        """, "Int8Array:true:true Uint8Array:true:true Uint8ClampedArray:true:true Int16Array:true:true Uint16Array:true:true Int32Array:true:true Uint32Array:true:true BigInt64Array:true:true BigUint64Array:true:true\n0,0,0,0 0,0,0,0 true\n");

    [Fact]
    public void Limits_and_type_errors() => Expect("""
        const name = (f) => { try { f(); return "ok"; } catch (e) { return `${e.name}/${e.constructor.name}`; } };
        console.log(name(() => crypto.getRandomValues(new Uint8Array(65536))));
        console.log(name(() => crypto.getRandomValues(new Uint8Array(65537))));
        console.log(name(() => crypto.getRandomValues(new Uint32Array(16385))));
        console.log(name(() => crypto.getRandomValues(new Float32Array(4))));
        console.log(name(() => crypto.getRandomValues(new Float64Array(4))));
        console.log(name(() => crypto.getRandomValues(new DataView(new ArrayBuffer(4)))));
        console.log(name(() => crypto.getRandomValues(new ArrayBuffer(4))));
        console.log(name(() => crypto.getRandomValues([1, 2])));
        console.log(name(() => crypto.getRandomValues()));
        console.log(name(() => crypto.getRandomValues.call({}, new Uint8Array(1))));
        console.log(name(() => crypto.getRandomValues(new Uint8Array(0))));
        """, "ok\nQuotaExceededError/DOMException\nQuotaExceededError/DOMException\nTypeMismatchError/DOMException\nTypeMismatchError/DOMException\nTypeMismatchError/DOMException\nTypeError/TypeError\nTypeError/TypeError\nTypeError/TypeError\nTypeError/TypeError\nok\n");

    [Fact]
    public void The_largest_fill_uses_every_byte()
    {
        // 65536 bytes exceed one transfer-buffer draw; the tail must be random too.
        var output = Output("""
            const a = crypto.getRandomValues(new Uint8Array(65536));
            const tail = a.slice(65500);
            console.log(tail.some((x) => x !== 0), new Set(a).size > 200);
            """);
        Assert.Equal("true true\n", output);
    }

    [Fact]
    public void RandomUUID_is_a_version_4_uuid()
    {
        var output = Output("""
            const seen = new Set();
            for (let i = 0; i < 200; i++) seen.add(crypto.randomUUID());
            console.log([...seen].join("\n"));
            """);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(200, lines.Length);
        Assert.All(lines, line => Assert.Matches(Uuid(), line));
    }

    [Fact]
    public void Crypto_interfaces_are_not_constructible() => Expect("""
        const name = (f) => { try { f(); return "ok"; } catch (e) { return e.name; } };
        console.log(name(() => new Crypto()), name(() => new SubtleCrypto()), name(() => new CryptoKey()));
        console.log(crypto instanceof Crypto, crypto.subtle instanceof SubtleCrypto, crypto.subtle === crypto.subtle);
        console.log(Object.prototype.toString.call(crypto), Object.prototype.toString.call(crypto.subtle));
        console.log(name(() => Object.getOwnPropertyDescriptor(Crypto.prototype, "subtle").get.call({})));
        console.log(name(() => crypto.randomUUID.call(null)));
        console.log(SubtleCrypto.prototype.deriveBits.length, SubtleCrypto.prototype.unwrapKey.length, SubtleCrypto.prototype.verify.length);
        """, "TypeError TypeError TypeError\ntrue true true\n[object Crypto] [object SubtleCrypto]\nTypeError\nTypeError\n2 7 4\n");

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex Uuid();
}
