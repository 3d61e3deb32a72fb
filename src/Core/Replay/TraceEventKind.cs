namespace EsRuntime.Replay;

/// <summary>
/// What one trace event records: a provider's answer to the runtime, in the order the loop received
/// it. New providers add kinds; existing numbers never change meaning.
/// </summary>
public enum TraceEventKind : byte
{
    ClockWall = 1,
    ClockMonotonic = 2,
    Entropy = 3,
    ConsoleWrite = 4,
    ProcessEnvironment = 5,
    ProcessCwd = 6,
    ProcessExit = 7,
    ModuleRealPath = 8,
    ModuleIsFile = 9,
    ModuleIsDirectory = 10,
    ModuleReadText = 11,
    /// <summary>The running hash over every event so far, written every <see cref="TraceFormat.CheckpointInterval"/> events.</summary>
    Checkpoint = 12,
    /// <summary>A clean end of the run, with its exit code. A trace without it was cut short.</summary>
    End = 13,
    /// <summary>Whether the console wanted colours on a stream (<see cref="TraceEvent.Argument"/>): Number 1 or 0.</summary>
    ConsoleColor = 14,
}
