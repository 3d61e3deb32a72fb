using Xunit.Abstractions;
using Xunit.Sdk;

namespace EsRuntime.Wpt;

public sealed class WptReportSink(IMessageSink sink)
{
    public void Write(string text) => sink.OnMessage(new DiagnosticMessage(text));
}
