// Expected outputs are what Node 20 prints for the same code, where Node is comparable (checked
// with node during development); deliberate differences are commented.

using static EsRuntime.Tests.Web.ConsoleOutput;

namespace EsRuntime.Tests.Web;

/// <summary>structuredClone: every serializable type, identity, transfer and DataCloneError.</summary>
public class StructuredCloneTests
{
    [Fact]
    public void Primitives_are_returned_as_is() => Expect("""
        const values = [1, 'str', true, null, undefined, 10n, NaN];
        console.log(values.map((v) => Object.is(structuredClone(v), v)).join(','), Object.is(structuredClone(-0), -0));
        """, "true,true,true,true,true,true,true true\n");

    [Fact]
    public void Boxed_primitives_are_new_wrappers() => Expect("""
        const n = new Number(3);
        const c = structuredClone([n, new String('x'), new Boolean(false), Object(5n)]);
        console.log(c, c[0] !== n, typeof c[0]);
        """, "[ [Number: 3], [String: 'x'], [Boolean: false], [BigInt: 5n] ] true object\n");

    [Fact]
    public void Date_is_copied() => Expect("""
        const d = new Date(123456);
        const c = structuredClone(d);
        console.log(c instanceof Date, c !== d, c.getTime());
        """, "true true 123456\n");

    [Fact]
    public void RegExp_keeps_source_and_flags_but_not_lastIndex() => Expect("""
        const r = /a+b/gimsy;
        r.lastIndex = 3;
        const c = structuredClone(r);
        console.log(c, c !== r, c instanceof RegExp, c.lastIndex);
        """, "/a+b/gimsy true true 0\n");

    [Fact]
    public void ArrayBuffer_is_copied() => Expect("""
        const ab = new Uint8Array([1, 2, 3]).buffer;
        const c = structuredClone(ab);
        new Uint8Array(c)[0] = 9;
        console.log(c !== ab, c instanceof ArrayBuffer, [...new Uint8Array(c)], [...new Uint8Array(ab)]);
        """, "true true [ 9, 2, 3 ] [ 1, 2, 3 ]\n");

    [Fact]
    public void Views_sharing_a_buffer_share_the_cloned_buffer() => Expect("""
        const ab = new ArrayBuffer(8);
        const u8 = new Uint8Array(ab, 2, 4);
        const dv = new DataView(ab, 1, 3);
        u8[0] = 7;
        const c = structuredClone({ u8, dv, ab, f64: new Float64Array([1.5]), big: new BigUint64Array([2n]) });
        console.log(c.u8.buffer === c.dv.buffer, c.u8.buffer === c.ab, c.ab !== ab);
        console.log(c.u8, c.u8.byteOffset, c.dv.byteOffset, c.dv.byteLength, c.dv instanceof DataView);
        console.log(c.f64, c.big);
        """, "true true true\nUint8Array(4) [ 7, 0, 0, 0 ] 2 1 3 true\nFloat64Array(1) [ 1.5 ] BigUint64Array(1) [ 2n ]\n");

    [Fact]
    public void Map_and_Set_entries_are_cloned_in_order() => Expect("""
        const key = { k: 1 };
        const m = new Map([[key, 'v'], ['same', key]]);
        const s = new Set([3, 1, key]);
        const c = structuredClone({ m, s });
        const [clonedKey] = c.m.keys();
        console.log(c.m, c.s);
        console.log(clonedKey !== key, c.m.get('same') === clonedKey, [...c.s][2] === clonedKey);
        """, "Map(2) { { k: 1 } => 'v', 'same' => { k: 1 } } Set(3) { 3, 1, { k: 1 } }\ntrue true true\n");

    [Fact]
    public void Errors_keep_type_message_stack_and_cause() => Expect("""
        const e = new RangeError('bad', { cause: { why: 1 } });
        e.extra = 'dropped';
        const c = structuredClone(e);
        console.log(c instanceof RangeError, c !== e, c.name, c.message, c.stack === e.stack, c.cause, c.extra);
        """, "true true RangeError bad true { why: 1 } undefined\n");

    [Fact]
    public void Unknown_error_names_become_Error() => Expect("""
        class MyError extends Error { constructor(m) { super(m); this.name = 'MyError'; } }
        const c = structuredClone(new MyError('m'));
        console.log(Object.getPrototypeOf(c) === Error.prototype, c.name, c.message);
        const t = structuredClone(new TypeError());
        console.log(t.name, Object.hasOwn(t, 'message'));
        """, "true Error m\nTypeError false\n");

