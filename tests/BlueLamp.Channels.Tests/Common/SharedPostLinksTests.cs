using BlueLamp.Channels.Common;

namespace BlueLamp.Channels.Tests.Common;

public sealed class SharedPostLinksTests
{
    [Theory]
    [InlineData("is this him https://twitter.com/DemoConstab/status/1861234567890?s=20", "https://x.com/i/web/status/1861234567890")]
    [InlineData("x.com/anyone/status/1861234567890/photo/1 seen him", "https://x.com/i/web/status/1861234567890")]
    [InlineData("https://www.facebook.com/1234567890_987654321 shared", "https://www.facebook.com/1234567890_987654321")]
    [InlineData("https://m.facebook.com/1234567890_987654321?mibextid=abc", "https://www.facebook.com/1234567890_987654321")]
    [InlineData("https://bsky.app/profile/DemoConstabulary.bsky.social/post/3lbx2ab4cd", "https://bsky.app/profile/democonstabulary.bsky.social/post/3lbx2ab4cd")]
    public void A_shared_post_link_is_read_in_the_form_BlueLamp_stores_a_copys_link(string text, string expected) =>
        Assert.Equal([expected], SharedPostLinks.In(text));

    [Theory]
    [InlineData("I saw her by the bus station")]
    [InlineData("see https://www.gwent.police.uk/news and https://x.com/DemoConstab")]
    [InlineData("https://www.facebook.com/groups/123/posts/456")]
    public void Text_without_a_platform_post_link_gives_nothing_to_look_up(string text) => Assert.Empty(SharedPostLinks.In(text));
}
