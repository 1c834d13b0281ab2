using System.Globalization;
using System.Text;

namespace BlueLamp.Simulator.Bluesky;

/// <summary>An opaque paging cursor over a newest-first list: it names the last item shown, so the next page starts below it.</summary>
public static class BlueskyCursor
{
    public static string Encode(DateTimeOffset at, long sequence) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}::{sequence.ToString(CultureInfo.InvariantCulture)}")).TrimEnd('=');

    public static (long AtMs, long Sequence)? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }
        try
        {
            var padded = cursor.PadRight(cursor.Length + ((4 - (cursor.Length % 4)) % 4), '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split("::");
            return parts.Length == 2
                && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var at)
                && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var sequence)
                ? (at, sequence)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>True when an item sorts below (is older than) the cursor position.</summary>
    public static bool IsBelow(DateTimeOffset at, long sequence, (long AtMs, long Sequence) cursor)
    {
        var ms = at.ToUnixTimeMilliseconds();
        return ms < cursor.AtMs || (ms == cursor.AtMs && sequence < cursor.Sequence);
    }
}
