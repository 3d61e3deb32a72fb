using System.Buffers.Binary;

namespace EsRuntime.Web.Compression;

/// <summary>The three formats of the Compression Standard.</summary>
internal enum CompressionFormat
{
    Gzip = 0,     // RFC 1952
    Deflate = 1,  // RFC 1950 (zlib)
    DeflateRaw = 2, // RFC 1951
}

/// <summary>Corrupt, truncated or over-long compressed input.</summary>
internal sealed class InflateException(string message) : Exception(message);

/// <summary>
/// A push-mode inflater (RFC 1951) with the gzip and zlib wrappers. It is our own rather than
/// System.IO.Compression's because the Compression Standard needs what DeflateStream does not tell:
/// exactly where the compressed stream ends (bytes after it are an error, not ignored and not a
/// second gzip member), and whether it ended at all when the input runs out (truncation).
/// Input may arrive split at any byte; every step that cannot finish with the bits at hand is
/// undone and retried with more input. Output goes to a buffer that also serves as the 32 KiB
/// window, drained by the caller; decoding pauses while that buffer is full.
/// </summary>
internal sealed class Inflater
{
    private const int WindowSize = 32768;
    private const int OutCapacity = 1 << 18;
    private const int MaxMatch = 258;
    private const int PrimaryBits = 10;

    private enum State { GzipHeader, GzipExtraLength, GzipExtra, GzipName, GzipComment, GzipHeaderCrc, ZlibHeader, BlockHeader, Stored, Codes, Trailer, Done }

    private readonly CompressionFormat _format;
    private State _state;

    private byte[] _in = new byte[4096];
    private int _inPos, _inEnd;
    private ulong _bits;
    private int _nbits;

    private readonly byte[] _out = new byte[OutCapacity];
    private int _outPos, _drainPos, _checkedPos;
    private long _produced; // total bytes output, for "distance too far back" and ISIZE
    private bool _outputFull;
    private bool _finishRequested;

    private uint _crc;          // gzip: CRC-32 of the output
    private uint _adler = 1;    // zlib: Adler-32 of the output
    private uint _headerCrc;    // gzip: CRC-32 of the header, for FHCRC
    private int _gzipFlags, _extraRemaining;

    private bool _lastBlock;
    private int _storedRemaining;
    private Huffman _lit, _dist;

    public Inflater(CompressionFormat format)
    {
        _format = format;
        _state = format switch
        {
            CompressionFormat.Gzip => State.GzipHeader,
            CompressionFormat.Deflate => State.ZlibHeader,
            _ => State.BlockHeader,
        };
        _lit = FixedLit;
        _dist = FixedDist;
    }

    /// <summary>Bytes decoded and not yet drained, or a pause that draining would let continue.</summary>
    public bool HasMore => _outPos > _drainPos || _outputFull;

    /// <summary>The compressed stream has ended (its last block and any trailer were read).</summary>
    public bool Finished => _state == State.Done;

    /// <summary>Adds input and decodes as far as it goes. <paramref name="final"/>: no more input follows.</summary>
    public void Push(ReadOnlySpan<byte> input, bool final)
    {
        if (input.Length > 0)
        {
            if (_state == State.Done) throw Junk();
            var pending = _inEnd - _inPos;
            if (pending + input.Length > _in.Length)
            {
                var bigger = new byte[Math.Max(_in.Length * 2, pending + input.Length)];
                _in.AsSpan(_inPos, pending).CopyTo(bigger);
                _in = bigger;
            }
            else if (_inPos > 0)
            {
                _in.AsSpan(_inPos, pending).CopyTo(_in);
            }
            _inPos = 0;
            _inEnd = pending;
            input.CopyTo(_in.AsSpan(_inEnd));
            _inEnd += input.Length;
        }
        if (final) _finishRequested = true;
        Run();
    }

    /// <summary>Copies decoded bytes out, decoding more first when none are waiting.</summary>
    public int Drain(Span<byte> destination)
    {
        if (_outPos == _drainPos && _outputFull) Run();
        var n = Math.Min(destination.Length, _outPos - _drainPos);
        _out.AsSpan(_drainPos, n).CopyTo(destination);
        _drainPos += n;
        if (_outPos == _drainPos && _outputFull) Run();
        return n;
    }