    [Fact]
    public void DOMException_keeps_name_and_message() => Expect("""
        const c = structuredClone(new DOMException('stop', 'AbortError'));
        console.log(c instanceof DOMException, c.name, c.message, c.code);
        """, "true AbortError stop 20\n");

    [Fact]
    public void Arrays_keep_length_holes_and_extra_properties() => Expect("""
        const a = [1, , 3];
        a.extra = 'e';
        const c = structuredClone(a);
        console.log(c, c.length, 1 in c, Array.isArray(c), structuredClone(new Array(4)).length);
        """, "[ 1, <1 empty item>, 3, extra: 'e' ] 3 false true 4\n");

    [Fact]
    public void Objects_lose_prototype_and_non_enumerable_and_symbol_keys() => Expect("""
        class Foo { constructor() { this.x = 1; } method() {} }
        const f = new Foo();
        Object.defineProperty(f, 'hidden', { value: 2, enumerable: false });
        f[Symbol('s')] = 3;
        const c = structuredClone(f);
        console.log(c, Object.getPrototypeOf(c) === Object.prototype, c instanceof Foo);
        const n = structuredClone(Object.assign(Object.create(null), { a: 1 }));
        console.log(n, Object.getPrototypeOf(n) === Object.prototype);
        """, "{ x: 1 } true false\n{ a: 1 } true\n");

    [Fact]
    public void Getters_are_invoked_once() => Expect("""
        let calls = 0;
        const c = structuredClone({ get g() { calls++; return 'got'; } });
        console.log(c, calls, typeof Object.getOwnPropertyDescriptor(c, 'g').value);
        """, "{ g: 'got' } 1 string\n");

    [Fact]
    public void Cycles_and_shared_references_are_preserved() => Expect("""
        const shared = { v: 1 };
        const o = { a: shared, b: shared, list: [shared] };
        o.self = o;
        o.list.push(o);
        const c = structuredClone(o);
        console.log(c !== o, c.self === c, c.a === c.b, c.list[0] === c.a, c.list[1] === c, c.a !== shared);
        """, "true true true true true true\n");

    [Fact]
    public void Transfer_detaches_the_source_buffer() => Expect("""
        const ab = new Uint8Array([5, 6, 7]).buffer;
        const view = new Uint8Array(ab, 1);
        const c = structuredClone({ ab, view }, { transfer: [ab] });
        console.log(ab.byteLength, c.ab.byteLength, c.view.buffer === c.ab, [...c.view]);
        const direct = new ArrayBuffer(4);
        const d = structuredClone(direct, { transfer: [direct] });
        console.log(direct.byteLength, d.byteLength, d !== direct);
        """, "0 3 true [ 6, 7 ]\n0 4 true\n");

    [Fact]
    public void Transfer_errors() => Expect("""
        const report = (f) => { try { f(); console.log('no error'); } catch (e) { console.log(e.constructor.name, e.name, e.code); } };
        const ab = new ArrayBuffer(4);
        report(() => structuredClone(ab, { transfer: [ab, ab] }));
        report(() => structuredClone(1, { transfer: [new Uint8Array(1)] }));
        report(() => structuredClone(1, { transfer: [1] }));
        console.log(ab.byteLength);
        const kept = new ArrayBuffer(2);
        report(() => structuredClone({ kept, f() {} }, { transfer: [kept] }));
        console.log(kept.byteLength);
        """, "DOMException DataCloneError 25\nDOMException DataCloneError 25\nTypeError TypeError undefined\n4\nDOMException DataCloneError 25\n2\n");

    [Fact]
    public void Uncloneable_values_throw_DataCloneError() => Expect("""
        const values = { fn: function foo() {}, arrow: () => 1, sym: Symbol('x'), weakMap: new WeakMap(), weakSet: new WeakSet(), weakRef: new WeakRef({}), promise: Promise.resolve(), proxyFn: new Proxy(function () {}, {}), nested: { deep: [() => {}] } };
        for (const [label, value] of Object.entries(values)) {
          try {
            structuredClone(value);
            console.log(label, 'cloned');
          } catch (e) {
            console.log(label, e instanceof DOMException, e.name, e.code);
          }
        }
        """, "fn true DataCloneError 25\narrow true DataCloneError 25\nsym true DataCloneError 25\nweakMap true DataCloneError 25\nweakSet true DataCloneError 25\nweakRef true DataCloneError 25\npromise true DataCloneError 25\nproxyFn true DataCloneError 25\nnested true DataCloneError 25\n");

