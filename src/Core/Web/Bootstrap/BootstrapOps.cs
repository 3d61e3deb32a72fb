using System.Buffers.Binary;
using EsRuntime.Capabilities;
using EsRuntime.Engine;
using EsRuntime.Modules;
using EsRuntime.Providers;
using EsRuntime.Runtime;

namespace EsRuntime.Web.Bootstrap;

/// <summary>The ops the prelude itself stands on: output, exit, clock, entropy, timers and modules.</summary>
internal static class BootstrapOps
{
    public static void Register(RuntimeContext ctx)
    {
        var engine = ctx.Engine;
        var providers = ctx.Providers;
        engine.RegisterTransferOp();
        engine.RegisterRejectionOps();

        engine.RegisterOp("print", (a, r) => providers.Console.Write(a.Int32(0) == 2 ? ConsoleStream.Stderr : ConsoleStream.Stdout, a.String(1)));
        engine.RegisterOp("fatal", (a, r) => throw ctx.Halt(a.Int32(0)));
        engine.RegisterOp("fatalAfterTask", (a, r) => ctx.ExitAfterTask(a.Int32(0)));

        // Clock. performance.now() is relative to the runtime's start; without HrTime it is coarsened
        // to whole milliseconds so it cannot serve as a precise timer for side channels.
        var monoOrigin = providers.Clock.MonotonicNowMs();
        var wallOrigin = providers.Clock.WallNowMs();
        engine.RegisterOp("wallNow", (a, r) => r.Set(Math.Floor(providers.Clock.WallNowMs())));
        engine.RegisterOp("timeOrigin", (a, r) => r.Set(wallOrigin));
        engine.RegisterOp("monoNow", (a, r) =>
        {
            var elapsed = providers.Clock.MonotonicNowMs() - monoOrigin;
            r.Set(ctx.Capabilities.Has(Capability.HrTime) ? elapsed : Math.Floor(elapsed));
        });

        engine.RegisterOp("entropyFill", (a, r) =>
        {
            var length = a.Int32(0);
            if (length < 0 || length > engine.DispatchSlots) throw new OpException("RangeError", $"entropy request of {length} bytes is out of range");
            providers.Entropy.Fill(engine.Transfer[..length]);
        });

        // Timers start and clear through a log in JS (timers.js) that C# applies after each macrotask;
        // a full log is applied at once. A timer counts from the loop's time of this turn.
        engine.RegisterOp("timerFlush", (a, r) => ctx.ApplyTimerLog());
        // One dispatch fires this turn's due timers (dispatch.js fireTimers). Each call first ends the
        // previous timer's macrotask: the microtask checkpoint, then -1 while rejections are left to settle
        // (as many passes as Guard allows); then it answers the next due timer's id, or 0.
        var rejectionPasses = 0;
        engine.RegisterOp("timerNext", (a, r) =>
        {
            if (engine.CanCheckpointMicrotasks) engine.CheckpointMicrotasks();
            var running = ctx.ExitCode is null && ctx.PendingExit is null;
            if (running && engine.PendingRejections > 0 && rejectionPasses < JsRuntime.MaxRejectionPasses)
            {
                rejectionPasses++;
                r.Set(-1);
                return;
            }
            rejectionPasses = 0;
            ctx.ApplyTimerLog(); // at the finished callback's nesting level
            r.Set(running ? ctx.Timers.FireNext() : 0);
        });

        engine.RegisterOp("deterministic", (a, r) => r.Set(ctx.Deterministic));
        engine.RegisterOp("auditEnabled", (a, r) => r.Set(ctx.AuditEnabled));
        engine.RegisterOp("auditTouch", (a, r) => ctx.Touched(a.String(0)));
        engine.RegisterOp("mainUrl", (a, r) => r.Set(ctx.MainUrl));
        engine.RegisterOp("resolve", (a, r) =>
        {
            var referrer = a.IsNullish(1) ? null : a.String(1);
            try { r.Set(ctx.Modules.Resolve(a.String(0), string.IsNullOrEmpty(referrer) ? null : referrer)); }
            catch (ModuleException e) { throw new OpException("TypeError", e.Message); }
        });
        string? syntaxErrorAt = null;
        engine.RegisterOp("importEval", (a, r) =>
        {
            var url = a.String(0);
            var result = engine.EvaluateModule(url, "__esrun_publish", out var threw, out var loaderFailed, out var at);
            syntaxErrorAt = at;
            BinaryPrimitives.WriteUInt32LittleEndian(engine.Transfer, threw ? (loaderFailed ? 2u : 1u) : 0u);
            r.Set(result);
        });
        // Where the last importEval's SyntaxError was found ("file:line:column"), or null.
        engine.RegisterOp("syntaxErrorAt", (a, r) => r.Set(syntaxErrorAt));
        engine.RegisterOp("asyncModules", (a, r) => ctx.PendingAsyncModules = Math.Max(0, ctx.PendingAsyncModules + a.Int32(0)));
        engine.RegisterOp("mainSettled", (a, r) => ctx.MainSettled = true);
        engine.RegisterOp("completionTakeLarge", (a, r) =>
        {
            var bytes = ctx.Completions.Batch?.TakeLarge(a.Int32(0)) ?? throw new OpException("Error", "no such payload");
            V8Engine.WriteBytes(a.Value(1), bytes);
        });
        engine.RegisterOp("sourceLine", (a, r) => r.Set(ctx.Modules.SourceLine(a.String(0), a.Int32(1))));
    }
}
