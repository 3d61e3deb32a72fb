using System.Buffers;
using System.Text.Unicode;
using EsRuntime.Engine;
using EsRuntime.Runtime;

namespace EsRuntime.Web.Encoding;

/// <summary>
/// The ops behind encoding.js and base64.js. Bytes cross only through the transfer buffer, in chunks
/// of at most <c>Transfer.Length − 32</c> bytes (the tail is the dispatch slots). A streaming
/// TextDecoder owns a <see cref="DecoderSession"/> in this runtime's table, by id, from its first
/// chunk until the stream is flushed or fails (a stream abandoned mid-way keeps its few bytes of state
/// until the runtime is disposed).
/// </summary>
internal static class EncodingOps
{
    private const int ReservedTail = 32;

    public static void Register(RuntimeContext ctx)
    {
        var engine = ctx.Engine;
        var sessions = new Dictionary<int, DecoderSession>();
        var nextSession = 1;
        var sink = new CharSink();

        // encodingLookup(label) -> encoding id, or -1 when the label names no encoding
        engine.RegisterOp("encodingLookup", (a, r) => r.Set(EncodingRegistry.Lookup(a.String(0))?.Id ?? -1));

        // encodingName(id) -> the encoding's name, ASCII-lowercased (TextDecoder.prototype.encoding)
        engine.RegisterOp("encodingName", (a, r) => r.Set(Encoding(a.Int32(0)).Name.ToLowerInvariant()));

        // textEncode(s) -> UTF-8 byte count, bytes at transfer[0..]; JS sends at most (limit / 3) UTF-16 units
        engine.RegisterOp("textEncode", (a, r) =>
        {
            var s = a.Chars(0);
            var status = Utf8.FromUtf16(s, Limit(engine), out _, out var written, replaceInvalidSequences: true, isFinalBlock: true);
            if (status != System.Buffers.OperationStatus.Done) throw new OpException("RangeError", "textEncode: chunk too large");
            r.Set(written);
        });

        // textEncodeInto(s, capacity) -> read * 2^17 + written; stops before the first scalar that does not fit
        engine.RegisterOp("textEncodeInto", (a, r) =>
        {
            var s = a.Chars(0);
            var destination = Limit(engine);
            var capacity = a.Number(1);
            if (capacity < destination.Length) destination = destination[..(int)Math.Max(0, capacity)];
            Utf8.FromUtf16(s, destination, out var read, out var written, replaceInvalidSequences: true, isFinalBlock: true);
            r.Set((double)read * 131072 + written);
        });

        // textDecode(id, length, fatal, ignoreBOM) -> string: a whole stream in one chunk
        engine.RegisterOp("textDecode", (a, r) =>
        {
            var encoding = Encoding(a.Int32(0));
            var input = Chunk(engine, a.Int32(1));
            if (encoding.Name == "UTF-8") // straight through the runtime's vectorized decoder
            {
                if (!a.IsTruthy(3) && input.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) input = input[3..];
                if (a.IsTruthy(2) && !Utf8.IsValid(input)) throw Invalid(encoding);
                var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, input.Length)); // UTF-8 never decodes to more units than bytes
                r.SetPooled(chars, System.Text.Encoding.UTF8.GetChars(input, chars));
                return;
            }
            var session = new DecoderSession(encoding, a.IsTruthy(2), a.IsTruthy(3));
            if (!session.Run(input, flush: true, sink)) throw Invalid(encoding);
            r.Set(sink.Written);
        });

        // textDecoderOpen(id, fatal, ignoreBOM) -> session id for a stream that spans several chunks
        engine.RegisterOp("textDecoderOpen", (a, r) =>
        {
            var id = nextSession++;
            sessions[id] = new DecoderSession(Encoding(a.Int32(0)), a.IsTruthy(1), a.IsTruthy(2));
            r.Set(id);
        });

        // textDecoderRun(session, length, flush) -> string; the session ends on flush or on a fatal error
        engine.RegisterOp("textDecoderRun", (a, r) =>
        {
            var id = a.Int32(0);
            if (!sessions.TryGetValue(id, out var session)) throw new OpException("TypeError", "the decoder stream has ended");
            var flush = a.IsTruthy(2);
            var ok = session.Run(Chunk(engine, a.Int32(1)), flush, sink);
            if (flush || !ok) sessions.Remove(id);
            if (!ok) throw new OpException("TypeError", "The encoded data was not valid for this encoding.");
            r.Set(sink.Written);
        });

        // btoa(s) / atob(s): forgiving-base64 over Latin-1 strings (Base64.cs)
        engine.RegisterOp("btoa", (a, r) => r.SetPooled(Base64.Encode(a.Chars(0), out var length), length));
        engine.RegisterOp("atob", (a, r) => r.SetPooled(Base64.Decode(a.Chars(0), out var length), length));
        // The halves of btoa and atob that V8's own Uint8Array base64 cannot do: a Latin-1 string to
        // bytes in the transfer buffer (the count, or -1 when they do not fit), and bytes to the string.
        engine.RegisterOp("latin1Bytes", (a, r) => r.Set(Base64.Latin1Bytes(a.Chars(0), Limit(engine))));
        engine.RegisterOp("latin1String", (a, r) =>
        {
            var bytes = Chunk(engine, a.Int32(0));
            r.SetPooled(Base64.Latin1Chars(bytes), bytes.Length);
        });
    }

    private static EncodingInfo Encoding(int id) =>
        EncodingRegistry.ById(id) ?? throw new OpException("RangeError", $"unknown encoding id {id}");

    private static Span<byte> Limit(V8Engine engine) => engine.Transfer[..^ReservedTail];

    private static ReadOnlySpan<byte> Chunk(V8Engine engine, int length)
    {
        var limit = Limit(engine);
        if (length < 0 || length > limit.Length) throw new OpException("RangeError", "chunk length out of range");
        return limit[..length];
    }

    private static OpException Invalid(EncodingInfo encoding) =>
        new("TypeError", $"The encoded data was not valid for encoding {encoding.Name.ToLowerInvariant()}");
}
