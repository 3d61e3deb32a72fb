namespace EsRuntime.Engine;

/// <summary>What the engine asks of the module system: resolve a specifier and hand back source.</summary>
internal interface IModuleHost
{
    /// <summary>Resolves <paramref name="specifier"/> imported by <paramref name="referrerUrl"/> and loads it.</summary>
    /// <exception cref="Modules.ModuleException">the specifier cannot be resolved, is refused, or is missing.</exception>
    ModuleSource Load(string specifier, string? referrerUrl);

    /// <summary>True for modules that may see the runtime internals through <c>import.meta</c>.</summary>
    bool IsPrivileged(string url);
}

/// <summary>A module's canonical URL and its (already rewritten) source.</summary>
internal sealed record ModuleSource(string Url, string Code);
