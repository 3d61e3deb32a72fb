using System.Buffers;
using System.IO.Compression;
using EsRuntime.Web.Compression;

namespace EsRuntime.Web.Fetch;

/// <summary>
/// Undoes a response's <c>Content-Encoding</c> as its body arrives, push-style (the network hands
/// over whatever it has): gzip and deflate with our <see cref="Inflater"/> (which knows where a
/// stream ends and whether it was truncated), br with the base library's <see cref="BrotliDecoder"/>.
/// Several codings are undone last-applied first. Codings we do not know leave the body as it is,
/// as browsers do.
/// </summary>
internal sealed class ContentDecoder : IDisposable
{
    private const int Step = 64 * 1024;
    private readonly List<ICoding> _codings; // in the order to undo them

    private ContentDecoder(List<ICoding> codings) => _codings = codings;

    /// <summary>A decoder for a <c>Content-Encoding</c> value, or null when there is nothing to undo.</summary>
    public static ContentDecoder? For(string? contentEncoding)
    {
        if (string.IsNullOrWhiteSpace(contentEncoding)) return null;
        var names = contentEncoding.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var codings = new List<ICoding>();
        for (var i = names.Length - 1; i >= 0; i--)
        {
            switch (names[i].ToLowerInvariant())
            {
                case "gzip" or "x-gzip": codings.Add(new Inflating(CompressionFormat.Gzip)); break;
                case "deflate": codings.Add(new Inflating(CompressionFormat.Deflate)); break;
                case "br": codings.Add(new Brotli()); break;
                case "identity": break;
                default: return null; // an unknown coding: the outer ones cannot be undone either
            }
        }
        return codings.Count == 0 ? null : new ContentDecoder(codings);
    }

    /// <summary>Decodes <paramref name="input"/> (<paramref name="final"/>: the body ended) and returns what it gave.</summary>
    /// <exception cref="InvalidDataException">the body is not valid in its coding, or was cut short.</exception>
    public byte[] Decode(ReadOnlySpan<byte> input, bool final)
    {
        var bytes = input.ToArray();
        foreach (var coding in _codings) bytes = coding.Decode(bytes, final);
        return bytes;
    }

    public void Dispose()
    {
        foreach (var coding in _codings) coding.Dispose();
    }

    private interface ICoding : IDisposable
    {
        byte[] Decode(byte[] input, bool final);
    }

    private sealed class Inflating(CompressionFormat format) : ICoding
    {
        private readonly Inflater _inflater = new(format);

        public byte[] Decode(byte[] input, bool final)
        {
            var output = new ArrayBufferWriter<byte>(Math.Max(256, input.Length * 4));
            try
            {
                _inflater.Push(input, final);
                while (true)
                {
                    var n = _inflater.Drain(output.GetSpan(Step));
                    if (n == 0 && !_inflater.HasMore) break;
                    output.Advance(n);
                }
                if (final && !_inflater.Finished) throw new InflateException("the compressed body was cut short");
            }
            catch (InflateException e)
            {
                throw new InvalidDataException($"the {Name} body is corrupt: {e.Message}");
            }
            return output.WrittenSpan.ToArray();
        }

        private string Name => format == CompressionFormat.Gzip ? "gzip" : "deflate";

        public void Dispose() { }
    }

    private sealed class Brotli : ICoding
    {
        private BrotliDecoder _decoder;
        private byte[] _pending = [];
        private bool _done;

        public byte[] Decode(byte[] input, bool final)
        {
            var source = _pending.Length == 0 ? input : [.. _pending, .. input];
            var output = new ArrayBufferWriter<byte>(Math.Max(256, source.Length * 4));
            var offset = 0;
            while (!_done)
            {
                var status = _decoder.Decompress(source.AsSpan(offset), output.GetSpan(Step), out var consumed, out var written);
                offset += consumed;
                output.Advance(written);
                if (status == OperationStatus.Done) _done = true;
                else if (status == OperationStatus.InvalidData) throw new InvalidDataException("the br body is corrupt");
                else if (status == OperationStatus.NeedMoreData) break;
            }
            if (_done && offset < source.Length) throw new InvalidDataException("the br body has bytes after its end");
            _pending = source[offset..];
            if (final && !_done) throw new InvalidDataException("the br body was cut short");
            return output.WrittenSpan.ToArray();
        }

        public void Dispose() => _decoder.Dispose();
    }
}
