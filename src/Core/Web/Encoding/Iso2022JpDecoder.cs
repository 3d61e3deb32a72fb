namespace EsRuntime.Web.Encoding;

/// <summary>
/// The standard's ISO-2022-JP decoder: escape sequences switch between ASCII, JIS-Roman, katakana and
/// JIS X 0208; two escapes in a row (nothing output between them) are an error.
/// </summary>
internal sealed class Iso2022JpDecoder : StepDecoder
{
    private enum State { Ascii, Roman, Katakana, LeadByte, TrailByte, EscapeStart, Escape }

    private readonly int[] _jis0208 = EncodingIndexes.Get("jis0208");
    private State _state = State.Ascii, _outputState = State.Ascii;
    private int _lead;
    private bool _outputFlag;

    protected override int Handle(int b, CharSink output)
    {
        switch (_state)
        {
            case State.Ascii:
                if (b == 0x1B) return Escape();
                if (b == EndOfQueue) return Finished;
                _outputFlag = false;
                return b is >= 0 and <= 0x7F and not 0x0E and not 0x0F ? b : Error;

            case State.Roman:
                if (b == 0x1B) return Escape();
                if (b == EndOfQueue) return Finished;
                _outputFlag = false;
                return b switch
                {
                    0x5C => 0x00A5,
                    0x7E => 0x203E,
                    >= 0 and <= 0x7F and not 0x0E and not 0x0F => b,
                    _ => Error,
                };

            case State.Katakana:
                if (b == 0x1B) return Escape();
                if (b == EndOfQueue) return Finished;
                _outputFlag = false;
                return b is >= 0x21 and <= 0x5F ? 0xFF61 - 0x21 + b : Error;

            case State.LeadByte:
                if (b == 0x1B) return Escape();
                if (b == EndOfQueue) return Finished;
                _outputFlag = false;
                if (b is >= 0x21 and <= 0x7E)
                {
                    _lead = b;
                    _state = State.TrailByte;
                    return Continue;
                }
                return Error;

            case State.TrailByte:
                if (b == 0x1B)
                {
                    _state = State.EscapeStart;
                    return Error;
                }
                if (b is >= 0x21 and <= 0x7E)
                {
                    _state = State.LeadByte;
                    var pointer = (_lead - 0x21) * 94 + b - 0x21;
                    var cp = pointer < _jis0208.Length ? _jis0208[pointer] : EncodingIndexes.None;
                    return cp == EncodingIndexes.None ? Error : cp;
                }
                _state = State.LeadByte;
                if (b == EndOfQueue) Prepend(b);
                return Error;

            case State.EscapeStart:
                if (b is 0x24 or 0x28)
                {
                    _lead = b;
                    _state = State.Escape;
                    return Continue;
                }
                Prepend(b);
                _outputFlag = false;
                _state = _outputState;
                return Error;

            default: // State.Escape
                {
                    var lead = _lead;
                    _lead = 0;
                    State? next = (lead, b) switch
                    {
                        (0x28, 0x42) => State.Ascii,
                        (0x28, 0x4A) => State.Roman,
                        (0x28, 0x49) => State.Katakana,
                        (0x24, 0x40 or 0x42) => State.LeadByte,
                        _ => null,
                    };
                    if (next is { } state)
                    {
                        _state = _outputState = state;
                        var wasOutput = _outputFlag;
                        _outputFlag = true;
                        return wasOutput ? Error : Continue;
                    }
                    Prepend(lead, b);
                    _outputFlag = false;
                    _state = _outputState;
                    return Error;
                }
        }
    }

    private int Escape()
    {
        _state = State.EscapeStart;
        return Continue;
    }
}
