using System.Text;

namespace EsRuntime.Runtime;

/// <summary>
/// What <c>--audit</c> prints: each source of ambient nondeterminism a run touched, how often, and what
/// deterministic mode did about it — so a user knows why a replay elsewhere might differ.
/// </summary>
public static class AuditReport
{
    /// <summary>Every audited source: its key (as counted), its name, and how a deterministic run handles it.</summary>
    public static readonly IReadOnlyList<(string Key, string Name, string Handling)> Sources =
    [
        ("weakref", "WeakRef", "neutralised: holds its target strongly, never emptied by the garbage collector"),
        ("finalization", "FinalizationRegistry", "neutralised: cleanup callbacks never run (GC timing is not replayable)"),
        ("sab", "SharedArrayBuffer", "touched: shared memory is deterministic only within one thread"),
        ("atomics.wait", "Atomics.wait / waitAsync", "neutralised: removed (they wait on real time)"),
        ("wasm.async", "async WebAssembly compile/instantiate", "neutralised: compiled synchronously, settled on the loop"),
        ("locale", "Intl / toLocale* (locale)", "pinned: the run's locale is fixed (en-US under --sim, recorded otherwise)"),
        ("timezone", "local time (time zone)", "pinned: UTC under --sim, recorded otherwise"),
        ("crypto.rsa-pss", "RSA-PSS signature (OpenSSL randomness)", "not replayable: the salt comes from OpenSSL, not the seeded entropy"),
        ("crypto.ecdsa", "ECDSA signature (OpenSSL randomness)", "not replayable: the nonce comes from OpenSSL, not the seeded entropy"),
        ("crypto.rsa-oaep", "RSA-OAEP encryption (OpenSSL randomness)", "not replayable: the padding seed comes from OpenSSL"),
    ];

    /// <summary>The report for <paramref name="counts"/>, each line prefixed by <paramref name="prefix"/>.</summary>
    public static string Format(IReadOnlyDictionary<string, long> counts, string prefix = "")
    {
        var text = new StringBuilder();
        if (counts.Count == 0) return $"{prefix}audit: the run touched no source of ambient nondeterminism\n";
        text.Append(prefix).Append("audit: sources of ambient nondeterminism the run touched:\n");
        foreach (var (key, name, handling) in Sources)
            if (counts.TryGetValue(key, out var n)) text.Append(prefix).Append($"  {name,-42} {n,6}x  {handling}\n");
        return text.ToString();
    }
}
