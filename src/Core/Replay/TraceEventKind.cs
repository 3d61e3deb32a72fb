namespace EsRuntime.Replay;

/// <summary>
/// What one trace event records: a provider's answer to the runtime, in the order the loop received
/// it. New providers add kinds; existing numbers never change meaning.
/// </summary>
public enum TraceEventKind : byte
{
    /// <summary>A wall-clock reading (milliseconds since the Unix epoch).</summary>
    ClockWall = 1,
    /// <summary>A monotonic-clock reading (milliseconds).</summary>
    ClockMonotonic = 2,
    /// <summary>The random bytes the entropy provider gave.</summary>
    Entropy = 3,
    /// <summary>Text written to stdout or stderr (<see cref="TraceEvent.Argument"/> names the stream).</summary>
    ConsoleWrite = 4,
    /// <summary>The environment variables, recorded when (and only if) the program read them.</summary>
    ProcessEnvironment = 5,
    /// <summary>The current working directory the process host gave.</summary>
    ProcessCwd = 6,
    /// <summary>The program called exit(code) (<see cref="TraceEvent.Number"/>).</summary>
    ProcessExit = 7,
    /// <summary>Format 1 only (module lookups are now <see cref="FsLocate"/>).</summary>
    ModuleRealPath = 8,
    /// <summary>Format 1 only.</summary>
    ModuleIsFile = 9,
    /// <summary>Format 1 only.</summary>
    ModuleIsDirectory = 10,
    /// <summary>A module's source read through the filesystem provider.</summary>
    ModuleReadText = 11,
    /// <summary>The running hash over every event so far, written every <see cref="TraceFormat.CheckpointInterval"/> events.</summary>
    Checkpoint = 12,
    /// <summary>A clean end of the run, with its exit code. A trace without it was cut short.</summary>
    End = 13,
    /// <summary>A synchronous path lookup (module resolution): what is there and its canonical path.</summary>
    FsLocate = 14,
    /// <summary>An asynchronous filesystem request, tagged; its answer is a later <see cref="FsResult"/>.</summary>
    FsRequest = 15,
    /// <summary>
    /// The answer to a tagged request. Written when the provider finished (possibly on another thread),
    /// so it may come after events of later turns; a replay reads it whenever it meets it.
    /// </summary>
    FsResult = 16,
    /// <summary>The completions the loop delivered in one turn, by id, in order.</summary>
    Completions = 17,
    /// <summary>A fault the simulator injected (informational: the answers that follow show its effect).</summary>
    Fault = 18,
    /// <summary>Whether the console wanted colours on a stream (<see cref="TraceEvent.Argument"/>): Number 1 or 0.</summary>
    ConsoleColor = 19,
    /// <summary>A network request (resolve, connect, listen, accept, read, write, shutdown, close), tagged.</summary>
    NetRequest = 20,
    /// <summary>The answer to a tagged network request — a read's bytes exactly as delivered; out of band like <see cref="FsResult"/>.</summary>
    NetResult = 21,
    /// <summary>A synchronous call of an embedder's host-module function and its answer (<see cref="HostTraceCodec"/>).</summary>
    HostCall = 22,
    /// <summary>An asynchronous host-module call, tagged; its answer is a later <see cref="HostResult"/>.</summary>
    HostRequest = 23,
    /// <summary>The answer to a tagged host-module call; out of band like <see cref="FsResult"/>.</summary>
    HostResult = 24,
    /// <summary>
    /// Where the script was (<see cref="TraceEvent.Argument"/>, file:line:column) when the event after it was
    /// recorded; only in traces recorded with call sites. Not an event: a reader gives it with that event
    /// (<see cref="TraceReader.CallSite"/>).
    /// </summary>
    CallSite = 25,
}