    [Fact]
    public void DataCloneError_message_names_the_value() => Expect("""
        for (const value of [function foo() {}, Symbol('x'), new WeakMap(), Promise.resolve()]) {
          try { structuredClone(value); } catch (e) { console.log(e.message); }
        }
        """, "function foo() {} could not be cloned.\nSymbol(x) could not be cloned.\n#<WeakMap> could not be cloned.\n#<Promise> could not be cloned.\n");

    // WebIDL gives length 1 (one required argument); Node reports 0.
    [Fact]
    public void Missing_argument_is_a_TypeError() => Expect("""
        try { structuredClone(); } catch (e) { console.log(e instanceof TypeError); }
        console.log(structuredClone(undefined), structuredClone.length);
        """, "true\nundefined 1\n");
}

/// <summary>DOMException per WebIDL: defaults, legacy codes, constants and brand checks.</summary>
public class DomExceptionTests
{
    [Fact]
    public void Constructor_defaults_and_options_bag() => Expect("""
        const e = new DOMException();
        console.log(JSON.stringify([e.name, e.message, e.code]), DOMException.length);
        const o = new DOMException('m', { name: 'NotFoundError', cause: 42 });
        console.log(o.name, o.code, o.cause, Object.keys(o).length);
        """, "[\"Error\",\"\",0] 0\nNotFoundError 8 42 0\n");

    [Fact]
    public void Name_message_code_and_error_chain() => Expect("""
        const e = new DOMException('msg', 'AbortError');
        console.log(e.name, e.message, e.code, e instanceof DOMException, e instanceof Error);
        console.log(Object.prototype.toString.call(e), String(e), typeof e.stack, e.stack.split('\n')[0]);
        """, "AbortError msg 20 true true\n[object DOMException] AbortError: msg string AbortError: msg\n");

    [Fact]
    public void Legacy_codes_by_name() => Expect("""
        const names = ['IndexSizeError', 'HierarchyRequestError', 'WrongDocumentError', 'InvalidCharacterError', 'NoModificationAllowedError', 'NotFoundError', 'NotSupportedError', 'InvalidStateError', 'SyntaxError', 'InvalidModificationError', 'NamespaceError', 'InvalidAccessError', 'TypeMismatchError', 'SecurityError', 'NetworkError', 'AbortError', 'URLMismatchError', 'QuotaExceededError', 'TimeoutError', 'InvalidNodeTypeError', 'DataCloneError', 'EncodingError', 'Custom'];
        console.log(names.map((n) => new DOMException('', n).code).join(','));
        """, "1,3,4,5,7,8,9,11,12,13,14,15,17,18,19,20,21,22,23,24,25,0,0\n");

    [Fact]
    public void Constants_on_constructor_and_prototype() => Expect("""
        console.log(DOMException.INDEX_SIZE_ERR, DOMException.ABORT_ERR, DOMException.DATA_CLONE_ERR, DOMException.prototype.TIMEOUT_ERR, new DOMException().NOT_FOUND_ERR);
        const d = Object.getOwnPropertyDescriptor(DOMException, 'ABORT_ERR');
        console.log(d.writable, d.enumerable, d.configurable);
        """, "1 20 25 23 8\nfalse true false\n");

    [Fact]
    public void Getters_brand_check_this() => Expect("""
        const getter = Object.getOwnPropertyDescriptor(DOMException.prototype, 'name').get;
        for (const thisValue of [{}, DOMException.prototype, Object.create(DOMException.prototype)]) {
          try { getter.call(thisValue); console.log('no error'); } catch (e) { console.log(e instanceof TypeError); }
        }
        try { DOMException('x'); } catch (e) { console.log('call without new:', e instanceof TypeError); }
        console.log(Object.getOwnPropertyDescriptor(DOMException.prototype, 'code').enumerable, DOMException.prototype[Symbol.toStringTag]);
        """, "true\ntrue\ntrue\ncall without new: true\ntrue DOMException\n");

    [Fact]
    public void Inspect_shows_the_name() => Expect("""
        const e = new DOMException('stop', 'AbortError');
        e.stack = 'AbortError: stop\n    at main (file.js:1:1)';
        console.log(e);
        """, "DOMException [AbortError]: stop\n    at main (file.js:1:1)\n");
}
