// Expected outputs are what Node 20 prints for the same code, where Node is comparable (checked
// with node during development); deliberate differences are commented.

using static EsRuntime.Tests.Web.ConsoleOutput;

namespace EsRuntime.Tests.Web;

/// <summary>Runs a module and checks exactly what it printed.</summary>
internal static class ConsoleOutput
{
    public static void Expect(string moduleCode, string stdout, string stderr = "")
    {
        var r = JsHarness.Run(moduleCode);
        Assert.Equal(stdout, r.Stdout);
        Assert.Equal(stderr, r.Stderr);
        Assert.Equal(0, r.ExitCode);
    }
}

/// <summary>How console.log shows values: Node's util.inspect default output.</summary>
public class InspectTests
{
    [Fact]
    public void Plain_objects_and_empty_containers() => Expect("""
        console.log({ a: 1, b: [1, 2] });
        console.log([], {}, [[]], { a: {} });
        """, "{ a: 1, b: [ 1, 2 ] }\n[] {} [ [] ] { a: {} }\n");

    [Fact]
    public void Top_level_string_is_raw_nested_strings_are_quoted() => Expect("""
        console.log('raw text');
        console.log(['plain', "it's", 'say "hi"', `it's "both"`]);
        """, "raw text\n[ 'plain', \"it's\", 'say \"hi\"', `it's \"both\"` ]\n");

    [Fact]
    public void String_escapes() => Expect("""
        console.log(['a\nb', 'tab\there', '\x1b[0m', 'back\\slash', 'it\'s "x" `y`']);
        """, "[ 'a\\nb', 'tab\\there', '\\x1B[0m', 'back\\\\slash', 'it\\'s \"x\" `y`' ]\n");

    [Fact]
    public void Numbers_bigint_symbols_and_other_primitives() => Expect("""
        console.log([-0, 0, 1.5, NaN, -Infinity, 10n, Symbol('desc'), Symbol(), undefined, null, true]);
        console.log(-0, 42n);
        """, "[\n  -0,           0,\n  1.5,          NaN,\n  -Infinity,    10n,\n  Symbol(desc), Symbol(),\n  undefined,    null,\n  true\n]\n-0 42n\n");

    [Fact]
    public void Array_holes() => Expect("""
        console.log([1, , 3]);
        console.log([, , ,]);
        console.log([1, , , , 5, ,]);
        """, "[ 1, <1 empty item>, 3 ]\n[ <3 empty items> ]\n[ 1, <3 empty items>, 5, <1 empty item> ]\n");

    [Fact]
    public void Long_array_is_grouped_and_truncated_after_100_items() => Expect("""
        console.log(Array.from({ length: 120 }, (_, i) => i));
        """, "[\n   0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11,\n  12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,\n  24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35,\n  36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,\n  48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59,\n  60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71,\n  72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83,\n  84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95,\n  96, 97, 98, 99,\n  ... 20 more items\n]\n");

    [Fact]
    public void Short_arrays_of_more_than_six_numbers_are_grouped() => Expect("""
        console.log([1, 2, 3, 4, 5, 6, 7]);
        console.log(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
        """, "[\n  1, 2, 3, 4,\n  5, 6, 7\n]\n[\n  'a', 'b', 'c',\n  'd', 'e', 'f',\n  'g'\n]\n");

    [Fact]
    public void Array_extra_properties_follow_elements() => Expect("""
        const a = [1, 2]; a.extra = true; a[-1] = 'neg'; console.log(a);
        """, "[ 1, 2, extra: true, '-1': 'neg' ]\n");

    [Fact]
    public void Object_keys_are_quoted_when_not_identifiers() => Expect("""
        console.log({ a: 1, 'b-c': 2, [Symbol('s')]: 3, '1': 4, _ok: 5, $d: 6, '': 7 });
        """, "{ '1': 4, a: 1, 'b-c': 2, _ok: 5, '$d': 6, '': 7, [Symbol(s)]: 3 }\n");