    private void Run()
    {
        _outputFull = false;
        while (true)
        {
            var progressed = _state switch
            {
                State.GzipHeader => GzipHeader(),
                State.GzipExtraLength => GzipExtraLength(),
                State.GzipExtra => GzipExtra(),
                State.GzipName or State.GzipComment => GzipZeroTerminated(),
                State.GzipHeaderCrc => GzipHeaderCrc(),
                State.ZlibHeader => ZlibHeader(),
                State.BlockHeader => BlockHeader(),
                State.Stored => Stored(),
                State.Codes => Codes(),
                State.Trailer => Trailer(),
                _ => false,
            };
            if (_state == State.Done)
            {
                UpdateCheck();
                if (_inEnd > _inPos || _nbits >= 8) throw Junk();
                return;
            }
            if (!progressed) break;
        }
        UpdateCheck();
        if (_finishRequested && !_outputFull)
            throw new InflateException("The compressed data ended before the end of the stream (truncated input).");
    }

    private static InflateException Junk() => new("Junk found after the end of the compressed data.");

    // ---- bits and bytes (for the non-hot steps) ----

    private int AvailableBytes => _nbits / 8 + (_inEnd - _inPos);

    private bool Need(int n)
    {
        while (_nbits < n)
        {
            if (_inPos >= _inEnd) return false;
            _bits |= (ulong)_in[_inPos++] << _nbits;
            _nbits += 8;
        }
        return true;
    }

    private uint Take(int n)
    {
        var v = (uint)(_bits & ((1UL << n) - 1));
        _bits >>= n;
        _nbits -= n;
        return v;
    }

    private byte TakeByte()
    {
        Need(8);
        return (byte)Take(8);
    }

    private void AlignToByte() => Take(_nbits & 7);

    private (int InPos, ulong Bits, int NBits) Save() => (_inPos, _bits, _nbits);

    private void Restore((int InPos, ulong Bits, int NBits) s) => (_inPos, _bits, _nbits) = s;

    // ---- wrappers ----

    /// <summary>The byte <paramref name="i"/> places ahead, without consuming it (i &lt; AvailableBytes).</summary>
    private byte PeekByte(int i)
    {
        var inBits = _nbits / 8;
        return i < inBits ? (byte)(_bits >> (8 * i)) : _in[_inPos + i - inBits];
    }

    private bool GzipHeader()
    {
        // Report a bad magic, method or flags as soon as those bytes arrive, as zlib does.
        var available = AvailableBytes;
        if (available >= 1 && PeekByte(0) != 0x1F) throw new InflateException("Incorrect gzip header check.");
        if (available >= 2 && PeekByte(1) != 0x8B) throw new InflateException("Incorrect gzip header check.");
        if (available >= 3 && PeekByte(2) != 8) throw new InflateException("Unknown compression method in the gzip header.");
        if (available >= 4 && (PeekByte(3) & 0xE0) != 0) throw new InflateException("Unknown gzip header flags set.");
        if (available < 10) return false;
        Span<byte> h = stackalloc byte[10];
        for (var i = 0; i < 10; i++) h[i] = TakeByte();
        if (h[0] != 0x1F || h[1] != 0x8B) throw new InflateException("Incorrect gzip header check.");
        if (h[2] != 8) throw new InflateException("Unknown compression method in the gzip header.");
        if ((h[3] & 0xE0) != 0) throw new InflateException("Unknown gzip header flags set.");
        _gzipFlags = h[3];
        _headerCrc = Checksums.Crc32(0, h);
        _state = State.GzipExtraLength;
        return true;
    }

    private bool GzipExtraLength()
    {
        if ((_gzipFlags & 4) == 0)
        {
            _state = State.GzipName;
            return true;
        }
        if (AvailableBytes < 2) return false;
        Span<byte> b = [TakeByte(), TakeByte()];
        _headerCrc = Checksums.Crc32(_headerCrc, b);
        _extraRemaining = b[0] | b[1] << 8;
        _state = State.GzipExtra;
        return true;
    }

    private bool GzipExtra()
    {
        while (_extraRemaining > 0)
        {
            if (AvailableBytes == 0) return false;
            var b = TakeByte();
            _headerCrc = Checksums.Crc32(_headerCrc, [b]);
            _extraRemaining--;
        }
        _state = State.GzipName;
        return true;
    }

