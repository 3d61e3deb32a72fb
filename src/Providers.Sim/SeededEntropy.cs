using System.Buffers.Binary;
using System.Security.Cryptography;
using EsRuntime.Providers;

namespace EsRuntime.Providers.Sim;

/// <summary>Deterministic bytes from a seed: SHA-256 of (seed, block counter), so the same seed gives the same stream.</summary>
public sealed class SeededEntropy(ulong seed) : IEntropy
{
    private readonly byte[] _block = new byte[32];
    private int _available;
    private ulong _counter;

    public void Fill(Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            if (_available == 0) Refill();
            var take = Math.Min(_available, destination.Length);
            _block.AsSpan(32 - _available, take).CopyTo(destination);
            destination = destination[take..];
            _available -= take;
        }
    }

    private void Refill()
    {
        Span<byte> input = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(input, seed);
        BinaryPrimitives.WriteUInt64LittleEndian(input[8..], _counter++);
        SHA256.HashData(input, _block);
        _available = 32;
    }
}
