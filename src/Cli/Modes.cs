using EsRuntime.Capabilities;
using EsRuntime.Engine;
using EsRuntime.Providers;
using EsRuntime.Providers.Real;
using EsRuntime.Providers.Real.Files;
using EsRuntime.Providers.Real.Net;
using EsRuntime.Providers.Sim;
using EsRuntime.Providers.Sim.Disk;
using EsRuntime.Replay;
using EsRuntime.Replay.Replaying;
using EsRuntime.Runtime;

namespace EsRuntime.Cli;

/// <summary>The ways esrun runs a program: plain, simulated, recorded, replayed, checked.</summary>
internal static class Modes
{
    public static int Run(CommandLine.Run run, string[] argv)
    {
        if (run.Hosts.Count > 0) return Sim.SystemMode.Run(run);
        var simulated = run.Seed is not null;
        if (simulated || run.RecordPath is not null) ProcessTimeZone.Set(simulated ? "UTC" : ProcessTimeZone.Current);
        // A simulated or recorded run pins the locale (ICU reads it once, at the first engine) so that it
        // is the same on any machine, or the same again on replay.
        var locale = run.Locale ?? (simulated ? ProcessLocale.Simulated : run.RecordPath is not null ? ProcessLocale.Current : null);
        if (locale is not null) ProcessLocale.Set(locale);
        var limits = Limits(run.MaxMemoryMiB);
        if (run.RecordPath is not null && TraceFile.Refusal(run.RecordPath, run.File is null ? null : Path.GetFullPath(run.File), run.Force) is { } refusal)
        {
            Console.Error.WriteLine("error: --record: " + refusal);
            return CommandLine.UsageError;
        }
        using var console = new StdConsole(allowColors: !simulated);
        ProgramSetup setup;
        try { setup = simulated ? SimProviders(run, console) : RealProviders(run, console); }
        catch (DirectoryNotFoundException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return 1;
        }
        using var disposeFiles = setup.Providers.Files as IDisposable;
        var capabilities = Capability.All & ~run.Denied;
        if (run.RecordPath is null)
            return Execute(setup.Providers, setup.Entry, run.Code, capabilities, deterministic: simulated, run.TimeoutMs, limits, run.NetHosts, run.Audit);

        TraceWriter trace;
        try { trace = new TraceWriter(TraceFile.Create(run.RecordPath), Header(run, argv, setup, capabilities, locale!)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: cannot write the trace {run.RecordPath}: {e.Message}");
            return 1;
        }
        using (trace)
        {
            if (setup.Simulation is { } world) world.FaultInjected += what => trace.Add(new TraceEvent(TraceEventKind.Fault, what));
            JsRuntime? runtime = null;
            if (run.CallSites) trace.CallSite = CallSiteOf(() => runtime);
            var code = Execute(Recorder.Wrap(setup.Providers, trace), setup.Entry, run.Code, capabilities, deterministic: true, run.TimeoutMs, limits, run.NetHosts, run.Audit,
                started: r => runtime = r);
            trace.End(code);
            return code;
        }
    }

    /// <summary>The providers a run gets, and the entry path as the runtime sees it (under the simulated root in --sim).</summary>
    private sealed record ProgramSetup(ProviderSet Providers, string? Entry, Simulation? Simulation);

    public static int Replay(string path)
    {
        if (SystemTraceAt(path) is { } system) return Sim.SystemMode.Replay(system);
        TraceReader reader;
        try
        {
            // The whole trace is checked before anything runs from it: a corrupt one (or one with junk
            // after it) is refused here; one cut short still replays its prefix.
            using (var check = File.OpenRead(path)) TraceReader.Verify(check);
            reader = new TraceReader(File.OpenRead(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or TraceFormatException)
        {
            Console.Error.WriteLine($"error: cannot replay {path}: {e.Message}");
            return CommandLine.TraceUnreadable;
        }
        using (reader)
        {
            var header = reader.Header;
            ProcessTimeZone.Set(header.TimeZone);
            ProcessLocale.Set(header.Locale);
            using var console = new StdConsole();
            var replayer = new TraceReplayer(reader);
            var providers = Replayer.Providers(replayer, console, new FileCodeCache());
            int code;
            try
            {
                // Disposing the runtime closes what is still open, as it did when recorded; only then has the program ended.
                using (var runtime = Create(providers, header.MainPath, header.EvalCode, header.Capabilities, deterministic: true, timeoutMs: null, Limits(header.MaxMemoryMiB)))
                using (new SignalStop(runtime))
                {
                    replayer.CallSite = runtime.CurrentCallSite;
                    replayer.OnDivergence = d => runtime.Stop(Simulation.ExitCodeOf(d));
                    code = runtime.RunToCompletion();
                }
                replayer.OnDivergence = null; // the runtime is gone: nothing left to stop
                replayer.ExpectEnd(code);
            }
            catch (ReplayDivergenceException) { code = CommandLine.ReplayDiverged; }
            catch (TraceFormatException e)
            {
                console.Flush();
                Console.Error.WriteLine($"error: the trace is corrupt after event {replayer.Position}: {e.Message}");
                return CommandLine.TraceUnreadable;
            }
            console.Flush();
            if (replayer.Divergence is { } divergence)
            {
                Console.Error.WriteLine("error: " + divergence.Message);
                return Simulation.ExitCodeOf(divergence);
            }
            return code;
        }
    }

    /// <summary>The bytes of <paramref name="path"/> when it is a system trace; null otherwise (or unreadable: the caller says so).</summary>
    private static byte[]? SystemTraceAt(string path)
    {
        try
        {
            using (var file = File.OpenRead(path))
            {
                Span<byte> magic = stackalloc byte[8];
                if (file.ReadAtLeast(magic, 8, throwOnEndOfStream: false) < 8 || !SystemTrace.Is(magic)) return null;
            }
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    public static int Summarize(string path, int events)
    {
        if (SystemTraceAt(path) is { } system)
        {
            try
            {
                Console.Out.Write(SystemTrace.Describe(system));
                return 0;
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine($"error: cannot read {path}: {e.Message}");
                return CommandLine.TraceUnreadable;
            }
        }
        try
        {
            using var reader = new TraceReader(File.OpenRead(path));
            Console.Out.Write(TraceSummary.Build(reader, events));
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or TraceFormatException)
        {
            Console.Error.WriteLine($"error: cannot read {path}: {e.Message}");
            return CommandLine.TraceUnreadable;
        }
    }

    /// <summary>
    /// Runs the program twice under the same seed, recording each run in memory with the script location of
    /// every provider call and an audit of ambient nondeterminism, and compares.
    /// </summary>
    public static int CheckDeterminism(CommandLine.Run run, string[] argv)
    {
        ProcessTimeZone.Set("UTC");
        var locale = run.Locale ?? ProcessLocale.Simulated;
        ProcessLocale.Set(locale);
        var limits = Limits(run.MaxMemoryMiB);
        var capabilities = Capability.All & ~run.Denied;
        var runs = new ComparedRun[2];
        for (var i = 0; i < 2; i++)
        {
            var setup = SimProviders(run, new CapturingConsole());
            using var buffer = new MemoryStream();
            JsRuntime? runtime = null;
            using (var trace = new TraceWriter(buffer, Header(run, argv, setup, capabilities, locale)))
            {
                setup.Simulation!.FaultInjected += what => trace.Add(new TraceEvent(TraceEventKind.Fault, what));
                trace.CallSite = CallSiteOf(() => runtime);
                trace.End(Execute(Recorder.Wrap(setup.Providers, trace), setup.Entry, run.Code, capabilities, deterministic: true, run.TimeoutMs, limits,
                    audit: true, started: r => runtime = r, printAudit: false));
            }
            runs[i] = ComparedRun.FromTrace(buffer.ToArray(), runtime!.Audit);
        }
        if (TraceComparison.Difference(runs[0], runs[1]) is { } difference)
        {
            Console.Out.Write(difference);
            return CommandLine.RunsDiffer;
        }
        Console.Out.WriteLine($"both runs were identical: {runs[0].Events.Count} provider events, exit code {runs[0].ExitCode}");
        return 0;
    }

    /// <summary>
    /// A trace's call-site question, answered only on this (the script's) thread: an answer a provider
    /// adds from another thread when it finishes was given at no point of the script.
    /// </summary>
    private static Func<string?> CallSiteOf(Func<JsRuntime?> runtime)
    {
        var scriptThread = Environment.CurrentManagedThreadId;
        return () => Environment.CurrentManagedThreadId == scriptThread ? runtime()?.CurrentCallSite() : null;
    }

    /// <summary>The real world: the disk under the entry's project root (the cwd for -e).</summary>
    private static ProgramSetup RealProviders(CommandLine.Run run, IConsole console)
    {
        var entry = run.File is null ? null : Path.GetFullPath(run.File);
        var root = entry is null ? Environment.CurrentDirectory : RealFileSystem.ProjectRoot(entry);
        var providers = new ProviderSet(new SystemClock(), new SystemEntropy(), console, new RealProcessHost(run.ScriptArgs),
            new RealFileSystem(root), new FileCodeCache(), Network: new SocketNetwork());
        return new ProgramSetup(providers, entry, null);
    }

    /// <summary>
    /// A simulated world under the seed: a virtual clock, seeded entropy and scheduling, and a simulated
    /// disk that shows the project's files (read-only, lazily) at a fixed virtual root, which is also the
    /// cwd — so the same seed gives the same run in any directory on any machine.
    /// </summary>
    private static ProgramSetup SimProviders(CommandLine.Run run, IConsole console)
    {
        var seed = run.Seed ?? 0;
        var world = new Simulation(seed, run.Faults, run.Schedule);
        var realEntry = run.File is null ? null : Path.GetFullPath(run.File);
        var realRoot = realEntry is null ? Environment.CurrentDirectory : RealFileSystem.ProjectRoot(realEntry);
        var disk = world.CreateDisk(SimFileSystem.DefaultRoot, snapshotOf: realRoot);
        var entry = realEntry is null ? null : SimFileSystem.DefaultRoot + "/" + Path.GetRelativePath(realRoot, realEntry).Replace('\\', '/');
        var providers = new ProviderSet(world.Clock, new SeededEntropy(seed), console,
            new SimProcessHost(run.ScriptArgs, cwd: SimFileSystem.DefaultRoot), disk, new FileCodeCache(), new SeededScheduler(world),
            world.Network.Host(realEntry is null ? "main" : Path.GetFileNameWithoutExtension(realEntry)));
        return new ProgramSetup(providers, entry, world);
    }

    /// <summary>The environment is not in the header: the recording process host records it if the program reads it.</summary>
    private static TraceHeader Header(CommandLine.Run run, string[] argv, ProgramSetup setup, Capability capabilities, string locale)
    {
        var process = setup.Providers.Process;
        return new TraceHeader(CommandLine.VersionString, run.Seed is null ? "record" : "sim", argv, setup.Entry, run.Code, run.ScriptArgs,
            process.Cwd(), process.Platform, process.Arch, run.Seed is null ? ProcessTimeZone.Current : "UTC", locale, capabilities, run.Seed,
            setup.Providers.Files.Root, run.MaxMemoryMiB);
    }

    private static EngineLimits Limits(int? maxMemoryMiB) =>
        maxMemoryMiB is { } mib ? new EngineLimits { MaxHeapMiB = mib, MaxArrayBufferMiB = mib } : new EngineLimits();

    private static JsRuntime Create(ProviderSet providers, string? file, string? code, Capability capabilities, bool deterministic, int? timeoutMs, EngineLimits limits,
        IReadOnlyList<string>? netHosts = null, bool audit = false)
    {
        var options = new RuntimeOptions
        {
            Providers = providers,
            Capabilities = capabilities,
            NetHosts = netHosts,
            Deterministic = deterministic,
            Limits = limits,
            TimeLimit = timeoutMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
            Audit = audit,
        };
        return code is not null ? JsRuntime.FromCode(options, code) : new JsRuntime(options, file!);
    }

    private static int Execute(ProviderSet providers, string? file, string? code, Capability capabilities, bool deterministic, int? timeoutMs, EngineLimits limits,
        IReadOnlyList<string>? netHosts = null, bool audit = false, Action<JsRuntime>? started = null, bool printAudit = true)
    {
        using var runtime = Create(providers, file, code, capabilities, deterministic, timeoutMs, limits, netHosts, audit);
        started?.Invoke(runtime);
        using var signals = new SignalStop(runtime);
        // The time limit is checked each loop turn; code that never returns to the loop (a synchronous
        // infinite loop) is stopped by this watchdog on wall time.
        using var watchdog = timeoutMs is { } ms
            ? new Timer(_ => runtime.Interrupt($"execution timed out after {ms} ms"), null, ms + 50, Timeout.Infinite)
            : null;
        var exit = runtime.RunToCompletion();
        if (audit && printAudit) Console.Error.Write(AuditReport.Format(runtime.Audit));
        return exit;
    }
}
