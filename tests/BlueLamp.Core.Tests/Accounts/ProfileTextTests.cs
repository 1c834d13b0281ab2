using BlueLamp.Core.Accounts;

namespace BlueLamp.Core.Tests.Accounts;

public sealed class ProfileTextTests
{
    [Fact]
    public void A_rota_becomes_the_full_line_where_it_fits()
    {
        var hours = DeskHours.Parse("Mon-Fri 08:00-20:00", out _)!;

        Assert.Equal(
            "This account is monitored Mon–Fri 08:00–20:00. Do not report crime here. In an emergency call 999; BSL 999 via 999bsl.co.uk; text relay 18000; non-emergency 101.",
            ProfileText.For(hours, Platform.Facebook, "en"));
        Assert.Equal(
            "Caiff y cyfrif hwn ei fonitro Llun–Gwe 08:00–20:00. Peidiwch â rhoi gwybod am drosedd yma. Mewn argyfwng ffoniwch 999; BSL 999 drwy 999bsl.co.uk; cyfnewid testun 18000; heb fod yn argyfwng 101.",
            ProfileText.For(hours, Platform.Bluesky, "cy"));
    }

    [Theory]
    [InlineData("24/7")]
    [InlineData("Mon-Fri 08:00-20:00")]
    [InlineData("Mon-Fri 07:00-22:00; Sat-Sun 09:00-17:00")]
    [InlineData("Mon 08:00-12:00; Tue 08:00-12:00; Wed 08:00-12:00; Thu 08:00-12:00; Fri 08:00-12:00")]
    public void Every_line_fits_the_platforms_limit_in_both_languages_and_still_points_to_999(string rota)
    {
        var hours = DeskHours.Parse(rota, out _)!;
        foreach (var platform in new[] { Platform.Facebook, Platform.Instagram, Platform.X, Platform.Bluesky })
        {
            foreach (var language in new[] { "en", "cy" })
            {
                var text = ProfileText.For(hours, platform, language)!;
                Assert.True(ProfileText.Length(text) <= ProfileText.Limit(platform), $"{platform} {language}: {ProfileText.Length(text)} > {ProfileText.Limit(platform)}: {text}");
                Assert.Contains("999", text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_24_7_account_says_it_is_monitored_all_the_time_but_not_for_emergencies()
    {
        var text = ProfileText.For(DeskHours.AlwaysMonitored, Platform.Facebook, "en")!;

        Assert.Contains("monitored 24/7", text, StringComparison.Ordinal);
        Assert.Contains("not for emergencies", text, StringComparison.Ordinal);
        Assert.Contains("18000", text, StringComparison.Ordinal);
    }

    [Fact]
    public void X_gets_the_shorter_wording_and_web_chat_has_no_profile()
    {
        var hours = DeskHours.Parse("Mon-Fri 08:00-20:00", out _)!;

        Assert.StartsWith("Monitored Mon–Fri 08:00–20:00.", ProfileText.For(hours, Platform.X, "en"), StringComparison.Ordinal);
        Assert.Null(ProfileText.For(hours, Platform.WebChat, "en"));
    }
}