    [Fact]
    public void Accessors_show_as_getter_and_setter() => Expect("""
        console.log({ get a() { return 1; }, set b(v) {}, get c() { return 1; }, set c(v) {} });
        """, "{ a: [Getter], b: [Setter], c: [Getter/Setter] }\n");

    [Fact]
    public void Null_prototype_objects() => Expect("""
        console.log(Object.assign(Object.create(null), { a: 1 }), Object.create(null));
        """, "[Object: null prototype] { a: 1 } [Object: null prototype] {}\n");

    [Fact]
    public void Class_instances_use_the_constructor_name() => Expect("""
        class Foo { constructor() { this.x = 1; } }
        class Empty {}
        class Tagged { get [Symbol.toStringTag]() { return 'Tag'; } }
        console.log(new Foo(), new Empty(), new Tagged());
        """, "Foo { x: 1 } Empty {} Tagged [Tag] {}\n");

    [Fact]
    public void Nesting_beyond_depth_two_is_abbreviated() => Expect("""
        class Foo { constructor() { this.x = 1; } }
        console.log({ a: { b: { c: { d: 1 } } }, arr: [[[[1]]]], f: { g: { h: new Foo() } }, m: { n: { o: new Map([[1, 2]]) } } });
        """, "{\n  a: { b: { c: [Object] } },\n  arr: [ [ [Array] ] ],\n  f: { g: { h: [Foo] } },\n  m: { n: { o: [Map] } }\n}\n");

    [Fact]
    public void Deeply_nested_objects_break_lines() => Expect("""
        console.dir({ a: { b: { c: { d: 1 } } } }, { depth: null });
        """, "{\n  a: { b: { c: { d: 1 } } }\n}\n");

    [Fact]
    public void Circular_references_are_numbered() => Expect("""
        const o = { name: 'o' }; o.self = o;
        console.log(o);
        const a = [1]; a.push(a);
        console.log(a);
        const p = { q: {} }; p.q.p = p; p.q.q = p.q;
        console.log(p);
        """, "<ref *1> { name: 'o', self: [Circular *1] }\n<ref *1> [ 1, [Circular *1] ]\n<ref *1> { q: <ref *2> { p: [Circular *1], q: [Circular *2] } }\n");

    [Fact]
    public void Functions_and_classes() => Expect("""
        class Foo {}
        class Bar extends Foo {}
        console.log([function named() {}, () => {}, async function af() {}, function* gen() {}, async function* ag() {}]);
        console.log(Foo, Bar, class {});
        console.log(Object.assign(function f() {}, { x: 1 }));
        """, "[\n  [Function: named],\n  [Function (anonymous)],\n  [AsyncFunction: af],\n  [GeneratorFunction: gen],\n  [AsyncGeneratorFunction: ag]\n]\n[class Foo] [class Bar extends Foo] [class (anonymous)]\n[Function: f] { x: 1 }\n");

    [Fact]
    public void Map_and_Set() => Expect("""
        console.log(new Map([['a', 1], ['b', { c: 2 }]]), new Set([1, 'two']));
        console.log(new Map(), new Set());
        """, "Map(2) { 'a' => 1, 'b' => { c: 2 } } Set(2) { 1, 'two' }\nMap(0) {} Set(0) {}\n");

    // Node shows the promise state; it is not visible from JS here.
    [Fact]
    public void Weak_collections_and_promises() => Expect("""
        console.log(new WeakMap(), new WeakSet());
        console.log(Promise.resolve(1));
        """, "WeakMap { <items unknown> } WeakSet { <items unknown> }\nPromise { <fulfilled> }\n");

    [Fact]
    public void Dates_and_regexps() => Expect("""
        console.log(new Date(0), new Date(NaN), /a+b/gi, [new Date(86400000)]);
        """, "1970-01-01T00:00:00.000Z Invalid Date /a+b/gi [ 1970-01-02T00:00:00.000Z ]\n");

    [Fact]
    public void Boxed_primitives() => Expect("""
        console.log([new Number(3), new String('x'), new Boolean(true), Object(1n), Object(Symbol('s'))]);
        """, "[\n  [Number: 3],\n  [String: 'x'],\n  [Boolean: true],\n  [BigInt: 1n],\n  [Symbol: Symbol(s)]\n]\n");

