using System.Runtime.CompilerServices;
using System.Text;

namespace EsRuntime.Web.Url;

/// <summary>The host parser: IPv6 literals, opaque hosts, domains (through IDNA) and IPv4 addresses.</summary>
internal static class UrlHost
{
    /// <summary>
    /// Parses <paramref name="input"/> and appends the serialized host to <paramref name="output"/>.
    /// Returns false on failure (output then holds garbage past its original length).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Parse(ReadOnlySpan<char> input, bool isOpaque, CharBuffer output)
    {
        if (input.Length > 0 && input[0] == '[')
        {
            if (input[^1] != ']') return false;
            Span<ushort> pieces = stackalloc ushort[8];
            if (!ParseIPv6(input[1..^1], pieces)) return false;
            output.Append('[');
            SerializeIPv6(pieces, output);
            output.Append(']');
            return true;
        }
        if (isOpaque)
        {
            foreach (var c in input) if (IsForbiddenHost(c)) return false;
            PercentEncoding.Append(output, input, EncodeSet.C0Control);
            return true;
        }

        // domain = UTF-8 decode without BOM of the percent-decoding of input.
        var domain = input;
        string? decoded = null;
        if (input.IndexOf('%') >= 0)
        {
            var bytes = PercentEncoding.DecodeToBytes(input);
            var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            decoded = System.Text.Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
            domain = decoded;
        }

        var mark = output.Length;
        if (!Idna.DomainToAscii(domain, output)) return false;
        var ascii = output.Span[mark..];
        foreach (var c in ascii) if (IsForbiddenDomain(c)) return false;
        if (!EndsInANumber(ascii)) return true;

        if (!ParseIPv4(ascii, out var address)) return false;
        output.Truncate(mark);
        SerializeIPv4(address, output);
        return true;
    }

    /// <summary>Forbidden host code points: these may not appear in any host.</summary>
    public static bool IsForbiddenHost(char c) => c switch
    {
        '\0' or '\t' or '\n' or '\r' or ' ' or '#' or '/' or ':' or '<' or '>' or '?' or '@' or '[' or '\\' or ']' or '^' or '|' => true,
        _ => false,
    };

    /// <summary>Forbidden domain code points: forbidden host code points, C0 controls, '%' and DEL.</summary>
    public static bool IsForbiddenDomain(char c) => IsForbiddenHost(c) || c <= 0x1F || c == '%' || c == 0x7F;

    /// <summary>The "ends in a number" checker: whether the last label makes the host an IPv4 address.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool EndsInANumber(ReadOnlySpan<char> input)
    {
        if (input.Length > 0 && input[^1] == '.')
        {
            input = input[..^1];
            if (input.Length == 0) return false;
            // A single empty label ("."): parts was [""] before removal... only when there was one part.
        }
        var dot = input.LastIndexOf('.');
        var last = dot < 0 ? input : input[(dot + 1)..];
        if (last.Length > 0)
        {
            var allDigits = true;
            foreach (var c in last) if (c is < '0' or > '9') { allDigits = false; break; }
            if (allDigits) return true;
        }
        return ParseIPv4Number(last, out _);
    }

