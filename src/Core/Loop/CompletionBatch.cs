using System.Buffers.Binary;
using System.Text;

namespace EsRuntime.Loop;

/// <summary>
/// The answers of one delivery, written into the completion buffer the prelude shares with C#:
/// a table of records (promise id, status, number, byte length) and, after it, their bytes. When the
/// buffer fills, the batch is handed to JS (one dispatch) and starts again. A payload too large for
/// the buffer stays in C# and JS pulls it with one op (status <see cref="Large"/>).
/// </summary>
internal sealed class CompletionBatch(CompletionBatch.BufferSource buffer, Action<int> dispatch)
{
    /// <summary>The completion buffer (where the engine keeps it).</summary>
    public delegate Span<byte> BufferSource();

    public const int Ok = 0, Failed = 1, Large = 2;
    public const int RecordBytes = 32;
    public const int TableBytes = 16 * 1024;
    private const int MaxRecords = TableBytes / RecordBytes;

    private readonly Dictionary<int, byte[]> _large = [];
    private readonly List<(int Id, int Status, double Number, byte[] Bytes)> _staged = [];
    private int _count;
    private int _bytes;
    private bool _dispatching;

    /// <summary>Answers waiting for the next dispatch.</summary>
    public int Count => _count + _staged.Count;

    public void Add(int id, int status, double number, ReadOnlySpan<byte> bytes)
    {
        // An op answering at once while JS reads this batch (from inside the dispatch) must not
        // overwrite what JS has not read yet: it waits until the dispatch returns.
        if (_dispatching)
        {
            _staged.Add((id, status, number, bytes.ToArray()));
            return;
        }
        var region = buffer().Length - TableBytes;
        if (bytes.Length > region)
        {
            _large[id] = bytes.ToArray();
            Add(id, Large, bytes.Length, default);
            return;
        }
        if (_count == MaxRecords || _bytes + bytes.Length > region) Flush();
        var span = buffer();
        var record = span.Slice(_count * RecordBytes, RecordBytes);
        BinaryPrimitives.WriteDoubleLittleEndian(record, id);
        BinaryPrimitives.WriteDoubleLittleEndian(record[8..], status);
        BinaryPrimitives.WriteDoubleLittleEndian(record[16..], number);
        BinaryPrimitives.WriteDoubleLittleEndian(record[24..], bytes.Length);
        bytes.CopyTo(span[(TableBytes + _bytes)..]);
        _bytes += bytes.Length;
        _count++;
    }

    public void AddText(int id, int status, double number, string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        if (length <= 1024)
        {
            Span<byte> small = stackalloc byte[length];
            Encoding.UTF8.GetBytes(text, small);
            Add(id, status, number, small);
        }
        else Add(id, status, number, Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Hands what is batched so far to JS.</summary>
    public void Flush()
    {
        if (_count == 0 && _staged.Count > 0) Unstage();
        if (_count == 0) return;
        var count = _count;
        _count = 0;
        _bytes = 0;
        _dispatching = true;
        try { dispatch(count); }
        finally
        {
            _dispatching = false;
            Unstage();
        }
    }

    private void Unstage()
    {
        if (_staged.Count == 0) return;
        var staged = _staged.ToArray();
        _staged.Clear();
        foreach (var (id, status, number, bytes) in staged) Add(id, status, number, bytes);
    }

    /// <summary>Takes a payload that was too large for the buffer (JS asks for it once).</summary>
    public byte[]? TakeLarge(int id) => _large.Remove(id, out var bytes) ? bytes : null;
}

/// <summary>The answer to one script operation, written into the current batch (loop thread).</summary>
internal readonly struct Reply(CompletionBatch batch, int id)
{
    public int Id => id;

    public void Ok(double number = 0) => batch.Add(id, CompletionBatch.Ok, number, default);

    public void Ok(double number, ReadOnlySpan<byte> bytes) => batch.Add(id, CompletionBatch.Ok, number, bytes);

    public void OkText(string text, double number = 0) => batch.AddText(id, CompletionBatch.Ok, number, text);

    /// <summary>Rejects with an error of <paramref name="name"/> (a JS error type or a DOMException name).</summary>
    public void Error(string name, string message) => batch.AddText(id, CompletionBatch.Failed, 0, name + "\n" + message);
}
