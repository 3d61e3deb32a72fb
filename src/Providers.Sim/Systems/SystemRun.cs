using System.Globalization;
using EsRuntime.Providers;
using EsRuntime.Replay;
using EsRuntime.Runtime;

namespace EsRuntime.Providers.Sim;

/// <summary>
/// Runs several hosts as one deterministic system (FoundationDB's simulator, turmoil): one world (virtual
/// time line, seeded network, fault plan) and one runtime per host, stepped by a single thread. The
/// driver ticks every host that has work due now, in host order; when none has, it advances virtual time
/// to the earliest timer or simulated event of any host and runs the events due then. Each step is
/// logged, so the trace replays the hosts in the same interleaving.
/// <para>The run ends when every host that is not listening on a port has ended (servers run until
/// then), or at once when a host fails (a non-zero exit, an uncaught error, an invariant), whose exit code
/// the run takes. With nothing left to happen anywhere, the hosts still waiting end as a lone
/// <c>--sim</c> run does (a main module that never settled fails with 13); past the time limit, hosts
/// still running fail as hung.</para>
/// </summary>
internal sealed class SystemRun
{
    /// <summary>Steps at one instant past which the run is called a livelock (work due that never gets done).</summary>
    private const int MaxStepsPerInstant = 1_000_000;

    /// <summary>The exit code of a host that crashed (SIGKILL's, as runtime:sim's crash() gives).</summary>
    public const int CrashExitCode = 137;

    private readonly ulong _seed;
    private readonly IReadOnlyList<SimHostSpec> _specs;
    private readonly SystemOptions _options;
    private readonly Simulation _world;
    private readonly CapturingConsole _output;
    private readonly PrefixConsole[] _consoles;
    private readonly HostClock[] _clocks;
    private readonly Disk.SimFileSystem[] _disks;
    private readonly Incarnation[] _current;
    private readonly int[] _restarts;
    private readonly StepWatchdog _watchdog = new();
    private readonly List<Incarnation> _incarnations = [];
    private readonly StepLog _log = new();
    private (string Host, int Code)? _failure;
    private readonly Dictionary<string, Dictionary<string, long>> _audit = [];

