namespace EsRuntime.Web.Encoding;

/// <summary>A growable UTF-16 output buffer, reused across decode calls of one runtime.</summary>
internal sealed class CharSink
{
    private char[] _buffer = new char[1024];
    public int Length;
    private int _start;

    public void Clear() => Length = _start = 0;

    /// <summary>Drops the first char written (a byte order mark).</summary>
    public void SkipFirst() => _start++;

    /// <summary>Room for <paramref name="count"/> more chars, as a span to write into directly.</summary>
    public Span<char> Reserve(int count)
    {
        if (Length + count > _buffer.Length) Grow(Length + count);
        return _buffer.AsSpan(Length);
    }

    /// <summary>Appends a code point (0..0x10FFFF), as a surrogate pair when above the BMP.</summary>
    public void Append(int codePoint)
    {
        if (Length + 2 > _buffer.Length) Grow(Length + 2);
        if (codePoint < 0x10000)
        {
            _buffer[Length++] = (char)codePoint;
            return;
        }
        codePoint -= 0x10000;
        _buffer[Length++] = (char)(0xD800 + (codePoint >> 10));
        _buffer[Length++] = (char)(0xDC00 + (codePoint & 0x3FF));
    }

    public ReadOnlySpan<char> Written => _buffer.AsSpan(_start, Length - _start);

    private void Grow(int needed) => Array.Resize(ref _buffer, Math.Max(needed, _buffer.Length * 2));
}
