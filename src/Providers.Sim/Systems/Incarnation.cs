using System.Globalization;
using EsRuntime.Providers;
using EsRuntime.Replay;
using EsRuntime.Replay.Replaying;
using EsRuntime.Runtime;

namespace EsRuntime.Providers.Sim;

/// <summary>What the driver did to one host at one step; a system trace lists them in order.</summary>
internal enum StepKind : byte
{
    /// <summary>One loop turn (<see cref="JsRuntime.Tick"/>).</summary>
    Tick = 0,
    /// <summary>The host's invariants were checked.</summary>
    Check = 1,
    /// <summary>Nothing could happen any more anywhere: a main module that never settled fails.</summary>
    Quiesce = 2,
    /// <summary>The simulated time limit passed while the host still ran: it fails as hung.</summary>
    Hang = 3,
    /// <summary>A crash fault struck: the host's runtime is gone, its disk loses what was not synced.</summary>
    Crash = 4,
    /// <summary>The host's script ended (exit, error, nothing left to do, or crash()): the driver ended it.</summary>
    End = 5,
}

/// <summary>
/// One run of one host's script: the first, or one after a crash. Each has its own runtime and its own
/// trace (a standard one, replayable alone); the host's disk, clock and console carry over.
/// </summary>
internal sealed class Incarnation(int host, int index, string name) : ISimulationHost
{
    public const string CheckScript = "globalThis[Symbol.for(\"esrun.sim.checkInvariants\")]()";

    public int Host { get; } = host;
    public int Index { get; } = index;
    public string HostName { get; } = name;

    public JsRuntime? Runtime { get; set; }
    public ProviderSet? Providers { get; set; }
    public PrefixConsole? Console { get; set; }
    public bool Invariants { get; private set; }
    public bool WantsCrash { get; private set; }
    /// <summary>A crash fault is due: the driver crashes the host after the simulated events of this instant.</summary>
    public bool CrashDue { get; set; }
    public bool Ended { get; set; }
    public int? ExitCode { get; set; }

    // Recording.
    public MemoryStream? TraceBuffer { get; set; }
    public TraceWriter? Trace { get; set; }

    // Replaying.
    public TraceReplayer? Replayer { get; set; }
    public byte[]? RecordedTrace { get; set; }

    public void InvariantsRegistered() => Invariants = true;

    public void CrashRequested() => WantsCrash = true;

    /// <summary>Does <paramref name="kind"/> to this host; the same call on record and on replay.</summary>
    public void Apply(StepKind kind, SystemOptions options, StepWatchdog watchdog)
    {
        var runtime = Runtime!;
        var timeLimitMs = options.TimeLimitMs;
        switch (kind)
        {
            case StepKind.Tick:
                watchdog.Arm(runtime, options.StepWallLimit);
                try { runtime.Tick(); }
                finally { watchdog.Disarm(); }
                break;
            case StepKind.Check:
                watchdog.Arm(runtime, options.StepWallLimit);
                try { runtime.Execute(CheckScript, "esrun:invariants"); }
                finally { watchdog.Disarm(); }
                break;
            case StepKind.Quiesce:
                runtime.Quiesce();
                break;
            case StepKind.Hang:
                Providers!.Console.Write(ConsoleStream.Stderr, string.Create(CultureInfo.InvariantCulture,
                    $"error: still running when the simulated time limit of {timeLimitMs / 1000:0.###} s was reached (a hang? raise --time-limit)\n"));
                runtime.Stop(1);
                break;
            case StepKind.Crash or StepKind.End:
                break;
        }
        Console!.Flush();
    }

    /// <summary>Whether the script's run is over after a step (exit, error, or nothing left to do).</summary>
    public bool Finished => Runtime!.ExitCode is not null || !Runtime.Alive;
}