    private bool GzipZeroTerminated()
    {
        var flag = _state == State.GzipName ? 8 : 16;
        if ((_gzipFlags & flag) != 0)
        {
            while (true)
            {
                if (AvailableBytes == 0) return false;
                var b = TakeByte();
                _headerCrc = Checksums.Crc32(_headerCrc, [b]);
                if (b == 0) break;
            }
        }
        _state = _state == State.GzipName ? State.GzipComment : State.GzipHeaderCrc;
        return true;
    }

    private bool GzipHeaderCrc()
    {
        if ((_gzipFlags & 2) != 0)
        {
            if (AvailableBytes < 2) return false;
            var crc16 = TakeByte() | TakeByte() << 8;
            if (crc16 != (_headerCrc & 0xFFFF)) throw new InflateException("Gzip header CRC mismatch.");
        }
        _state = State.BlockHeader;
        return true;
    }

    private bool ZlibHeader()
    {
        if (AvailableBytes >= 1)
        {
            var first = PeekByte(0);
            if ((first & 0xF) != 8) throw new InflateException("Unknown compression method in the zlib header.");
            if ((first >> 4) + 8 > 15) throw new InflateException("Invalid window size in the zlib header.");
        }
        if (AvailableBytes < 2) return false;
        var cmf = TakeByte();
        var flg = TakeByte();
        if ((cmf << 8 | flg) % 31 != 0) throw new InflateException("Incorrect zlib header check.");
        if ((cmf & 0xF) != 8) throw new InflateException("Unknown compression method in the zlib header.");
        if ((cmf >> 4) + 8 > 15) throw new InflateException("Invalid window size in the zlib header.");
        if ((flg & 0x20) != 0) throw new InflateException("The zlib stream needs a preset dictionary, which is not supported.");
        _state = State.BlockHeader;
        return true;
    }

