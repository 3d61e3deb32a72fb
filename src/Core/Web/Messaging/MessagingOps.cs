using EsRuntime.Runtime;

namespace EsRuntime.Web.Messaging;

/// <summary>
/// Message-port delivery is an HTML task, not a timer: the prelude schedules it with a 0 ms timer
/// created at nesting level 0, so the timer nesting clamp (level &gt; 5 → 4 ms) never delays a message.
/// </summary>
internal static class MessagingOps
{
    public static void Register(RuntimeContext ctx) =>
        // Sets the timer nesting level and returns the previous one; the prelude restores it at once.
        ctx.Engine.RegisterOp("timerNestingSwap", (a, r) =>
        {
            ctx.ApplyTimerLog(); // the timers logged so far were started at the level in force
            var previous = ctx.Timers.CurrentNesting;
            ctx.Timers.CurrentNesting = Math.Max(0, a.Int32(0));
            r.Set(previous);
        });
}
