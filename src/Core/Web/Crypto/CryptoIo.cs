using System.Security.Cryptography;
using EsRuntime.Engine;

namespace EsRuntime.Web.Crypto;

/// <summary>
/// Moves bytes between the crypto JS and the ops through the transfer buffer. Inputs that fit are
/// read in place; larger ones are staged chunk by chunk first (<c>cryptoStage</c>). Results that fit
/// are written at offset 0; larger ones wait here and are pulled out by <c>cryptoTake</c>.
/// The JS side knows which case applies from the total length alone, so no flag crosses.
/// </summary>
internal sealed class CryptoIo(V8Engine engine)
{
    private byte[] _staged = [];
    private int _stagedLength;
    private byte[]? _pending;
    private byte[] _scratch = new byte[4096];

    /// <summary>The usable size of the transfer buffer (the tail is the dispatch slots).</summary>
    public int Capacity => engine.DispatchSlots;

    public void Stage(int length)
    {
        if (length < 0 || length > Capacity) throw new OpException("RangeError", "bad staging length");
        if (_stagedLength + length > _staged.Length)
            Array.Resize(ref _staged, Math.Max(_stagedLength + length, _staged.Length * 2));
        engine.Transfer[..length].CopyTo(_staged.AsSpan(_stagedLength));
        _stagedLength += length;
    }

    /// <summary>The op's input bytes: in the transfer buffer when they fit, else the staged copy.</summary>
    public ReadOnlySpan<byte> Input(int total)
    {
        if (total < 0) throw new OpException("RangeError", "bad input length");
        if (total <= Capacity) return engine.Transfer[..total];
        if (_stagedLength != total) throw new OpException("Error", "crypto input was not staged");
        return _staged.AsSpan(0, total);
    }

    /// <summary>Forgets (and wipes) staged input; called when an op is done with it, even on failure.</summary>
    public void EndInput()
    {
        if (_stagedLength == 0) return;
        CryptographicOperations.ZeroMemory(_staged.AsSpan(0, _stagedLength));
        _stagedLength = 0;
    }

    /// <summary>A reusable buffer for results; it never aliases the transfer buffer.</summary>
    public Span<byte> Scratch(int length)
    {
        // Very large results get a one-off array so the runtime does not keep holding it.
        if (length > 1 << 20) return new byte[length];
        if (_scratch.Length < length) _scratch = new byte[Math.Max(length, _scratch.Length * 2)];
        return _scratch.AsSpan(0, length);
    }

    /// <summary>Publishes a result and returns its length (the op's return value).</summary>
    public int Output(ReadOnlySpan<byte> bytes)
    {
        _pending = null;
        if (bytes.Length <= Capacity) bytes.CopyTo(engine.Transfer);
        else _pending = bytes.ToArray();
        return bytes.Length;
    }

    /// <summary>Copies the next chunk of a large result into the transfer buffer.</summary>
    public void Take(int offset, int length)
    {
        if (_pending is null || offset < 0 || length < 0 || length > Capacity || offset + length > _pending.Length)
            throw new OpException("RangeError", "no such pending crypto output");
        _pending.AsSpan(offset, length).CopyTo(engine.Transfer);
        if (offset + length == _pending.Length) _pending = null;
    }

    public Span<byte> Transfer => engine.Transfer;
}
