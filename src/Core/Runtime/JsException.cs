namespace EsRuntime.Runtime;

/// <summary>
/// A JavaScript value thrown (or a promise rejected) in answer to an embedder's call: an expression
/// passed to <see cref="JsRuntime.Evaluate{T}(string)"/>, an export called by
/// <see cref="JsRuntime.CallAsync{T}(string, System.Text.Json.Nodes.JsonNode?[])"/>. The run goes on.
/// </summary>
public sealed class JsException : Exception
{
    /// <summary>A thrown error's name and message, with the stack as the script would see it.</summary>
    public JsException(string name, string message, string? jsStack) : base($"{name}: {message}")
    {
        Name = name;
        JsMessage = message;
        JsStack = string.IsNullOrEmpty(jsStack) ? null : jsStack;
    }

    /// <summary>The error's <c>name</c> (<c>TypeError</c>, <c>RangeError</c>, a DOMException's name; <c>Error</c> for a thrown non-error).</summary>
    public string Name { get; }

    /// <summary>The error's <c>message</c>.</summary>
    public string JsMessage { get; }

    /// <summary>The error's <c>stack</c> without the runtime's own frames, or null when it has none.</summary>
    public string? JsStack { get; }
}
