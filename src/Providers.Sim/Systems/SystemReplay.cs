using EsRuntime.Capabilities;
using EsRuntime.Providers;
using EsRuntime.Replay;
using EsRuntime.Replay.Replaying;

namespace EsRuntime.Providers.Sim;

/// <summary>
/// Replays a <see cref="SystemTrace"/>: every incarnation answers from its own recorded trace (no network,
/// disk, clock or seed is consulted) and the driver's logged steps are applied in order, so hosts
/// interleave as they did. The first host whose program asks for something its trace does not hold next
/// stops the replay, named with the difference.
/// </summary>
public static class SystemReplay
{
    /// <exception cref="FormatException">the file is not a readable system trace.</exception>
    public static SystemOutcome Run(byte[] file, IConsole? output = null)
    {
        var (header, traces, steps) = SystemTrace.Read(file);
        var sink = new CapturingConsole(output);
        var consoles = header.Hosts.Select(name => new PrefixConsole($"[{name}] ", sink)).ToArray();
        var incarnations = header.Incarnations.Select((host, i) => new Incarnation(host, i, header.Hosts[host]) { Console = consoles[host] }).ToArray();
        var restarts = new int[header.Hosts.Count];
        var options = new SystemOptions { Capabilities = (Capability)header.Capabilities, Locale = header.Locale, TimeLimitMs = header.TimeLimitMs };
        (string Host, int Code)? failure = null;
        string? divergence = null;
        long count = 0;
        using var watchdog = new StepWatchdog();
        try
        {
            foreach (var (index, kind) in StepLog.Read(steps))
            {
                count++;
                if (index >= incarnations.Length) throw new FormatException($"step {count} names run {index}, which the trace does not hold");
                var inc = incarnations[index];
                if (inc.Runtime is null) Start(inc, traces[index], options, d => divergence ??= $"[{inc.HostName}] {d.Message}");
                try
                {
                    switch (kind)
                    {
                        case StepKind.End:
                            inc.Ended = true;
                            inc.ExitCode = inc.Runtime!.ExitCode ?? 0;
                            inc.Runtime.Dispose();
                            inc.Console!.End();
                            if (inc.WantsCrash && restarts[inc.Host] < options.MaxRestarts) restarts[inc.Host]++;
                            else
                            {
                                inc.Replayer!.ExpectEnd(inc.ExitCode.Value);
                                if (inc.ExitCode != 0) failure ??= (inc.HostName, inc.ExitCode.Value);
                            }
                            break;
                        case StepKind.Crash:
                            inc.Ended = true;
                            inc.Runtime!.Dispose();
                            inc.Console!.End();
                            if (restarts[inc.Host] < options.MaxRestarts) restarts[inc.Host]++;
                            else failure ??= (inc.HostName, inc.ExitCode ??= SystemRun.CrashExitCode);
                            break;
                        default:
                            inc.Apply(kind, options, watchdog);
                            break;
                    }
                }
                catch (ReplayDivergenceException e) { divergence ??= $"[{inc.HostName}] {e.Divergence.Message}"; }
                if (inc.Replayer?.Divergence is { } d) divergence ??= $"[{inc.HostName}] {d.Message}";
                if (divergence is not null) break;
            }
        }
        finally
        {
            foreach (var inc in incarnations.Where(c => c.Runtime is not null && !c.Ended))
            {
                try { inc.Runtime!.Dispose(); }
                catch (ReplayDivergenceException) { }
                inc.Console!.End();
            }
        }
        var exit = divergence is not null ? Simulation.DivergedExitCode : failure?.Code ?? 0;
        if (divergence is null && exit != header.ExitCode)
        {
            divergence = $"the replay ended with exit code {exit}, the recorded run with {header.ExitCode}";
            exit = Simulation.DivergedExitCode;
        }
        var hosts = header.Hosts.Select((name, i) =>
        {
            var last = incarnations.LastOrDefault(c => c.Host == i);
            return new HostOutcome(name, last is { Ended: true } ? last.ExitCode : null, restarts[i]);
        }).ToList();
        return new SystemOutcome(exit, sink.Stdout, sink.Stderr, hosts, [], null, failure?.Host, 0, count) { Divergence = divergence };
    }

    private static void Start(Incarnation inc, byte[] trace, SystemOptions options, Action<ReplayDivergence> diverged)
    {
        var reader = new TraceReader(new MemoryStream(trace));
        var replayer = new TraceReplayer(reader);
        inc.Replayer = replayer;
        var providers = Replayer.Providers(replayer, inc.Console!, MemoryCodeCache.Shared) with { Sim = inc };
        inc.Providers = providers;
        inc.Runtime = SystemRun.Create(providers, reader.Header.MainPath, reader.Header.EvalCode, options);
        replayer.CallSite = inc.Runtime.CurrentCallSite;
        var runtime = inc.Runtime;
        replayer.OnDivergence = d =>
        {
            diverged(d);
            runtime.Stop(Simulation.ExitCodeOf(d));
        };
    }
}