    private bool Trailer()
    {
        AlignToByte();
        if (_format == CompressionFormat.DeflateRaw)
        {
            _state = State.Done;
            return true;
        }
        var size = _format == CompressionFormat.Gzip ? 8 : 4;
        if (AvailableBytes < size) return false;
        UpdateCheck();
        Span<byte> t = stackalloc byte[8];
        for (var i = 0; i < size; i++) t[i] = TakeByte();
        if (_format == CompressionFormat.Gzip)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(t) != _crc) throw new InflateException("Incorrect data check (CRC-32 mismatch).");
            if (BinaryPrimitives.ReadUInt32LittleEndian(t[4..]) != (uint)_produced) throw new InflateException("Incorrect length check (ISIZE mismatch).");
        }
        else if (BinaryPrimitives.ReadUInt32BigEndian(t) != _adler)
        {
            throw new InflateException("Incorrect data check (Adler-32 mismatch).");
        }
        _state = State.Done;
        return true;
    }

    private void UpdateCheck()
    {
        if (_checkedPos == _outPos) return;
        var span = _out.AsSpan(_checkedPos, _outPos - _checkedPos);
        if (_format == CompressionFormat.Gzip) _crc = Checksums.Crc32(_crc, span);
        else if (_format == CompressionFormat.Deflate) _adler = Checksums.Adler32(_adler, span);
        _checkedPos = _outPos;
    }

    // ---- output space ----

    /// <summary>Makes room for at least <see cref="MaxMatch"/> bytes; false when undrained output fills the buffer.</summary>
    private bool MakeRoom()
    {
        if (_outPos <= OutCapacity - MaxMatch) return true;
        UpdateCheck();
        var keepFrom = Math.Min(_drainPos, _outPos - WindowSize);
        if (keepFrom <= 0)
        {
            _outputFull = true;
            return false;
        }
        _out.AsSpan(keepFrom, _outPos - keepFrom).CopyTo(_out);
        _outPos -= keepFrom;
        _drainPos -= keepFrom;
        _checkedPos -= keepFrom;
        if (_outPos > OutCapacity - MaxMatch)
        {
            _outputFull = true;
            return false;
        }
        return true;
    }

    // ---- blocks ----

    private bool BlockHeader()
    {
        if (_lastBlock)
        {
            _state = State.Trailer;
            return true;
        }
        var saved = Save();
        if (!Need(3)) return false;
        _lastBlock = Take(1) == 1;
        var type = Take(2);
        switch (type)
        {
            case 0:
                AlignToByte();
                if (!Need(32))
                {
                    Restore(saved);
                    _lastBlock = false;
                    return false;
                }
                var len = Take(16);
                var nlen = Take(16);
                if (len != (~nlen & 0xFFFF)) throw new InflateException("Invalid stored block lengths.");
                _storedRemaining = (int)len;
                _state = State.Stored;
                return true;
            case 1:
                _lit = FixedLit;
                _dist = FixedDist;
                _state = State.Codes;
                return true;
            case 2:
                if (!DynamicTables())
                {
                    Restore(saved);
                    _lastBlock = false;
                    return false;
                }
                _state = State.Codes;
                return true;
            default:
                throw new InflateException("Invalid block type.");
        }
    }

    private bool Stored()
    {
        while (_storedRemaining > 0)
        {
            if (!MakeRoom()) return false;
            // Whole bytes already in the bit buffer come first.
            while (_storedRemaining > 0 && _nbits >= 8 && _outPos < OutCapacity)
            {
                _out[_outPos++] = (byte)Take(8);
                _produced++;
                _storedRemaining--;
            }
            var n = Math.Min(Math.Min(_storedRemaining, _inEnd - _inPos), OutCapacity - _outPos);
            if (n == 0)
            {
                if (_inPos >= _inEnd) return false;
                continue;
            }
            _in.AsSpan(_inPos, n).CopyTo(_out.AsSpan(_outPos));
            _inPos += n;
            _outPos += n;
            _produced += n;
            _storedRemaining -= n;
        }
        _state = State.BlockHeader;
        return true;
    }

    private static readonly byte[] CodeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

    private readonly byte[] _lengths = new byte[288 + 32];
    private readonly Huffman _dynLit = new(288);
    private readonly Huffman _dynDist = new(32);
    private readonly Huffman _codeLengths = new(19);

    private bool DynamicTables()
    {
        if (!Need(14)) return false;
        var nlen = (int)Take(5) + 257;
        var ndist = (int)Take(5) + 1;
        var ncode = (int)Take(4) + 4;
        if (nlen > 286 || ndist > 30) throw new InflateException("Too many length or distance symbols.");
        Span<byte> clens = stackalloc byte[19];
        for (var i = 0; i < ncode; i++)
        {
            if (!Need(3)) return false;
            clens[CodeLengthOrder[i]] = (byte)Take(3);
        }
        if (!_codeLengths.Build(clens, complete: true)) throw new InflateException("Invalid code lengths set.");
        var lengths = _lengths.AsSpan(0, nlen + ndist);
        lengths.Clear();
        var index = 0;
        while (index < nlen + ndist)
        {
            var sym = _codeLengths.Decode(this);
            if (sym < 0) return false;
            if (sym < 16)
            {
                lengths[index++] = (byte)sym;
                continue;
            }
            int repeat;
            byte value = 0;
            if (sym == 16)
            {
                if (index == 0) throw new InflateException("Invalid bit length repeat.");
                if (!Need(2)) return false;
                value = lengths[index - 1];
                repeat = 3 + (int)Take(2);
            }
            else if (sym == 17)
            {
                if (!Need(3)) return false;
                repeat = 3 + (int)Take(3);
            }
            else
            {
                if (!Need(7)) return false;
                repeat = 11 + (int)Take(7);
            }
            if (index + repeat > nlen + ndist) throw new InflateException("Invalid bit length repeat.");
            lengths.Slice(index, repeat).Fill(value);
            index += repeat;
        }
        if (lengths[256] == 0) throw new InflateException("Invalid code: missing end-of-block.");
        if (!_dynLit.Build(lengths[..nlen], complete: false)) throw new InflateException("Invalid literal/lengths set.");
        if (!_dynDist.Build(lengths.Slice(nlen, ndist), complete: false)) throw new InflateException("Invalid distances set.");
        _lit = _dynLit;
        _dist = _dynDist;
        return true;
    }

    private static readonly ushort[] LengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
    private static readonly byte[] LengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
    private static readonly ushort[] DistBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
    private static readonly byte[] DistExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

    /// <summary>Literal/length and distance codes until the end of the block, the input or the output space.</summary>
    private bool Codes()
    {
        var lit = _lit;
        var dist = _dist;
        var output = _out;
        var input = _in;
        var bits = _bits;
        var nbits = _nbits;
        var inPos = _inPos;
        var inEnd = _inEnd;
        var outPos = _outPos;
        var produced = _produced;
        var result = false;
        try
        {
            while (true)
            {
                if (outPos > OutCapacity - MaxMatch)
                {
                    _outPos = outPos;
                    if (!MakeRoom()) break;
                    outPos = _outPos;
                }
                // Refill to at least 56 bits when the input allows (a length/distance pair needs ≤ 48).
                if (nbits < 48)
                {
                    if (inEnd - inPos >= 8)
                    {
                        bits |= BinaryPrimitives.ReadUInt64LittleEndian(input.AsSpan(inPos)) << nbits;
                        var take = (63 - nbits) >> 3;
                        inPos += take;
                        nbits += take * 8;
                    }
                    else
                    {
                        while (nbits <= 56 && inPos < inEnd)
                        {
                            bits |= (ulong)input[inPos++] << nbits;
                            nbits += 8;
                        }
                    }
                }
                var savedBits = bits;
                var savedN = nbits;

                // literal/length symbol
                var entry = lit.Primary[(int)(bits & ((1 << PrimaryBits) - 1))];
                int sym;
                var len = entry & 15;
                if (len != 0)
                {
                    if (len > nbits) break;
                    sym = entry >> 4;
                    bits >>= len;
                    nbits -= len;
                }
                else
                {
                    sym = lit.DecodeSlow(ref bits, ref nbits);
                    if (sym < 0) break;
                }

                if (sym < 256)
                {
                    output[outPos++] = (byte)sym;
                    produced++;
                    continue;
                }
                if (sym == 256)
                {
                    _state = State.BlockHeader;
                    result = true;
                    break;
                }
                sym -= 257;
                if (sym >= 29) throw new InflateException("Invalid literal/length code.");
                var extra = LengthExtra[sym];
                if (extra > nbits)
                {
                    bits = savedBits;
                    nbits = savedN;
                    break;
                }
                var length = LengthBase[sym] + (int)(bits & ((1UL << extra) - 1));
                bits >>= extra;
                nbits -= extra;

                // distance symbol
                entry = dist.Primary[(int)(bits & ((1 << PrimaryBits) - 1))];
                len = entry & 15;
                int dsym;
                if (len != 0)
                {
                    if (len > nbits)
                    {
                        bits = savedBits;
                        nbits = savedN;
                        break;
                    }
                    dsym = entry >> 4;
                    bits >>= len;
                    nbits -= len;
                }
                else
                {
                    dsym = dist.DecodeSlow(ref bits, ref nbits);
                    if (dsym < 0)
                    {
                        bits = savedBits;
                        nbits = savedN;
                        break;
                    }
                }
                if (dsym >= 30) throw new InflateException("Invalid distance code.");
                extra = DistExtra[dsym];
                if (extra > nbits)
                {
                    bits = savedBits;
                    nbits = savedN;
                    break;
                }
                var distance = DistBase[dsym] + (int)(bits & ((1UL << extra) - 1));
                bits >>= extra;
                nbits -= extra;
                if (distance > produced) throw new InflateException("Invalid distance too far back.");

                var from = outPos - distance;
                if (distance >= length)
                {
                    output.AsSpan(from, length).CopyTo(output.AsSpan(outPos));
                    outPos += length;
                }
                else
                {
                    for (var i = 0; i < length; i++) output[outPos++] = output[from + i];
                }
                produced += length;
            }
        }
        finally
        {
            _bits = bits;
            _nbits = nbits;
            _inPos = inPos;
            _outPos = outPos;
            _produced = produced;
        }
        // A pause for lack of input leaves up to 7 whole bytes in the bit buffer: that is fine, they
        // are the next bytes of the stream.
        return result;
    }

    // ---- Huffman codes ----

    private static readonly Huffman FixedLit = BuildFixed(true);
    private static readonly Huffman FixedDist = BuildFixed(false);

    private static Huffman BuildFixed(bool literal)
    {
        if (literal)
        {
            var lengths = new byte[288];
            for (var i = 0; i < 144; i++) lengths[i] = 8;
            for (var i = 144; i < 256; i++) lengths[i] = 9;
            for (var i = 256; i < 280; i++) lengths[i] = 7;
            for (var i = 280; i < 288; i++) lengths[i] = 8;
            var h = new Huffman(288);
            if (!h.Build(lengths, complete: true)) throw new InvalidOperationException("fixed literal/length code");
            return h;
        }
        // All 32 five-bit codes, so the code is complete; 30 and 31 are invalid when used.
        var d = new byte[32];
        Array.Fill(d, (byte)5);
        var dh = new Huffman(32);
        if (!dh.Build(d, complete: true)) throw new InvalidOperationException("fixed distance code");
        return dh;
    }

    /// <summary>
    /// A canonical Huffman code: a table over the next <see cref="PrimaryBits"/> bits (symbol &lt;&lt; 4 | length)
    /// for codes that short, and the counts/symbols of every length for the longer ones (decoded bit by bit).
    /// </summary>
    private sealed class Huffman(int maxSymbols)
    {
        public readonly ushort[] Primary = new ushort[1 << PrimaryBits];
        private readonly short[] _count = new short[16];
        private readonly short[] _symbol = new short[maxSymbols];

        public bool Build(ReadOnlySpan<byte> lengths, bool complete)
        {
            Array.Clear(_count);
            foreach (var l in lengths) _count[l]++;
            if (_count[0] == lengths.Length)
            {
                // No codes at all: legal for distances (a block of literals only); any use is an error.
                Array.Clear(Primary);
                return !complete;
            }
            var left = 1;
            var maxLength = 0;
            for (var len = 1; len <= 15; len++)
            {
                left <<= 1;
                left -= _count[len];
                if (left < 0) return false; // over-subscribed
                if (_count[len] != 0) maxLength = len;
            }
            // Incomplete codes are allowed only for a single code of length 1 (as zlib allows).
            if (left > 0 && (complete || maxLength != 1)) return false;

            Span<short> offsets = stackalloc short[16];
            offsets[1] = 0;
            for (var len = 1; len < 15; len++) offsets[len + 1] = (short)(offsets[len] + _count[len]);
            for (var sym = 0; sym < lengths.Length; sym++)
            {
                if (lengths[sym] != 0) _symbol[offsets[lengths[sym]]++] = (short)sym;
            }

            Array.Clear(Primary);
            var code = 0;
            var index = 0;
            for (var len = 1; len <= PrimaryBits; len++)
            {
                for (var k = 0; k < _count[len]; k++)
                {
                    var sym = _symbol[index++];
                    var reversed = Reverse(code++, len);
                    for (var i = reversed; i < Primary.Length; i += 1 << len) Primary[i] = (ushort)(sym << 4 | len);
                }
                code <<= 1;
            }
            return true;
        }

        private static int Reverse(int code, int length)
        {
            var r = 0;
            for (var i = 0; i < length; i++)
            {
                r = r << 1 | (code & 1);
                code >>= 1;
            }
            return r;
        }

        /// <summary>Bit-by-bit canonical decoding; -1 when the bits at hand do not finish a code.</summary>
        public int DecodeSlow(ref ulong bits, ref int nbits)
        {
            int code = 0, first = 0, index = 0;
            for (var len = 1; len <= 15; len++)
            {
                if (len > nbits) return -1;
                code |= (int)((bits >> (len - 1)) & 1);
                int count = _count[len];
                if (code - count < first)
                {
                    bits >>= len;
                    nbits -= len;
                    return _symbol[index + (code - first)];
                }
                index += count;
                first += count;
                first <<= 1;
                code <<= 1;
            }
            throw new InflateException("Invalid Huffman code.");
        }

        /// <summary>Decodes one symbol for the table-reading steps, pulling input bytes as needed.</summary>
        public int Decode(Inflater owner)
        {
            owner.Need(15);
            var entry = Primary[(int)(owner._bits & ((1 << PrimaryBits) - 1))];
            var len = entry & 15;
            if (len != 0)
            {
                if (len > owner._nbits) return -1;
                owner._bits >>= len;
                owner._nbits -= len;
                return entry >> 4;
            }
            return DecodeSlow(ref owner._bits, ref owner._nbits);
        }
    }
}
