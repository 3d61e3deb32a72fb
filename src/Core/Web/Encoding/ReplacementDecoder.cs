namespace EsRuntime.Web.Encoding;

/// <summary>
/// The standard's replacement decoder: a non-empty stream decodes to a single error. (TextDecoder
/// refuses its labels; it exists for callers that decode documents by label.)
/// </summary>
internal sealed class ReplacementDecoder : StepDecoder
{
    private bool _errorReturned;

    protected override int Handle(int b, CharSink output)
    {
        if (b == EndOfQueue) return Finished;
        if (_errorReturned) return Finished;
        _errorReturned = true;
        return Error;
    }
}
