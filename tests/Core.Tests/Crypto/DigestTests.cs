using static EsRuntime.Tests.Crypto.CryptoJs;

namespace EsRuntime.Tests.Crypto;

/// <summary>crypto.subtle.digest against FIPS 180 example values.</summary>
public class DigestTests
{
    [Theory]
    [InlineData("SHA-1", "a9993e364706816aba3e25717850c26c9cd0d89d")]
    [InlineData("SHA-256", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("SHA-384", "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7")]
    [InlineData("SHA-512", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")]
    public void Abc(string hash, string expected) => Expect($$"""
        console.log(hex(await subtle.digest("{{hash}}", ascii("abc"))));
        console.log(hex(await subtle.digest({ name: "{{hash.ToLowerInvariant()}}" }, new DataView(ascii("abc").buffer))));
        """, $"{expected}\n{expected}\n");

    [Fact]
    public void Empty_input() => Expect("""
        console.log(hex(await subtle.digest("SHA-256", new ArrayBuffer(0))));
        """, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n");

    // Larger than the transfer buffer, so the input is staged in chunks.
    [Fact]
    public void One_million_a() => Expect("""
        console.log(hex(await subtle.digest("SHA-256", new Uint8Array(1000000).fill(0x61))));
        console.log(hex(await subtle.digest("SHA-1", new Uint8Array(1000000).fill(0x61))));
        """, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0\n34aa973cd4c4daa4f61eeb2bdbad27316534016f\n");

    [Fact]
    public void Data_changed_after_the_call_does_not_matter() => Expect("""
        const data = ascii("abc");
        const p = subtle.digest("SHA-256", data);
        data[0] = 0;
        console.log(hex(await p));
        """, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n");

    [Fact]
    public void Errors() => Expect("""
        console.log(await errorName(subtle.digest("SHA-3", ascii("abc"))));
        console.log(await errorName(subtle.digest({}, ascii("abc"))));
        console.log(await errorName(subtle.digest("SHA-256", "abc")));
        console.log(await errorName(subtle.digest("SHA-256")));
        console.log(await errorName(subtle.digest.call({}, "SHA-256", ascii("abc"))));
        console.log(await errorName(subtle.digest("MD5", ascii(""))));
        """, "NotSupportedError\nTypeError\nTypeError\nTypeError\nTypeError\nNotSupportedError\n");
}
