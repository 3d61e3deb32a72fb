using System.Runtime.InteropServices;

namespace EsRuntime.Providers.Real;

/// <summary>
/// A write-only stream straight to file descriptor 1 or 2. <see cref="Console.OpenStandardOutput()"/>'s
/// stream initialises .NET's terminal support on its first write when the output is a terminal, and
/// that writes terminfo's keypad_xmit string (ESC[?1h ESC=) to the terminal before our first byte.
/// Calling write(2) on the descriptor ourselves avoids it, and keeps the descriptor's shared offset
/// (stdout and stderr redirected to one file stay in order, as with the console stream). A reader that
/// went away (EPIPE, as in <c>esrun app.mjs | head -1</c>) silently drops further output, as the
/// console stream does.
/// </summary>
public sealed partial class StandardStream : Stream
{
    private const int Eintr = 4, Eagain = 11;
    private readonly int _fd;
    private bool _broken;

    private StandardStream(int fd) => _fd = fd;

    public static StandardStream Output() => new(1);
    public static StandardStream Error() => new(2);

    /// <summary>A UTF-8 writer over <paramref name="stream"/> that flushes every write, to stand in for Console.Out/Error.</summary>
    public static TextWriter Writer(Stream stream) => new StreamWriter(stream, new System.Text.UTF8Encoding(false)) { AutoFlush = true };

    public override unsafe void Write(ReadOnlySpan<byte> buffer)
    {
        fixed (byte* start = buffer)
        {
            var done = 0;
            while (!_broken && done < buffer.Length)
            {
                var written = SysWrite(_fd, start + done, buffer.Length - done);
                if (written >= 0) { done += (int)written; continue; }
                var errno = Marshal.GetLastPInvokeError();
                if (errno == Eintr) continue;
                if (errno == Eagain) { Thread.Sleep(1); continue; }   // a non-blocking descriptor that is full
                // EPIPE, or a descriptor that is closed or unwritable: output has nowhere to go.
                _broken = true;
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint SysWrite(int fd, byte* buffer, nint count);

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
    public override void Flush() { }
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
