using System.Runtime.CompilerServices;

namespace EsRuntime.Tests;

/// <summary>
/// Where ClearScript enforces the soft heap limit (no HeapWatch: the V8 exports were not found), it does
/// so from a timer on the .NET thread pool. xunit keeps the
/// pool's threads busy running scripts synchronously, and a starved pool delays that timer until a
/// heap bomb reaches V8's hard limit, which aborts the process. Enough threads keep the timer on time.
/// </summary>
internal static class ThreadPoolWarmup
{
    [ModuleInitializer]
    internal static void Init()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 32));
    }
}
