namespace EsRuntime.Providers.Sim;

/// <summary>The driver's steps in order, each (incarnation, kind) as one 7-bit-encoded integer.</summary>
internal sealed class StepLog
{
    private readonly MemoryStream _bytes = new();
    private readonly BinaryWriter _writer;

    public StepLog() => _writer = new BinaryWriter(_bytes);

    public long Count { get; private set; }

    public void Add(int incarnation, StepKind kind)
    {
        _writer.Write7BitEncodedInt((incarnation << 3) | (int)kind);
        Count++;
    }

    public byte[] ToArray()
    {
        _writer.Flush();
        return _bytes.ToArray();
    }

    public static IEnumerable<(int Incarnation, StepKind Kind)> Read(byte[] log)
    {
        using var reader = new BinaryReader(new MemoryStream(log));
        while (reader.BaseStream.Position < reader.BaseStream.Length)
        {
            var value = reader.Read7BitEncodedInt();
            yield return (value >> 3, (StepKind)(value & 7));
        }
    }
}
