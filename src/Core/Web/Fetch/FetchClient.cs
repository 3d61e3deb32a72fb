using System.Buffers;
using EsRuntime.Http;
using EsRuntime.Loop;
using EsRuntime.Providers;
using EsRuntime.Runtime;

namespace EsRuntime.Web.Fetch;

/// <summary>
/// fetch()'s HTTP/1.1 client: one request per <see cref="FetchExchange"/>, over connections kept
/// per origin and reused when the codec says the last response allows it. Everything runs on the loop
/// thread, driven by completions; bytes cross only the network provider, so a recording holds the
/// plaintext HTTP and a replay runs this very code again with no socket.
/// </summary>
internal sealed class FetchClient(RuntimeContext ctx) : IDisposable
{
    private const int MaxIdlePerOrigin = 16;
    private readonly Dictionary<string, Stack<FetchConnection>> _idle = new(StringComparer.Ordinal);

    public RuntimeContext Context => ctx;

    /// <summary>An idle connection to <paramref name="origin"/>, or null (the caller connects).</summary>
    public FetchConnection? TakeIdle(string origin)
    {
        if (!_idle.TryGetValue(origin, out var stack)) return null;
        while (stack.TryPop(out var connection))
            if (!connection.Broken) return connection;
        return null;
    }

    /// <summary>A connection whose response ended cleanly goes back to its origin's pool.</summary>
    public void Release(FetchConnection connection)
    {
        if (!_idle.TryGetValue(connection.Origin, out var stack)) _idle[connection.Origin] = stack = new Stack<FetchConnection>();
        if (stack.Count >= MaxIdlePerOrigin) { connection.Dispose(); return; }
        stack.Push(connection);
    }

    public void Dispose()
    {
        foreach (var stack in _idle.Values)
            foreach (var connection in stack) connection.Dispose();
        _idle.Clear();
    }
}

/// <summary>One pooled socket and its codec.</summary>
internal sealed class FetchConnection(string origin, IConnection socket, RuntimeContext ctx) : IDisposable
{
    public string Origin { get; } = origin;
    public IConnection Socket { get; } = socket;
    public HttpClientConnection Codec { get; } = new();
    public int ReadKey { get; } = ctx.NextHandle();
    public int WriteKey { get; } = ctx.NextHandle();
    public bool Reused { get; set; }
    public bool Broken { get; private set; }

    public void Dispose()
    {
        if (Broken) return;
        Broken = true;
        Socket.Dispose();
        Codec.Dispose();
    }

    public void Abort()
    {
        if (Broken) return;
        Socket.Abort();
        Dispose();
    }
}