    [Fact]
    public void Typed_arrays() => Expect("""
        console.log(new Uint8Array([1, 2, 3]), new Float64Array(0), new BigInt64Array([1n, -2n]));
        """, "Uint8Array(3) [ 1, 2, 3 ] Float64Array(0) [] BigInt64Array(2) [ 1n, -2n ]\n");

    [Fact]
    public void ArrayBuffer_and_DataView() => Expect("""
        const buffer = new Uint8Array([1, 2, 255]).buffer;
        console.log(buffer);
        console.log(new DataView(buffer, 1));
        """, "ArrayBuffer { [Uint8Contents]: <01 02 ff>, byteLength: 3 }\nDataView {\n  byteLength: 2,\n  byteOffset: 1,\n  buffer: ArrayBuffer { [Uint8Contents]: <01 02 ff>, byteLength: 3 }\n}\n");

    [Fact]
    public void Error_prints_stack_then_extra_properties() => Expect("""
        const e = new Error('boom');
        e.stack = 'Error: boom\n    at f (file.js:1:1)';
        e.code = 'E_BOOM';
        console.log(e);
        """, "Error: boom\n    at f (file.js:1:1) {\n  code: 'E_BOOM'\n}\n");

    [Fact]
    public void Error_nested_in_object_is_indented() => Expect("""
        const e = new RangeError('bad');
        e.stack = 'RangeError: bad\n    at g (file.js:2:2)';
        console.log({ err: e });
        """, "{\n  err: RangeError: bad\n      at g (file.js:2:2)\n}\n");

    [Fact]
    public void Error_without_stack_is_bracketed() => Expect("""
        const e = new TypeError('no frames');
        Object.defineProperty(e, 'stack', { value: '', enumerable: false });
        console.log(e);
        """, "[TypeError: no frames]\n");

    [Fact]
    public void Error_cause_and_subclass() => Expect("""
        class MyError extends Error {}
        const inner = new MyError('inner');
        inner.stack = 'Error: inner\n    at a (x.js:1:1)';
        const outer = new Error('outer', { cause: inner });
        outer.stack = 'Error: outer\n    at b (x.js:2:2)';
        console.log(outer);
        """, "Error: outer\n    at b (x.js:2:2) {\n  [cause]: MyError: inner\n      at a (x.js:1:1)\n}\n");

    [Fact]
    public void Long_objects_break_one_entry_per_line() => Expect("""
        console.log({ alpha: 'aaaaaaaaaaaaaaaa', beta: 'bbbbbbbbbbbbbbbb', gamma: 'cccccccccccccccc', delta: 1 });
        """, "{\n  alpha: 'aaaaaaaaaaaaaaaa',\n  beta: 'bbbbbbbbbbbbbbbb',\n  gamma: 'cccccccccccccccc',\n  delta: 1\n}\n");

    [Fact]
    public void Inspect_custom_symbol_is_honoured() => Expect("""
        class Money { [Symbol.for('nodejs.util.inspect.custom')]() { return 'Money<5>'; } }
        console.log({ m: new Money() });
        """, "{ m: Money<5> }\n");
}

/// <summary>console.log's printf-like format specifiers and argument joining.</summary>
public class FormatTests
{
    [Fact]
    public void Percent_s_formats_primitives_and_objects() => Expect("""
        class T { toString() { return 'custom'; } }
        console.log('%s|%s|%s|%s|%s', 'str', 42, -0, 10n, Symbol('q'));
        console.log('%s %s %s', { a: { b: 1 } }, [1, [2]], new T());
        """, "str|42|-0|10n|Symbol(q)\n{ a: [Object] } [ 1, [Array] ] custom\n");

    [Fact]
    public void Percent_d_i_f() => Expect("""
        console.log('%d %i %f', '42.5', '42.5', '1e3');
        console.log('%d %i %d', 10n, 7n, {});
        """, "42.5 42 1000\n10n 7n NaN\n");