    public SystemRun(ulong seed, IReadOnlyList<SimHostSpec> specs, SystemOptions options)
    {
        if (specs.Count == 0) throw new ArgumentException("a simulated system needs at least one host", nameof(specs));
        var duplicate = specs.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"two hosts are named '{duplicate.Key}'", nameof(specs));
        _seed = seed;
        _specs = specs;
        _options = options;
        _world = new Simulation(seed, options.Faults, options.Schedule);
        _output = new CapturingConsole(options.Output);
        _consoles = specs.Select(s => new PrefixConsole($"[{s.Name}] ", _output)).ToArray();
        _clocks = specs.Select(_ => new HostClock(_world)).ToArray();
        _disks = specs.Select(s =>
        {
            var disk = _world.CreateDisk(Disk.SimFileSystem.DefaultRoot, s.ProjectDirectory);
            foreach (var (path, text) in s.Files) disk.Add(Disk.SimFileSystem.DefaultRoot + "/" + path.TrimStart('/'), text);
            return disk;
        }).ToArray();
        _current = new Incarnation[specs.Count];
        _restarts = new int[specs.Count];
    }

    public SystemOutcome Run()
    {
        try
        {
            for (var i = 0; i < _specs.Count; i++)
            {
                SkewClock(i);
                Start(i);
            }
            Drive();
        }
        finally
        {
            foreach (var inc in _current.Where(c => c is not null && !c.Ended)) Abandon(inc);
            _watchdog.Dispose();
        }
        var hosts = _specs.Select((s, i) => new HostOutcome(s.Name, _current[i].Ended ? _current[i].ExitCode : null, _restarts[i])).ToList();
        var exit = _failure?.Code ?? 0;
        var trace = _options.Record ? SystemTrace.Write(Header(exit), _incarnations.Select(c => c.TraceBuffer!.ToArray()).ToList(), _log.ToArray()) : null;
        return new SystemOutcome(exit, _output.Stdout, _output.Stderr, hosts, _world.Fired.ToList(), trace, _failure?.Host, _world.Now, _log.Count)
        {
            Audit = _audit.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, long>)p.Value),
        };
    }

    private void Drive()
    {
        var sameInstant = 0;
        while (true)
        {
            var stepped = false;
            var now = _world.Now;
            foreach (var inc in _current)
            {
                if (inc.Ended || inc.Runtime!.NextWorkDue is not { } due || due > now) continue;
                Step(inc, StepKind.Tick);
                stepped = true;
                if (Over) return;
            }
            if (stepped)
            {
                if (++sameInstant > MaxStepsPerInstant) throw new InvalidOperationException("livelock: a host has work due that never gets done");
                continue;
            }
            sameInstant = 0;
            double? next = _world.NextEventDue;
            foreach (var inc in _current)
                if (!inc.Ended && inc.Runtime!.NextWorkDue is { } due) next = next is { } n ? Math.Min(n, due) : due;
            if (next is null)
            {
                // Nothing can happen any more: the hosts still waiting end as a lone --sim run would.
                foreach (var inc in _current.Where(c => !c.Ended))
                {
                    Step(inc, StepKind.Quiesce);
                    if (Over) return;
                }
                return;
            }
            if (next.Value > _options.TimeLimitMs)
            {
                foreach (var inc in _current.Where(c => !c.Ended && !_world.Network.IsListening(c.HostName)))
                {
                    Step(inc, StepKind.Hang);
                    if (Over) return;
                }
                return;
            }
            _world.AdvanceTo(next.Value);
            foreach (var inc in _current.Where(c => c.CrashDue && !c.Ended).ToList()) Crash(inc);
            if (Over) return;
        }
    }

    /// <summary>A host failed, or every host that is not serving has ended.</summary>
    private bool Over => _failure is not null || _current.All(c => c.Ended || _world.Network.IsListening(c.HostName));

    private void Step(Incarnation inc, StepKind kind)
    {
        _log.Add(inc.Index, kind);
        inc.Apply(kind, _options, _watchdog);
        if (!inc.Finished && kind == StepKind.Tick && inc.Invariants)
        {
            _log.Add(inc.Index, StepKind.Check);
            inc.Apply(StepKind.Check, _options, _watchdog);
        }
        if (kind == StepKind.Quiesce ? inc.Runtime!.ExitCode is not null || !_world.Network.IsListening(inc.HostName) : inc.Finished) End(inc);
    }

    /// <summary>The host's script ended (or asked to crash): record its end, or restart it.</summary>
    private void End(Incarnation inc)
    {
        _log.Add(inc.Index, StepKind.End);
        var code = inc.Runtime!.ExitCode ?? 0;
        inc.Ended = true;
        inc.ExitCode = code;
        Collect(inc);
        if (inc.WantsCrash) PowerOff(inc);
        inc.Runtime.Dispose();
        inc.Console!.End();
        if (inc.WantsCrash && _restarts[inc.Host] < _options.MaxRestarts)
        {
            inc.Trace?.Dispose();
            Restart(inc);
            return;
        }
        inc.Trace?.End(code);
        inc.Trace?.Dispose();
        if (code != 0) _failure ??= (inc.HostName, code);
    }

    private void Crash(Incarnation inc)
    {
        _log.Add(inc.Index, StepKind.Crash);
        inc.Ended = true;
        Collect(inc);
        PowerOff(inc);
        inc.Runtime!.Dispose();
        inc.Console!.End();
        inc.Trace?.Dispose();
        if (_restarts[inc.Host] < _options.MaxRestarts) Restart(inc);
        else
        {
            inc.ExitCode = CrashExitCode;
            _failure ??= (inc.HostName, inc.ExitCode.Value);
        }
    }

    /// <summary>A crash takes the disk down before the runtime is disposed: the dying runtime's open files cannot clean up after it.</summary>
    private void PowerOff(Incarnation inc) => _disks[inc.Host] = _disks[inc.Host].CrashAndRestart();

    private void Restart(Incarnation inc)
    {
        _restarts[inc.Host]++;
        Start(inc.Host);
    }

    private void Collect(Incarnation inc)
    {
        if (!_options.Audit || inc.Runtime is null) return;
        if (!_audit.TryGetValue(inc.HostName, out var counts)) _audit[inc.HostName] = counts = new(StringComparer.Ordinal);
        foreach (var (key, n) in inc.Runtime.Audit) counts[key] = counts.GetValueOrDefault(key) + n;
    }

    private void Abandon(Incarnation inc)
    {
        Collect(inc);
        inc.Runtime?.Dispose();
        inc.Console?.End();
        inc.Trace?.Dispose();
    }

    /// <summary>Clock faults decided once per host: a skewed and drifting wall clock.</summary>
    private void SkewClock(int host)
    {
        var name = _specs[host].Name;
        var clock = _clocks[host];
        if (_world.Inject(FaultKind.ClockSkew, $"{name}'s wall clock is off"))
            clock.OffsetMs = Math.Round(_world.Random.Between(-60_000, 60_000));
        if (_world.Inject(FaultKind.ClockDrift, $"{name}'s wall clock drifts"))
            clock.DriftRate = _world.Random.Between(-0.01, 0.01);
    }

    /// <summary>A new run of the host's script on its disk as it stands; crash and clock-step faults are decided for it.</summary>
    private void Start(int host)
    {
        var spec = _specs[host];
        var inc = new Incarnation(host, _incarnations.Count, spec.Name) { Console = _consoles[host] };
        _incarnations.Add(inc);
        _current[host] = inc;
        var entropy = new SeededEntropy(_seed ^ (0x9E3779B97F4A7C15UL * (ulong)(inc.Index + 1)));
        var providers = new ProviderSet(_clocks[host], entropy, inc.Console, new SimProcessHost(spec.Args), _disks[host],
            _options.CodeCache, new SeededScheduler(_world), _world.Network.Host(spec.Name), inc);
        var entry = spec.Code is null ? Disk.SimFileSystem.DefaultRoot + "/" + spec.Entry.TrimStart('/') : null;
        if (_options.Record)
        {
            inc.TraceBuffer = new MemoryStream();
            inc.Trace = new TraceWriter(inc.TraceBuffer, new TraceHeader("sim", "sim", [], entry, spec.Code, spec.Args,
                Disk.SimFileSystem.DefaultRoot, "linux", "x86_64", "UTC", _options.Locale, _options.Capabilities, _seed,
                Disk.SimFileSystem.DefaultRoot, null));
            providers = Recorder.Wrap(providers, inc.Trace);
        }
        inc.Providers = providers;
        // Set before the runtime exists: its start-up records events too, and the list must stay aligned with them.
        if (_options.CallSites && inc.Trace is not null) inc.Trace.CallSite = () => inc.Runtime is { } r && !inc.Ended ? r.CurrentCallSite() : null;
        inc.Runtime = Create(providers, entry, spec.Code, _options);
        if (_world.Inject(FaultKind.ClockStep, $"{spec.Name}'s wall clock steps"))
        {
            var by = Math.Round(_world.Random.Between(-30_000, 30_000));
            _world.Schedule(_world.Random.Between(0, 10_000), () => _clocks[host].OffsetMs += by);
        }
        // A host that used up its restarts is not crashed again: a fault plan alone never fails a run by exhaustion.
        if (_restarts[host] < _options.MaxRestarts && _world.Inject(FaultKind.ProcessCrash, $"{spec.Name} (run {_restarts[host] + 1}) crashes"))
            _world.Schedule(_world.Random.Between(100, 5_000), () => inc.CrashDue = true);
    }

    internal static JsRuntime Create(ProviderSet providers, string? entry, string? code, SystemOptions options)
    {
        var runtimeOptions = new RuntimeOptions
        {
            Providers = providers,
            Capabilities = options.Capabilities,
            Deterministic = true,
            Limits = options.Limits,
            DisposeDrain = TimeSpan.Zero,
            Audit = options.Audit,
        };
        return code is not null ? JsRuntime.FromCode(runtimeOptions, code) : new JsRuntime(runtimeOptions, entry!);
    }

    private SystemTrace.Header Header(int exit) => new(
        _seed,
        _options.Schedule is null ? _options.Faults.ToString() : null,
        _options.Schedule?.ToJson(null),
        _options.Locale,
        _options.TimeLimitMs,
        (int)_options.Capabilities,
        _specs.Select(s => s.Name).ToList(),
        _incarnations.Select(c => c.Host).ToList(),
        exit,
        _failure?.Host,
        _world.Fired.Select(f => f.ToString()).ToList(),
        string.Create(CultureInfo.InvariantCulture, $"{_world.Now:0.###}"));
}
