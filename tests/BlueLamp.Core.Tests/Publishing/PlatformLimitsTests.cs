using BlueLamp.Channels.Bluesky;
using BlueLamp.Channels.X;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Publishing;

namespace BlueLamp.Core.Tests.Publishing;

public sealed class PlatformLimitsTests
{
    private static readonly PlatformLimits Limits = new(XTextLength.Count, BlueskyTextLength.Count);
    private static readonly PostImage Cctv = new("https://example.test/cctv.jpg", "CCTV still of a man in a grey hooded top at a shop till");

    private static PostContent Text(string body, params PostImage[] images) => new(body, null, images);

    [Fact]
    public void A_post_of_280_latin_characters_fits_X_and_281_does_not()
    {
        Assert.Empty(Limits.Check(Text(new string('a', 280)), [Platform.X]));
        var problem = Assert.Single(Limits.Check(Text(new string('a', 281)), [Platform.X]));
        Assert.Equal("body", problem.Field);
        Assert.Equal(Platform.X, problem.Platform);
        Assert.Contains("281 of 280", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void X_counts_a_long_link_as_23_and_Welsh_accents_as_one_but_CJK_as_two()
    {
        var link = "https://www.example.police.uk/appeals/2026/11/a-very-long-address-indeed-that-goes-on-and-on";
        Assert.Equal(23, Limits.Measure(Platform.X, link).Length);
        Assert.Equal(6, Limits.Measure(Platform.X, "Diolch").Length);
        Assert.Equal(4, Limits.Measure(Platform.X, "警察").Length);
        // 150 CJK characters weigh 300: refused by X, while Bluesky counts 150 and takes them.
        var cjk = new string('警', 150);
        Assert.Contains(Limits.Check(Text(cjk), [Platform.X, Platform.Bluesky]), p => p.Platform == Platform.X);
        Assert.DoesNotContain(Limits.Check(Text(cjk), [Platform.X, Platform.Bluesky]), p => p.Platform == Platform.Bluesky);
    }

    [Fact]
    public void Bluesky_counts_graphemes_so_300_family_emoji_fit_but_301_characters_do_not()
    {
        Assert.Empty(Limits.Check(Text(string.Concat(Enumerable.Repeat("👨‍👩‍👧", 300))), [Platform.Bluesky]));
        Assert.Single(Limits.Check(Text(new string('b', 301)), [Platform.Bluesky]));
    }

    [Fact]
    public void Instagram_needs_an_image_and_takes_2200_characters_and_30_hashtags()
    {
        var noImage = Assert.Single(Limits.Check(Text("Out on patrol"), [Platform.Instagram]));
        Assert.Equal("images", noImage.Field);
        Assert.Empty(Limits.Check(Text(new string('c', 2200), Cctv), [Platform.Instagram]));
        Assert.Single(Limits.Check(Text(new string('c', 2201), Cctv), [Platform.Instagram]));
        var tags = string.Join(' ', Enumerable.Range(1, 31).Select(i => $"#tag{i}"));
        Assert.Contains("30 hashtags", Assert.Single(Limits.Check(Text(tags, Cctv), [Platform.Instagram])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Facebook_takes_63206_characters()
    {
        Assert.Empty(Limits.Check(Text(new string('d', 63_206)), [Platform.Facebook]));
        Assert.Single(Limits.Check(Text(new string('d', 63_207)), [Platform.Facebook]));
    }

    [Fact]
    public void Every_image_needs_alt_text_and_an_address()
    {
        var problems = Limits.Check(Text("Have you seen this man?", new PostImage("https://example.test/a.jpg", "  "), new PostImage("not a link", "A red car")), [Platform.Facebook]);
        Assert.Contains(problems, p => p.Field == "images[0].altText");
        Assert.Contains(problems, p => p.Field == "images[1].url");
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void A_tailored_X_version_is_checked_instead_of_the_body_and_the_Welsh_version_is_checked_on_every_platform()
    {
        var body = new string('e', 400);
        var content = new PostContent(body, new string('f', 301), [], new Dictionary<Platform, string> { [Platform.X] = "Short for X" });
        var problems = Limits.Check(content, [Platform.X, Platform.Bluesky, Platform.Facebook]);
        Assert.DoesNotContain(problems, p => p.Platform == Platform.X && p.Field != "welshBody");
        Assert.Contains(problems, p => p.Platform == Platform.Bluesky && p.Field == "body");
        Assert.Contains(problems, p => p.Platform == Platform.X && p.Field == "welshBody");
        Assert.Contains(problems, p => p.Platform == Platform.Bluesky && p.Field == "welshBody");
        Assert.DoesNotContain(problems, p => p.Platform == Platform.Facebook);
        Assert.Equal("Short for X", content.TextFor(Platform.X, PostLanguage.English));
    }

    [Fact]
    public void Web_chat_is_not_a_place_to_post_and_an_empty_body_is_refused()
    {
        var problems = Limits.Check(Text(" "), [Platform.WebChat]);
        Assert.Contains(problems, p => p.Field == "body");
        Assert.Contains(problems, p => p.Field == "accounts");
    }
}
