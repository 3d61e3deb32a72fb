using Microsoft.ClearScript.JavaScript;
using Microsoft.ClearScript.V8.FastProxy;

namespace EsRuntime.Engine;

/// <summary>The arguments of one op call: a view over ClearScript's fast-call arguments.</summary>
internal readonly ref struct OpArgs
{
    // V8FastArgs is a span over the native arguments, so a copy still reads the same call.
    private readonly V8FastArgs _args;

    internal OpArgs(in V8FastArgs args) => _args = args;

    public int Count => _args.Count;

    public bool IsNullish(int index) => index >= _args.Count || _args.IsUndefined(index) || _args.IsNull(index);

    public bool IsTruthy(int index) => index < _args.Count && _args.IsTruthy(index);

    /// <summary>A string argument; the JS side coerces before the call, so anything else is a bug there.</summary>
    public string String(int index) =>
        index < _args.Count && _args.TryGet(index, out string? s) && s is not null ? s : throw new OpException("TypeError", $"argument {index} must be a string");

    /// <summary>A string argument's chars, read where V8 put them (no .NET string): valid during the call only.</summary>
    public ReadOnlySpan<char> Chars(int index) =>
        index < _args.Count && _args.TryGet(index, out ReadOnlySpan<char> s) ? s : throw new OpException("TypeError", $"argument {index} must be a string");

    public double Number(int index) =>
        index < _args.Count && _args.TryGet(index, out double d) ? d : throw new OpException("TypeError", $"argument {index} must be a number");

    public int Int32(int index) => (int)Number(index);

    /// <summary>
    /// The state of a promise argument as V8 reports it with the argument (0 pending, 1 fulfilled,
    /// 2 rejected), or -1 for anything else. V8 offers no script-level way to read it.
    /// </summary>
    public int PromiseState(int index)
    {
        if (index >= _args.Count || _args.Get<object>(index) is not IJavaScriptObject value) return -1;
        using var _ = value as IDisposable;
        if (value.Kind != JavaScriptObjectKind.Promise) return -1;
        return value.Flags.HasFlag(JavaScriptObjectFlags.Pending) ? 0 : value.Flags.HasFlag(JavaScriptObjectFlags.Rejected) ? 2 : 1;
    }

    /// <summary>An opaque JS value (object, promise, error) held by the host.</summary>
    public JsValue Value(int index) => new(index < _args.Count ? _args.Get<object>(index) : null);
}

/// <summary>The result slot of one op call.</summary>
internal readonly ref struct OpResult
{
    // V8FastResult holds a pointer to the native result slot, so a copy writes the same slot.
    private readonly V8FastResult _result;

    internal OpResult(in V8FastResult result) => _result = result;

    public void Set(double value) => _result.Set(value);
    public void Set(int value) => _result.Set(value);
    public void Set(bool value) => _result.Set(value);
    public void Set(string? value)
    {
        if (value is null) _result.SetNull();
        else _result.Set(value);
    }
    public void Set(ReadOnlySpan<char> value) => _result.Set(value);

    /// <summary>The first <paramref name="length"/> chars of an array rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/>, which this returns.</summary>
    public void SetPooled(char[] rented, int length)
    {
        try { _result.Set(rented.AsSpan(0, length)); }
        finally { System.Buffers.ArrayPool<char>.Shared.Return(rented); }
    }
    public void Set(JsValue value)
    {
        if (value.Raw is null) _result.SetUndefined();
        else _result.Set(value.Raw);
    }
    public void SetUndefined() => _result.SetUndefined();
}

/// <summary>An op body. Throw <see cref="OpException"/> to raise a typed JS error.</summary>
internal delegate void Op(OpArgs args, OpResult result);

/// <summary>A JS value the host keeps without looking into it (a promise, an error, a namespace).</summary>
internal readonly record struct JsValue(object? Raw)
{
    public static readonly JsValue Undefined = new(null);
    public bool IsUndefined => Raw is null || Raw is Microsoft.ClearScript.Undefined;
}
