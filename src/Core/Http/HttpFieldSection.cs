using System.Buffers;
using System.Text;

namespace EsRuntime.Http;

/// <summary>The outcome of one parsing step.</summary>
internal enum ParseStatus { Done, NeedMore, Error }

/// <summary>
/// Reads the field lines of a head or trailer section (RFC 9112 §5) one at a time, within
/// <see cref="HttpLimits.MaxHeaderBytes"/> and <see cref="HttpLimits.MaxHeaderCount"/> (431).
/// </summary>
internal struct HttpFieldSection
{
    private int _bytes;
    private int _count;
    private int _examined;

    public readonly bool Started => _bytes > 0 || _examined > 0;

    /// <summary>
    /// One field line: <see cref="ParseStatus.Done"/> with <paramref name="end"/> false and the
    /// name/value, or with <paramref name="end"/> true at the empty line that ends the section.
    /// </summary>
    public ParseStatus Read(ref SequenceReader<byte> reader, HttpLimits limits, ref byte[]? scratch,
        out bool end, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value, out HttpError error)
    {
        end = false;
        name = value = default;
        error = default;
        var budget = limits.MaxHeaderBytes - _bytes - 2;
        switch (HttpSyntax.ReadLine(ref reader, budget, ref _examined, ref scratch, out var line))
        {
            case LineStatus.NeedMore: return ParseStatus.NeedMore;
            case LineStatus.TooLong: error = new(431, "header section too large"); return ParseStatus.Error;
            case LineStatus.BareCr: error = new(400, "bare CR in the header section"); return ParseStatus.Error;
            case LineStatus.BareLf: error = new(400, "bare LF in the header section"); return ParseStatus.Error;
        }
        _bytes += line.Length + 2;
        if (line.Length == 0) { end = true; return ParseStatus.Done; }
        if (++_count > limits.MaxHeaderCount) { error = new(431, "too many header fields"); return ParseStatus.Error; }
        var reason = HttpSyntax.ParseField(line, out name, out value);
        if (reason is not null) { error = new(400, reason); return ParseStatus.Error; }
        return ParseStatus.Done;
    }
}

/// <summary>The field lines of one head, collected as strings in order, with the facts they carry.</summary>
internal struct HttpHeadFields
{
    private HttpFieldSection _section;
    public HttpHeadFacts Facts;
    public List<HttpField> List;

    public HttpHeadFields()
    {
        Facts = new();
        List = new(8);
    }

    /// <summary>Reads field lines up to the empty line that ends the head (<see cref="ParseStatus.Done"/>).</summary>
    public ParseStatus Read(ref SequenceReader<byte> reader, HttpLimits limits, ref byte[]? scratch, out HttpError error)
    {
        while (true)
        {
            var status = _section.Read(ref reader, limits, ref scratch, out var end, out var name, out var value, out error);
            if (status != ParseStatus.Done || end) return status;
            var valueText = HttpKnownNames.FieldValue(value);
            Facts.Observe(name, value, valueText);
            List.Add(new HttpField(HttpKnownNames.FieldName(name), valueText));
        }
    }
}

/// <summary>
/// The framing and connection facts a head's fields carry, gathered field by field without
/// allocating and judged once the head is complete (RFC 9112 §6, §9.3; RFC 9110 §7.2, §10.1.1).
/// </summary>
internal struct HttpHeadFacts
{
    public long ContentLength;
    public int ContentLengthCount;
    public bool ContentLengthInvalid, ContentLengthOverflow;
    public int TransferEncodingCount;
    public int ChunkedCount;
    public bool ChunkedLast, OtherCoding;
    public bool Close, KeepAlive, ConnectionUpgrade;
    public bool ExpectsContinue;
    public int HostCount;
    public bool HostInvalid;
    public string? Upgrade;

    public HttpHeadFacts() => ContentLength = -1;

    /// <summary>Notes what one field says; <paramref name="valueText"/> is the value's string, made once by the caller.</summary>
    public void Observe(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, string valueText)
    {
        switch (name.Length)
        {
            case 4 when Ascii.EqualsIgnoreCase(name, "host"u8):
                HostCount++;
                if (value.ContainsAnyExcept(HttpSyntax.HostChars)) HostInvalid = true;
                break;
            case 6 when Ascii.EqualsIgnoreCase(name, "expect"u8):
                for (var rest = value; HttpSyntax.NextListElement(ref rest, out var e);)
                {
                    if (Ascii.EqualsIgnoreCase(e, "100-continue"u8)) ExpectsContinue = true;
                }
                break;
            case 7 when Ascii.EqualsIgnoreCase(name, "upgrade"u8):
                Upgrade = valueText;
                break;
            case 10 when Ascii.EqualsIgnoreCase(name, "connection"u8):
                for (var rest = value; HttpSyntax.NextListElement(ref rest, out var e);)
                {
                    if (Ascii.EqualsIgnoreCase(e, "close"u8)) Close = true;
                    else if (Ascii.EqualsIgnoreCase(e, "keep-alive"u8)) KeepAlive = true;
                    else if (Ascii.EqualsIgnoreCase(e, "upgrade"u8)) ConnectionUpgrade = true;
                }
                break;
            case 14 when Ascii.EqualsIgnoreCase(name, "content-length"u8):
                // Only a single 1*DIGIT value: a list ("5, 5"), a sign or a repeat is refused (RFC 9112 §6.3, §11.2).
                if (++ContentLengthCount == 1)
                {
                    if (HttpSyntax.TryParseDecimal(value, out var n, out var overflow)) ContentLength = n;
                    else if (overflow) ContentLengthOverflow = true;
                    else ContentLengthInvalid = true;
                }
                break;
            case 17 when Ascii.EqualsIgnoreCase(name, "transfer-encoding"u8):
                TransferEncodingCount++;
                for (var rest = value; HttpSyntax.NextListElement(ref rest, out var e);)
                {
                    // "chunked" takes no parameters; "chunked;x=y" is an unknown coding.
                    ChunkedLast = Ascii.EqualsIgnoreCase(e, "chunked"u8);
                    if (ChunkedLast) ChunkedCount++;
                    else OtherCoding = true;
                }
                break;
        }
    }

    /// <summary>
    /// The body-length rules shared by requests and responses: refuses Content-Length with
    /// Transfer-Encoding, a repeated or malformed Content-Length, and chunked applied twice.
    /// </summary>
    public readonly HttpError? CheckLengthFields()
    {
        if (TransferEncodingCount > 0 && ContentLengthCount > 0) return new HttpError(400, "both Content-Length and Transfer-Encoding");
        if (ContentLengthCount > 1) return new HttpError(400, "more than one Content-Length");
        if (ContentLengthOverflow) return new HttpError(413, "Content-Length too large");
        if (ContentLengthInvalid) return new HttpError(400, "invalid Content-Length");
        if (ChunkedCount > 1) return new HttpError(400, "chunked applied more than once");
        return null;
    }
}
