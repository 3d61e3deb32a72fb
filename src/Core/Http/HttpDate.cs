namespace EsRuntime.Http;

/// <summary>IMF-fixdate (RFC 9110 §5.6.7), e.g. <c>Sun, 06 Nov 1994 08:49:37 GMT</c>, from Unix milliseconds.</summary>
internal static class HttpDate
{
    public const int Length = 29;

    private static ReadOnlySpan<byte> Days => "SunMonTueWedThuFriSat"u8;
    private static ReadOnlySpan<byte> Months => "JanFebMarAprMayJunJulAugSepOctNovDec"u8;

    public static void Format(long unixMs, Span<byte> into)
    {
        var t = DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime;
        var day = (int)t.DayOfWeek;
        Days.Slice(day * 3, 3).CopyTo(into);
        into[3] = (byte)',';
        into[4] = (byte)' ';
        Two(into[5..], t.Day);
        into[7] = (byte)' ';
        Months.Slice((t.Month - 1) * 3, 3).CopyTo(into[8..]);
        into[11] = (byte)' ';
        Two(into[12..], t.Year / 100);
        Two(into[14..], t.Year % 100);
        into[16] = (byte)' ';
        Two(into[17..], t.Hour);
        into[19] = (byte)':';
        Two(into[20..], t.Minute);
        into[22] = (byte)':';
        Two(into[23..], t.Second);
        " GMT"u8.CopyTo(into[25..]);
    }

    private static void Two(Span<byte> into, int n)
    {
        into[0] = (byte)('0' + n / 10);
        into[1] = (byte)('0' + n % 10);
    }
}

/// <summary>One connection's Date value, formatted once per second.</summary>
internal sealed class HttpDateCache
{
    private readonly byte[] _bytes = new byte[HttpDate.Length];
    private long _second = long.MinValue;

    public ReadOnlySpan<byte> Get(long unixMs)
    {
        var second = Math.DivRem(unixMs, 1000, out var rem);
        if (rem < 0) second--;
        if (second != _second)
        {
            HttpDate.Format(second * 1000, _bytes);
            _second = second;
        }
        return _bytes;
    }
}
