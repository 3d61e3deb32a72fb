namespace EsRuntime.Modules;

/// <summary>A module could not be resolved, was refused, or could not be read. The message names the
/// specifier, the importing file and why.</summary>
internal sealed class ModuleException(string message) : Exception(message);
