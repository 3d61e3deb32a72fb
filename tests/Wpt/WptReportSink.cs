using Xunit.Abstractions;
using Xunit.Sdk;

namespace EsRuntime.Wpt;

/// <summary>
/// Prints to the console of `dotnet test` (xunit diagnostic messages, enabled in xunit.runner.json):
/// a passing test's own output is not shown there, and the per-area table should be.
/// </summary>
public sealed class WptReportSink(IMessageSink sink)
{
    public void Write(string text) => sink.OnMessage(new DiagnosticMessage(text));
}
