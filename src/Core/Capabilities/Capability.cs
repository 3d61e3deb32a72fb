namespace EsRuntime.Capabilities;

/// <summary>What a runtime may reach beyond computing. Deny by default; the CLI grants all.</summary>
[Flags]
public enum Capability
{
    None = 0,
    Env = 1 << 0,
    FileRead = 1 << 1,
    FileWrite = 1 << 2,
    Net = 1 << 3,
    NetListen = 1 << 4,
    HrTime = 1 << 5,
    /// <summary>Calling the functions of the <c>host:</c> modules an embedder registered (<c>RuntimeOptions.HostModules</c>).</summary>
    Host = 1 << 6,
    All = Env | FileRead | FileWrite | Net | NetListen | HrTime | Host,
}
