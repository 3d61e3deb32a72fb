namespace EsRuntime.Capabilities;

/// <summary>What a runtime may reach beyond computing. Deny by default; the CLI grants all.</summary>
[Flags]
public enum Capability
{
    /// <summary>Nothing beyond computing.</summary>
    None = 0,
    /// <summary>Reading the host process through <c>runtime:process</c>: environment variables, arguments, cwd.</summary>
    Env = 1 << 0,
    /// <summary>Reading files and directories through <c>runtime:fs</c> (stat, list, read).</summary>
    FileRead = 1 << 1,
    /// <summary>Changing files and directories through <c>runtime:fs</c> (write, mkdir, remove, rename).</summary>
    FileWrite = 1 << 2,
    /// <summary>Outbound connections: <c>runtime:net</c> connect and <c>fetch</c> (within the allowed host list, if there is one).</summary>
    Net = 1 << 3,
    /// <summary>Listening and accepting: <c>runtime:net</c> listen and accept, <c>runtime:http</c> serve.</summary>
    NetListen = 1 << 4,
    /// <summary>Sub-millisecond <c>performance.now()</c>; without it the reading is floored to whole milliseconds.</summary>
    HrTime = 1 << 5,
    /// <summary>Calling the functions of the <c>host:</c> modules an embedder registered (<c>RuntimeOptions.HostModules</c>).</summary>
    Host = 1 << 6,
    /// <summary>Every capability (what the CLI grants unless told to deny some).</summary>
    All = Env | FileRead | FileWrite | Net | NetListen | HrTime | Host,
}
