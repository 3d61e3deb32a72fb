namespace EsRuntime.Web.Encoding;

/// <summary>
/// A decoder instance of the standard: consumes bytes chunk by chunk, keeping whatever state a
/// sequence split across chunks needs. <c>flush</c> is the end of the stream (end-of-queue).
/// </summary>
internal abstract class StreamDecoder
{
    /// <summary>Decodes into <paramref name="output"/>; returns false at the first error when <paramref name="fatal"/>.</summary>
    public abstract bool Decode(ReadOnlySpan<byte> input, bool flush, bool fatal, CharSink output);
}

/// <summary>
/// The standard's byte-at-a-time decoder model: a handler per byte (or end-of-queue) that emits a
/// code point, continues, finishes or errors, and may prepend bytes back onto the stream. Prepended
/// bytes wait in a small queue that survives between chunks.
/// </summary>
internal abstract class StepDecoder : StreamDecoder
{
    protected const int EndOfQueue = -1;
    protected const int Continue = -2;
    protected const int Finished = -3;
    protected const int Error = -4;

    private readonly int[] _front = new int[4];
    private int _frontCount;

    /// <summary>Handles one byte (or <see cref="EndOfQueue"/>): a code point ≥ 0, or Continue/Finished/Error.</summary>
    protected abstract int Handle(int b, CharSink output);

    protected void Prepend(int b) => PrependAll(b, -99, -99);
    protected void Prepend(int a, int b) => PrependAll(a, b, -99);
    protected void Prepend(int a, int b, int c) => PrependAll(a, b, c);

    private void PrependAll(int a, int b, int c)
    {
        var n = c != -99 ? 3 : b != -99 ? 2 : 1;
        for (var i = _frontCount - 1; i >= 0; i--) _front[i + n] = _front[i];
        _front[0] = a;
        if (n > 1) _front[1] = b;
        if (n > 2) _front[2] = c;
        _frontCount += n;
    }

    public override bool Decode(ReadOnlySpan<byte> input, bool flush, bool fatal, CharSink output)
    {
        var i = 0;
        while (true)
        {
            int b;
            if (_frontCount > 0)
            {
                b = _front[0];
                _frontCount--;
                for (var k = 0; k < _frontCount; k++) _front[k] = _front[k + 1];
            }
            else if (i < input.Length) b = input[i++];
            else if (flush) b = EndOfQueue;
            else return true;

            var result = Handle(b, output);
            if (result >= 0) output.Append(result);
            else if (result == Finished) return true;
            else if (result == Error)
            {
                if (fatal) return false;
                output.Append(0xFFFD);
            }
        }
    }

    protected static bool IsAscii(int b) => b is >= 0 and <= 0x7F;
}
