using EsRuntime.Engine;

namespace EsRuntime.Web.Url;

/// <summary>
/// The ops behind url.js. One crossing per parse or setter: the href comes back as the result (or
/// <c>true</c> when it equals the input string, sparing a string copy into V8; <c>null</c> on failure)
/// and the component offsets (<see cref="UrlRecord.OffsetCount"/> uint32s) go into the transfer buffer
/// at byte 0.
/// </summary>
internal static class UrlOps
{
    public static void Register(V8Engine engine)
    {
        // urlParse(input, base?) -> href | true (href === input) | null
        engine.RegisterOp("urlParse", (args, result) =>
        {
            var input = args.String(0);
            var record = args.IsNullish(1) ? UrlParser.Parse(input) : UrlParser.Parse(input, args.String(1));
            Publish(engine, record, input, result);
        });

        // urlSet(href, setter, value) -> new href | true (unchanged) | null (only the href setter can fail)
        engine.RegisterOp("urlSet", (args, result) =>
        {
            var href = args.String(0);
            var current = UrlParser.Parse(href);
            if (current.IsNull) throw new OpException("TypeError", "Invalid URL");
            var setter = args.Int32(1);
            if (setter is < 0 or > (int)UrlSetter.SearchParams) throw new OpException("RangeError", "unknown URL setter");
            Publish(engine, UrlParser.Set(current, (UrlSetter)setter, args.String(2)), href, result);
        });

        // urlOrigin(href) -> serialized origin (blob: URLs need a second parse, so this stays in C#)
        engine.RegisterOp("urlOrigin", (args, result) =>
        {
            var record = UrlParser.Parse(args.String(0));
            result.Set(record.IsNull ? "null" : record.Origin);
        });

        // urlFormDecode(text) -> '+' as space, percent-decoded, UTF-8 decoded with replacement
        engine.RegisterOp("urlFormDecode", (args, result) => result.Set(PercentEncoding.DecodeToString(args.String(0), plusAsSpace: true)));
    }

    private static void Publish(V8Engine engine, in UrlRecord record, string input, OpResult result)
    {
        if (record.IsNull)
        {
            result.Set((string?)null);
            return;
        }
        record.WriteOffsets(engine.Transfer);
        // The parser hands back the input instance itself when the serialization equals it.
        if (ReferenceEquals(record.Href, input)) result.Set(true);
        else result.Set(record.Href);
    }
}
