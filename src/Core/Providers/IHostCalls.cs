using EsRuntime.Runtime;

namespace EsRuntime.Providers;

/// <summary>
/// How calls to the embedder's <see cref="HostModule"/> functions are answered — a provider like the
/// others, so the answers are recorded and replayed: directly by the function (<see cref="DirectHostCalls"/>),
/// written to a trace while recording, read back from it when replaying (the function is not called).
/// </summary>
public interface IHostCalls
{
    /// <summary>Answers a call of a synchronous function (loop thread).</summary>
    HostValue Call(HostFunction function, HostArgs args);

    /// <summary>Starts a call of an asynchronous function (loop thread); the task may complete on any thread.</summary>
    Task<HostValue> CallAsync(HostFunction function, HostArgs args, CancellationToken cancellation);
}

/// <summary>The functions themselves answer.</summary>
public sealed class DirectHostCalls : IHostCalls
{
    /// <summary>The one instance.</summary>
    public static readonly DirectHostCalls Instance = new();

    private DirectHostCalls() { }

    /// <inheritdoc/>
    public HostValue Call(HostFunction function, HostArgs args) => function.Invoke(args);

    /// <inheritdoc/>
    public Task<HostValue> CallAsync(HostFunction function, HostArgs args, CancellationToken cancellation)
    {
        try { return function.InvokeAsync(args, cancellation); }
        catch (Exception e) when (e is not OutOfMemoryException) { return Task.FromException<HostValue>(e); }
    }
}