    /// <summary>Parses one IPv4 part: decimal, 0x hexadecimal or 0-prefixed octal. Saturates on overflow.</summary>
    private static bool ParseIPv4Number(ReadOnlySpan<char> input, out ulong value)
    {
        value = 0;
        if (input.Length == 0) return false;
        var radix = 10;
        if (input.Length >= 2 && input[0] == '0' && (input[1] == 'x' || input[1] == 'X')) { input = input[2..]; radix = 16; }
        else if (input.Length >= 2 && input[0] == '0') { input = input[1..]; radix = 8; }
        foreach (var c in input)
        {
            int digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => 99,
            };
            if (digit >= radix) return false;
            value = value > uint.MaxValue ? value : value * (ulong)radix + (ulong)digit;
        }
        return true;
    }

    private static bool ParseIPv4(ReadOnlySpan<char> input, out uint address)
    {
        address = 0;
        if (input.Length > 0 && input[^1] == '.') input = input[..^1]; // trailing empty part (more than one part here)
        Span<ulong> numbers = stackalloc ulong[4];
        var count = 0;
        foreach (var range in input.Split('.'))
        {
            if (count == 4) return false;
            if (!ParseIPv4Number(input[range], out numbers[count])) return false;
            count++;
        }
        for (var i = 0; i < count - 1; i++) if (numbers[i] > 255) return false;
        var last = numbers[count - 1];
        if (last >= 1UL << (8 * (5 - count))) return false;
        ulong ipv4 = last;
        for (var i = 0; i < count - 1; i++) ipv4 += numbers[i] << (8 * (3 - i));
        address = (uint)ipv4;
        return true;
    }

    private static void SerializeIPv4(uint address, CharBuffer output)
    {
        for (var i = 3; i >= 0; i--)
        {
            output.AppendNumber((int)(address >> (8 * i) & 0xFF));
            if (i > 0) output.Append('.');
        }
    }

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>The IPv6 parser, including the compressed form and a trailing embedded IPv4 address.</summary>
    private static bool ParseIPv6(ReadOnlySpan<char> input, Span<ushort> address)
    {
        address.Clear();
        var pieceIndex = 0;
        var compress = -1;
        var p = 0;
        var eof = input.Length;

        if (eof > 0 && input[0] == ':')
        {
            if (eof < 2 || input[1] != ':') return false;
            p += 2;
            compress = ++pieceIndex;
        }
        while (p < eof)
        {
            if (pieceIndex == 8) return false;
            if (input[p] == ':')
            {
                if (compress != -1) return false;
                p++;
                compress = ++pieceIndex;
                continue;
            }
            int value = 0, length = 0;
            while (length < 4 && p < eof && HexDigit(input[p]) is var d and >= 0)
            {
                value = value * 16 + d;
                p++;
                length++;
            }
            if (p < eof && input[p] == '.')
            {
                if (length == 0) return false;
                p -= length;
                if (pieceIndex > 6) return false;
                var numbersSeen = 0;
                while (p < eof)
                {
                    int ipv4Piece = -1;
                    if (numbersSeen > 0)
                    {
                        if (input[p] == '.' && numbersSeen < 4) p++;
                        else return false;
                    }
                    if (p >= eof || input[p] is < '0' or > '9') return false;
                    while (p < eof && input[p] is >= '0' and <= '9')
                    {
                        var number = input[p] - '0';
                        if (ipv4Piece == -1) ipv4Piece = number;
                        else if (ipv4Piece == 0) return false;
                        else ipv4Piece = ipv4Piece * 10 + number;
                        if (ipv4Piece > 255) return false;
                        p++;
                    }
                    address[pieceIndex] = (ushort)(address[pieceIndex] * 0x100 + ipv4Piece);
                    numbersSeen++;
                    if (numbersSeen is 2 or 4) pieceIndex++;
                }
                if (numbersSeen != 4) return false;
                break;
            }
            if (p < eof && input[p] == ':')
            {
                p++;
                if (p >= eof) return false;
            }
            else if (p < eof) return false;
            address[pieceIndex] = (ushort)value;
            pieceIndex++;
        }
        if (compress != -1)
        {
            var swaps = pieceIndex - compress;
            pieceIndex = 7;
            while (pieceIndex != 0 && swaps > 0)
            {
                (address[pieceIndex], address[compress + swaps - 1]) = (address[compress + swaps - 1], address[pieceIndex]);
                pieceIndex--;
                swaps--;
            }
        }
        else if (pieceIndex != 8) return false;
        return true;
    }

    /// <summary>Serializes an IPv6 address: lowercase hex, the first longest run of 2+ zero pieces as "::".</summary>
    private static void SerializeIPv6(ReadOnlySpan<ushort> address, CharBuffer output)
    {
        int compress = -1, bestLength = 1;
        for (var i = 0; i < 8;)
        {
            if (address[i] != 0) { i++; continue; }
            var j = i;
            while (j < 8 && address[j] == 0) j++;
            if (j - i > bestLength) { bestLength = j - i; compress = i; }
            i = j;
        }
        var ignore0 = false;
        Span<char> hex = stackalloc char[4];
        for (var i = 0; i < 8; i++)
        {
            if (ignore0 && address[i] == 0) continue;
            ignore0 = false;
            if (compress == i)
            {
                output.Append(i == 0 ? "::" : ":");
                ignore0 = true;
                continue;
            }
            address[i].TryFormat(hex, out var written, "x", System.Globalization.CultureInfo.InvariantCulture);
            output.Append(hex[..written]);
            if (i != 7) output.Append(':');
        }
    }
}
