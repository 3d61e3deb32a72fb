using System.Buffers;

namespace EsRuntime.Http;

/// <summary>
/// Received bytes not yet consumed, in one pooled array. Consuming only moves the start, so a
/// slice handed out stays valid until the next <see cref="Append"/> (or <see cref="Dispose"/>).
/// </summary>
internal sealed class HttpReceiveBuffer : IDisposable
{
    private const int InitialSize = 4096;
    private byte[] _array = [];
    private int _start, _end;

    public int Length => _end - _start;

    public ReadOnlySequence<byte> Sequence => new(_array, _start, _end - _start);

    public void Append(ReadOnlySpan<byte> data)
    {
        if (data.Length == 0) return;
        var length = Length;
        if (length == 0)
        {
            _start = _end = 0;
            // A buffer that grew for a burst goes back once it is empty.
            if (_array.Length > 16 * InitialSize) Return();
        }
        if (_end + data.Length > _array.Length)
        {
            var needed = length + data.Length;
            if (needed <= _array.Length)
            {
                _array.AsSpan(_start, length).CopyTo(_array);
            }
            else
            {
                var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(InitialSize, Math.Max(needed, _array.Length * 2)));
                _array.AsSpan(_start, length).CopyTo(bigger);
                Return();
                _array = bigger;
            }
            _start = 0;
            _end = length;
        }
        data.CopyTo(_array.AsSpan(_end));
        _end += data.Length;
    }

    public void Consume(long count)
    {
        _start += (int)count;
        if (_start == _end) _start = _end = 0;
    }

    private void Return()
    {
        if (_array.Length > 0) ArrayPool<byte>.Shared.Return(_array);
        _array = [];
    }

    public void Dispose()
    {
        Return();
        _start = _end = 0;
    }
}
