using FsCheck;
using FsCheck.Fluent;

namespace EsRuntime.Properties;

/// <summary>
/// Generated programs built from timers with random delays, promises, microtasks, Math.random,
/// Date.now, performance.now, crypto.getRandomValues and console output, sometimes ending in an
/// uncaught error.
/// </summary>
public static class Programs
{
    private static readonly string[] Reads =
    [
        "Math.random()",
        "Date.now()",
        "performance.now()",
        "new Date().toISOString()",
        "(typeof crypto === 'object' ? crypto.getRandomValues(new Uint8Array(3)).join('.') : 'no-crypto')",
    ];

    private static Gen<string> Log(string label) =>
        Gen.Elements(Reads).Select(read => $"console.log('{label}', {read});");

    private static Gen<string> Statement(int depth) =>
        depth <= 0
            ? Log("leaf")
            : Gen.Frequency(
                (4, Log("log")),
                (2, Gen.Zip(Block(depth - 1), Gen.Choose(0, 120)).Select(p => $"setTimeout(() => {{ {p.Item1} }}, {p.Item2});")),
                (1, Block(depth - 1).Select(b => $"Promise.resolve().then(() => {{ {b} }});")),
                (1, Block(depth - 1).Select(b => $"queueMicrotask(() => {{ {b} }});")),
                (1, Gen.Choose(0, 50).Select(d => $"setTimeout(() => console.error('stderr at', performance.now()), {d});")));

    private static Gen<string> Block(int depth) =>
        Gen.Choose(1, 3).SelectMany(n => Gen.ListOf(Statement(depth), n)).Select(list => string.Join(" ", list));

    private static Gen<string> TopLevel =>
        Gen.Frequency(
            (5, Statement(2)),
            (1, Gen.Choose(0, 200).Select(d => $"await new Promise((r) => setTimeout(r, {d}));")));

    /// <summary>A whole program: top-level statements, maybe a failing timer at the end.</summary>
    public static Gen<string> Program =>
        Gen.Zip(Gen.Choose(1, 8).SelectMany(n => Gen.ListOf(TopLevel, n)), Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true))))
            .Select(p => string.Join("\n", p.Item1) + (p.Item2 ? "\nsetTimeout(() => { throw new Error('generated failure'); }, 60);" : ""));

    public static Arbitrary<string> Arbitrary => Program.ToArbitrary();
}
