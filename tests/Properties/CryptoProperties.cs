using EsRuntime.Providers.Sim;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EsRuntime.Properties;

/// <summary>
/// WebCrypto properties: every cipher decrypts what it encrypted, AES-GCM rejects any single flipped
/// bit, and the provider-drawn parts of crypto (random values, UUIDs, AES/HMAC/EC keys) replay exactly.
/// </summary>
public class CryptoProperties
{
    private static readonly Gen<byte[]> Bytes = Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf();

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    private const string Helpers = """
        const unhex = (s) => new Uint8Array((s.match(/../g) ?? []).map((h) => parseInt(h, 16)));
        const same = (a, b) => { a = new Uint8Array(a); b = new Uint8Array(b); return a.length === b.length && a.every((x, i) => x === b[i]); };
        const subtle = crypto.subtle;

        """;

    [Property(MaxTest = 25)]
    public Property EncryptThenDecryptIsTheIdentityForEveryCipher() =>
        Prop.ForAll(Arb.From(Bytes.ListOf().Select(l => l.Take(6).ToArray())), Arb.From(Bytes), (payloads, extra) =>
        {
            var list = string.Join(",", payloads.Select(p => $"\"{Hex(p)}\""));
            var code = Helpers + $$"""
                const payloads = [{{list}}].map(unhex);
                const extra = unhex("{{Hex(extra)}}");
                const gcm = await subtle.generateKey({ name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
                const cbc = await subtle.generateKey({ name: "AES-CBC", length: 128 }, false, ["encrypt", "decrypt"]);
                const ctr = await subtle.generateKey({ name: "AES-CTR", length: 192 }, false, ["encrypt", "decrypt"]);
                const kw = await subtle.generateKey({ name: "AES-KW", length: 128 }, false, ["wrapKey", "unwrapKey"]);
                const rsa = await subtle.generateKey({ name: "RSA-OAEP", modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-1" }, false, ["encrypt", "decrypt"]);
                const ivLength = extra.length > 0 ? 1 + (extra[0] % 32) : 12;
                const cases = [
                  [gcm, gcm, { name: "AES-GCM", iv: extra.length > 0 ? extra.slice(0, ivLength) : new Uint8Array(12), additionalData: extra, tagLength: [32, 64, 96, 104, 112, 120, 128][extra.length % 7] }],
                  [cbc, cbc, { name: "AES-CBC", iv: new Uint8Array(16).fill(extra.length) }],
                  [ctr, ctr, { name: "AES-CTR", counter: new Uint8Array(16).fill(0xff), length: 1 + (extra.length % 128) }],
                  [rsa.publicKey, rsa.privateKey, { name: "RSA-OAEP", label: extra }],
                ];
                let failures = 0;
                for (const data of payloads) {
                  for (const [encryptKey, decryptKey, alg] of cases) {
                    if (alg.name === "RSA-OAEP" && data.length > 86) continue;
                    if (alg.name === "AES-CTR" && alg.length < 20 && Math.ceil(data.length / 16) > 2 ** alg.length) continue;
                    const back = await subtle.decrypt(alg, decryptKey, await subtle.encrypt(alg, encryptKey, data));
                    if (!same(back, data)) { failures++; console.log("mismatch", alg.name, data.length); }
                  }
                  // AES-KW wraps whole keys: a raw HMAC key of 16 + 8k bytes.
                  const keyBytes = new Uint8Array(16 + 8 * (data.length % 8)).map((_, i) => data[i % Math.max(data.length, 1)] ?? i);
                  const hmac = await subtle.importKey("raw", keyBytes, { name: "HMAC", hash: "SHA-256" }, true, ["sign"]);
                  const unwrapped = await subtle.unwrapKey("raw", await subtle.wrapKey("raw", hmac, kw, "AES-KW"), kw, "AES-KW", { name: "HMAC", hash: "SHA-256" }, true, ["sign"]);
                  if (!same(await subtle.exportKey("raw", unwrapped), keyBytes)) { failures++; console.log("mismatch AES-KW"); }
                }
                console.log("failures", failures);
                """;
            var (outcome, _) = Simulation.Record(code, 1);
            return (outcome.ExitCode == 0 && outcome.Stdout == "failures 0\n").Label($"{outcome}");
        });

    [Property(MaxTest = 30)]
    public Property FlippingAnyBitOfAnAesGcmCiphertextOrTagIsRejected() =>
        Prop.ForAll(Arb.From(Gen.Zip(Gen.Zip(Bytes, Bytes), Gen.Choose(0, int.MaxValue))), Arb.From(Gen.Zip(Gen.Elements(32, 64, 96, 104, 112, 120, 128), Gen.Elements(12, 12, 1, 16, 60))),
            (inputs, sizes) =>
            {
                var ((data, aad), pick) = inputs;
                var (tagLength, ivLength) = sizes;
                var code = Helpers + $$"""
                    const key = await subtle.generateKey({ name: "AES-GCM", length: 128 }, false, ["encrypt", "decrypt"]);
                    const alg = { name: "AES-GCM", iv: new Uint8Array({{ivLength}}).fill(7), additionalData: unhex("{{Hex(aad)}}"), tagLength: {{tagLength}} };
                    const sealed = new Uint8Array(await subtle.encrypt(alg, key, unhex("{{Hex(data)}}")));
                    const bit = {{pick}} % (sealed.length * 8);
                    sealed[bit >> 3] ^= 1 << (bit & 7);
                    try { await subtle.decrypt(alg, key, sealed); console.log("accepted", bit); }
                    catch (e) { console.log(e.name); }
                    """;
                var (outcome, _) = Simulation.Record(code, 1);
                return (outcome.Stdout == "OperationError\n").Label($"{outcome}");
            });

    [Property(MaxTest = 15)]
    public Property ProviderDrawnCryptoReplaysExactly() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, 1_000_000)), Arb.From(Gen.Elements("P-256", "P-384", "P-521")), (seed, curve) =>
        {
            var code = Helpers + $$"""
                const hex = (b) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, "0")).join("");
                console.log(hex(crypto.getRandomValues(new Uint8Array(40))), crypto.randomUUID());
                const aes = await subtle.generateKey({ name: "AES-GCM", length: 256 }, true, ["encrypt"]);
                const hmac = await subtle.generateKey({ name: "HMAC", hash: "SHA-512" }, true, ["sign"]);
                const ec = await subtle.generateKey({ name: "ECDSA", namedCurve: "{{curve}}" }, true, ["sign"]);
                console.log(hex(await subtle.exportKey("raw", aes)), hex(await subtle.exportKey("raw", hmac)));
                console.log(JSON.stringify(await subtle.exportKey("jwk", ec.privateKey)));
                """;
            var (recorded, trace) = Simulation.Record(code, (ulong)seed);
            var (replayed, divergence) = Simulation.Replay(trace);
            return (recorded.ExitCode == 0 && divergence is null && replayed == recorded).Label($"recorded: {recorded}\nreplayed: {replayed}\n{divergence?.Message}");
        });
}
