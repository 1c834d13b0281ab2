using System.Globalization;

namespace BlueLamp.Channels.Common;

/// <summary>The time formats the platforms use, read into <see cref="DateTimeOffset"/>.</summary>
internal static class PlatformTime
{
    // Before 1973-03-03 in milliseconds, after 5138 in seconds: any real event time is unambiguous on one side.
    private const long MillisecondsThreshold = 100_000_000_000;

    /// <summary>Unix time that may be in seconds or milliseconds (Meta uses both, even within one payload).</summary>
    public static DateTimeOffset FromUnix(long value) => value >= MillisecondsThreshold
        ? DateTimeOffset.FromUnixTimeMilliseconds(value)
        : DateTimeOffset.FromUnixTimeSeconds(value);

    /// <summary>ISO 8601, including Graph API's offset without a colon ("2026-11-20T10:15:00+0000").</summary>
    public static DateTimeOffset? FromIso(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return null;
        if (value.Length > 5 && (value[^5] is '+' or '-') && value[^4..].All(char.IsAsciiDigit))
            value = value[..^2] + ":" + value[^2..];
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
    }

    /// <summary>X's v1.1 tweet time, e.g. "Wed Oct 10 20:19:24 +0000 2018".</summary>
    public static DateTimeOffset? FromTwitterClassic(string? value) =>
        DateTimeOffset.TryParseExact(value, "ddd MMM dd HH:mm:ss zzz yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : null;
}
