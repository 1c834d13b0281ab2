using System.Globalization;

namespace BlueLamp.Simulator.Meta;

/// <summary>The Graph API's time format, e.g. "2026-03-01T09:30:00+0000" (no colon in the offset).</summary>
public static class GraphTime
{
    public static string Format(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+0000";
}
