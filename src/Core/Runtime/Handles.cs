namespace EsRuntime.Runtime;

/// <summary>
/// Open provider objects (files, sockets, listeners) addressed by per-runtime integers. The ids come
/// from one counter per runtime, so an id also serves as the object's completion order key and no two
/// kinds of handle share one; a handle is only ever looked up in its own runtime's table, so one
/// runtime's ids mean nothing to another. Everything still open is disposed with the runtime.
/// </summary>
internal sealed class Handles<T> where T : class, IDisposable
{
    private readonly RuntimeContext _ctx;
    private readonly Dictionary<int, T> _items = [];

    public Handles(RuntimeContext ctx)
    {
        _ctx = ctx;
        ctx.OnDispose(DisposeAll);
    }

    public int Add(T item) => Add(_ => item);

    /// <summary>Adds the item <paramref name="make"/> builds for its new id.</summary>
    public int Add(Func<int, T> make)
    {
        var id = _ctx.NextHandle();
        _items[id] = make(id);
        return id;
    }

    public T? Get(int id) => _items.GetValueOrDefault(id);

    public T? Take(int id) => _items.Remove(id, out var item) ? item : null;

    private void DisposeAll()
    {
        foreach (var item in _items.Values) item.Dispose();
        _items.Clear();
    }
}
