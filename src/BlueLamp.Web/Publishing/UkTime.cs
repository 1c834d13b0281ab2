using System.Globalization;

namespace BlueLamp.Web.Publishing;

/// <summary>Times as the comms team reads and types them: UK local time (GMT or BST), stored as UTC.</summary>
public static class UkTime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateTimeOffset ToUk(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone);

    public static string Format(DateTimeOffset time, string format = "ddd d MMM HH:mm") => ToUk(time).ToString(format, CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>The value for an HTML datetime-local input.</summary>
    public static string ToInput(DateTimeOffset time) => ToUk(time).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Reads a datetime-local value typed in UK time; null when it is not a time.</summary>
    public static DateTimeOffset? FromInput(string? value)
    {
        if (!DateTime.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return null;
        var offset = Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