    [Fact]
    public void Percent_j_with_cycle() => Expect("""
        const c = {}; c.c = c;
        console.log('%j / %j', { a: [1, 'x'] }, c);
        """, "{\"a\":[1,\"x\"]} / [Circular]\n");

    [Fact]
    public void Percent_o_O_c_and_percent_escape() => Expect("""
        console.log('%O', { a: { b: { c: { d: 1 } } } });
        console.log('%o', { a: 1 });
        console.log('%cstyled', 'color: red');
        console.log('100%% sure', 'x');
        console.log('%s %s', 'only-one');
        """, "{ a: { b: { c: [Object] } } }\n{ a: 1 }\nstyled\n100% sure x\nonly-one %s\n");

    [Fact]
    public void Remaining_arguments_are_joined_with_spaces() => Expect("""
        console.log('a', 1, 'b', { c: 2 }, [3], null, undefined);
        console.log('%s!', 'x', 'rest', 5);
        console.log(5, '%s', 'y');
        console.log();
        """, "a 1 b { c: 2 } [ 3 ] null undefined\nx! rest 5\n5 %s y\n\n");
}

/// <summary>The console methods: streams, dir, assert, group, count, table and timers.</summary>
public class ConsoleTests
{
    [Fact]
    public void Log_info_debug_go_to_stdout_warn_error_to_stderr() => Expect("""
        console.log('log'); console.info('info'); console.debug('debug'); console.warn('warn %d', 1); console.error('error', { a: 1 });
        """, "log\ninfo\ndebug\n", "warn 1\nerror { a: 1 }\n");

    [Fact]
    public void Methods_work_detached() => Expect("""
        const { log, error, count, group, groupEnd, table } = console;
        log('detached'); error('err');
        group('g'); count(); groupEnd();
        table([1]);
        """, "detached\ng\n  default: 1\n┌─────────┬────────┐\n│ (index) │ Values │\n├─────────┼────────┤\n│ 0       │ 1      │\n└─────────┴────────┘\n", "err\n");

    [Fact]
    public void Dir_uses_inspect_with_depth_option() => Expect("""
        console.dir({ a: { b: { c: {} } } }, { depth: 0 });
        console.dir('str');
        """, "{ a: [Object] }\n'str'\n");

    [Fact]
    public void Assert_prints_only_when_falsy() => Expect("""
        console.assert(true, 'hidden');
        console.assert(false);
        console.assert(0, 'value %s', 'sub', 2);
        console.assert(null, { a: 1 });
        """, "", "Assertion failed\nAssertion failed: value sub 2\nAssertion failed: [object Object]\n");

    [Fact]
    public void Group_indents_nested_output() => Expect("""
        console.group('Level 1');
        console.log('one');
        console.group();
        console.log('two\nlines');
        console.error('to stderr');
        console.groupEnd();
        console.groupCollapsed('collapsed', 1);
        console.log({ x: 1 });
        console.groupEnd();
        console.groupEnd();
        console.groupEnd();
        console.log('back');
        """, "Level 1\n  one\n    two\n    lines\n  collapsed 1\n    { x: 1 }\nback\n", "    to stderr\n");

    [Fact]
    public void Count_and_countReset() => Expect("""
        console.count(); console.count(); console.count('x'); console.count('default');
        console.countReset(); console.count();
        console.countReset('missing');
        """, "default: 1\ndefault: 2\nx: 1\ndefault: 3\ndefault: 1\n", "Warning: Count for 'missing' does not exist\n");

    [Fact]
    public void Table_of_objects_and_column_filter() => Expect("""
        console.table([{ a: 1, b: 'Y' }, { a: 'Z', c: [1, 2] }]);
        console.table([{ a: 1, b: 2 }, { a: 3, b: 4 }], ['b']);
        """, "┌─────────┬─────┬─────┬──────────┐\n│ (index) │ a   │ b   │ c        │\n├─────────┼─────┼─────┼──────────┤\n│ 0       │ 1   │ 'Y' │          │\n│ 1       │ 'Z' │     │ [ 1, 2 ] │\n└─────────┴─────┴─────┴──────────┘\n┌─────────┬───┐\n│ (index) │ b │\n├─────────┼───┤\n│ 0       │ 2 │\n│ 1       │ 4 │\n└─────────┴───┘\n");

