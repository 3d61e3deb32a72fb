using EsRuntime.Web.Compression;

namespace EsRuntime.Replay;

/// <summary>
/// The decompressed bytes of a trace. It uses our own inflater (Web/Compression) rather than
/// DeflateStream because the reader must know what DeflateStream does not tell: whether the
/// compressed stream ended at all (a trace cut short did not) and whether bytes follow it (junk).
/// </summary>
internal sealed class TraceInflater(Stream source) : IDisposable
{
    private readonly Inflater _inflater = new(CompressionFormat.DeflateRaw);
    private readonly byte[] _chunk = new byte[16 * 1024];
    private bool _sourceEnded;

    /// <summary>The compressed stream ended and nothing follows it; false for a trace cut short.</summary>
    public bool Finished => _inflater.Finished && _sourceEnded;

    /// <summary>Reads decompressed bytes; 0 at the end of the compressed stream or of a file cut short.</summary>
    /// <exception cref="TraceFormatException">the compressed data is corrupt or followed by junk.</exception>
    public int Read(Span<byte> destination)
    {
        try
        {
            while (true)
            {
                var n = _inflater.Drain(destination);
                if (n > 0 || destination.IsEmpty) return n;
                if (_inflater.Finished)
                {
                    if (!_sourceEnded && source.Read(_chunk) > 0) throw new TraceFormatException("bytes follow the end of the trace's compressed data (junk appended)");
                    _sourceEnded = true;
                    return 0;
                }
                if (_sourceEnded) return 0;
                var read = source.Read(_chunk);
                if (read == 0) _sourceEnded = true;
                else _inflater.Push(_chunk.AsSpan(0, read), final: false);
            }
        }
        catch (InflateException e)
        {
            throw new TraceFormatException("the trace's compressed data is corrupt: " + e.Message);
        }
    }

    public int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public void Dispose() => source.Dispose();
}
