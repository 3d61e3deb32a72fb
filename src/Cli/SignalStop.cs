using System.Runtime.InteropServices;
using EsRuntime.Runtime;

namespace EsRuntime.Cli;

/// <summary>
/// SIGINT and SIGTERM end a run the way they end node: the script stops (even inside a synchronous
/// loop), what it printed so far is flushed, and esrun exits 130 or 143 (128 + the signal number).
/// A second signal while the first is handled gets the default action, so a stuck run can still be killed.
/// </summary>
internal sealed class SignalStop : IDisposable
{
    private readonly PosixSignalRegistration[] _registrations;
    private int _signals;

    public SignalStop(JsRuntime runtime)
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, runtime, 130)),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, runtime, 143)),
        ];
    }

    private void Stop(PosixSignalContext context, JsRuntime runtime, int exitCode)
    {
        if (Interlocked.Increment(ref _signals) > 1) return;
        context.Cancel = true;
        runtime.Interrupt(exitCode, message: null);
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
    }
}
