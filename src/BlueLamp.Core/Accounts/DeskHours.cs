using System.Globalization;
using System.Text.RegularExpressions;

namespace BlueLamp.Core.Accounts;

/// <summary>
/// When an account is monitored, in UK time: "24/7", or periods such as "Mon-Fri 08:00-20:00; Sat-Sun 10:00-16:00".
/// Outside them a message gets an automatic reply pointing to 999, 101 and the deaf and BSL services.
/// </summary>
public sealed partial class DeskHours
{
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly string[] Days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    private readonly List<(DayOfWeek Day, TimeOnly From, TimeOnly To)> _periods;

    private DeskHours(string text, List<(DayOfWeek, TimeOnly, TimeOnly)> periods)
    {
        Text = text;
        _periods = periods;
    }

    public static DeskHours AlwaysMonitored { get; } = new("24/7", []);

    public string Text { get; }

    public bool IsAlwaysMonitored => _periods.Count == 0;

    /// <summary>Reads a rota; returns null and says why when it cannot be read.</summary>
    public static DeskHours? Parse(string? text, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text) || text.Trim() is "24/7" or "24x7")
            return AlwaysMonitored;
        var periods = new List<(DayOfWeek, TimeOnly, TimeOnly)>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = Period().Match(part);
            if (!match.Success)
            {
                problem = $"\"{part}\" is not a period like \"Mon-Fri 08:00-20:00\".";
                return null;
            }
            var first = Array.IndexOf(Days, match.Groups["from"].Value.ToLowerInvariant());
            var last = match.Groups["to"].Success ? Array.IndexOf(Days, match.Groups["to"].Value.ToLowerInvariant()) : first;
            var open = TimeOnly.ParseExact(match.Groups["open"].Value, "HH:mm", CultureInfo.InvariantCulture);
            var close = TimeOnly.ParseExact(match.Groups["close"].Value, "HH:mm", CultureInfo.InvariantCulture);
            if (first < 0 || last < 0 || close <= open)
            {
                problem = $"\"{part}\" has an unknown day or closes before it opens.";
                return null;
            }
            for (var d = first; ; d = (d + 1) % 7)
            {
                periods.Add(((DayOfWeek)((d + 1) % 7), open, close));
                if (d == last)
                    break;
            }
        }
        return new DeskHours(text.Trim(), periods);
    }

    public bool IsMonitored(DateTimeOffset at)
    {
        if (IsAlwaysMonitored)
            return true;
        var local = TimeZoneInfo.ConvertTime(at, UkTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return _periods.Any(p => p.Day == local.DayOfWeek && time >= p.From && time < p.To);
    }

    [GeneratedRegex(@"^(?<from>[A-Za-z]{3})(?:-(?<to>[A-Za-z]{3}))?\s+(?<open>\d{2}:\d{2})-(?<close>\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Period();
}
