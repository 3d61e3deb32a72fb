using System.IO.Compression;
using EsRuntime.Engine;
using EsRuntime.Runtime;

namespace EsRuntime.Web.Compression;

/// <summary>
/// The ops behind compression.js (CompressionStream / DecompressionStream). Each stream owns one
/// session in this runtime's table, by id, from its first chunk until it is flushed, fails or is
/// canceled. Bytes cross only through the transfer buffer: JS writes at most <c>Transfer.Length − 32</c>
/// input bytes at offset 0 and calls <c>compressionPush</c>; the op answers with output bytes at
/// offset 0 and <c>n * 2 + more</c>, and JS calls <c>compressionPull</c> while <c>more</c> is 1.
/// Compression is System.IO.Compression's zlib; decompression is <see cref="Inflater"/>, which can
/// tell truncated input and bytes after the end apart from a good stream, as the standard requires.
/// </summary>
internal static class CompressionOps
{
    private const int ReservedTail = 32;

    public static void Register(RuntimeContext ctx)
    {
        var engine = ctx.Engine;
        var sessions = new Dictionary<int, Session>();
        var nextId = 1;

        // compressionCreate(format, decompress) -> session id; format 0 gzip, 1 deflate, 2 deflate-raw
        engine.RegisterOp("compressionCreate", (a, r) =>
        {
            var format = a.Int32(0);
            if (format is < 0 or > 2) throw new OpException("TypeError", "unsupported compression format");
            var id = nextId++;
            sessions[id] = a.IsTruthy(1) ? new Decompressor((CompressionFormat)format) : new Compressor((CompressionFormat)format);
            r.Set(id);
        });

        // compressionPush(id, length, final) -> n * 2 + more: transfer[0..length) in, transfer[0..n) out
        engine.RegisterOp("compressionPush", (a, r) =>
        {
            var id = a.Int32(0);
            var session = Get(sessions, id);
            var limit = engine.Transfer.Length - ReservedTail;
            var length = a.Int32(1);
            if (length < 0 || length > limit) throw new OpException("RangeError", "compressionPush: bad length");
            var final = a.IsTruthy(2);
            try
            {
                session.Push(engine.Transfer[..length], final);
                r.Set(Drain(sessions, id, session, engine.Transfer[..limit], final));
            }
            catch (InflateException e)
            {
                Free(sessions, id);
                throw new OpException("TypeError", e.Message);
            }
        });

        // compressionPull(id) -> n * 2 + more, output at transfer[0..n)
        engine.RegisterOp("compressionPull", (a, r) =>
        {
            var id = a.Int32(0);
            var session = Get(sessions, id);
            try
            {
                r.Set(Drain(sessions, id, session, engine.Transfer[..(engine.Transfer.Length - ReservedTail)], session.Finished));
            }
            catch (InflateException e)
            {
                Free(sessions, id);
                throw new OpException("TypeError", e.Message);
            }
        });

        // compressionFree(id): drops a session (a canceled or aborted stream); unknown ids are ignored
        engine.RegisterOp("compressionFree", (a, r) => Free(sessions, a.Int32(0)));
    }

    private static Session Get(Dictionary<int, Session> sessions, int id) =>
        sessions.TryGetValue(id, out var session) ? session : throw new OpException("TypeError", "the compression stream has ended");

    private static int Drain(Dictionary<int, Session> sessions, int id, Session session, Span<byte> destination, bool final)
    {
        var n = session.Drain(destination);
        var more = session.HasMore;
        if (final && !more) Free(sessions, id);
        return n * 2 + (more ? 1 : 0);
    }

    private static void Free(Dictionary<int, Session> sessions, int id)
    {
        if (sessions.Remove(id, out var session)) session.Dispose();
    }

    private abstract class Session : IDisposable
    {
        public bool Finished { get; protected set; }
        public abstract void Push(ReadOnlySpan<byte> input, bool final);
        public abstract int Drain(Span<byte> destination);
        public abstract bool HasMore { get; }
        public virtual void Dispose() { }
    }

    private sealed class Decompressor(CompressionFormat format) : Session
    {
        private readonly Inflater _inflater = new(format);

        public override void Push(ReadOnlySpan<byte> input, bool final)
        {
            if (final) Finished = true;
            _inflater.Push(input, final);
        }

        public override int Drain(Span<byte> destination) => _inflater.Drain(destination);

        public override bool HasMore => _inflater.HasMore;
    }

    private sealed class Compressor : Session
    {
        // What zlib writes for no input at all; DeflateStream writes nothing when it was given no bytes.
        private static readonly byte[] EmptyGzip = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        private static readonly byte[] EmptyZlib = [0x78, 0x9C, 3, 0, 0, 0, 0, 1];
        private static readonly byte[] EmptyRaw = [3, 0];

        private readonly OutputSink _sink = new();
        private readonly CompressionFormat _format;
        private readonly Stream _zlib;
        private bool _closed;
        private bool _wrote;

        public Compressor(CompressionFormat format)
        {
            _format = format;
            _zlib = format switch
            {
                CompressionFormat.Gzip => new GZipStream(_sink, CompressionLevel.Optimal, leaveOpen: true),
                CompressionFormat.Deflate => new ZLibStream(_sink, CompressionLevel.Optimal, leaveOpen: true),
                _ => new DeflateStream(_sink, CompressionLevel.Optimal, leaveOpen: true),
            };
        }

        public override void Push(ReadOnlySpan<byte> input, bool final)
        {
            if (input.Length > 0)
            {
                _zlib.Write(input);
                _wrote = true;
            }
            if (final && !_closed)
            {
                Finished = true;
                _closed = true;
                _zlib.Dispose(); // writes what zlib still holds and the trailer
                if (!_wrote)
                {
                    _sink.Write(_format switch
                    {
                        CompressionFormat.Gzip => EmptyGzip,
                        CompressionFormat.Deflate => EmptyZlib,
                        _ => EmptyRaw,
                    });
                }
            }
        }

        public override int Drain(Span<byte> destination) => _sink.Take(destination);

        public override bool HasMore => _sink.Length > 0;

        public override void Dispose()
        {
            if (!_closed)
            {
                _closed = true;
                _zlib.Dispose();
            }
        }
    }

    /// <summary>A write-only stream whose bytes are read back out in order (a FIFO byte queue).</summary>
    private sealed class OutputSink : Stream
    {
        private byte[] _buffer = new byte[16384];
        private int _start, _end;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _end - _start;
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> data)
        {
            var pending = _end - _start;
            if (_end + data.Length > _buffer.Length)
            {
                if (pending + data.Length > _buffer.Length)
                {
                    var bigger = new byte[Math.Max(_buffer.Length * 2, pending + data.Length)];
                    _buffer.AsSpan(_start, pending).CopyTo(bigger);
                    _buffer = bigger;
                }
                else
                {
                    _buffer.AsSpan(_start, pending).CopyTo(_buffer);
                }
                _start = 0;
                _end = pending;
            }
            data.CopyTo(_buffer.AsSpan(_end));
            _end += data.Length;
        }

        public int Take(Span<byte> destination)
        {
            var n = Math.Min(destination.Length, _end - _start);
            _buffer.AsSpan(_start, n).CopyTo(destination);
            _start += n;
            if (_start == _end) _start = _end = 0;
            return n;
        }

        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
