using System.Globalization;
using System.Text.RegularExpressions;

namespace BlueLamp.Core.Accounts;

/// <summary>
/// The line an account's profile (bio, about, description) carries about when it is monitored and where to go
/// instead, in English and Welsh, written from the account's rota and kept within the platform's limit: the full
/// wording where it fits, a shorter one where it does not. A 24/7 account still says it is not for emergencies.
/// </summary>
public static partial class ProfileText
{
    private static readonly string[] EnglishDays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    private static readonly string[] WelshDays = ["Llun", "Maw", "Mer", "Iau", "Gwe", "Sad", "Sul"];

    /// <summary>The platform's limit on profile text, in characters as a reader sees them; null where there is no profile (web chat).</summary>
    public static int? Limit(Platform platform) => platform switch
    {
        Platform.Facebook => 255, // a Page's "about"
        Platform.Instagram => 150,
        Platform.X => 160,
        Platform.Bluesky => 256,
        _ => null,
    };

    /// <summary>The profile line for the account's rota on the platform, in "en" or "cy"; null where the platform has no profile.</summary>
    public static string? For(DeskHours hours, Platform platform, string language)
    {
        ArgumentNullException.ThrowIfNull(hours);
        if (Limit(platform) is not { } limit)
            return null;
        var welsh = language == "cy";
        var when = hours.IsAlwaysMonitored ? "24/7" : Rota(hours.Text, welsh);
        return Wordings(when, hours.IsAlwaysMonitored, welsh).FirstOrDefault(w => Length(w) <= limit) ?? Wordings(when, hours.IsAlwaysMonitored, welsh)[^1];
    }

    /// <summary>Characters as a reader counts them (an emoji is one).</summary>
    public static int Length(string text) => new StringInfo(text).LengthInTextElements;

    private static string[] Wordings(string when, bool always, bool welsh) => (always, welsh) switch
    {
        (true, false) =>
        [
            "This account is monitored 24/7, but not for emergencies: call 999. Do not report crime here. BSL 999 via 999bsl.co.uk; text relay 18000; non-emergency 101.",
            "Monitored 24/7 but not for emergencies or crime reports. Emergency 999 (BSL: 999bsl.co.uk, relay 18000). Non-emergency 101.",
            "Not for emergencies: 999. Non-emergency: 101.",
        ],
        (true, true) =>
        [
            "Caiff y cyfrif hwn ei fonitro 24/7, ond nid ar gyfer argyfyngau: ffoniwch 999. Peidiwch â rhoi gwybod am drosedd yma. BSL 999 drwy 999bsl.co.uk; cyfnewid testun 18000; heb fod yn argyfwng 101.",
            "Monitro 24/7 ond nid ar gyfer argyfyngau na throseddau. Argyfwng 999 (BSL: 999bsl.co.uk, 18000). Heb fod yn argyfwng 101.",
            "Nid ar gyfer argyfyngau: 999. Fel arall: 101.",
        ],
        (false, false) =>
        [
            $"This account is monitored {when}. Do not report crime here. In an emergency call 999; BSL 999 via 999bsl.co.uk; text relay 18000; non-emergency 101.",
            $"Monitored {when}. Not for crime reports. Emergency 999 (BSL: 999bsl.co.uk, relay 18000). Non-emergency 101.",
            $"Monitored {when}. Emergency 999. Non-emergency 101.",
        ],
        (false, true) =>
        [
            $"Caiff y cyfrif hwn ei fonitro {when}. Peidiwch â rhoi gwybod am drosedd yma. Mewn argyfwng ffoniwch 999; BSL 999 drwy 999bsl.co.uk; cyfnewid testun 18000; heb fod yn argyfwng 101.",
            $"Monitro {when}. Nid ar gyfer troseddau. Argyfwng 999 (BSL: 999bsl.co.uk, 18000). Heb fod yn argyfwng 101.",
            $"Monitro {when}. Argyfwng 999. Fel arall 101.",
        ],
    };

    /// <summary>"Mon-Fri 08:00-20:00; Sat 10:00-16:00" as a reader expects it: en dashes, commas, and Welsh day names in Welsh.</summary>
    private static string Rota(string text, bool welsh)
    {
        var readable = text.Replace("; ", ", ", StringComparison.Ordinal).Replace(';', ',').Replace('-', '–');
        return Day().Replace(readable, m =>
        {
            var index = Array.FindIndex(EnglishDays, d => d.Equals(m.Value, StringComparison.OrdinalIgnoreCase));
            return index < 0 ? m.Value : welsh ? WelshDays[index] : EnglishDays[index];
        });
    }

    [GeneratedRegex("[A-Za-z]{3}", RegexOptions.CultureInvariant)]
    private static partial Regex Day();
}
