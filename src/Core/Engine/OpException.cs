namespace EsRuntime.Engine;

/// <summary>
/// An error an op raises into JS. It reaches script as an <c>Error</c> whose message starts with
/// "<c>Kind: </c>"; the prelude's <c>internals.retype</c> turns it into the JS error of that kind.
/// </summary>
internal class OpException(string kind, string message) : Exception($"{kind}: {message}")
{
    public string Kind { get; } = kind;
    public string Detail { get; } = message;
}
