namespace EsRuntime.Replay;

/// <summary>A trace file that is not one, is corrupt, or was written by an incompatible version.</summary>
public sealed class TraceFormatException(string message) : Exception(message);
