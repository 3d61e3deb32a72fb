using System.Text.RegularExpressions;
using EsRuntime.Capabilities;

namespace EsRuntime.Runtime;

/// <summary>
/// A module an embedder gives its scripts: <c>new HostModule("myapp")</c> is imported as
/// <c>import { f } from "host:myapp"</c>. Its functions are host code; arguments and results cross as
/// JSON (and byte arrays), never as .NET objects, so the runtime stays Native-AOT safe and every answer
/// can be recorded and replayed. Each call is checked against <see cref="Requires"/> like the runtime's
/// own ops, and goes through the <see cref="Providers.IHostCalls"/> provider.
/// </summary>
/// <example>
/// <code>
/// var app = new HostModule("myapp")
///     .Function("add", args => args.GetDouble(0) + args.GetDouble(1))
///     .AsyncFunction("lookup", async (args, cancel) => await db.FindAsync(args.GetString(0), cancel));
/// var options = new RuntimeOptions { Providers = providers, Capabilities = Capability.Host, HostModules = [app] };
/// </code>
/// </example>
public sealed partial class HostModule
{
    private readonly List<HostFunction> _functions = [];

    /// <param name="name">The module's name: lower-case letters, digits, '-', '_' and '.', as in <c>host:my-app</c>.</param>
    public HostModule(string name)
    {
        if (!ValidName().IsMatch(name))
            throw new ArgumentException($"a host module name is lower-case letters, digits, '-', '_' and '.' (as in \"my-app\"), not \"{name}\"", nameof(name));
        Name = name;
    }

    /// <summary>The module's name, without the scheme.</summary>
    public string Name { get; }

    /// <summary>What scripts import: <c>host:</c> and the name.</summary>
    public string Specifier => "host:" + Name;

    /// <summary>
    /// The capabilities a script must have been granted to call the module's functions (checked at
    /// each call; a refusal is a <c>NotCapable</c> error). <see cref="Capability.Host"/> by default; add
    /// others when the functions reach what they guard (<c>Capability.Host | Capability.Net</c>).
    /// </summary>
    public Capability Requires { get; init; } = Capability.Host;

    /// <summary>The functions, in the order they were added.</summary>
    public IReadOnlyList<HostFunction> Functions => _functions;

    /// <summary>Adds a synchronous function: the script gets its result at once.</summary>
    /// <param name="name">The export's name (a JS identifier).</param>
    /// <param name="body">Runs on the loop thread; keep it short (the script waits for it).</param>
    public HostModule Function(string name, Func<HostArgs, HostValue> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Add(new HostFunction(this, CheckName(name), body, null));
    }

    /// <summary>
    /// Adds an asynchronous function: the script gets a promise, settled on the loop when the task
    /// completes (on any thread). The token is cancelled when the runtime is disposed.
    /// </summary>
    /// <param name="name">The export's name (a JS identifier).</param>
    /// <param name="body">Starts the work; called on the loop thread.</param>
    public HostModule AsyncFunction(string name, Func<HostArgs, CancellationToken, Task<HostValue>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Add(new HostFunction(this, CheckName(name), null, body));
    }

    private HostModule Add(HostFunction function)
    {
        _functions.Add(function);
        return this;
    }

    private string CheckName(string name)
    {
        if (!Identifier().IsMatch(name) || Reserved.Contains(name))
            throw new ArgumentException($"\"{name}\" is not a JS identifier a module can export", nameof(name));
        if (_functions.Exists(f => f.Name == name))
            throw new ArgumentException($"{Specifier} already has a function named \"{name}\"", nameof(name));
        return name;
    }

    /// <summary>Words that cannot name an exported const (ES reserved words, and the default export).</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum",
        "export", "extends", "false", "finally", "for", "function", "if", "implements", "import", "in", "instanceof", "interface",
        "let", "new", "null", "package", "private", "protected", "public", "return", "static", "super", "switch", "this", "throw",
        "true", "try", "typeof", "var", "void", "while", "with", "yield", "arguments", "eval",
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex ValidName();

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex Identifier();
}

/// <summary>One function of a <see cref="HostModule"/>: synchronous or asynchronous.</summary>
public sealed class HostFunction
{
    private readonly Func<HostArgs, HostValue>? _sync;
    private readonly Func<HostArgs, CancellationToken, Task<HostValue>>? _async;

    internal HostFunction(HostModule module, string name, Func<HostArgs, HostValue>? sync, Func<HostArgs, CancellationToken, Task<HostValue>>? async)
    {
        Module = module;
        Name = name;
        _sync = sync;
        _async = async;
    }

    /// <summary>The module it belongs to.</summary>
    public HostModule Module { get; }

    /// <summary>The export's name.</summary>
    public string Name { get; }

    /// <summary>Whether the script gets a promise.</summary>
    public bool IsAsync => _async is not null;

    /// <summary>"host:name fn", for messages and traces.</summary>
    public override string ToString() => $"{Module.Specifier} {Name}";

    /// <summary>Runs a synchronous function's body.</summary>
    public HostValue Invoke(HostArgs args) =>
        (_sync ?? throw new InvalidOperationException($"{this} is asynchronous"))(args);

    /// <summary>Starts an asynchronous function's body.</summary>
    public Task<HostValue> InvokeAsync(HostArgs args, CancellationToken cancellation) =>
        (_async ?? throw new InvalidOperationException($"{this} is synchronous"))(args, cancellation);
}

/// <summary>
/// Thrown by a host function to reject with a JS error of <see cref="Name"/> (<c>TypeError</c>,
/// <c>RangeError</c>, <c>Error</c>, or a DOMException name such as <c>NotFoundError</c>). Any other
/// exception reaches the script as an <c>Error</c> (an <see cref="ArgumentException"/> as a <c>TypeError</c>).
/// </summary>
public sealed class HostFunctionException(string name, string message) : Exception(message)
{
    /// <summary>The JS error's name.</summary>
    public string Name { get; } = name;
}