    [Fact]
    public void Table_of_primitives_and_mixed_rows() => Expect("""
        console.table(['x', 2]);
        console.table({ r1: { c: 1 }, r2: 'prim' });
        console.table(5);
        console.table('text');
        """, "┌─────────┬────────┐\n│ (index) │ Values │\n├─────────┼────────┤\n│ 0       │ 'x'    │\n│ 1       │ 2      │\n└─────────┴────────┘\n┌─────────┬───┬────────┐\n│ (index) │ c │ Values │\n├─────────┼───┼────────┤\n│ r1      │ 1 │        │\n│ r2      │   │ 'prim' │\n└─────────┴───┴────────┘\n5\ntext\n");

    [Fact]
    public void Table_of_Map_and_Set() => Expect("""
        console.table(new Map([['k', 1], ['l', { x: 1 }]]));
        console.table(new Set(['s']));
        """, "┌───────────────────┬─────┬──────────┐\n│ (iteration index) │ Key │ Values   │\n├───────────────────┼─────┼──────────┤\n│ 0                 │ 'k' │ 1        │\n│ 1                 │ 'l' │ { x: 1 } │\n└───────────────────┴─────┴──────────┘\n┌───────────────────┬────────┐\n│ (iteration index) │ Values │\n├───────────────────┼────────┤\n│ 0                 │ 's'    │\n└───────────────────┴────────┘\n");

    [Fact]
    public void Time_and_timeEnd_report_elapsed_virtual_time() => Expect("""
        console.time('op');
        console.time();
        console.timeEnd();
        setTimeout(() => {
          console.timeLog('op', 'halfway', { n: 1 });
          setTimeout(() => console.timeEnd('op'), 1000);
        }, 250);
        """, "default: 0ms\nop: 250ms halfway { n: 1 }\nop: 1.250s\n");

    [Fact]
    public void Time_warns_on_unknown_and_duplicate_labels() => Expect("""
        console.timeEnd('nope');
        console.timeLog('nope');
        console.time('dup');
        console.time('dup');
        """, "", "Warning: No such label 'nope' for console.timeEnd()\nWarning: No such label 'nope' for console.timeLog()\nWarning: Label 'dup' already exists for console.time()\n");

    [Fact]
    public void Trace_prints_message_and_caller_frames_to_stderr()
    {
        var r = JsHarness.Run("""
            function where() { console.trace('here %d', 1); }
            where();
            console.trace();
            """);
        Assert.Equal("", r.Stdout);
        var lines = r.Stderr.Split('\n');
        Assert.Equal("Trace: here 1", lines[0]);
        Assert.StartsWith("    at where (", lines[1]);
        Assert.Contains("\nTrace\n    at ", r.Stderr);
        Assert.DoesNotContain("at trace", r.Stderr);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void Console_methods_survive_replaced_builtins()
    {
        var r = JsHarness.Run("""
            const saved = [Array.prototype.join, Object.keys, String.prototype.slice, JSON.stringify, Map.prototype.get];
            Array.prototype.join = () => 'broken';
            Object.keys = () => [];
            String.prototype.slice = () => 'broken';
            JSON.stringify = () => 'broken';
            Map.prototype.get = () => 'broken';
            console.log('%j', { b: 1 }, { a: [1, 2] });
            console.table([{ c: 1 }]);
            [Array.prototype.join, Object.keys, String.prototype.slice, JSON.stringify, Map.prototype.get] = saved;
            """);
        Assert.Equal("{\"b\":1} { a: [ 1, 2 ] }\n┌─────────┬───┐\n│ (index) │ c │\n├─────────┼───┤\n│ 0       │ 1 │\n└─────────┴───┘\n", r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }
}
